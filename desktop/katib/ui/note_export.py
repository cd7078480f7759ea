"""The note de synthèse as a .docx: headings, points with their citations, and the sources.

Each [n] of the note is listed at the end with its file, page and paragraph
and the cited text, so a reader of the printed note can check every point.
Arabic notes are right to left (paragraphs, runs, section).
"""

from __future__ import annotations

from pathlib import Path

from katib.core.documents.docx_bidi import (
    save_atomically,
    set_paragraph_rtl,
    set_run_rtl,
    set_section_rtl,
)
from katib.ui.summary_note import Note

LABELS = {
    "fr": {"title": "Note de synthèse", "sources": "Sources citées", "page": "p.",
           "para": "§", "files": "Documents analysés"},
    "ar": {"title": "مذكرة تركيبية", "sources": "المصادر المستشهد بها", "page": "ص",
           "para": "الفقرة", "files": "الوثائق المدروسة"},
    "en": {"title": "Summary note", "sources": "Sources cited", "page": "p.",
           "para": "para.", "files": "Documents summarized"},
}


def _locator(labels: dict, page: int | None, paragraph: int) -> str:
    head = f"{labels['page']} {page}, " if page else ""
    return f"{head}{labels['para']} {paragraph}"


def export_note(note: Note, path: str | Path) -> Path:
    """Write `note` to `path` (.docx) atomically; returns the path."""
    from docx import Document as DocxDocument

    rtl = note.lang == "ar"
    labels = LABELS.get(note.lang, LABELS["en"])
    doc = DocxDocument()
    if rtl:
        set_section_rtl(doc.sections[0])

    def paragraph(text: str, style: str | None = None):
        para = doc.add_paragraph(style=style) if style else doc.add_paragraph()
        run = para.add_run(text)
        if rtl:
            set_paragraph_rtl(para)
            set_run_rtl(run)
        return para

    def heading(text: str, level: int):
        para = doc.add_heading(level=level)
        run = para.add_run(text)
        if rtl:
            set_paragraph_rtl(para)
            set_run_rtl(run, bold=True)
        return para

    heading(note.title or labels["title"], 0)
    if note.files:
        paragraph(f"{labels['files']} : " if note.lang == "fr" else f"{labels['files']}: ")
        for name in note.files:
            paragraph(name, "List Bullet")
    for section in note.sections:
        if section.title:
            heading(section.title, 1)
        for point in section.points:
            paragraph(point, "List Bullet")
    cited = [key for key in dict.fromkeys(note.citations()) if key in note.passages]
    if cited:
        heading(labels["sources"], 1)
        for key in cited:
            passage = note.passages[key]
            where = _locator(labels, passage.page, passage.paragraph)
            paragraph(f"[{key}] {passage.file}, {where} — {passage.text}")
    return save_atomically(doc, path)
