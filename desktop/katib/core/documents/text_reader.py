"""Plain text and Markdown: the encoding is detected, then blocks are cut at blank lines.

Offices still save text in Windows-1252 (French) and Windows-1256 (Arabic),
or UTF-16 from Notepad. A byte-order mark decides first; otherwise
charset-normalizer picks among the encodings Katib's users produce, and we
prefer UTF-8 whenever the bytes are valid UTF-8.
"""

from __future__ import annotations

import codecs
import re

from katib.core.documents.errors import DamagedDocument, EmptyDocument
from katib.core.documents.limits import Deadline, ReadLimits
from katib.core.documents.model import BlockBuilder, Document

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"))
CANDIDATES = ["utf_8", "utf_16", "cp1252", "cp1256", "latin_1"]
MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
MD_LIST = re.compile(r"^(\s*)([-*+•]|\d{1,3}[.)])\s+(.*)$")
MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is zero in Latin text."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_zero = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_zero = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_zero > 0.3 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.3 and odd_zero < 0.05:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding name) for bytes of unknown encoding."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    utf16 = _looks_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=CANDIDATES).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    return data.decode("cp1252", errors="replace"), "cp1252"


def text_blocks(text: str, markdown: bool, out: BlockBuilder, deadline: Deadline,
                page: int | None = None, part: str = "body") -> None:
    """Cut text into blocks: blank lines separate paragraphs; Markdown marks give kinds."""
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.add("paragraph", " ".join(paragraph), page=page, part=part)
            paragraph.clear()

    for count, raw in enumerate(text.splitlines()):
        if count % 2000 == 0:
            deadline.check()
        line = raw.strip()
        if not line:
            flush()
            continue
        heading = MD_HEADING.match(line) if markdown else None
        listed = MD_LIST.match(raw) if markdown else None
        if heading:
            flush()
            out.add("heading", heading.group(2), page=page, part=part,
                    level=len(heading.group(1)))
        elif listed:
            flush()
            out.add("list_item", listed.group(3), page=page, part=part,
                    level=len(listed.group(1).expandtabs(4)) // 2)
        elif markdown and line.startswith("|"):
            flush()
            if not MD_TABLE_RULE.match(line):
                cells = [c.strip() for c in line.strip("|").split("|")]
                out.add("table_row", " | ".join(cells), page=page, part=part)
        else:
            paragraph.append(line)
    flush()


def read_text(path: str, data: bytes, limits: ReadLimits, deadline: Deadline,
              markdown: bool = False) -> Document:
    """Read a .txt or .md file."""
    if not data.strip():
        raise EmptyDocument(path=path)
    text, encoding = decode_text(data)
    if text.count("\ufffd") > max(20, len(text) // 10) or text.count("\x00") > len(text) // 10:
        raise DamagedDocument(path=path, detail="binary data, not text")
    text = text.replace("\x00", "")
    out = BlockBuilder()
    text_blocks(text, markdown, out, deadline)
    if not out.blocks:
        raise EmptyDocument(path=path)
    doc = Document(path=path, format="md" if markdown else "txt", blocks=out.blocks)
    doc.warnings.append(f"encoding: {encoding}")
    return doc


def document_from_text(text: str, name: str = "text", markdown: bool = False) -> Document:
    """A Document from text already in memory (a pasted text, an evaluation sample)."""
    from katib.core.documents.language import detect_language
    from katib.core.documents.limits import Deadline

    out = BlockBuilder()
    text_blocks(text, markdown, out, Deadline(600, name))
    if not out.blocks:
        raise EmptyDocument(path=name)
    doc = Document(path=name, format="md" if markdown else "txt", blocks=out.blocks)
    doc.language = detect_language(" ".join(b.text for b in doc.blocks[:400]))
    return doc
