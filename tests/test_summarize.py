"""Summarizer logic with a scripted engine (fast); the real model runs in
test_summarize_model.py. The scripted engine answers like the real one (text
pieces, stats) and records every prompt, so routing limits can be checked."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from docx import Document as WordDocument
from katib.core.documents.model import Block, Document
from katib.core.documents.note_writer import write_note_docx
from katib.core.documents.readers import read_document
from katib.core.documents.text_reader import document_from_text
from katib.core.engine import CancelToken, Engine, EngineInfo, GenerationStats
from katib.core.errors import Cancelled, DocumentError
from katib.core.prompts import render_base
from katib.core.summarize import Summarizer, compress, summarize_folder
from katib.core.summarize.citations import (
    audit,
    check_point,
    figures,
    parse_markers,
    unsupported_figures,
)
from katib.core.summarize.note import Citation, Point
from katib.core.summarize.selection import normalize_arabic, split_sentences, textrank


class ScriptedEngine(Engine):
    """Answers each request with the next scripted reply (or a default one)."""

    def __init__(self, replies=None, default=" le conseil adopte le budget.", context=8192):
        self.info = EngineInfo("scripted", "test", context, False, "memory")
        self.last_stats = GenerationStats()
        self.replies = list(replies or [])
        self.default = default
        self.prompts: list[str] = []

    def count_tokens(self, text: str) -> int:
        return max(1, len(text) // 3)  # denser than real tokenizers: a safe upper bound

    def render(self, task):
        return render_base(task)

    def stream_prompt(self, prompt, *, max_tokens=256, stop=None, sampling=None,
                      cancel=None) -> Iterator[str]:
        tokens = self.count_tokens(prompt)
        assert tokens < self.context_size - max_tokens, "request longer than the context"
        self.prompts.append(prompt)
        reply = self.replies.pop(0) if self.replies else self.default
        self.last_stats = GenerationStats(prompt_tokens=tokens, evaluated_prompt_tokens=tokens,
                                          generated_tokens=len(reply.split()))
        return iter(reply.split(" ") and [reply])


def make_doc(paragraphs: list[str], name="pv.txt", pages=None) -> Document:
    blocks = [Block(n=i, kind="paragraph", text=t, page=(pages[i - 1] if pages else None),
                    paragraph=i) for i, t in enumerate(paragraphs, start=1)]
    return Document(path=name, format="txt", blocks=blocks, language="fr")


PV = [
    "Le conseil municipal s'est réuni le 12 mars 2024 sous la présidence du maire.",
    "Le conseil adopte le budget primitif de 2024 pour un montant de 1 200 000 dirhams.",
    "Le conseil décide la réfection de la voirie du quartier Atlas avant le 30 juin 2024.",
    "Les services techniques sont invités à transmettre le devis avant le 15 avril 2024.",
    "La séance est levée à 18 heures après l'examen du budget et de la voirie.",
]


def test_figures_are_normalized():
    assert figures("1 200 000 DH et 3,5 % le 12/03") == {"1200000", "3.5", "12", "03"}
    assert figures("٢٠٢٤") == {"2024"}
    assert unsupported_figures("un montant de 1 300 000", "montant de 1 200 000") == {"1300000"}
    assert not unsupported_figures("le 12 mars 2024", "réuni le 12 mars 2024")


def test_citations_are_checked_repaired_or_dropped():
    doc = make_doc(PV)
    # A marker that points to the wrong block is repaired by overlap.
    text, marks = parse_markers("Le conseil adopte le budget primitif [4]")
    point = check_point(Point(text, marks), 0, doc, "fr")
    assert point is not None and point.citations == [Citation(0, 2)]
    # A marker that does not exist at all: repaired too.
    point = check_point(Point("Réfection de la voirie du quartier Atlas [99]"), 0, doc, "fr")
    assert point.citations == [Citation(0, 3)]
    # Nothing in the source says it: dropped.
    assert check_point(Point("Le ministre inaugure un stade olympique"), 0, doc, "fr") is None
    # An invented amount: dropped, even with a good citation.
    bad = Point("Le conseil adopte le budget primitif de 9 999 dirhams", [Citation(0, 2)])
    assert check_point(bad, 0, doc, "fr") is None


def test_textrank_prefers_central_sentences_and_arabic_is_normalized():
    doc = make_doc(PV + ["Il pleuvait fort ce jour-là sur Rabat."])
    sentences = split_sentences(doc)
    textrank(sentences, "fr", lead_bonus=0.0)  # centrality alone
    best = max(sentences, key=lambda s: s.score)
    assert "budget" in best.text or "voirie" in best.text
    assert min(sentences, key=lambda s: s.score).text.startswith("Il pleuvait")
    # With the opening prior (the default) the opening sentence, which says what
    # the text is, leads; a quoted sentence weighs half of the same words unquoted.
    textrank(sentences, "fr")
    assert max(sentences, key=lambda s: s.score).index == 0
    quoted = split_sentences(make_doc(['"' + PV[1] + '"', PV[1].replace("2024", "2025")]))
    textrank(quoted, "fr", lead_bonus=0.0)
    assert quoted[0].score < quoted[1].score
    assert normalize_arabic("والمجلس") == normalize_arabic("المجلس") == "مجلس"
    assert normalize_arabic("الميزانيَة") == "ميزانيه"


def test_one_pass_note_with_every_section_and_checked_citations(tmp_path):
    # The opening sentence leads; the model shortens it by deleting words.
    engine = ScriptedEngine([" Le conseil municipal s'est réuni le 12 mars 2024."])
    note = Summarizer(engine).summarize(make_doc(PV), lang="fr", detail="standard")
    assert note.stats["route"] == "one_pass"
    # One shortening request per chosen sentence of 12 words or more, each ending
    # with the frame's answer line; the fixed example comes first (a cached prefix).
    assert engine.prompts and all(p.endswith("\nVersion courte :") for p in engine.prompts)
    assert len({p[:200] for p in engine.prompts}) == 1
    keys = {s.key for s in note.sections if s.points}
    assert {"objet", "points", "decisions", "figures", "actions"} <= keys
    objet = note.section("objet").points[0]
    assert objet.origin == "model" and objet.text == "Le conseil municipal s'est réuni le 12 mars 2024."
    # A shortened point is a deletion of its cited sentence; the others stay whole.
    for point in note.section("points").points:
        cited = note.resolve(point.citations[0]).text
        assert point.text == cited or (point.origin == "model" and
                                       compress.is_deletion(point.text, cited))
    found = audit(note)
    assert found["resolved_share"] == 1.0 and found["unsupported_figures"] == 0
    where = note.resolve(objet.citations[0])
    assert where.file == "pv.txt" and where.paragraph >= 1 and where.text
    markdown = note.to_markdown()
    assert "## Objet" in markdown and "## Décisions et échéances" in markdown
    assert "[2]" in markdown and "## Sources" in markdown


def test_invented_figure_in_the_objet_is_never_shown():
    engine = ScriptedEngine([" le conseil adopte un budget de 7 777 777 dirhams."])
    note = Summarizer(engine).summarize(make_doc(PV), lang="fr", detail="short")
    objet = note.section("objet").points[0]
    assert "7 777 777" not in objet.text and objet.origin == "extract"
    assert objet.text not in [p.text for p in note.section("points").points]  # no repeat
    assert audit(note)["unsupported_figures"] == 0


def test_long_document_goes_in_parts_and_every_request_fits():
    # 100 pages of six paragraphs (~25,000 words): far beyond the context.
    topics = ["budget", "voirie", "éclairage", "écoles", "marchés", "eau", "transport"]
    verbs = ["examine", "recommande", "chiffre", "reporte", "approuve", "compare"]
    places = ["Agdal", "Hassan", "Souissi", "Yacoub", "Akkari", "Takaddoum", "Océan"]
    paragraphs, pages = [], []
    for page in range(1, 101):
        for line in range(6):
            topic = topics[(page + line) % len(topics)]
            paragraphs.append(
                f"Au quartier {places[(page * 3 + line) % 7]}, le rapport {verbs[line]} le "
                f"dossier {topic} de la page {page} avec le service {topics[(page + 2) % 7]}. "
                f"Le comité {verbs[(line + page) % 6]} ensuite le calendrier {page * 10 + line} "
                f"du lot {topic} et la convention {places[(page + line) % 7]}.")
            pages.append(page)
    doc = make_doc(paragraphs, name="rapport.pdf", pages=pages)
    engine = ScriptedEngine(default=" le rapport examine le dossier budget avec les partenaires.")
    seen = []
    note = Summarizer(engine).summarize(doc, lang="fr", detail="short", progress=seen.append)
    assert note.stats["route"] == "parts" and note.stats["parts"] > 3
    parts = note.stats["parts"]
    # The model shortens the chosen sentences only: the opening and one per part,
    # capped, whatever the length (20 parts here, at most 2 + 4 + the objet).
    assert 1 <= len(engine.prompts) <= 7
    points = note.section("points").points
    pages = [note.resolve(p.citations[0]).page for p in points]
    assert pages == sorted(pages) and pages[-1] > 50  # the note follows the whole report
    assert max(engine.count_tokens(p) for p in engine.prompts) < 0.7 * engine.context_size
    part_steps = [p for p in seen if p.label == "part"]
    assert [p.part for p in part_steps] == list(range(1, parts + 1))
    assert all(p.parts == parts for p in part_steps)
    assert seen[-1].step == seen[-1].total and seen[-1].eta_seconds == 0
    assert all(p.eta_seconds is not None for p in seen)
    assert audit(note)["resolved_share"] == 1.0


def test_cancel_stops_the_summary():
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        Summarizer(ScriptedEngine()).summarize(make_doc(PV), lang="fr", cancel=token)


class Translating(ScriptedEngine):
    """Answers a translation request with English that keeps the source's figures
    and names (what a faithful translation does); anything else as scripted."""

    def stream_prompt(self, prompt, **kwargs):
        if prompt.endswith("\nEnglish:"):
            source = prompt.split("French: ", 1)[1].rsplit("\nEnglish:", 1)[0]
            kept = re.findall(r"\b[A-Z][a-zà-ÿ]{2,}\b|\d+(?:[ \u00a0]\d{3})*", source[1:])
            self.replies.insert(0, " The council records " + " ".join(kept) +
                                " for the town and its services.")
        return super().stream_prompt(prompt, **kwargs)


def test_cross_language_points_are_translated_and_keep_their_citations():
    engine = Translating()
    note = Summarizer(engine).summarize(make_doc(PV), lang="en", detail="short")
    assert any(p.endswith("English:") for p in engine.prompts)
    translated = [p for _, p in note.points() if p.origin == "model"]
    assert translated and all(p.citations for _, p in note.points())
    assert all(p.text.startswith("The council records") for p in translated)
    assert "## Key points" in note.to_markdown()


def test_a_translation_that_fails_its_checks_keeps_the_original_flagged():
    # The model "translates" by dropping the figures: the French sentence stays.
    engine = ScriptedEngine(default=" The council adopts the budget of the town.")
    note = Summarizer(engine).summarize(make_doc(PV), lang="en", detail="short")
    with_figures = [p for _, p in note.points() if any(ch.isdigit() for ch in p.text)]
    assert with_figures
    for point in with_figures:
        assert point.flags == ["original (fr)"] and point.text in " ".join(PV)
    assert "(to check)" in note.to_markdown()


def test_docx_note_keeps_citations_and_is_rtl_in_arabic(tmp_path):
    doc = make_doc(PV, pages=[1, 1, 1, 2, 2])
    note = Summarizer(ScriptedEngine()).summarize(doc, lang="fr", detail="standard")
    path = write_note_docx(note, tmp_path / "note.docx")
    reopened = WordDocument(str(path))
    text = "\n".join(p.text for p in reopened.paragraphs)
    assert "Note de synthèse" in text and "[2]" in text
    table = reopened.tables[0]
    assert table.rows[0].cells[2].text == "Page"
    assert any(row.cells[2].text == "2" for row in table.rows[1:])
    arabic = Summarizer(ScriptedEngine()).summarize(doc, lang="ar", detail="short")
    path = write_note_docx(arabic, tmp_path / "note-ar.docx")
    xml = WordDocument(str(path)).element.xml
    assert "<w:bidi/>" in xml and "<w:rtl/>" in xml and "<w:bidiVisual/>" in xml
    assert "مذكرة تركيبية" in xml


def test_dossier_summarized_file_by_file_with_a_cover_note(eval_dir, tmp_path):
    folder = tmp_path / "dossier"
    folder.mkdir()
    letters = eval_dir / "documents" / "letters-fr"
    for name in ("certificat_de_travail.docx", "reclamation_de_cp.docx"):
        (folder / name).write_bytes((letters / name).read_bytes())
    (folder / "abime.docx").write_bytes(b"PK\x03\x04 broken")
    seen = []
    note = summarize_folder(ScriptedEngine(default=" le salarié demande ses documents."),
                            folder, lang="fr", detail="short", progress=seen.append)
    assert note.is_dossier and len(note.parts) == 2 and len(note.documents) == 2
    assert [s["file"] for s in note.stats["skipped"]] == ["abime.docx"]
    markdown = note.to_markdown()
    assert "Note de couverture" in markdown and "[1:" in markdown and "[2:" in markdown
    assert audit(note)["resolved_share"] == 1.0
    for part in note.parts:
        assert audit(part)["resolved_share"] == 1.0
    assert seen and seen[-1].step == seen[-1].total
    with pytest.raises(DocumentError):
        empty = tmp_path / "vide"
        empty.mkdir()
        summarize_folder(ScriptedEngine(), empty)


def test_real_pdf_routes_by_the_engine_token_count(eval_dir):
    doc = read_document(eval_dir / "documents/pdf/en-federal-register-2020-17221.pdf")
    small = ScriptedEngine(default=" the agency proposes an airworthiness directive.",
                           context=2048)
    note = Summarizer(small).summarize(doc, lang="en", detail="short")
    assert note.stats["route"] == "parts"
    assert all(small.count_tokens(p) < 2048 for p in small.prompts)
    large = ScriptedEngine(default=" the agency proposes an airworthiness directive.",
                           context=131072)
    assert Summarizer(large).summarize(doc, lang="en").stats["route"] == "one_pass"
    one = Summarizer(large).summarize(document_from_text("Short text. " * 5 + PV[1]), lang="fr")
    assert one.stats["route"] == "one_pass"


def test_a_105_page_pdf_is_summarized_not_refused(eval_dir, tmp_path):
    from pypdf import PdfReader, PdfWriter

    source = PdfReader(eval_dir / "documents/pdf/en-federal-register-2020-17221.pdf")
    writer = PdfWriter()
    for _ in range(7):
        for page in source.pages:
            writer.add_page(page)
    path = tmp_path / "long.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    doc = read_document(path)
    assert doc.pages == 105
    engine = ScriptedEngine(default=" the agency proposes an airworthiness directive.")
    note = Summarizer(engine).summarize(doc, lang="en", detail="standard")
    assert note.stats["route"] == "parts" and note.stats["parts"] >= 10
    assert max(engine.count_tokens(p) for p in engine.prompts) < 0.7 * engine.context_size
    assert note.section("points").points and audit(note)["resolved_share"] == 1.0
    pages = {note.resolve(c).page for c in note.cited()}
    assert max(pages) > 15  # points come from across the document, not only its start


def test_sections_are_announced_as_soon_as_they_are_final():
    updates = []
    note = Summarizer(ScriptedEngine()).summarize(make_doc(PV), lang="fr", detail="short",
                                                  on_update=updates.append)
    keys = [u.section for u in updates]
    assert keys[:2] == ["objet", "points"] and set(keys) == {s.key for s in note.sections}
    assert all(u.kind == "section" and u.doc_index == 0 and u.note is note for u in updates)
    # What was announced is what the finished note holds (nothing is rewritten after).
    objet = updates[0].note.section("objet").points
    assert objet and objet == note.section("objet").points


def test_a_dossier_announces_each_file_note_when_it_is_done():
    docs = [make_doc(PV, name="pv.txt"), make_doc(PV[::-1], name="pv2.txt")]
    updates = []
    note = Summarizer(ScriptedEngine()).summarize(docs, lang="fr", detail="short",
                                                  on_update=updates.append)
    files = [u for u in updates if u.kind == "document"]
    assert [u.doc_index for u in files] == [0, 1]
    assert [u.note for u in files] == note.parts
    assert not [u for u in updates if u.kind == "section"]  # a dossier reports whole files
