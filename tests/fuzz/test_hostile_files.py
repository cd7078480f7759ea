"""Crafted hostile files, read with Katib's default limits: refused safely, quickly, clearly.

Each file is read in the fuzz worker (harness.Worker): a crash of the process,
a hang or a network attempt would show as a failure rather than take pytest down.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_cases import DOCX_RELS, DOCX_TYPES, ODT_MANIFEST, ODT_NS, W, _pdf  # noqa: E402
from harness import Worker  # noqa: E402

from katib.core.documents.limits import ReadLimits  # noqa: E402
from katib.core.documents.readers import read_document  # noqa: E402
from katib.core.errors import DocumentError  # noqa: E402

DEFAULT = ReadLimits()


@pytest.fixture(scope="module")
def worker():
    w = Worker()
    yield w
    w.stop()


def docx(document_xml: str | bytes, extra: dict | None = None) -> bytes:
    data = document_xml.encode() if isinstance(document_xml, str) else document_xml
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", DOCX_TYPES)
        package.writestr("_rels/.rels", DOCX_RELS)
        package.writestr("word/document.xml", data)
        for name, value in (extra or {}).items():
            package.writestr(name, value)
    return buffer.getvalue()


def odt(content_xml: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", content_xml)
        package.writestr("META-INF/manifest.xml", ODT_MANIFEST)
    return buffer.getvalue()


def body(paragraphs: str, doctype: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<w:document xmlns:w="{W}"><w:body>'
            f"{paragraphs}</w:body></w:document>")


def p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def bomb(member: str, megabytes: int) -> bytes:
    """`megabytes` of zeros deflated into about a thousandth of that."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        with package.open(member, "w", force_zip64=True) as out:
            chunk = bytes(1024 * 1024)
            for _ in range(megabytes):
                out.write(chunk)
    return buffer.getvalue()


def read(worker, suffix: str, data: bytes) -> tuple[str, str, float]:
    status, detail, seconds = worker.run(("read", suffix, data))
    assert status == "ok", detail
    return status, detail, seconds


def test_zip_bombs_in_docx_and_odt_are_refused_before_unpacking(worker, tmp_path):
    big = DEFAULT.max_unpacked_bytes // (1024 * 1024) + 50  # just past the default limit
    for suffix, base in ((".docx", docx(body(p("Objet : bombe")))),
                         (".odt", odt(f"<office:document-content {ODT_NS}><office:body>"
                                      "<office:text><text:p>Objet</text:p></office:text>"
                                      "</office:body></office:document-content>"))):
        payload = io.BytesIO(bomb("word/media/image1.png" if suffix == ".docx"
                                  else "Pictures/image1.png", big))
        with zipfile.ZipFile(payload, "a") as package, zipfile.ZipFile(io.BytesIO(base)) as src:
            for name in src.namelist():
                package.writestr(name, src.read(name))
        data = payload.getvalue()
        assert len(data) < 2 * 1024 * 1024  # a small file on disk…
        _, detail, seconds = read(worker, suffix, data)
        assert detail == "refused:document.too_large", (suffix, detail)  # …refused by size
        assert seconds < 5
    path = tmp_path / "normal.docx"
    path.write_bytes(docx(body(p("Objet : normal")), {"word/media/a.bin": bytes(10)}))
    assert read_document(path).blocks  # and a normal package with media still reads


def test_a_zip_that_lies_about_its_sizes_is_damaged_not_unpacked(worker):
    """Central directory says 1 KB; the deflated stream holds 200 MB of zeros."""
    real = bomb("word/document.xml", 200)
    info = zipfile.ZipFile(io.BytesIO(real)).infolist()[0]
    data = bytearray(real)
    # Patch the declared size in the zip64 extra fields and the 32-bit fields.
    for old in (info.file_size.to_bytes(8, "little"),):
        data = bytearray(bytes(data).replace(old, (1024).to_bytes(8, "little")))
    _, detail, seconds = read(worker, ".docx", bytes(data))
    assert detail.startswith("refused:"), detail
    assert seconds < 10


def test_billion_laughs_is_refused_or_inert(worker):
    lol = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    for suffix, data in (
            (".docx", docx(body(p("&l9;"), f"<!DOCTYPE d [{lol}]>"))),
            (".odt", odt(f'<?xml version="1.0"?><!DOCTYPE d [{lol}]><office:document-content '
                         f"{ODT_NS}><office:body><office:text><text:p>&l9;</text:p>"
                         "</office:text></office:body></office:document-content>"))):
        _, detail, seconds = read(worker, suffix, data)
        assert detail in ("refused:document.damaged", "refused:document.empty"), detail
        assert seconds < 5


def test_external_entities_are_never_loaded_and_nothing_is_fetched(tmp_path):
    """Read in a network namespace under strace: no file content, no connect() at all."""
    secret = tmp_path / "secret.txt"
    secret.write_text("CONTENU-SECRET-DU-DISQUE")
    doctype = (f'<!DOCTYPE d SYSTEM "http://192.0.2.1/evil.dtd" [<!ENTITY f SYSTEM '
               f'"file://{secret}"><!ENTITY n SYSTEM "http://192.0.2.1/n.txt">]>')
    files = {"xxe.docx": docx(body(p("Objet &f; &n;") + p("Texte normal"), doctype)),
             "xxe.odt": odt(f'<?xml version="1.0"?>{doctype}<office:document-content {ODT_NS}>'
                            "<office:body><office:text><text:p>Objet &f; &n;</text:p>"
                            "</office:text></office:body></office:document-content>"),
             "xxe.html": (f'<!DOCTYPE html SYSTEM "http://192.0.2.1/x.dtd"><p>Objet</p>'
                          f'<img src="http://192.0.2.1/pixel.png"><iframe src="file://{secret}">'
                          "</iframe>").encode()}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    trace = tmp_path / "trace.txt"
    code = textwrap.dedent(f"""
        import json, pathlib
        from katib.core.documents.readers import read_document
        from katib.core.errors import DocumentError
        out = {{}}
        for name in {sorted(files)!r}:
            try:
                doc = read_document(pathlib.Path({str(tmp_path)!r}) / name)
                out[name] = " ".join(b.text for b in doc.blocks)
            except DocumentError as exc:
                out[name] = "refused:" + exc.key
        print(json.dumps(out))
    """)
    unshare = ["unshare", "-n"] if os.geteuid() == 0 else ["unshare", "-rn"]
    run = subprocess.run(unshare + ["strace", "-f", "-qq", "-e", "trace=connect", "-o",
                                    str(trace), sys.executable, "-c", code],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    import json

    texts = json.loads(run.stdout.strip().splitlines()[-1])
    for name, text in texts.items():
        assert "CONTENU-SECRET" not in text, name
    assert "Texte normal" in texts["xxe.docx"] or texts["xxe.docx"].startswith("refused:")
    inet = [line for line in trace.read_text().splitlines() if "AF_INET" in line]
    assert inet == []


def test_deeply_nested_and_looping_pdfs_are_refused_or_read(worker):
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R%s >>"
    stream = b"BT /F1 12 Tf 72 720 Td (Objet) Tj ET"
    content = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    cases = {
        "deep_array": [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] "
                       b"/Count 1 >>", page % (b" /X " + b"[" * 100_000 + b"]" * 100_000), content],
        "deep_dict": [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] "
                      b"/Count 1 >>", page % (b" /X " + b"<< /A " * 20_000 + b"1" + b" >>" * 20_000),
                      content],
        "kids_loop": [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R 3 0 R]"
                      b" /Count 2 >>", page % b"", content],
    }
    # A page tree 20,000 levels deep.
    deep = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    levels = 20_000
    for level in range(levels):
        child = b"%d 0 R" % (level + 3) if level < levels - 1 else b"%d 0 R" % (levels + 2)
        deep.append(b"<< /Type /Pages /Kids [" + child + b"] /Count 1 >>")
    deep.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R >>"
                % (levels + 3))
    deep.append(content)
    cases["deep_kids"] = deep
    for name, objects in cases.items():
        start = time.perf_counter()
        status, detail, _ = worker.run(("read", ".pdf", _pdf(objects, xref=True)))
        assert status == "ok", (name, detail)  # no crash, no hang, no stray exception
        assert detail == "document" or detail.startswith("refused:"), (name, detail)
        assert time.perf_counter() - start < 60


def test_too_many_pages_is_a_clear_message(tmp_path):
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for _ in range(60):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>")
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + \
        b"] /Count 60 >>"
    path = tmp_path / "long.pdf"
    path.write_bytes(_pdf(objects, xref=True))
    with pytest.raises(DocumentError) as err:
        read_document(path, limits=ReadLimits(max_pages=50))
    assert err.value.key in ("document.too_large", "document.no_text_layer", "document.empty")
    assert err.value.localized("ar") and err.value.localized("fr")


def test_deep_html_and_markdown_do_not_overflow(worker):
    for suffix, data in ((".html", b"<div>" * 200_000 + b"Objet" + b"</div>" * 200_000),
                         (".md", b"> " * 100_000 + b"Objet\n" + b"- " * 100_000 + b"x\n")):
        status, detail, seconds = worker.run(("read", suffix, data))
        assert status == "ok", detail
        assert seconds < 60
    # 50,000 nested <div> used to run into the time limit (a quadratic parent lookup).
    status, detail, _ = worker.run(("read", ".html", b"<div>" * 50_000 + b"Objet" +
                                    b"</div>" * 50_000))
    assert (status, detail) == ("ok", "document")


def test_a_shared_template_with_a_script_is_rejected_with_name_and_line(tmp_path):
    from katib.core.drafting.templates import load_templates

    source = (Path(__file__).resolve().parents[2] / "resources" / "templates" /
              "attestation.toml").read_text(encoding="utf-8").splitlines()
    line = source.index('en = "Certificate"')
    source[line] = 'en = "Certificate <script>fetch(\'http://192.0.2.1\')</script>"'
    (tmp_path / "partage.toml").write_text("\n".join(source), encoding="utf-8")
    loaded = load_templates([tmp_path], user=False)
    problems = [e for e in loaded.errors if e.name == "partage.toml"]
    assert problems and problems[0].line == line + 1
    message = problems[0].localized("fr")
    assert "partage.toml" in message and str(line + 1) in message
    assert "attestation" in loaded  # the bundled one still works
