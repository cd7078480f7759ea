"""The window shell: model lane, loading state, navigation, first run, languages."""

from __future__ import annotations

import threading

from katib.core.errors import EngineError, ModelError
from katib.core.settings import load_settings
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from ui_fakes import ScriptedEngine


def test_window_appears_before_the_model_is_loaded(qtbot, make_app):
    from katib.ui.main_window import MainWindow

    release = threading.Event()
    engine = ScriptedEngine()
    app = make_app(engine=engine, load=False)

    def slow_loader():
        release.wait(10)
        return engine

    app.engine_loader = slow_loader
    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    app.load_model()
    qtbot.waitExposed(window)
    assert app.lane.state == "loading"
    assert "Loading" in window.model_label.text()
    with qtbot.waitSignal(app.lane.state_changed, timeout=5000,
                          check_params_cb=lambda state, _info: state == "ready"):
        release.set()
    assert "scripted-engine" in window.model_label.text()
    assert "Offline" in window.offline_label.text()
    assert "leaves this computer" in window.offline_label.toolTip()


def test_lane_streams_tokens_and_returns_the_generator_value(qtbot, make_app):
    app = make_app()

    def job(engine, cancel):
        yield from engine.stream_prompt("Objet :", max_tokens=50, cancel=cancel)
        return "done"

    got: list[str] = []
    stream = app.lane.stream(job)
    stream.token.connect(got.append)
    with qtbot.waitSignal(stream.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == ["done"]
    assert "".join(got).strip().startswith("J'ai l'honneur")
    assert stream.over and not app.lane.busy


def test_lane_cancel_stops_between_tokens(qtbot, make_app):
    engine = ScriptedEngine(delay=0.05)
    app = make_app(engine=engine)
    got: list[str] = []
    stream = app.lane.stream(lambda eng, cancel: eng.stream_prompt("x", cancel=cancel))
    stream.token.connect(got.append)
    qtbot.waitUntil(lambda: len(got) >= 2, timeout=5000)
    with qtbot.waitSignal(stream.finished, timeout=5000):
        stream.cancel()
    assert engine.last_stats.stop_reason == "cancelled"
    assert len(got) < 20


def test_lane_failure_is_a_localized_error(qtbot, make_app):
    app = make_app(engine=ScriptedEngine(fail_on=1))
    stream = app.lane.stream(lambda eng, cancel: eng.stream_prompt("x", cancel=cancel))
    with qtbot.waitSignal(stream.failed, timeout=5000) as blocker:
        pass
    error = blocker.args[0]
    assert isinstance(error, EngineError)
    assert "erreur" in error.localized("fr")
    # The lane keeps working after a failure.
    results = []
    app.lane.call(lambda eng: eng.count_tokens("un deux trois"), results.append)
    qtbot.waitUntil(lambda: results == [3], timeout=5000)


def test_lane_load_failure_is_reported_and_requests_fail_cleanly(qtbot, make_app):
    app = make_app(load=False)

    def broken():
        raise ModelError("model.not_gguf", path="broken.gguf")

    app.engine_loader = broken
    with qtbot.waitSignal(app.lane.state_changed, timeout=5000,
                          check_params_cb=lambda s, p: s == "failed"):
        app.load_model()
    failures = []
    app.lane.call(lambda eng: 1, on_failure=failures.append)
    qtbot.waitUntil(lambda: len(failures) == 1, timeout=5000)
    assert "GGUF" in failures[0].localized("fr")


def test_background_task_delivers_on_the_gui_thread(qtbot):
    from katib.ui.workers import run_in_background

    seen = {}

    def work():
        seen["worker"] = threading.current_thread() is threading.main_thread()
        return 42

    def done(value):
        seen["gui"] = threading.current_thread() is threading.main_thread()
        seen["value"] = value

    run_in_background(work, done)
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen == {"worker": False, "gui": True, "value": 42}


def test_first_run_sets_identity_and_language(qtbot, make_app):
    from katib.ui.first_run_dialog import FirstRunDialog

    app = make_app(first_run_done=False, language="fr", load=False)
    dialog = FirstRunDialog(app)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Bienvenue dans Katib"
    dialog.fields["ministry"].setText("Ministère de l'Intérieur")
    dialog.fields["city"].setText("الرباط")
    # An Arabic value in a French interface is written right to left.
    assert dialog.fields["city"].layoutDirection() == Qt.LayoutDirection.RightToLeft
    dialog.language.setCurrentIndex(dialog.language.findData("ar"))
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.windowTitle() == "مرحبا بك في كاتب"
    dialog.accept()
    saved = load_settings(app.paths.settings_file)
    assert saved.first_run_done and saved.interface_language == "ar"
    assert saved.office.ministry == "Ministère de l'Intérieur"
    assert saved.office.city == "الرباط"


def test_arabic_switches_the_whole_window_right_to_left(qtbot, make_app):
    from katib.ui.main_window import MainWindow

    app = make_app(language="fr")
    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    app.set_language("ar")
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    for child in window.findChildren(QLineEdit):
        if not child.text():
            assert child.layoutDirection() == Qt.LayoutDirection.RightToLeft
    for view in window.views.values():
        assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    titles = {window.nav.item(r).data(256): window.nav.item(r).text()
              for r in range(window.nav.count())}
    assert titles["models"] == "النماذج" and titles["settings"] == "الإعدادات"
    assert "Offline" not in window.offline_label.text()
    app.set_language("en")
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.show_screen("models") is window.views["models"]
    assert window.nav.currentItem().text() == "Models"


def test_screen_shortcuts_and_navigation(qtbot, make_app):
    from katib.ui.main_window import MainWindow

    app = make_app()
    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    assert window.nav.count() == len(window.views) >= 1
    last = window.nav.count()
    window.screen_actions[last - 1].trigger()
    assert window.stack.currentIndex() == last - 1
    window.screen_actions[0].trigger()
    assert window.stack.currentIndex() == 0


def test_a_damaged_history_database_is_reported_and_the_window_still_opens(qtbot, make_app):
    from katib.core.paths import user_paths
    from katib.ui.main_window import MainWindow

    database = user_paths().ensure().database
    database.write_bytes(b"this is not an SQLite database" * 200)
    app = make_app(language="fr")
    assert app.store is not None and app.store.recovery is not None
    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    assert window.store_problem and "katib.db" in window.store_problem
    assert window.views["draft"].generate_button.isEnabled() or app.lane.state != "ready"




def test_offline_indicator_reports_the_guard(qtbot, make_app, monkeypatch):
    """The count itself comes from katib.core.privacy (tested there); here, what is shown."""
    from katib.ui import main_window

    monkeypatch.setattr(main_window, "_guard_state", lambda: (True, 1234))
    app = make_app(language="fr")
    window = main_window.MainWindow(app)
    qtbot.addWidget(window)
    tip = window.offline_label.toolTip()
    assert window.offline_label.text() == "● Hors ligne"
    assert "aucun texte" in tip and "Garde réseau active" in tip
    assert tip.endswith("1.234")  # the number as the interface language writes it (fr_MA)


def test_main_paints_the_window_first_then_builds_the_screens(qtbot, make_app):
    """What `main()` does: store, screens and model come after the first paint."""
    from katib.ui.main_window import MainWindow

    app = make_app(load=False)
    app.store.close()  # as `main` starts it: no store yet
    app.store, app._store_tried = None, False
    window = MainWindow(app, deferred=True)
    qtbot.addWidget(window)
    order = []
    window.first_painted.connect(lambda: order.append(("painted", bool(window.views))))
    window.views_ready.connect(lambda: order.append(("views", bool(window.views))))
    window.views_ready.connect(app.load_model)
    assert window.views == {} and window.nav.count() == 5
    with qtbot.waitSignal(window.views_ready, timeout=20000):
        window.show()
    # The guard hangs on first_painted: it runs before any screen exists.
    assert order == [("painted", False), ("views", True)]
    assert set(window.views) == {"draft", "summarize", "history", "models", "settings"}
    assert app.store is not None
    assert window.stack.currentWidget() is window.views["draft"]
    qtbot.waitUntil(lambda: app.lane.state == "ready", timeout=5000)
