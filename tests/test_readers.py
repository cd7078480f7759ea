"""Document readers on the real evaluation files and on files written here."""

from __future__ import annotations

import email.message
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from katib.core.documents.errors import (
    DamagedDocument,
    DocumentNotFound,
    DocumentTooLarge,
    EmptyDocument,
    NoTextLayer,
    PasswordRequired,
    ReadTimeout,
    UnsupportedFormat,
    WrongPassword,
)
from katib.core.documents.limits import ReadLimits
from katib.core.documents.readers import read_document
from katib.core.errors import DocumentError

# The outcome README.md in ../shared/eval/documents names for each file.
TEXT_FILES = {
    "pdf/fr-proces-verbal-2023-06-20.pdf": ("fr", "démolition"),
    "pdf/en-federal-register-2020-17221.pdf": ("en", "Federal Register"),
    "pdf/en-pdflatex-4-pages.pdf": ("en", "Hello, here is some text"),
    "pdf/en-google-doc-document.pdf": ("en", "Beautiful is better than ugly"),
    "pdf/ar-habibi.pdf": ("ar", "حَبيبي"),
    "docx/ComplexNumberedLists.docx": ("en", "numbered lists"),
    "docx/HeaderFooterUnicode.docx": ("en", "€"),
    "docx/Headers.docx": (None, "Section"),
    "docx/IllustrativeCases.docx": ("en", "ILLUSTRATIVE CASES"),
    "docx/Numbering.docx": (None, "Level 1"),
    "docx/SampleDoc.docx": ("en", "test document"),
    "docx/TestDocument.docx": ("en", "test document"),
    "docx/bookmarks.docx": ("en", "Sample Word Document"),
    "docx/bug56075-changeTracking_on.docx": ("en", "Change Tracking"),
    "docx/checkboxes.docx": ("en", "checkboxes"),
    "docx/ExternalEntityInText.docx": ("en", "Here should not be the POI web site"),
}
ERROR_FILES = {
    "pdf/encrypted-password-example.pdf": PasswordRequired,
    "pdf/encrypted-libreoffice-writer-password.pdf": PasswordRequired,
    "pdf/scanned-imagemagick-images.pdf": NoTextLayer,
    "docx/zero-length.docx": EmptyDocument,
    "docx/truncated62886.docx": DamagedDocument,
    "docx/clusterfuzz-testcase-minimized-POIXWPFFuzzer-4791943399604224.docx": DamagedDocument,
    "docx/bug53475-password-is-solrcell.docx": PasswordRequired,
}
PASSWORDS = {
    "pdf/encrypted-password-example.pdf": ("test", "backup4all"),
    "pdf/encrypted-libreoffice-writer-password.pdf": ("openpassword", None),
    "docx/bug53475-password-is-solrcell.docx": ("solrcell", None),
}


@pytest.mark.parametrize("name", sorted(TEXT_FILES))
def test_text_files_give_text_with_locators(eval_dir, name):
    language, needle = TEXT_FILES[name]
    doc = read_document(eval_dir / "documents" / name)
    assert doc.blocks, name
    assert needle in doc.text()
    if language:
        assert doc.language == language
    for index, block in enumerate(doc.blocks, start=1):
        assert block.n == index and block.text.strip() and block.paragraph >= 1
        assert block.kind in ("paragraph", "heading", "table_row", "list_item")
        if doc.format == "pdf":
            assert 1 <= block.page <= doc.pages
    assert doc.block(len(doc.blocks)) is doc.blocks[-1]
    assert doc.block(len(doc.blocks) + 1) is None


@pytest.mark.parametrize("name", sorted(ERROR_FILES))
def test_problem_files_give_typed_errors_in_three_languages(eval_dir, name):
    with pytest.raises(ERROR_FILES[name]) as caught:
        read_document(eval_dir / "documents" / name)
    filename = Path(name).name
    texts = {lang: caught.value.localized(lang) for lang in ("fr", "ar", "en")}
    assert len(set(texts.values())) == 3
    assert all(filename in text for text in texts.values())


def test_broken_pdf_never_crashes(eval_dir):
    try:
        doc = read_document(eval_dir / "documents/pdf/broken-malformed-932.pdf")
        assert doc.blocks
    except DocumentError as exc:  # a clear typed message is an accepted outcome
        assert exc.localized("fr")


@pytest.mark.parametrize("name", sorted(PASSWORDS))
def test_password_opens_the_file_and_a_wrong_one_is_told(eval_dir, name):
    password, needle = PASSWORDS[name]
    path = eval_dir / "documents" / name
    doc = read_document(path, password=password)
    assert doc.blocks and doc.word_count() > 0
    if needle:
        assert needle in doc.text().lower()
    with pytest.raises(WrongPassword):
        read_document(path, password="not-the-password")


def test_pdf_pages_and_paragraphs(eval_dir):
    doc = read_document(eval_dir / "documents/pdf/fr-proces-verbal-2023-06-20.pdf")
    assert doc.pages == 2
    levee = next(b for b in doc.blocks if "La séance est levée" in b.text)
    assert levee.page == 2
    assert any(b.kind == "heading" for b in doc.blocks)
    amount = next(b for b in doc.blocks if "1 200 000" in b.text)
    assert "ATTENDU QUE l’estimation" in amount.text  # a wrapped line stays in its paragraph
    fr = read_document(eval_dir / "documents/pdf/en-federal-register-2020-17221.pdf")
    assert fr.pages == 15 and {b.page for b in fr.blocks} == set(range(1, 16))
    assert max(len(b.text.split()) for b in fr.blocks) <= 160  # citable spans, not pages


def test_docx_parts_lists_tables_and_tracked_changes(eval_dir):
    docs = eval_dir / "documents"
    headers = read_document(docs / "docx/HeaderFooterUnicode.docx")
    parts = {b.part for b in headers.blocks}
    assert {"header", "footer", "body"} <= parts
    numbering = read_document(docs / "docx/Numbering.docx")
    assert sum(b.kind == "list_item" for b in numbering.blocks) >= 5
    table = read_document(docs / "letters-fr/tableau_recap_des_heures_supplementaires.docx")
    rows = [b for b in table.blocks if b.kind == "table_row"]
    assert rows and " | " in rows[0].text
    letter = read_document(docs / "letters-fr/certificat_de_travail.docx")
    assert letter.language == "fr" and letter.title


def test_external_entity_is_never_resolved(eval_dir, tmp_path):
    doc = read_document(eval_dir / "documents/docx/ExternalEntityInText.docx")
    assert "poi.apache.org" not in doc.text() and "<html" not in doc.text().lower()
    # The same attack on a local file: its content must not appear.
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    source = zipfile.ZipFile(eval_dir / "documents/docx/ExternalEntityInText.docx")
    target = tmp_path / "local-entity.docx"
    with zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"http://poi.apache.org/", secret.as_uri().encode())
            out.writestr(item, data)
    doc = read_document(target)
    assert "TOP-SECRET" not in doc.text()
    assert "Here should not be" in doc.text()


def test_billion_laughs_is_refused_or_harmless(tmp_path):
    lol = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i else "")) * 10}">'
                     for i in range(1, 9))
           + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
             'main"><w:body><w:p><w:r><w:t>Texte &lol8;</w:t></w:r></w:p></w:body></w:document>')
    path = tmp_path / "lol.docx"
    with zipfile.ZipFile(path, "w") as out:
        out.writestr("word/document.xml", lol)
    try:
        doc = read_document(path)
        assert len(doc.text()) < 1000
    except DamagedDocument:
        pass


@pytest.mark.parametrize("encoding,text,lang", [
    ("utf-8", "Le conseil municipal a adopté le budget de la commune pour l'année 2024.", "fr"),
    ("utf-16", "Le conseil municipal a adopté le budget de la commune pour l'année 2024.", "fr"),
    ("cp1252", "Le délégué a présenté le procès-verbal de la réunion et les décisions prises.",
     "fr"),
    ("cp1256", ("قرر المجلس الجماعي في دورته العادية المصادقة على الميزانية والبرنامج السنوي "
                "للجماعة وذلك بعد المناقشة."), "ar"),
    ("utf-8", "The committee approved the annual budget of the council after the debate.",
     "en"),
])
def test_text_encodings(tmp_path, encoding, text, lang):
    path = tmp_path / "note.txt"
    path.write_bytes((text + "\n\n" + text + "\n").encode(encoding))
    doc = read_document(path)
    assert doc.blocks[0].text == text
    assert doc.language == lang and len(doc.blocks) == 2


def test_markdown_kinds(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Rapport annuel\n\nLe service a traité les demandes.\n\n- premier point\n"
                    "- second point\n\n| Année | Total |\n|---|---|\n| 2024 | 120 |\n",
                    encoding="utf-8")
    kinds = [b.kind for b in read_document(path).blocks]
    assert kinds == ["heading", "paragraph", "list_item", "list_item", "table_row", "table_row"]


def test_html_drops_scripts_and_keeps_structure(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Avis</title><script>alert('x')</script>"
        "<link rel='stylesheet' href='http://example.invalid/a.css'></head><body>"
        "<h1>Avis de réunion</h1><p>La réunion aura lieu le <b>12 mars 2026</b> à Rabat.</p>"
        "<ul><li>Budget</li><li>Personnel</li></ul><table><tr><td>A</td><td>1</td></tr>"
        "</table><img src='http://example.invalid/x.png'></body></html>", encoding="utf-8")
    doc = read_document(path)
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "list_item", "list_item",
                                            "table_row"]
    assert "12 mars 2026" in doc.blocks[1].text and "alert" not in doc.text()


def test_eml_headers_body_and_attachments(tmp_path):
    message = email.message.EmailMessage()
    message["From"] = "Direction <direction@example.ma>"
    message["To"] = "service@example.ma"
    message["Subject"] = "Réunion du comité"
    message.set_content("Bonjour,\n\nLa réunion du comité est fixée au 3 avril.\n\nCordialement")
    message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf",
                           filename="ordre-du-jour.pdf")
    path = tmp_path / "mail.eml"
    path.write_bytes(bytes(message))
    doc = read_document(path)
    assert doc.title == "Réunion du comité"
    assert "3 avril" in doc.text() and "ordre-du-jour.pdf" in doc.text()
    assert doc.language == "fr"


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is a system dependency")
def test_odt_converted_by_libreoffice(eval_dir, tmp_path):
    source = eval_dir / "documents/letters-fr/certificat_de_travail.docx"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "odt", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    odt = read_document(tmp_path / "certificat_de_travail.odt")
    docx = read_document(source)
    assert odt.format == "odt" and odt.language == "fr"
    assert "Certificat de travail" in odt.text()
    assert abs(odt.word_count() - docx.word_count()) <= docx.word_count() * 0.2


def test_ocr_reads_a_scanned_page(eval_dir, tmp_path):
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(eval_dir / "documents/pdf/fr-proces-verbal-2023-06-20.pdf")
    image = source[0].render(scale=200 / 72).to_pil().convert("RGB")
    scan = tmp_path / "scan.pdf"
    image.save(scan, resolution=200)  # an image-only PDF, like a scanner's
    doc = read_document(scan)
    assert doc.ocr and doc.language == "fr"
    assert "démolition" in doc.text().lower() or "demolition" in doc.text().lower()


def test_limits_and_unsupported(eval_dir, tmp_path):
    pdf = eval_dir / "documents/pdf/en-federal-register-2020-17221.pdf"
    with pytest.raises(DocumentTooLarge) as caught:
        read_document(pdf, limits=ReadLimits(max_pages=10))
    assert "15" in caught.value.localized("fr")
    with pytest.raises(DocumentTooLarge):
        read_document(pdf, limits=ReadLimits(max_bytes=1000))
    with pytest.raises(ReadTimeout):
        read_document(pdf, limits=ReadLimits(seconds=0))
    png = tmp_path / "image.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(UnsupportedFormat):
        read_document(png)
    empty = tmp_path / "vide.txt"
    empty.write_bytes(b"")
    with pytest.raises(EmptyDocument):
        read_document(empty)
    with pytest.raises(DocumentNotFound):
        read_document(tmp_path / "absent.docx")
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as out:
        out.writestr("word/document.xml", b"<a/>" + b" " * (3 * 1024 * 1024))
    with pytest.raises(DocumentTooLarge):
        read_document(bomb, limits=ReadLimits(max_unpacked_bytes=1024 * 1024))


def test_isolated_reading_in_a_child_process(eval_dir):
    doc = read_document(eval_dir / "documents/pdf/fr-proces-verbal-2023-06-20.pdf",
                        isolated=True)
    assert doc.pages == 2 and doc.language == "fr"
    with pytest.raises(PasswordRequired):
        read_document(eval_dir / "documents/pdf/encrypted-password-example.pdf", isolated=True)


def test_every_letter_of_the_ministry_reads_in_french(eval_dir):
    letters = sorted((eval_dir / "documents/letters-fr").glob("*.docx"))
    assert len(letters) == 22
    for path in letters:
        doc = read_document(path)
        assert doc.language == "fr" and doc.word_count() > 100, path.name


def test_tracked_changes_are_read_accepted_and_field_codes_hidden(tmp_path):
    from docx import Document as WordDocument
    from docx.oxml import parse_xml

    word = WordDocument()
    paragraph = word.add_paragraph("Le budget est ")
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph._p.append(parse_xml(
        f'<w:ins {ns} w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z">'
        f'<w:r><w:t xml:space="preserve">adopté </w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(
        f'<w:del {ns} w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z">'
        f'<w:r><w:delText>rejeté </w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(
        f'<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>'))
    paragraph._p.append(parse_xml(f'<w:r {ns}><w:instrText> PAGE </w:instrText></w:r>'))
    paragraph._p.append(parse_xml(f'<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>'))
    paragraph._p.append(parse_xml(f'<w:r {ns}><w:t>à l’unanimité</w:t></w:r>'))
    paragraph._p.append(parse_xml(f'<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>'))
    word.add_heading("Décisions", level=1)
    path = tmp_path / "suivi.docx"
    word.save(path)
    doc = read_document(path)
    assert doc.blocks[0].text == "Le budget est adopté à l’unanimité"
    assert "rejeté" not in doc.text() and "PAGE" not in doc.text()
    assert doc.blocks[1].kind == "heading"
