"""Irreversible anonymization of a .docx: every paragraph of every part, and the properties.

Personal data can sit anywhere in a Word file: the body, tables, text boxes,
headers and footers, footnotes, comments, and the document's properties
(author, title). Each paragraph's text is read across its runs (a name is
often split over two runs), masked with one `Masking` for the whole file (so
"[NOM-1]" is the same person everywhere), and written back run by run so the
formatting stays. The mapping is dropped: nothing in the result can restore it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from katib.core.documents.docx_bidi import save_atomically
from katib.core.privacy.anonymize import Masking

_TEXT_PARTS = ("document.main", "header", "footer", "footnotes", "endnotes", "comments")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _mask_paragraph(paragraph, masking: Masking) -> int:
    texts = [t for t in paragraph.iter(qn("w:t"))]
    if not texts:
        return 0
    full = "".join(t.text or "" for t in texts)
    findings = masking.find(full)
    if not findings:
        return 0
    starts = {f.start: masking.label_for(f) for f in findings}
    masked = {i for f in findings for i in range(f.start, f.end)}
    pos = 0
    for t in texts:
        original = t.text or ""
        out = []
        for i in range(pos, pos + len(original)):
            if i in starts:
                out.append(starts[i])
            if i not in masked:
                out.append(full[i])
        pos += len(original)
        t.text = "".join(out)
        t.set(_XML_SPACE, "preserve")
    return len(findings)


def _mask_tree(root, masking: Masking) -> int:
    return sum(_mask_paragraph(p, masking) for p in root.iter(qn("w:p")))


def redact_docx(source: str | Path, target: str | Path, names: Iterable[str] = (),
                lang: str = "fr", masking: Masking | dict | None = None) -> int:
    """Write an anonymized copy of `source` to `target` (atomically); returns how many
    pieces of personal data were masked. `source` itself is never modified.

    `masking`: the mapping of an item masked inside Katib (`Masking` or its dict).
    Its labels are reused, so the export says [NOM-1] where the screen does, and
    every value it masked is masked again wherever the export repeats it (the
    letterhead, the recipient, a cited source). It is only read: the file gets
    the labels, never the mapping, so the export cannot be reversed.
    """
    document = Document(str(source))
    if masking is not None:
        data = masking.to_dict() if isinstance(masking, Masking) else masking
        masking = Masking.from_dict(data)  # a copy: the item's own mapping stays as it was
        masking.names = list(dict.fromkeys([*masking.names, *(n for n in names if n)]))
    else:
        masking = Masking(lang=lang, names=[n for n in names if n])
    count = 0
    for part in document.part.package.iter_parts():
        if not any(kind in part.content_type for kind in _TEXT_PARTS):
            continue
        element = getattr(part, "_element", None)
        if element is not None:
            count += _mask_tree(element, masking)
        else:  # parts python-docx keeps as bytes (footnotes, comments in older versions)
            root = etree.fromstring(part.blob, parser=etree.XMLParser(resolve_entities=False))
            found = _mask_tree(root, masking)
            if found:
                part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                            standalone=True)
            count += found
    props = document.core_properties
    props.author = ""
    props.last_modified_by = ""
    for attribute in ("title", "subject", "keywords", "comments", "category"):
        value = getattr(props, attribute) or ""
        if value:
            setattr(props, attribute, masking.mask(value))
    save_atomically(document, Path(target))
    return count
