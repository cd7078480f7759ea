"""Phone numbers, references and e-mails inside Arabic text keep their left-to-right order:
the marking rules, then an Arabic letter exported to .docx, reopened with python-docx and
converted by LibreOffice, whose PDF text (pdftotext) must show the digit groups in order."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path

import docx
from drafting_support import ScriptedEngine, office
from katib.core.documents.bidi_text import (
    LRE,
    LRI,
    PDF,
    PDI,
    mark_ltr_runs,
    needs_marks,
    strip_marks,
)
from katib.core.drafting import Drafter, load_templates, write_docx

sys.path.insert(0, str(Path(__file__).resolve().parent / "eval"))
from drafts_checks import convert_to_pdf

PHONE = "+212 5 37 12 34 56"
EMAIL = "etat-civil@sidi-taibi.ma"
REFERENCE = "2024/15"
LINE = f"للاتصال بالمصلحة: {PHONE} أو عبر البريد {EMAIL}، المرجع {REFERENCE}."


def test_runs_that_would_be_reordered_are_wrapped_and_nothing_else():
    marked = mark_ltr_runs(LINE)
    assert f"{LRI}{PHONE}{PDI}" in marked and f"{LRI}{EMAIL}{PDI}" in marked
    assert f"{LRI}{REFERENCE}{PDI}" in marked
    assert strip_marks(marked) == LINE
    assert mark_ltr_runs(marked) == marked  # applying it again changes nothing
    # A lone number or word is laid out right already; a French line is left alone.
    assert mark_ltr_runs("في سنة 2026 ببرنامج Word") == "في سنة 2026 ببرنامج Word"
    french = f"Téléphone : {PHONE}"
    assert mark_ltr_runs(french) == french
    assert mark_ltr_runs(french, rtl=True) == f"{LRI}{french}{PDI}"
    embedded = mark_ltr_runs(LINE, style="embed")
    assert f"{LRE}{PHONE}{PDF}" in embedded and strip_marks(embedded) == LINE
    assert needs_marks("05 37") and needs_marks("a@b.ma") and not needs_marks("2026")


def test_arabic_docx_keeps_phone_groups_in_order_through_libreoffice(tmp_path):
    """The letterhead phone and the body's phone, e-mail and reference, end to end."""
    with_phone = dataclasses.replace(office(), phone=PHONE, email=EMAIL)
    drafter = Drafter(ScriptedEngine(" نخبركم بأن طلبكم قيد الدراسة."), load_templates(user=False), with_phone,
                      today=dt.date(2026, 3, 12))
    draft = drafter.draft("reply_citizen", "ar", {
        "recipient_civility": "m", "recipient_name": "يوسف العمراني",
        "recipient_address": "سيدي الطيبي", "subject": "طلب شهادة السكنى",
        "request_date": "2026-03-03", "outcome": "granted", "number": "214/2026",
        "date": "2026-03-12"})
    draft.body += "\n\n" + LINE  # as the clerk completed it in the editor
    path = write_docx(draft, tmp_path / "reponse-ar.docx", with_phone)

    # Reopened: the text is the draft's, the marks are an embedding around the runs.
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    assert any(f"{LRE}{PHONE}{PDF}" in p for p in paragraphs)
    assert any(strip_marks(p) == LINE for p in paragraphs)

    # Converted by LibreOffice: pdftotext gives the groups in their written order.
    control = unmarked_docx(tmp_path / "sans-marques.docx")
    texts = convert_to_pdf([path, control], tmp_path)
    flat = strip_marks(texts[path])
    assert flat.count(PHONE) == 2, flat  # the letterhead's and the body's
    assert "56 34 12 37 5" not in flat
    assert EMAIL in flat and REFERENCE in flat
    # The control, the same line without marks, is what clerks saw before (groups
    # reversed): the marks make the difference, not a lucky layout.
    unmarked = strip_marks(texts[control])
    assert "56 34 12 37 5 212" in unmarked and PHONE not in unmarked


def unmarked_docx(path: Path) -> Path:
    from docx.shared import Pt
    from katib.core.documents.docx_bidi import set_paragraph_rtl, set_run_rtl, set_section_rtl

    document = docx.Document()
    set_section_rtl(document.sections[0])
    paragraph = document.add_paragraph()
    set_paragraph_rtl(paragraph)
    run = paragraph.add_run(LINE)
    run.font.size = Pt(14)
    set_run_rtl(run, rtl=True, size_pt=14)
    document.save(str(path))
    return path
