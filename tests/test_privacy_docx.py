"""Anonymizing an exported .docx: every part of the file, irreversibly, formatting kept."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import zipfile

from docx import Document
from docx.shared import Pt

from katib.core.documents.docx_bidi import set_paragraph_rtl, set_run_rtl
from katib.core.privacy.docx_redact import redact_docx

SECRETS = ["Zineb", "Ammor", "AB123456", "06 12 34 56 78", "z.ammor@gmail.com",
           "MA64 0115 1900 0001 2050 0053 4921", "rue Ibn Sina", "محمد العلمي", "0661234567",
           "Khadija"]


def make_letter(path):
    doc = Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = "Affaire suivie par Mme Khadija Bennani — z.ammor@gmail.com"
    section.footer.paragraphs[0].text = "Tél. 06 12 34 56 78"
    p = doc.add_paragraph("Objet : attestation pour Mme ")
    first = p.add_run("Zineb ")
    last = p.add_run("Ammor")  # the name split over two runs, the surname in bold
    last.bold = True
    p.add_run(", CIN n° AB123456.")
    doc.add_paragraph("Elle demeure au 12, rue Ibn Sina, Agdal, Rabat.")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "IBAN"
    table.cell(0, 1).text = "MA64 0115 1900 0001 2050 0053 4921"
    table.cell(1, 0).text = "Courriel"
    table.cell(1, 1).text = "z.ammor@gmail.com"
    ar = doc.add_paragraph()
    set_paragraph_rtl(ar)
    run = ar.add_run("السيد محمد العلمي، الهاتف: 0661234567")
    set_run_rtl(run, size_pt=14)
    run.font.size = Pt(14)
    doc.core_properties.author = "Zineb Ammor"
    doc.core_properties.title = "Attestation Zineb Ammor"
    doc.save(path)
    return first


def all_xml(path) -> str:
    with zipfile.ZipFile(path) as package:
        return "\n".join(package.read(name).decode("utf-8", errors="replace")
                         for name in package.namelist() if name.endswith(".xml"))


def test_every_part_is_masked_and_formatting_stays(tmp_path):
    source, target = tmp_path / "lettre.docx", tmp_path / "lettre-anonyme.docx"
    make_letter(source)
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    count = redact_docx(source, target, names=["Zineb Ammor"], lang="fr")
    assert count >= 9
    xml = all_xml(target)
    leaked = [s for s in SECRETS if s in xml]
    assert leaked == []
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before  # original untouched
    doc = Document(str(target))
    body = [p.text for p in doc.paragraphs]
    assert body[0] == "Objet : attestation pour Mme [NOM-1], CIN n° [CIN-1]."
    assert any(r.bold for r in doc.paragraphs[0].runs)  # the run structure is kept
    assert "[ADRESSE-1]" in body[1]
    assert doc.tables[0].cell(1, 1).text == "[COURRIEL-1]"
    assert "[COURRIEL-1]" in doc.sections[0].header.paragraphs[0].text  # same label everywhere
    assert re.fullmatch(r"Tél. \[TÉLÉPHONE-\d\]", doc.sections[0].footer.paragraphs[0].text)
    assert doc.core_properties.author == "" and "Zineb" not in doc.core_properties.title
    assert target.stat().st_mode & 0o077 == 0


def test_the_anonymize_command(tmp_path):
    source = tmp_path / "lettre.docx"
    make_letter(source)
    env = {**os.environ, "KATIB_HOME": str(tmp_path / "home")}
    out = subprocess.run([sys.executable, "-m", "katib", "--lang", "ar", "anonymize", str(source),
                          "--name", "Zineb Ammor", "--doc-lang", "fr"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    target = tmp_path / "lettre-anonyme.docx"
    assert str(target) in out.stdout and "حجب" in out.stdout
    assert [s for s in SECRETS if s in all_xml(target)] == []
    # A text file, Arabic labels.
    note = tmp_path / "note.txt"
    note.write_text("المدعو كريم الوزاني، الهاتف 0612345678، البريد k.ouazzani@gmail.com",
                    encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "katib", "--lang", "ar", "anonymize", str(note)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    masked = (tmp_path / "note-anonyme.txt").read_text(encoding="utf-8")
    assert masked == "المدعو [الاسم-1]، الهاتف [الهاتف-1]، البريد [البريد-1]"
    # A damaged file: one clear line, exit 2, nothing written.
    broken = tmp_path / "casse.docx"
    broken.write_bytes(b"PK\x03\x04 not really a docx")
    out = subprocess.run([sys.executable, "-m", "katib", "--lang", "fr", "anonymize", str(broken)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 2 and "endommagé" in out.stderr
    assert out.stderr.strip().count("\n") == 0
    assert not (tmp_path / "casse-anonyme.docx").exists()
