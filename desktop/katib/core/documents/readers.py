"""`read_document(path)`: any file Katib reads, as one Document of numbered blocks.

The format is decided from the file's first bytes when they are telling (a
PDF, a zip package, an OLE2 container) and from its extension otherwise, so a
.docx renamed .pdf is still read, and a file that is neither gets a clear
"unsupported" message. Every failure is a typed DocumentError with a sentence
in French, Arabic and English.
"""

from __future__ import annotations

import multiprocessing
import os
import zipfile
from pathlib import Path

from katib.core.documents.errors import (
    DamagedDocument,
    DocumentNotFound,
    DocumentTooLarge,
    EmptyDocument,
    ReadTimeout,
    UnsupportedFormat,
)
from katib.core.documents.language import detect_language
from katib.core.documents.limits import Deadline, ReadLimits, human_size
from katib.core.documents.model import Document
from katib.core.errors import DocumentError, KatibError

SUPPORTED = (".docx", ".pdf", ".txt", ".md", ".markdown", ".odt", ".html", ".htm", ".eml")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes, suffix: str) -> str:
    """The reader to use: "pdf", "docx", "odt", "txt", "md", "html", "eml" or ""."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK"):
        try:
            names = set(zipfile.ZipFile(__import__("io").BytesIO(data)).namelist())
        except (zipfile.BadZipFile, ValueError, OSError, EOFError):
            names = set()
        if "word/document.xml" in names:
            return "docx"
        if "content.xml" in names:
            return "odt"
        if suffix in (".docx", ".odt"):
            return suffix[1:]  # a broken package: its reader says "damaged"
        return ""
    if data.startswith(OLE_MAGIC):
        # Encrypted Office files are OLE2 containers; an old binary .doc is too.
        return "docx" if suffix in (".docx", ".docm", ".dotx") else ""
    return {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
            ".eml": "eml", ".docx": "docx", ".odt": "odt", ".pdf": "pdf"}.get(suffix, "")


def _read(path: Path, password: str | None, limits: ReadLimits) -> Document:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentNotFound(path=path.name) from exc
    if not path.is_file():
        raise DocumentNotFound(path=path.name)
    if size > limits.max_bytes:
        raise DocumentTooLarge(path=path.name, size=human_size(size),
                               limit=human_size(limits.max_bytes))
    if size == 0:
        raise EmptyDocument(path=path.name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentNotFound(path=path.name) from exc
    suffix = path.suffix.lower()
    kind = sniff(data, suffix)
    deadline = Deadline(limits.seconds, path.name)
    name = path.name
    if kind == "pdf":
        from katib.core.documents.pdf_reader import read_pdf
        doc = read_pdf(name, data, password, limits, deadline)
    elif kind == "docx":
        from katib.core.documents.docx_reader import read_docx
        doc = read_docx(name, data, password, limits, deadline)
    elif kind == "odt":
        from katib.core.documents.odt_reader import read_odt
        doc = read_odt(name, data, limits, deadline)
    elif kind in ("txt", "md"):
        from katib.core.documents.text_reader import read_text
        doc = read_text(name, data, limits, deadline, markdown=kind == "md")
    elif kind == "html":
        from katib.core.documents.html_reader import read_html
        doc = read_html(name, data, limits, deadline)
    elif kind == "eml":
        from katib.core.documents.eml_reader import read_eml
        doc = read_eml(name, data, limits, deadline)
    else:
        raise UnsupportedFormat(path=name, kind=suffix or "?")
    if not doc.blocks:
        raise EmptyDocument(path=name)
    doc.path = str(path)
    doc.language = detect_language(" ".join(b.text for b in doc.blocks[:400]))
    if not doc.title:
        doc.title = next((b.text for b in doc.blocks if b.kind == "heading"), "")[:200]
    return doc


def read_document(path: str | os.PathLike, password: str | None = None, *,
                  limits: ReadLimits | None = None, isolated: bool = False) -> Document:
    """Read any supported file into a Document.

    Raises a DocumentError subclass (PasswordRequired, WrongPassword,
    NoTextLayer, DamagedDocument, EmptyDocument, UnsupportedFormat,
    DocumentTooLarge, ReadTimeout, DocumentNotFound) — never anything else.
    `isolated=True` reads in a child process killed after `limits.seconds`,
    for files from unknown sources.
    """
    limits = limits or ReadLimits()
    path = Path(path)
    if isolated:
        return _read_isolated(path, password, limits)
    try:
        return _read(path, password, limits)
    except DocumentError:
        raise
    except KatibError as exc:
        raise DamagedDocument(path=path.name, detail=exc.localized("en")) from exc
    except RecursionError as exc:
        raise DamagedDocument(path=path.name, detail="nested too deeply") from exc
    except MemoryError as exc:
        raise DocumentTooLarge(path=path.name, size="?", limit="memory") from exc
    except Exception as exc:
        raise DamagedDocument(path=path.name, detail=f"{type(exc).__name__}: {exc}"[:200]) \
            from exc


def _child(path: str, password: str | None, limits: ReadLimits, conn) -> None:
    try:
        conn.send(("ok", read_document(path, password, limits=limits)))
    except DocumentError as exc:
        conn.send(("error", type(exc).__name__, exc.key, exc.params))
    finally:
        conn.close()


def _read_isolated(path: Path, password: str | None, limits: ReadLimits) -> Document:
    from katib.core.documents import errors as error_types

    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(str(path), password, limits, child),
                              daemon=True)
    process.start()
    child.close()
    try:
        if not parent.poll(limits.seconds + 10):  # + start-up of the child interpreter
            raise ReadTimeout(path=path.name, seconds=int(limits.seconds))
        result = parent.recv()
    except EOFError as exc:
        raise DamagedDocument(path=path.name, detail="the reader stopped") from exc
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        parent.close()
    if result[0] == "ok":
        return result[1]
    _, name, key, params = result
    cls = getattr(error_types, name, DamagedDocument)
    raise cls(key, **params)
