"""Summarize screen, the files side: real PDFs and Word files from the evaluation set are read
in the background; a password-protected PDF asks for its password; scanned and damaged files
say why in the interface language; citations resolve to the real page; the note exports to a
.docx that reopens."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QUrl

from ui_fakes import ScriptedEngine, make_app, ui_home  # noqa: F401 (fixtures)

PV = "documents/pdf/fr-proces-verbal-2023-06-20.pdf"


@pytest.fixture
def view(qtbot, make_app):
    from katib.ui.summarize_view import SummarizeView

    app = make_app(engine=ScriptedEngine(), language="fr")
    widget = SummarizeView(app)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def add_and_wait(qtbot, view, *paths: Path) -> None:
    view.files.add_paths(list(paths))
    qtbot.waitUntil(lambda: not view.files.reading, timeout=60000)


def row_state(view, path: Path) -> str:
    from katib.ui.source_list import STATE_ROLE

    return view.files.sources.item_for(path).data(STATE_ROLE)


def test_reads_a_real_pdf_with_its_pages(qtbot, view, eval_dir):
    path = eval_dir / PV
    add_and_wait(qtbot, view, path)
    assert row_state(view, path) == "read"
    assert "2 pages" in view.files.sources.item_for(path).text()
    document = view.files.documents[path]
    assert document.pages == 2 and len(document.blocks) > 10
    assert view.summarize_button.isEnabled()


def test_password_protected_pdf_offers_the_password(qtbot, view, eval_dir):
    path = eval_dir / "documents/pdf/encrypted-password-example.pdf"
    add_and_wait(qtbot, view, path)
    assert row_state(view, path) == "locked"
    dialog = view.files.password_dialog
    assert dialog is not None and dialog.isVisible()
    assert "mot de passe" in dialog.labelText()  # the interface language: French
    dialog.setTextValue("not-the-password")
    dialog.accept()
    qtbot.waitUntil(lambda: not view.files.reading and view.files.password_dialog is not dialog,
                    timeout=60000)
    assert "incorrect" in view.files.password_dialog.labelText()
    view.files.password_dialog.setTextValue("test")
    view.files.password_dialog.accept()
    qtbot.waitUntil(lambda: row_state(view, path) == "read", timeout=60000)
    assert view.files.documents[path].blocks


def test_scanned_and_damaged_files_say_why_in_french(qtbot, view, eval_dir, tmp_path):
    scanned = eval_dir / "documents/pdf/scanned-imagemagick-images.pdf"
    damaged = eval_dir / "documents/docx/truncated62886.docx"
    good = eval_dir / PV
    add_and_wait(qtbot, view, scanned, damaged, good)
    assert row_state(view, scanned) == "failed"
    assert "numérisées" in view.files.sources.item_for(scanned).text()
    assert row_state(view, damaged) == "failed"
    assert "endommagé" in view.files.sources.item_for(damaged).text()
    assert row_state(view, good) == "read"  # one bad file does not stop the others
    assert view.error_box is not None
    assert [d.name for d in view.ready_documents()] == [good.name]


def test_a_folder_adds_its_readable_files(qtbot, view, eval_dir, tmp_path):
    folder = tmp_path / "dossier"
    folder.mkdir()
    shutil.copy(eval_dir / PV, folder / "pv.pdf")
    (folder / "notes.txt").write_text("Réunion du 3 mars : le budget est adopté.",
                                      encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG")
    add_and_wait(qtbot, view, folder)
    assert [p.name for p in view.files.sources.paths()] == ["notes.txt", "pv.pdf"]
    assert len(view.ready_documents()) == 2


def test_citation_shows_the_source_passage_with_its_page(qtbot, view, eval_dir):
    from katib.ui.summarize_job import resolve
    from katib.ui.summary_note import Note, NoteSection

    add_and_wait(qtbot, view, eval_dir / PV)
    document = view.ready_documents()[0]
    on_page_two = next(b for b in document.blocks if b.page == 2)
    key = str(on_page_two.n)
    note = Note(lang="fr", sections=[NoteSection("Points clés", [f"Un point [{key}]."])])
    note.passages[key] = resolve(key, [document])
    view.note = note
    view._render()
    assert "[%s]" % key in view.note_view.toPlainText()
    view.note_view.anchorClicked.emit(QUrl(f"cite:{key}"))
    assert view.citations.title.text() == f"Source [{key}]"
    assert "page 2" in view.citations.where.text()
    assert on_page_two.text[:30] in view.citations.passage.toPlainText()
    view.note_view.anchorClicked.emit(QUrl("cite:9999"))
    assert "ne correspond" in view.citations.where.text()


def test_export_docx_reopens_with_citations(qtbot, view, eval_dir, tmp_path):
    from katib.ui.summarize_job import resolve
    from katib.ui.summary_note import Note, NoteSection

    add_and_wait(qtbot, view, eval_dir / PV)
    document = view.ready_documents()[0]
    note = Note(title="Note de synthèse", lang="ar", files=[document.name], sections=[
        NoteSection("النقاط الرئيسية", ["صادق المجلس على الميزانية [3]."])])
    note.passages["3"] = resolve("3", [document])
    view.note = note
    view._update_actions()
    assert view.export_button.isEnabled()
    target = tmp_path / "note"
    view.export(target)
    qtbot.waitUntil(lambda: (tmp_path / "note.docx").exists() and view.export_button.isEnabled(),
                    timeout=10000)
    reopened = docx.Document(str(tmp_path / "note.docx"))
    texts = [p.text for p in reopened.paragraphs]
    assert "صادق المجلس على الميزانية [3]." in texts
    assert any(t.startswith("[3] " + document.name) for t in texts)
    body = reopened.element.body.xml
    assert "w:bidi" in body and "w:rtl" in body  # Arabic note: right to left
