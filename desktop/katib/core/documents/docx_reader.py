"""Word .docx reader: body, tables, headers and footers, lists, tracked changes.

Parsed straight from the package with a safe XML parser (no entity is ever
resolved, no DTD or network is ever loaded) rather than with python-docx,
which skips headers inside tables, tracked insertions and field results. The
text is the "all changes accepted" view: insertions kept, deletions dropped.
Pages follow the breaks Word last rendered (`w:lastRenderedPageBreak`) and
explicit page breaks, so a citation's page matches what the author saw.
An encrypted .docx is an OLE2 container, not a zip: with a password it is
decrypted in memory with msoffcrypto-tool.
"""

from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

from katib.core.documents.errors import (
    DamagedDocument,
    DocumentTooLarge,
    PasswordRequired,
    WrongPassword,
)
from katib.core.documents.limits import Deadline, ReadLimits, human_size, parse_xml
from katib.core.documents.model import BlockBuilder, Document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def decrypt_ooxml(data: bytes, path: str, password: str | None) -> bytes:
    """The zip inside an encrypted Office file, or PasswordRequired / WrongPassword."""
    if password is None:
        raise PasswordRequired(path=path)
    import msoffcrypto

    try:
        office = msoffcrypto.OfficeFile(io.BytesIO(data))
        if not office.is_encrypted():
            raise DamagedDocument(path=path, detail="OLE2 container without a document")
        office.load_key(password=password)
        out = io.BytesIO()
        office.decrypt(out)
    except msoffcrypto.exceptions.InvalidKeyError as exc:
        raise WrongPassword(path=path) from exc
    except (msoffcrypto.exceptions.DecryptionError, msoffcrypto.exceptions.FileFormatError,
            ValueError, KeyError, IndexError, OSError, AssertionError) as exc:
        if "password" in str(exc).lower() or "key" in str(exc).lower():
            raise WrongPassword(path=path) from exc
        raise DamagedDocument(path=path, detail=type(exc).__name__) from exc
    return out.getvalue()


def open_package(data: bytes, path: str, limits: ReadLimits) -> zipfile.ZipFile:
    """Open a zip package, refusing zip bombs before anything is unpacked."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        total = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise DamagedDocument(path=path, detail=str(exc) or type(exc).__name__) from exc
    if total > limits.max_unpacked_bytes:
        raise DocumentTooLarge(path=path, size=human_size(total),
                               limit=human_size(limits.max_unpacked_bytes))
    return package


def read_member(package: zipfile.ZipFile, name: str, path: str):
    """Parse one XML member, or None when it is absent; DamagedDocument when it is broken."""
    try:
        data = package.read(name)
    except KeyError:
        return None
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise DamagedDocument(path=path, detail=f"{name}: {exc}") from exc
    if not data.strip():
        return None
    try:
        return parse_xml(data)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise DamagedDocument(path=path, detail=f"{name}: {exc}") from exc


class _DocxWalker:
    def __init__(self, package, path: str, deadline: Deadline, limits: ReadLimits) -> None:
        self.package = package
        self.path = path
        self.deadline = deadline
        self.limits = limits
        self.out = BlockBuilder()
        self.page = 1
        self.heading_styles: dict[str, int] = {}
        self.list_styles: set[str] = set()

    # -- styles -----------------------------------------------------------
    def load_styles(self) -> None:
        styles = read_member(self.package, "word/styles.xml", self.path)
        if styles is None:
            return
        for style in styles.iter(w("style")):
            style_id = style.get(w("styleId")) or ""
            name_el = style.find(w("name"))
            name = (name_el.get(w("val")) if name_el is not None else "") or ""
            low = name.lower().replace(" ", "")
            for prefix in ("heading", "titre", "title"):
                if low.startswith(prefix):
                    digits = low[len(prefix):]
                    self.heading_styles[style_id] = int(digits) if digits.isdigit() else 1
            ppr = style.find(w("pPr"))
            if ppr is not None and ppr.find(w("numPr")) is not None or "list" in low:
                self.list_styles.add(style_id)

    # -- text ---------------------------------------------------------------
    def run_text(self, element) -> str:
        """Visible text of a paragraph: insertions kept, deletions and field codes skipped."""
        pieces: list[str] = []
        for node in element.iter():
            tag = node.tag
            if not isinstance(tag, str):
                continue  # comments, processing instructions, unresolved entities
            if tag == w("t"):
                pieces.append("".join(t for t in node.xpath("text()")))
            elif tag in (w("tab"), w("ptab")):
                pieces.append("\t")
            elif tag in (w("br"), w("cr")):
                if node.get(w("type")) == "page":
                    self.page += 1
                pieces.append("\n" if tag == w("cr") or node.get(w("type")) != "page" else " ")
            elif tag == w("lastRenderedPageBreak"):
                self.page += 1
            elif tag == w("noBreakHyphen"):
                pieces.append("-")
            elif tag == w("sym"):
                pieces.append(" ")
        return "".join(pieces)

    def paragraph(self, p, part: str) -> None:
        # Drop deleted runs and field instructions before taking text.
        ppr = p.find(w("pPr"))
        kind, level = "paragraph", 0
        if ppr is not None:
            style = ppr.find(w("pStyle"))
            style_id = style.get(w("val")) if style is not None else ""
            outline = ppr.find(w("outlineLvl"))
            if style_id in self.heading_styles:
                kind, level = "heading", self.heading_styles[style_id]
            elif outline is not None and (outline.get(w("val")) or "9").isdigit() \
                    and int(outline.get(w("val"))) < 9:
                kind, level = "heading", int(outline.get(w("val"))) + 1
            elif ppr.find(w("numPr")) is not None or style_id in self.list_styles:
                ilvl = ppr.find(f"{w('numPr')}/{w('ilvl')}")
                kind = "list_item"
                level = int(ilvl.get(w("val"), "0")) if ilvl is not None and \
                    (ilvl.get(w("val")) or "").isdigit() else 0
        page_before = self.page
        text = self.run_text(p)
        page = page_before if part == "body" else None
        self.out.add(kind, text, page=page, part=part, level=level)
        self._check()

    def table(self, tbl, part: str) -> None:
        for row in tbl.iter(w("tr")):
            cells = []
            for cell in row.findall(w("tc")):
                cell_texts = []
                for p in cell.iter(w("p")):
                    cell_texts.append(self.run_text(p).strip())
                cells.append(" ".join(t for t in cell_texts if t))
            page = self.page if part == "body" else None
            self.out.add("table_row", " | ".join(cells), page=page, part=part)
            self._check()

    def container(self, root, part: str) -> None:
        for child in root:
            tag = child.tag
            if tag == w("p"):
                self.paragraph(child, part)
            elif tag == w("tbl"):
                self.table(child, part)
            elif tag in (w("sdt"), w("customXml"), w("ins"), w("smartTag")):
                content = child.find(w("sdtContent"))
                self.container(content if content is not None else child, part)

    def _check(self) -> None:
        self.deadline.check()
        if len(self.out.blocks) > self.limits.max_blocks:
            raise DocumentTooLarge(path=self.path, size=f"{len(self.out.blocks)} blocks",
                                   limit=f"{self.limits.max_blocks} blocks")

    def related_parts(self, kinds: tuple[str, ...]) -> list[str]:
        rels = read_member(self.package, "word/_rels/document.xml.rels", self.path)
        names = []
        if rels is None:
            return names
        for rel in rels.iter(f"{{{PKG_REL}}}Relationship"):
            rel_type = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            if rel_type in kinds and rel.get("TargetMode") != "External" and target:
                name = posixpath.normpath(posixpath.join("word", target)).lstrip("/")
                names.append(name)
        return sorted(set(names))


def _strip_hidden(root) -> None:
    """Remove deleted text and field instructions so they never reach the reader."""
    for tag in ("del", "delText", "instrText", "moveFrom"):
        for node in list(root.iter(w(tag))):
            parent = node.getparent()
            if parent is not None:
                parent.remove(node)


def read_docx(path: str, data: bytes, password: str | None, limits: ReadLimits,
              deadline: Deadline) -> Document:
    """Read a .docx (or an encrypted one, given its password)."""
    if data.startswith(OLE_MAGIC):
        data = decrypt_ooxml(data, path, password)
    package = open_package(data, path, limits)
    body_root = read_member(package, "word/document.xml", path)
    if body_root is None:
        raise DamagedDocument(path=path, detail="word/document.xml is missing")
    walker = _DocxWalker(package, path, deadline, limits)
    walker.load_styles()
    for name in walker.related_parts(("header",)):
        root = read_member(package, name, path)
        if root is not None:
            _strip_hidden(root)
            walker.container(root, "header")
    body = body_root.find(w("body"))
    if body is not None:
        _strip_hidden(body)
        walker.container(body, "body")
    for kinds, part in ((("footnotes", "endnotes"), "note"), (("footer",), "footer")):
        for name in walker.related_parts(kinds):
            root = read_member(package, name, path)
            if root is None:
                continue
            _strip_hidden(root)
            for child in root:
                if child.tag in (w("footnote"), w("endnote")):
                    if child.get(w("type")) in ("separator", "continuationSeparator"):
                        continue
                    walker.container(child, part)
                elif child.tag in (w("p"), w("tbl"), w("sdt")):
                    walker.container([child], part)
    pages = walker.page if any(b.part == "body" for b in walker.out.blocks) else None
    return Document(path=path, format="docx", blocks=walker.out.blocks, pages=pages)

