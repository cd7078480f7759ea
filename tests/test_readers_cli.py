"""`katib read`: blocks with page and paragraph numbers, or a typed error and exit 2."""

from __future__ import annotations

import json

from katib.cli import main


def test_read_prints_blocks_with_locators(eval_dir, capsys):
    code = main(["read", str(eval_dir / "documents/pdf/fr-proces-verbal-2023-06-20.pdf")])
    out = capsys.readouterr().out
    assert code == 0
    assert "[1] p.1 §1 heading: COMITÉ DE DÉMOLITION" in out
    assert "p.2 §" in out and "La séance est levée" in out


def test_read_json(eval_dir, capsys):
    code = main(["read", "--json", str(eval_dir / "documents/docx/Numbering.docx")])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["format"] == "docx"
    assert {"n", "kind", "text", "page", "paragraph"} <= set(data["blocks"][0])


def test_read_password_and_errors(eval_dir, capsys):
    pdf = str(eval_dir / "documents/pdf/encrypted-libreoffice-writer-password.pdf")
    assert main(["--lang", "fr", "read", pdf]) == 2
    assert "protégé par un mot de passe" in capsys.readouterr().err
    assert main(["read", pdf, "--password", "openpassword"]) == 0
    assert "[1]" in capsys.readouterr().out
    assert main(["--lang", "ar", "read", str(eval_dir / "documents/docx/zero-length.docx")]) == 2
    assert "فارغ" in capsys.readouterr().err
    assert main(["--lang", "en", "read",
                 str(eval_dir / "documents/docx/truncated62886.docx")]) == 2
    assert "damaged" in capsys.readouterr().err
