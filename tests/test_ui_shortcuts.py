"""The keyboard shortcuts the buttons' tooltips promise really press those buttons, in every
language: a button's "&" mnemonic must not replace them when its text is (re)translated."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_fakes import ScriptedEngine


def shown_window(qtbot, app):
    from katib.ui.main_window import MainWindow

    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    return window


def test_draft_keys_generate_stop_and_start_anew_after_a_language_switch(qtbot, make_app):
    engine = ScriptedEngine(delay=0.05)
    app = make_app(engine=engine, language="fr")
    window = shown_window(qtbot, app)
    app.set_language("ar")  # the buttons' texts change; the shortcuts must stay
    view = window.show_screen("draft")
    view.type_combo.setCurrentIndex(view.type_combo.findData("reply_citizen"))
    view.form.editors["recipient_name"].setText("Karim Benali")
    qtbot.waitUntil(lambda: app.lane.state == "ready", timeout=5000)

    qtbot.keyClick(view.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.busy()  # Ctrl+Enter: Generate
    qtbot.waitUntil(lambda: engine.streaming.is_set(), timeout=5000)
    with qtbot.waitSignal(view.job.finished, timeout=5000):
        qtbot.keyClick(view.editor, Qt.Key.Key_Escape)  # Esc: Stop
    assert view.draft is not None and view.draft.cancelled

    qtbot.keyClick(view.editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert view.draft is None and view.body_text() == ""  # Ctrl+N: New


def test_every_promised_key_is_bound_to_its_button(qtbot, make_app):
    app = make_app(language="fr")
    window = shown_window(qtbot, app)
    draft, models = window.views["draft"], window.views["models"]
    settings = window.views["settings"]
    bound = {
        "Ctrl+Return": draft.top_bar.generate_shortcut,
        "Ctrl+N": draft.top_bar.new_shortcut,
        "Esc": draft.top_bar.stop_shortcut,
        "Ctrl+E": draft.action_bar.export_shortcut,
        "Ctrl+Shift+C": draft.action_bar.copy_shortcut,
        "Ctrl+P": draft.action_bar.print_shortcut,
        "Ctrl+I": models.import_shortcut,
        "Ctrl+S": settings.save_shortcut,
    }
    for keys, shortcut in bound.items():
        assert shortcut.key().toString() == keys
    # Each tooltip names its key, and the Alt mnemonic stays on the button as well.
    assert "Ctrl+E" in draft.export_button.toolTip()
    assert draft.export_button.shortcut().toString() == "Alt+E"

    window.show_screen("settings")
    settings.office_edits["city"].setText("Salé")
    qtbot.keyClick(settings.office_edits["city"], Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier)
    assert app.settings.office.city == "Salé"  # Ctrl+S: saved
