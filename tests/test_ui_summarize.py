"""Summarize journey: a real 2-page PDF → summarize → stop → summarize again → citations,
history, export. A scripted engine drives the fast runs; the last test runs the real model."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QUrl

from katib.core.paths import user_paths
from ui_fakes import BorrowedEngine, ScriptedEngine, make_app, ui_home  # noqa: F401 (fixtures)

PV = "documents/pdf/fr-proces-verbal-2023-06-20.pdf"
# The objet a model might write for the procès-verbal (the core checks it against the source).
OBJET = ("Procès-verbal de la séance du conseil municipal du 20 juin 2023 et des "
         "délibérations adoptées par le conseil municipal.")


def open_view(qtbot, app):
    from katib.core.store import Store
    from katib.ui.summarize_view import SummarizeView

    if app.store is None:
        app.store = Store.open(user_paths(), auto_backup=False)
    view = SummarizeView(app)
    qtbot.addWidget(view)
    view.show()
    return view


def read_pv(qtbot, view, eval_dir) -> None:
    view.files.add_paths([eval_dir / PV])
    qtbot.waitUntil(lambda: not view.files.reading and bool(view.ready_documents()), timeout=60000)


@pytest.fixture
def closing_store():
    apps = []
    yield apps.append
    for app in apps:
        if app.store is not None:
            app.store.close()
            app.store = None


def test_summarize_stop_and_run_again(qtbot, make_app, eval_dir, closing_store):
    # A small context makes the 2-page PDF go the "parts" route, so "part i of N" shows.
    engine = ScriptedEngine(answers=[OBJET], delay=0.002, context_size=1024)
    app = make_app(engine=engine, language="fr")
    view = open_view(qtbot, app)
    closing_store(app)
    read_pv(qtbot, view, eval_dir)

    # 1. Start, and stop while the model is on its first request.
    engine.gate = threading.Event()
    view.summarize_button.click()
    assert view.busy() and view.stop_button.isEnabled()
    assert not view.summarize_button.isEnabled()
    qtbot.waitUntil(lambda: engine.requests == 1, timeout=30000)
    with qtbot.waitSignal(view.run.finished, timeout=30000):
        view.stop_button.click()
        engine.gate.set()
    assert not view.busy()
    assert view.summary_id is None  # nothing half-done was kept in the history
    assert "Arrêtée" in view.progress_label.text()
    assert view.summarize_button.isEnabled() and not view.stop_button.isEnabled()
    engine.gate = None

    # 2. Run again to the end, watching the progress label.
    labels: list[str] = []
    view.summarize_button.click()
    view.run.progress.connect(lambda _step: labels.append(view.progress_label.text()))
    with qtbot.waitSignal(view.run.finished, timeout=60000) as blocker:
        pass
    note = blocker.args[0]
    assert note is not None and view.note is note
    assert any(label.startswith("Partie 2 sur ") for label in labels), labels
    assert any("encore environ" in label for label in labels), labels
    assert "Terminée en" in view.progress_label.text()
    titles = [s.title for s in note.sections]
    assert "Points clés" in titles and all(s.points for s in note.sections)
    shown = view.note_view.toPlainText()
    assert "Points clés" in shown

    # 3. Every citation resolves; clicking one shows its passage and page.
    keys = note.citations()
    assert keys and all(k in note.passages for k in keys)
    document = view.ready_documents()[0]
    view.note_view.anchorClicked.emit(QUrl(f"cite:{keys[-1]}"))
    block = document.block(int(keys[-1]))
    assert view.citations.title.text() == f"Source [{keys[-1]}]"
    assert f"page {block.page}" in view.citations.where.text()
    assert block.text[:40] in view.citations.passage.toPlainText()

    # 4. Kept in the history, with its document; searchable without accents.
    assert view.summary_id is not None
    stored = app.store.get_summary(view.summary_id)
    assert stored.lang == "fr" and len(stored.document_ids) == 1
    assert [h.id for h in app.store.search("proces verbal", kinds=["summary"])] == \
        [view.summary_id]

    # 5. Reopened from the history in a fresh screen: the note and its sources come back
    #    from the store alone (the files are not read again).
    from katib.ui.summarize_view import SummarizeView

    again = SummarizeView(app)
    qtbot.addWidget(again)
    again.open_item(view.summary_id)
    assert again.files.ready_documents() == []
    assert again.note_view.toPlainText() == view.note_view.toPlainText()
    again.show_citation(keys[-1])
    assert block.text[:40] in again.citations.passage.toPlainText()


def test_dossier_shows_each_file_then_the_cover_note(qtbot, make_app, eval_dir, tmp_path,
                                                      closing_store):
    engine = ScriptedEngine(answers=[OBJET], delay=0.001)
    app = make_app(engine=engine, language="fr")
    view = open_view(qtbot, app)
    closing_store(app)
    second = tmp_path / "compte-rendu.txt"
    second.write_text("Compte rendu de la réunion de la commission des finances.\n\n"
                      "La commission a examiné le budget primitif de la commune. "
                      "Le budget est adopté à l'unanimité des membres présents.\n\n"
                      "Le président demande aux services de préparer le rapport avant le "
                      "30 septembre.", encoding="utf-8")
    view.files.add_paths([eval_dir / PV, second])
    qtbot.waitUntil(lambda: not view.files.reading and len(view.ready_documents()) == 2,
                    timeout=60000)
    parts: list = []
    view.summarize_button.click()
    view.run.section.connect(parts.append)
    with qtbot.waitSignal(view.run.finished, timeout=60000) as blocker:
        pass
    note = blocker.args[0]
    assert [p.sections[0].title.split(" — ")[0] for p in parts] == \
        ["fr-proces-verbal-2023-06-20.pdf", "compte-rendu.txt"]
    assert note.title == "Note de couverture"
    keys = note.citations()
    assert keys and all(":" in k and k in note.passages for k in keys)
    assert any(k.startswith("2:") for k in keys)
    view.show_citation(next(k for k in keys if k.startswith("2:")))
    assert view.citations.where.text().startswith("compte-rendu.txt — paragraphe")


def test_model_failure_is_told_and_nothing_is_lost(qtbot, make_app, eval_dir, closing_store):
    app = make_app(engine=ScriptedEngine(fail_on=1), language="ar")
    view = open_view(qtbot, app)
    closing_store(app)
    read_pv(qtbot, view, eval_dir)
    view.summarize_button.click()
    qtbot.waitUntil(lambda: not view.busy(), timeout=30000)
    assert view.error_box is not None
    assert "توقف النموذج" in view.error_box.text()  # the model's error, in Arabic
    assert len(view.ready_documents()) == 1  # the files stay; one can try again
    assert view.summarize_button.isEnabled()


@pytest.mark.model
def test_real_model_summarizes_the_pdf_and_exports(qtbot, make_app, engine, eval_dir, tmp_path,
                                                    closing_store):
    """End to end with the real default model: the French PDF, its note, the .docx.

    The note is in the document's language and short, so the model writes the objet
    only (one short request): the whole suite must stay fast on two cores.
    """
    import docx

    app = make_app(engine=BorrowedEngine(engine), language="ar")
    view = open_view(qtbot, app)
    closing_store(app)
    read_pv(qtbot, view, eval_dir)
    view.language_combo.setCurrentIndex(view.language_combo.findData("fr"))
    view.detail_combo.setCurrentIndex(0)  # short
    pieces: list = []
    view.summarize_button.click()
    view.run.model_text.connect(pieces.append)
    with qtbot.waitSignal(view.run.finished, timeout=600000) as blocker:
        pass
    note = blocker.args[0]
    assert note is not None and note.lang == "fr"
    assert [p for p in pieces if p]  # the model's words were shown as they came
    assert "Points clés" in [s.title for s in note.sections]
    assert note.citations() and all(k in note.passages for k in note.citations())
    assert "اكتمل" in view.progress_label.text()  # "done", in the Arabic interface
    assert view.summary_id is not None
    view.export(tmp_path / "note.docx")
    qtbot.waitUntil(lambda: (tmp_path / "note.docx").exists() and view.export_button.isEnabled(),
                    timeout=20000)
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "note.docx")).paragraphs]
    assert "Points clés" in paragraphs
    assert app.store.get_summary(view.summary_id).exported_at is not None
