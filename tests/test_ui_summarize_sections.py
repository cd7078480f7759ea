"""The note appears section by section while the summary runs, not only at the end.

A French text summarized in English: the model writes the subject, then translates each
point, one request per point. The scripted engine holds every request until the test lets
it through: a section must be on screen while the model is still held on a later request.
Then, running freely, every section shows in order, each while the job runs.
"""

from __future__ import annotations

import threading

from katib.core.paths import user_paths
from ui_fakes import ScriptedEngine

TEXT = (
    "Compte rendu de la réunion de la commission des finances du 12 mars 2026.\n\n"
    "La commission a examiné le budget primitif de la commune pour l'année 2026. "
    "Le budget de fonctionnement s'élève à 4 200 000 dirhams.\n\n"
    "Le budget est adopté à l'unanimité des membres présents. La commission décide de "
    "lancer l'appel d'offres pour la réfection de la voirie avant le 30 avril 2026.\n\n"
    "Le président demande aux services de préparer le rapport d'exécution avant le "
    "30 septembre 2026. Les services techniques doivent transmettre les devis.\n"
)
SUBJECT = "Minutes of the finance committee meeting on the 2026 municipal budget."


class HoldingEngine(ScriptedEngine):
    """Holds every request until the test lets one through (`step()`), or all (`open()`)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.held = 0  # requests that have started waiting
        self.permits = threading.Semaphore(0)
        self.opened = threading.Event()

    def stream_prompt(self, prompt, **kwargs):
        if not self.opened.is_set():
            self.held += 1
            self.permits.acquire(timeout=30)
        yield from super().stream_prompt(prompt, **kwargs)

    def step(self) -> None:
        self.permits.release()

    def open(self) -> None:
        self.opened.set()
        for _ in range(100):
            self.permits.release()


def open_view(qtbot, app, tmp_path):
    from katib.core.store import Store
    from katib.ui.summarize_view import SummarizeView

    app.store = Store.open(user_paths(), auto_backup=False)
    view = SummarizeView(app)
    qtbot.addWidget(view)
    view.show()
    add_source(qtbot, view, tmp_path)
    return view


def add_source(qtbot, view, tmp_path) -> None:
    """The commission's minutes read on the screen, the note asked in English."""
    source = tmp_path / "commission-finances.txt"
    source.write_text(TEXT, encoding="utf-8")
    view.files.add_paths([source])
    qtbot.waitUntil(lambda: not view.files.reading and bool(view.ready_documents()),
                    timeout=30000)
    view.language_combo.setCurrentIndex(view.language_combo.findData("en"))


def shown_titles(view) -> list[str]:
    return [s.title for s in view.note.sections] if view.note else []


def test_a_section_shows_while_the_model_is_still_held_on_a_later_request(qtbot, make_app,
                                                                          tmp_path):
    from PySide6.QtWidgets import QApplication

    engine = HoldingEngine(answers=[SUBJECT, "The budget is adopted."], delay=0.001)
    app = make_app(engine=engine, language="en")
    view = open_view(qtbot, app, tmp_path)
    try:
        view.summarize_button.click()
        qtbot.waitUntil(lambda: engine.held == 1, timeout=10000)
        assert shown_titles(view) == []  # nothing is final before the model has written
        while_held = None
        for request in range(2, 40):  # let the model through one request at a time
            engine.step()
            qtbot.waitUntil(lambda r=request: engine.held == r or view.run.over,
                            timeout=10000)
            if view.run.over:
                break
            # The summary waits on the model: what it announced before is queued here.
            QApplication.processEvents()
            if shown_titles(view):
                while_held = (shown_titles(view), view.note_view.toPlainText(), view.busy())
                break
        assert while_held is not None, "no section was shown before the summary ended"
        titles, text, busy = while_held
        assert busy and all(title in text for title in titles)
        with qtbot.waitSignal(view.run.finished, timeout=30000) as blocker:
            engine.open()
        final = [s.title for s in blocker.args[0].sections]
        assert titles == final[:len(titles)] and len(titles) < len(final)
        assert view.summary_id is not None
    finally:
        engine.open()
        app.store.close()
        app.store = None


def test_each_section_is_displayed_as_it_becomes_final(qtbot, make_app, tmp_path):
    engine = ScriptedEngine(answers=[SUBJECT, "The budget is adopted."], delay=0.001)
    app = make_app(engine=engine, language="en")
    view = open_view(qtbot, app, tmp_path)
    try:
        seen: list[tuple[bool, list[str], str]] = []
        view.summarize_button.click()
        # Connected after the screen's own slot: records what the screen displayed.
        view.run.section.connect(lambda _part: seen.append(
            (view.busy(), shown_titles(view), view.note_view.toPlainText())))
        with qtbot.waitSignal(view.run.finished, timeout=30000) as blocker:
            pass
        final = [s.title for s in blocker.args[0].sections]
        assert len(final) >= 3  # subject, key points and at least one more
        # One new section at a time, in the final order, every one while the job ran.
        assert [titles for _busy, titles, _text in seen] == \
            [final[:n] for n in range(1, len(final) + 1)]
        assert all(busy for busy, _titles, _text in seen)
        for _busy, titles, text in seen:
            assert titles[-1] in text  # on screen, not only in the model of the note
        assert shown_titles(view) == final
    finally:
        app.store.close()
        app.store = None


def test_closing_the_window_mid_summary_keeps_the_sections_written(qtbot, make_app, tmp_path):
    from PySide6.QtWidgets import QApplication

    from katib.ui.main_window import MainWindow

    engine = HoldingEngine(answers=[SUBJECT, "The budget is adopted."], delay=0.001)
    app = make_app(engine=engine, language="fr")
    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    view = window.show_screen("summarize")
    add_source(qtbot, view, tmp_path)
    try:
        view.summarize_button.click()
        for request in range(1, 40):
            qtbot.waitUntil(lambda r=request: engine.held == r, timeout=10000)
            QApplication.processEvents()
            if shown_titles(view):
                break
            engine.step()
        shown = shown_titles(view)
        assert shown and view.busy()
        window.close()  # stop, save, shut down: what the closing window does
    finally:
        engine.open()
    kept = app.store.list_items(kind="summary")
    assert len(kept) == 1 and kept[0].title.endswith("(interrompue)")
    stored = app.store.get_summary(kept[0].id)
    assert all(title in stored.text for title in shown)
