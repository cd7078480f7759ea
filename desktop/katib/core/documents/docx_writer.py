"""A Draft exported to Word: the letterhead layout administrations expect.

Timbre (État → ministère → direction → service, then the number) on the left
and lieu et date on the right, in a borderless two-column table that
`w:bidiVisual` mirrors for Arabic (timbre on the right, date on the left, as
Moroccan letters have them); then the blocks in order, objet in bold, the body
justified, signature at the end side; page numbers in the footer; title,
author and "Created with Katib" in the document properties.

Arabic documents are right to left for real: `w:bidi` paragraphs and section,
`w:rtl` runs with complex-script font and size. Inside an Arabic line, Latin
words and numbers go in their own left-to-right runs, so "12 مارس 2026" or a
French name keeps its order and stays readable.
"""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from katib.core.documents.bidi_text import rtl_pieces
from katib.core.documents.docx_bidi import (
    ARABIC_FONT,
    save_atomically,
    set_paragraph_rtl,
    set_run_rtl,
    set_section_rtl,
    set_table_rtl,
)
from katib.core.errors import DocumentError
from katib.core.messages import register

LATIN_FONT = "Times New Roman"
SIZE = 12
ARABIC_SIZE = 14  # Arabic reads small at the Latin size
PLACEHOLDER = re.compile(r"\[(?:À COMPLÉTER|يُستكمل|TO COMPLETE)\]")
# Logical alignment: in a w:bidi paragraph Word and LibreOffice read "left" as the start side.
ALIGN = {"start": WD_ALIGN_PARAGRAPH.LEFT, "end": WD_ALIGN_PARAGRAPH.RIGHT,
         "center": WD_ALIGN_PARAGRAPH.CENTER, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
CREATED_WITH = "Created with Katib"

register({
    "document.write_failed": {
        "en": "Could not write {path}: {detail}",
        "fr": "Impossible d'écrire {path} : {detail}",
        "ar": "تعذرت كتابة {path}: {detail}",
    },
})


class _Writer:
    def __init__(self, draft, office) -> None:
        self.draft, self.office = draft, office
        self.rtl = draft.lang == "ar"
        self.doc = Document()
        self.size = ARABIC_SIZE if self.rtl else SIZE

    # -- text ----------------------------------------------------------------
    def runs(self, paragraph, text: str, bold: bool = False) -> None:
        """Add `text` as runs: right-to-left ones for Arabic, left-to-right for the rest."""
        pieces = self.split(text) if self.rtl else [(text, False)]
        for piece, rtl in pieces:
            for part in re.split(f"({PLACEHOLDER.pattern})", piece):
                if not part:
                    continue
                run = paragraph.add_run(part)
                run.bold = bold or None
                run.font.size = Pt(self.size)
                run.font.name = ARABIC_FONT if self.rtl else LATIN_FONT
                set_run_rtl(run, rtl=rtl, size_pt=self.size, bold=bold,
                            font=ARABIC_FONT if self.rtl else LATIN_FONT)
                if PLACEHOLDER.fullmatch(part):
                    # A placeholder must catch the eye on screen and on paper.
                    _highlight(run)
                    run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)

    @staticmethod
    def split(text: str) -> list[tuple[str, bool]]:
        """Arabic text as (piece, right_to_left) runs: Latin words and numbers on their own,
        "+212 5 37 12 34 56" kept in order by an embedding (bidi_text.rtl_pieces)."""
        return rtl_pieces(text)

    def paragraph(self, container, text: str, align: str = "start", bold: bool = False,
                  space_after: float = 0, space_before: float = 0):
        p = container.add_paragraph()
        if self.rtl:
            set_paragraph_rtl(p)
        p.alignment = ALIGN[align]
        p.paragraph_format.space_after = Pt(space_after)
        p.paragraph_format.space_before = Pt(space_before)
        self.runs(p, text, bold)
        return p

    # -- layout --------------------------------------------------------------
    def setup(self) -> None:
        section = self.doc.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin, section.bottom_margin = Cm(1.8), Cm(2.0)
        if self.rtl:
            set_section_rtl(section)
        style = self.doc.styles["Normal"]
        style.font.name = ARABIC_FONT if self.rtl else LATIN_FONT
        style.font.size = Pt(self.size)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:cs"), ARABIC_FONT)
        size_cs = OxmlElement("w:szCs")
        size_cs.set(qn("w:val"), str(self.size * 2))
        style.element.get_or_add_rPr().append(size_cs)
        self.footer(section)

    def footer(self, section) -> None:
        p = section.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if self.rtl:
            set_paragraph_rtl(p)
        run = p.add_run()
        for tag, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"),
                          ("end", None)):
            if tag:
                fld = OxmlElement("w:fldChar")
                fld.set(qn("w:fldCharType"), tag)
                run._r.append(fld)
            elif text == " PAGE ":
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = text
                run._r.append(instr)
            else:
                t = OxmlElement("w:t")
                t.text = text
                run._r.append(t)

    def head_table(self, left: list, right: list) -> None:
        table = self.doc.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _no_borders(table)
        if self.rtl:
            set_table_rtl(table)  # first column on the right: timbre right, date left
        widths = (Cm(9.6), Cm(7.0))
        for cell, width in zip(table.rows[0].cells, widths):
            cell.width = width
        timbre, dates = table.rows[0].cells
        timbre.paragraphs[0]._p.getparent().remove(timbre.paragraphs[0]._p)
        dates.paragraphs[0]._p.getparent().remove(dates.paragraphs[0]._p)
        logo = getattr(self.office, "logo_path", "") if self.office else ""
        if logo and Path(logo).is_file():
            try:
                p = timbre.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.add_run().add_picture(str(logo), height=Cm(2.0))
            except Exception:  # an unreadable logo must not cost the letter
                pass
        for i, block in enumerate(left):
            for j, line in enumerate(block.lines):
                # The timbre is centred in its column, the state's name in bold.
                self.paragraph(timbre, line, align="center",
                               bold=block.kind == "letterhead" and j == 0,
                               space_before=6 if block.kind == "number" and j == 0 else 0)
        for block in right:
            for line in block.lines:
                self.paragraph(dates, line, align="center")
        if not left:
            self.paragraph(timbre, "")
        if not right:
            self.paragraph(dates, "")

    def body(self, text: str) -> None:
        for para in re.split(r"\n\s*\n", text.strip()):
            lines = para.split("\n")
            for i, line in enumerate(lines):
                last = i == len(lines) - 1
                # Arabic is not justified: LibreOffice stretches it with kashidas.
                justify = not self.rtl and not line.lstrip().startswith("- ")
                self.paragraph(self.doc, line.strip(), align="justify" if justify else "start",
                               space_after=8 if last else 2)

    def write(self) -> Document:
        self.setup()
        blocks = list(self.draft.blocks)
        left = [b for b in blocks if b.kind in ("letterhead", "number")]
        right = [b for b in blocks if b.kind == "place_date"]
        self.head_table(left, right)
        rest = [b for b in blocks if b not in left and b not in right]
        for block in rest:
            if block.kind == "body":
                self.body(self.draft.body)
                continue
            before = {"title": 18, "recipient": 14, "subject": 12, "salutation": 12,
                      "closing": 8, "signature": 18, "copies": 18}.get(block.kind, 6)
            for i, line in enumerate(block.lines):
                self.paragraph(self.doc, line, align=block.align,
                               bold=block.bold or (block.kind == "subject" and i == 0),
                               space_before=before if i == 0 else 0,
                               space_after=10 if block.kind in ("title", "salutation")
                               and i == len(block.lines) - 1 else 0)
        props = self.doc.core_properties
        props.title = self.draft.title[:250]
        author = ""
        if self.office is not None:
            from katib.core.drafting.frame import office_text

            author = office_text(self.office.signatory_name, self.draft.lang) or \
                office_text(self.office.service or self.office.ministry, self.draft.lang)
        props.author = author or "Katib"
        props.comments = CREATED_WITH
        props.subject = str(self.draft.fields.get("subject") or "")[:250]
        props.language = {"fr": "fr-MA", "ar": "ar-MA", "en": "en-GB"}.get(self.draft.lang, "")
        props.keywords = self.draft.type_id
        return self.doc


def _highlight(run) -> None:
    rpr = run._r.get_or_add_rPr()
    mark = OxmlElement("w:highlight")
    mark.set(qn("w:val"), "yellow")
    rpr.append(mark)


def _no_borders(table) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tblpr.append(borders)


def build_document(draft, office=None) -> Document:
    """The python-docx Document for `draft`, not yet saved."""
    return _Writer(draft, office).write()


def write_docx(draft, path, office=None) -> Path:
    """Write `draft` to `path` atomically; DocumentError (one clear line) if it cannot."""
    path = Path(path)
    document = build_document(draft, office)
    try:
        return save_atomically(document, path)
    except OSError as exc:
        raise DocumentError("document.write_failed", path=str(path),
                            detail=exc.strerror or str(exc)) from exc
