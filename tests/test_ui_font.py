"""The font size setting reaches every screen, the navigation included."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def test_font_size_applies_to_the_whole_window(qtbot, make_app):
    from katib.ui.main_window import MainWindow

    app = make_app(language="fr")
    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    settings = window.show_screen("settings")
    try:
        settings.font_size.setValue(16)
        settings.save()
        assert QApplication.font().pointSize() == 16
        draft, summarize = window.views["draft"], window.views["summarize"]
        widgets = (window.nav, draft.editor, draft.generate_button,
                   next(iter(draft.form.labels.values())), summarize.note_view,
                   window.views["history"].tree, window.model_label, window.offline_label)
        # Qt delivers the change to each widget through its event queue.
        qtbot.waitUntil(lambda: all(w.font().pointSize() == 16 for w in widgets), timeout=3000)
        # Larger text takes more room: the navigation rows grow with it.
        assert window.nav.sizeHintForRow(0) > 16
    finally:
        app.settings.font_size = 11
        app.apply_font_size()
