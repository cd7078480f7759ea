"""Word export: every type in every language is reopened with python-docx and
converted by LibreOffice; the PDF text shows the blocks in order."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from drafting_support import ScriptedEngine, office, scenario_data
from katib.core.drafting import Drafter, load_templates, write_docx
from katib.core.errors import DocumentError

sys.path.insert(0, str(Path(__file__).resolve().parent / "eval"))
from drafts_checks import BIDI_MARKS, check_blocks, convert_to_pdf

TEMPLATES = load_templates(user=False)
BODY = {"fr": " Le dossier a été examiné avec soin par les services compétents.",
        "ar": " وقد تمت دراسة الملف من طرف المصالح المختصة.",
        "en": " The file was examined carefully by the competent services."}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """One scenario per type and language, exported and converted once for the module."""
    out = tmp_path_factory.mktemp("docx")
    chosen = {}
    for s in scenario_data()["scenarios"]:
        chosen.setdefault((s["type"], s["lang"]), s)
    assert len(chosen) == 18
    drafts, files = {}, []
    for (type_id, lang), s in sorted(chosen.items()):
        drafter = Drafter(ScriptedEngine(BODY[lang]), TEMPLATES, office(),
                          today=dt.date(2026, 3, 12))
        draft = drafter.draft(type_id, lang, s["fields"])
        path = write_docx(draft, out / f"{type_id}-{lang}.docx", office())
        drafts[path] = draft
        files.append(path)
    texts = convert_to_pdf(files, out)
    return drafts, texts


def test_every_export_reopens_with_python_docx(exported):
    drafts, _ = exported
    for path, draft in drafts.items():
        document = docx.Document(str(path))
        props = document.core_properties
        assert props.title == draft.title and props.comments == "Created with Katib"
        assert props.author == "Ahmed Benali" or props.author == "أحمد بنعلي"
        footer_xml = document.sections[0].footer._element.xml
        assert "PAGE" in footer_xml and "fldChar" in footer_xml
        text = BIDI_MARKS.sub("", "\n".join(p.text for p in document.paragraphs))
        header = document.tables[0]
        header_text = BIDI_MARKS.sub("", "\n".join(c.text for c in header.rows[0].cells))
        assert draft.block("letterhead").lines[0] in header_text
        assert draft.block("place_date").lines[0] in header_text
        assert draft.body.split("\n")[0].strip() in text
        subject = draft.block("subject")
        if subject:
            para = next(p for p in document.paragraphs
                        if BIDI_MARKS.sub("", p.text) == subject.lines[0])
            assert all(r.bold for r in para.runs if r.text.strip())


def test_arabic_documents_are_right_to_left_for_real(exported):
    drafts, _ = exported
    arabic = [p for p, d in drafts.items() if d.lang == "ar"]
    assert len(arabic) == 6
    for path in arabic:
        document = docx.Document(str(path))
        body = document.element.body
        assert body.find(qn("w:sectPr")).find(qn("w:bidi")) is not None
        assert document.tables[0]._tbl.tblPr.find(qn("w:bidiVisual")) is not None
        paragraphs = [p for p in document.paragraphs if p.text.strip()]
        assert all(p._p.pPr.find(qn("w:bidi")) is not None for p in paragraphs)
        runs = [r for p in paragraphs for r in p.runs if r.text.strip()]
        arabic_runs = [r for r in runs if any("\u0600" <= c <= "\u06ff" for c in r.text)]
        assert arabic_runs
        for run in arabic_runs:
            rpr = run._r.rPr
            assert rpr.find(qn("w:rtl")) is not None
            assert rpr.find(qn("w:szCs")) is not None
            assert rpr.find(qn("w:rFonts")).get(qn("w:cs"))
        # Numbers and Latin words sit in their own left-to-right runs.
        latin = [r for r in runs if r.text.strip()[:1].isdigit()]
        assert latin and all(r._r.rPr.find(qn("w:rtl")) is None for r in latin)


def test_french_and_english_documents_are_left_to_right(exported):
    drafts, _ = exported
    for path, draft in drafts.items():
        if draft.lang == "ar":
            continue
        document = docx.Document(str(path))
        assert "w:bidi" not in document.element.body.xml.replace("w:bidiVisual", "")


def test_libreoffice_pdf_shows_every_block_in_order(exported):
    drafts, texts = exported
    problems = []
    for path, draft in drafts.items():
        template = TEMPLATES.get(draft.type_id)
        title = template.titles.get(draft.lang) if "title" in template.blocks else None
        found, total, missing = check_blocks(texts[path], template.form, draft.lang, title)
        if missing:
            problems.append((path.name, missing))
        assert total >= 6
    assert problems == []


def test_mixed_arabic_lines_keep_numbers_and_latin_words_readable(exported):
    drafts, texts = exported
    text = next(t for p, t in texts.items() if p.name == "service_letter-ar.pdf".replace(
        ".pdf", ".docx"))
    # pdftotext reorders neutrals around numbers; the digits themselves stay whole.
    assert "301" in text and "2026" in text and "05 37 00 12 34" in text
    assert "Avenue Hassan II, Sidi Taibi" in text
    pv = next(t for p, t in texts.items() if p.name == "proces_verbal-fr.docx")
    assert "Ahmed Benali, Hassan Tazi" in pv


def test_placeholders_are_visible_in_the_pdf(tmp_path):
    s = next(x for x in scenario_data()["scenarios"] if x["id"] == "reply-missing-name-date-fr")
    draft = Drafter(None, TEMPLATES, office()).draft(s["type"], s["lang"], s["fields"])
    path = write_docx(draft, tmp_path / "missing.docx", office())
    run = next(r for p in docx.Document(str(path)).paragraphs for r in p.runs
               if r.text == "[À COMPLÉTER]")
    assert run._r.rPr.find(qn("w:highlight")) is not None
    text = convert_to_pdf([path], tmp_path)[path]
    assert text.count("[À COMPLÉTER]") >= 2


def test_unwritable_path_is_one_clear_error(tmp_path):
    draft = Drafter(None, TEMPLATES, office()).draft("attestation", "en", {})
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DocumentError) as info:
        write_docx(draft, blocker / "sub" / "out.docx", office())
    assert "\n" not in info.value.localized("fr")
    assert not list(tmp_path.glob("**/*.part"))
