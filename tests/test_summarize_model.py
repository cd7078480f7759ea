"""The summarizer with the real default model: the 2-page French procès-verbal, short."""

from __future__ import annotations

import pytest
from docx import Document as WordDocument
from katib.cli import main
from katib.core.documents.note_writer import write_note_docx
from katib.core.documents.readers import read_document
from katib.core.engine import CancelToken
from katib.core.errors import Cancelled
from katib.core.summarize import Summarizer
from katib.core.summarize.citations import audit

pytestmark = pytest.mark.model


def test_french_minutes_summarized_with_checked_citations(engine, eval_dir, tmp_path):
    doc = read_document(eval_dir / "documents/pdf/fr-proces-verbal-2023-06-20.pdf")
    seen = []
    note = Summarizer(engine).summarize(doc, lang="fr", detail="short", progress=seen.append)
    # One shortening request per chosen sentence at most (objet + 2 points, short).
    assert note.stats["route"] == "one_pass" and 1 <= note.stats["calls"] <= 3
    assert note.stats["prompt_tokens"] < engine.count_tokens(doc.text())  # pre-selected
    objet = note.section("objet").points
    assert objet and objet[0].text and objet[0].citations
    assert note.section("points").points
    found = audit(note)
    assert found["resolved_share"] == 1.0, found
    assert found["unsupported_figures"] == 0, found
    for _, point in note.points():
        for citation in point.citations:
            where = note.resolve(citation)
            assert where.file == doc.name and where.page in (1, 2) and where.paragraph >= 1
    assert seen and seen[-1].step == seen[-1].total
    path = write_note_docx(note, tmp_path / "note.docx")
    text = "\n".join(p.text for p in WordDocument(str(path)).paragraphs)
    assert "Objet" in text and objet[0].text in text


def test_cancel_during_a_long_pdf(engine, eval_dir):
    import threading

    doc = read_document(eval_dir / "documents/pdf/en-federal-register-2020-17221.pdf")
    token = CancelToken()
    seen = []
    # The user presses Cancel while the first part is being read by the model.
    timer = threading.Timer(1.0, token.cancel)
    timer.start()
    try:
        with pytest.raises(Cancelled):
            Summarizer(engine).summarize(doc, lang="en", detail="short", cancel=token,
                                         progress=seen.append)
    finally:
        timer.cancel()
    assert token.cancelled
    assert not any(p.label == "checked" for p in seen)  # it stopped before the end


def test_cli_summarize_writes_markdown(engine, eval_dir, tmp_path, monkeypatch, capsys):
    class Borrowed:
        """The session engine, lent to the command, which must not close it."""

        def __getattr__(self, name):
            return getattr(engine, name)

        def close(self):
            pass

    monkeypatch.setattr("katib.core.runtime.open_engine", lambda *a, **k: Borrowed())
    out = tmp_path / "note.md"
    pdf = eval_dir / "documents/pdf/fr-proces-verbal-2023-06-20.pdf"
    code = main(["summarize", str(pdf), "--lang", "fr", "--detail", "short", "--out", str(out)])
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Note de synthèse") and "## Sources" in text
    assert "fr-proces-verbal-2023-06-20.pdf, p. " in text
    # The note is kept in the history, marked exported, like the window keeps it.
    from katib.core.paths import user_paths
    from katib.core.store import Store

    store = Store.open(user_paths())
    try:
        kept = [i for i in store.list_items(kind="summary")
                if "fr-proces-verbal-2023-06-20.pdf" in i.title and i.exported_at]
    finally:
        store.close()
    assert kept
