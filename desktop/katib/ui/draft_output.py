"""Getting a draft out of the window: the whole text, a printable document, a .docx."""

from __future__ import annotations

import copy
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCursor, QTextDocument, QTextOption

from katib.core.documents.bidi_text import mark_ltr_runs
from katib.core.settings import OfficeIdentity


def with_body(draft, body: str):
    """A copy of `draft` carrying the body as the user edited it."""
    edited = copy.copy(draft)
    edited.body = body
    return edited


def text_before_and_after(draft) -> tuple[str, str]:
    """The frame's text above the body (letterhead … appel) and below it (politesse …)."""
    before, after, seen_body = [], [], False
    for block in draft.blocks:
        if block.kind == "body":
            seen_body = True
            continue
        if block.text.strip():
            (after if seen_body else before).append(block.text.strip())
    return "\n\n".join(before), "\n\n".join(after)


def printable_document(draft, body: str) -> QTextDocument:
    """The letter as a QTextDocument for print preview, right to left for Arabic."""
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Serif", 11))
    option = document.defaultTextOption()
    rtl = draft.lang == "ar"
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    cursor = QTextCursor(document)
    first = True
    for block in draft.blocks:
        text = body if block.kind == "body" else block.text
        if not text.strip():
            continue
        fmt = QTextBlockFormat()
        fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        align = {"end": Qt.AlignmentFlag.AlignTrailing, "center": Qt.AlignmentFlag.AlignHCenter}
        fmt.setAlignment(align.get(block.align, Qt.AlignmentFlag.AlignLeading))
        fmt.setBottomMargin(10)
        if rtl:  # phone numbers and references keep their order on paper too
            text = mark_ltr_runs(text, rtl=True)
        for index, line in enumerate(text.strip().split("\n")):
            if first:
                cursor.setBlockFormat(fmt)
                first = False
            else:
                cursor.insertBlock(fmt)
            char_format = cursor.charFormat()
            char_format.setFontWeight(QFont.Weight.Bold if block.bold else QFont.Weight.Normal)
            cursor.insertText(line, char_format)
    return document


def export_name(draft) -> str:
    """A file name from the draft's title: letters, digits and dashes only."""
    stem = re.sub(r"[^\w\-]+", "-", draft.title or draft.type_id, flags=re.UNICODE).strip("-")
    return (stem[:60] or "katib") + ".docx"


def export_docx(draft, body: str, path: str | Path, office: OfficeIdentity) -> Path:
    """Write the edited draft to `path` (runs in the background)."""
    from katib.core.drafting import write_docx

    result = write_docx(with_body(draft, body), Path(path), office)
    return Path(result) if result else Path(path)
