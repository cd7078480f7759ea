"""The note de synthèse as a .docx: sections, points with [n] markers, and a sources
table where each marker points to its file, page and paragraph.

Arabic notes are right to left throughout (section, paragraphs, runs, table),
through the shared docx_bidi helpers; the file is written atomically.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from katib.core.documents.docx_bidi import (
    save_atomically,
    set_paragraph_rtl,
    set_run_rtl,
    set_section_rtl,
    set_table_rtl,
)
from katib.core.summarize.note import TITLES, Note

HEADERS = {
    "fr": ("Renvoi", "Fichier", "Page", "Paragraphe", "Extrait"),
    "ar": ("الإحالة", "الملف", "الصفحة", "الفقرة", "المقتطف"),
    "en": ("Ref.", "File", "Page", "Paragraph", "Excerpt"),
}


def _paragraph(doc, text: str, rtl: bool, style: str | None = None, size: float = 11,
               bold: bool = False):
    paragraph = doc.add_paragraph(style=style)
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    if rtl:
        set_paragraph_rtl(paragraph)
        set_run_rtl(run, size_pt=size, bold=bold)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return paragraph


def _heading(doc, text: str, level: int, rtl: bool):
    heading = doc.add_heading(text, level=level)
    if rtl:
        set_paragraph_rtl(heading)
        for run in heading.runs:
            set_run_rtl(run, bold=True)
        heading.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return heading


def _note_body(doc, note: Note, rtl: bool, level: int) -> None:
    titles = TITLES.get(note.lang, TITLES["en"])
    for section in note.sections:
        if not section.points:
            continue
        _heading(doc, titles[section.key], level, rtl)
        for point in section.points:
            style = None if section.key == "objet" else "List Bullet"
            _paragraph(doc, note.point_text(point), rtl, style=style)
    cited = note.cited()
    if not cited:
        return
    _heading(doc, titles["sources"], level, rtl)
    headers = HEADERS.get(note.lang, HEADERS["en"])
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    if rtl:
        set_table_rtl(table)
    for cell, text in zip(table.rows[0].cells, headers):
        cell.text = ""
        _fill(cell, text, rtl, bold=True)
    for citation in cited:
        where = note.resolve(citation)
        if where is None:
            continue
        excerpt = where.text if len(where.text) <= 300 else where.text[:297] + "…"
        values = (note.marker(citation), where.file, str(where.page or "—"),
                  str(where.paragraph), excerpt)
        cells = table.add_row().cells
        for cell, text in zip(cells, values):
            _fill(cell, text, rtl)


def _fill(cell, text: str, rtl: bool, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(9)
    if rtl:
        set_paragraph_rtl(paragraph)
        set_run_rtl(run, size_pt=9, bold=bold)


def write_note_docx(note: Note, path: str | Path) -> Path:
    """Write `note` to `path` (.docx), right to left when the note is in Arabic."""
    rtl = note.lang == "ar"
    doc = WordDocument()
    if rtl:
        for section in doc.sections:
            set_section_rtl(section)
    titles = TITLES.get(note.lang, TITLES["en"])
    _heading(doc, note.title(), 0, rtl)
    if note.is_dossier:
        _heading(doc, titles["files"], 1, rtl)
        for index, d in enumerate(note.documents, start=1):
            _paragraph(doc, f"{index}. {d.name}", rtl)
    _note_body(doc, note, rtl, 1)
    for part in note.parts:
        _heading(doc, part.documents[0].name, 1, rtl)
        _note_body(doc, part, rtl, 2)
    return save_atomically(doc, path)
