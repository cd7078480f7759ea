"""Right-to-left and safe-saving helpers for python-docx, shared by every .docx writer.

python-docx has no paragraph-level right-to-left switch. Word and LibreOffice
need `w:bidi` on the paragraph, `w:rtl` on each run, complex-script fonts and
sizes (`w:cs`, `w:szCs`, `w:bCs`), and `w:bidiVisual` on tables.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

ARABIC_FONT = "Arial"  # present in Word and LibreOffice; covers Arabic
LATIN_FONT = "Calibri"


def _get_or_add(parent, tag: str):
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        parent.append(element)
    return element


def set_paragraph_rtl(paragraph, rtl: bool = True) -> None:
    """Mark a paragraph right to left (`w:bidi`), so alignment 'start' is the right edge."""
    ppr = paragraph._p.get_or_add_pPr()
    bidi = ppr.find(qn("w:bidi"))
    if rtl and bidi is None:
        bidi = OxmlElement("w:bidi")
        # w:bidi must come early in pPr; inserting first keeps Word's schema order.
        ppr.insert(0, bidi)
    elif not rtl and bidi is not None:
        ppr.remove(bidi)


def set_run_rtl(run, rtl: bool = True, size_pt: float | None = None, bold: bool | None = None,
                font: str | None = None) -> None:
    """Mark a run right to left with complex-script font, size and weight."""
    rpr = run._r.get_or_add_rPr()
    fonts = _get_or_add(rpr, "w:rFonts")
    name = font or (ARABIC_FONT if rtl else LATIN_FONT)
    fonts.set(qn("w:cs"), name)
    if rtl:
        fonts.set(qn("w:ascii"), name)
        fonts.set(qn("w:hAnsi"), name)
        _get_or_add(rpr, "w:rtl")
    if size_pt is not None:
        _get_or_add(rpr, "w:szCs").set(qn("w:val"), str(int(size_pt * 2)))
    if bold:
        _get_or_add(rpr, "w:bCs")


def set_table_rtl(table) -> None:
    """Mirror a table's column order for a right-to-left document."""
    tblpr = table._tbl.tblPr
    _get_or_add(tblpr, "w:bidiVisual")


def set_section_rtl(section) -> None:
    """Right-to-left page (gutter and columns) for an Arabic document."""
    _get_or_add(section._sectPr, "w:bidi")


def save_atomically(document, path: str | Path) -> Path:
    """Save a python-docx Document so a crash never leaves a half-written file in place.

    The file is written beside the target, flushed, then renamed over it.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Built in memory first: a disk that fills up mid-write then fails on a plain write,
    # not inside python-docx's zip writer (which leaves a half-closed ZipFile behind).
    buffer = io.BytesIO()
    document.save(buffer)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".docx.part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(buffer.getbuffer())
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o600)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return path
