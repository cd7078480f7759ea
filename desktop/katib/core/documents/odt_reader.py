"""OpenDocument text (.odt, LibreOffice's format): content.xml read with a safe parser."""

from __future__ import annotations

from katib.core.documents.docx_reader import open_package, read_member
from katib.core.documents.errors import DamagedDocument, PasswordRequired
from katib.core.documents.limits import Deadline, ReadLimits
from katib.core.documents.model import BlockBuilder, Document

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"


def t(tag: str) -> str:
    return f"{{{TEXT}}}{tag}"


def _text(element) -> str:
    """Text of a paragraph: spaces (text:s), tabs and line breaks restored, notes skipped."""
    pieces: list[str] = []
    if element.text:
        pieces.append(element.text)
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == t("s"):
            pieces.append(" " * int(child.get(t("c"), "1") or 1) if
                          (child.get(t("c"), "1") or "1").isdigit() else " ")
        elif tag in (t("tab"), t("line-break")):
            pieces.append(" ")
        elif tag in (t("note"), t("tracked-changes")) or not tag:
            pass
        else:
            pieces.append(_text(child))
        if child.tail:
            pieces.append(child.tail)
    return "".join(pieces)


def _walk(element, out: BlockBuilder, deadline: Deadline, depth: int = 0) -> None:
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == t("h"):
            level = child.get(t("outline-level"), "1")
            out.add("heading", _text(child), level=int(level) if level.isdigit() else 1)
        elif tag == t("p"):
            out.add("paragraph", _text(child))
        elif tag == t("list"):
            for item in child.iter(t("list-item")):
                for p in item:
                    if p.tag in (t("p"), t("h")):
                        out.add("list_item", _text(p), level=depth)
        elif tag == f"{{{TABLE}}}table-row":
            cells = [" ".join(_text(p) for p in cell.iter(t("p")))
                     for cell in child if isinstance(cell.tag, str) and
                     cell.tag.endswith("table-cell")]
            out.add("table_row", " | ".join(cells))
        elif tag in (t("tracked-changes"),):
            continue
        else:
            _walk(child, out, deadline, depth)
        deadline.check()


def read_odt(path: str, data: bytes, limits: ReadLimits, deadline: Deadline) -> Document:
    """Read an .odt file's body (headings, paragraphs, lists, tables)."""
    package = open_package(data, path, limits)
    manifest = read_member(package, "META-INF/manifest.xml", path)
    if manifest is not None and manifest.find(f".//{{{MANIFEST}}}encryption-data") is not None:
        raise PasswordRequired(path=path)
    content = read_member(package, "content.xml", path)
    if content is None:
        raise DamagedDocument(path=path, detail="content.xml is missing")
    out = BlockBuilder()
    body = content.find(f".//{{{'urn:oasis:names:tc:opendocument:xmlns:office:1.0'}}}text")
    _walk(body if body is not None else content, out, deadline)
    return Document(path=path, format="odt", blocks=out.blocks)
