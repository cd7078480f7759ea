"""End to end, as a clerk uses Katib: the real `katib` command, real model, real files.

Every subcommand `katib --help` lists is exercised here (a test fails if a
new one has no scenario). `make test-offline` runs this module inside a network
namespace with no network and under strace, and fails if any process tried to
connect outside loopback; in `make test` it runs as a plain end-to-end test.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

SECRET_TEXT = "Madame Zineb Ammor demande la régularisation de la parcelle 7781-B"


def katib(*args, home: Path, lang: str = "fr", timeout: int = 600, check: bool = True,
          input: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "KATIB_HOME": str(home), "KATIB_LANG": lang}
    out = subprocess.run([sys.executable, "-m", "katib", "--lang", lang, *args],
                         capture_output=True, text=True, env=env, timeout=timeout, input=input)
    if check:
        assert out.returncode == 0, f"katib {' '.join(args)}: {out.stdout}\n{out.stderr}"
    return out


def available_commands() -> list[str]:
    out = subprocess.run([sys.executable, "-m", "katib", "--help"], capture_output=True,
                         text=True, timeout=120, check=True)
    block = out.stdout.split("COMMAND", 2)[-1]
    return re.findall(r"^    (\w[\w-]*)\s", block, re.M)


COMMANDS = available_commands()

# What each scenario covers; `katib --help` decides which run.
SCENARIOS = {"models", "selftest", "server", "history", "backup", "restore", "retention",
             "draft", "templates", "anonymize", "read", "summarize"}


def test_every_command_has_an_end_to_end_scenario():
    assert {"models", "selftest"} <= set(COMMANDS)
    assert set(COMMANDS) - SCENARIOS == set(), "add a scenario for the new command here"


def seed_history(home: Path) -> int:
    """A stored draft, written with the store's own API until `katib draft` exists."""
    from katib.core.paths import user_paths
    from katib.core.store import Store

    os.environ["KATIB_HOME"] = str(home)
    with Store.open(user_paths(), auto_backup=False) as store:
        return store.create_draft("lettre", "fr", "Régularisation foncière",
                                  {"destinataire": "Mme Zineb Ammor"}, SECRET_TEXT)


def private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


def assert_private_tree(home: Path, exclude: tuple[Path, ...] = ()) -> None:
    """Everything Katib wrote under its home is readable by the user only."""
    wide = [p for p in home.rglob("*") if not p.is_symlink() and p not in exclude
            and not private(p)]
    assert wide == [], [f"{p}: {oct(stat.S_IMODE(p.stat().st_mode))}" for p in wide]


def assert_no_document_text_in_logs(home: Path) -> None:
    for log in (home / "logs").glob("*.log*"):
        text = log.read_text(encoding="utf-8", errors="replace")
        assert "Zineb" not in text and "7781-B" not in text, log


@pytest.mark.model
def test_selftest_generates_offline(isolated_home):
    out = katib("selftest", "--tokens", "6", home=isolated_home)
    assert "[fr] ok" in out.stdout and "[ar] ok" in out.stdout
    assert_private_tree(isolated_home, exclude=tuple((isolated_home / "models").iterdir()))


def test_models_list_import_verify(isolated_home, default_model, tmp_path):
    listed = json.loads(katib("models", "list", "--json", home=isolated_home).stdout)
    assert [m["checksum_state"] for m in listed if m["default"]] == ["verified"]
    # Import from a "USB key": a copy under another name, verified and all-or-nothing.
    usb = tmp_path / "usb"
    usb.mkdir()
    copy = usb / "gemma-copie.gguf"
    shutil.copyfile(default_model, copy)
    imported = katib("models", "import", str(copy), "--json", home=isolated_home)
    assert json.loads(imported.stdout)["filename"].endswith(".gguf")
    verify = katib("models", "verify", home=isolated_home)
    assert "FAILED" not in verify.stdout.upper()
    bad = usb / "rapport.gguf"
    bad.write_bytes(b"PK\x03\x04 not a model")
    refused = katib("models", "import", str(bad), home=isolated_home, check=False)
    assert refused.returncode == 2 and "GGUF" in refused.stderr
    new = [p for p in (isolated_home / "models").iterdir() if p.name.startswith("gemma-copie")]
    assert new and all(private(p) for p in new)


def test_server_check_without_a_server_stays_on_this_computer(isolated_home):
    out = katib("server", "check", home=isolated_home, check=False)
    assert out.returncode in (0, 1) and out.stdout.strip()
    # A configured office server on loopback that is down: a clear message, nothing else.
    settings = isolated_home / "config" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"allowed_servers": ["http://127.0.0.1:9"],
                                    "server_url": "http://127.0.0.1:9"}), encoding="utf-8")
    down = katib("server", "check", home=isolated_home, check=False)
    assert down.returncode != 0 and "Traceback" not in down.stderr
    assert (down.stderr + down.stdout).strip().count("\n") <= 3


def test_history_lists_searches_and_shows(isolated_home):
    draft_id = seed_history(isolated_home)
    listed = json.loads(katib("history", "list", "--json", home=isolated_home).stdout)
    assert any(item["id"] == draft_id for item in listed)
    found = katib("history", "search", "regularisation", "--json", home=isolated_home)
    assert any(item["id"] == draft_id for item in json.loads(found.stdout))
    shown = katib("history", "show", "draft", str(draft_id), home=isolated_home, check=False)
    if shown.returncode != 0:  # `show` may take the id alone
        shown = katib("history", "show", str(draft_id), home=isolated_home)
    assert "7781-B" in shown.stdout
    assert_no_document_text_in_logs(isolated_home)
    assert_private_tree(isolated_home, exclude=tuple((isolated_home / "models").iterdir()))


def test_backup_restore_and_retention(isolated_home, tmp_path):
    seed_history(isolated_home)
    target = tmp_path / "exports" / "katib-sauvegarde.db"
    target.parent.mkdir()
    katib("backup", str(target), home=isolated_home)
    assert target.is_file() and private(target)
    listed = katib("backup", "--list", "--json", home=isolated_home)
    assert isinstance(json.loads(listed.stdout), list)
    restored = katib("restore", str(target), "--json", home=isolated_home)
    assert restored.returncode == 0
    found = katib("history", "search", "parcelle", "--json", home=isolated_home)
    assert json.loads(found.stdout)
    report = katib("retention", "--json", home=isolated_home)
    assert isinstance(json.loads(report.stdout), dict)
    assert_no_document_text_in_logs(isolated_home)


@pytest.mark.model
def test_draft_with_the_model_and_export_docx(isolated_home, tmp_path):
    from docx import Document

    listed = katib("templates", "list", home=isolated_home)
    assert "attestation" in listed.stdout
    out = tmp_path / "exports" / "attestation.docx"
    out.parent.mkdir()
    katib("draft", "--type", "attestation", "--lang", "fr",
          "--field", "person_name=Zineb Ammor", "--field", "cin=AB123456",
          "--field", "attested_fact=exerce les fonctions de technicienne depuis 2015",
          "--out", str(out), "--max-tokens", "12", home=isolated_home)
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Zineb Ammor" in text and "AB123456" in text
    assert private(out)
    # Arabic, frame only (no model): right to left, written the same way.
    out_ar = tmp_path / "exports" / "shahada.docx"
    katib("draft", "--type", "attestation", "--lang", "ar", "--field", "person_name=زينب عمور",
          "--field", "cin=AB123456", "--field", "attested_fact=تعمل تقنية منذ 2015",
          "--out", str(out_ar), "--no-model", home=isolated_home, lang="ar")
    assert "زينب عمور" in "\n".join(p.text for p in Document(str(out_ar)).paragraphs)
    # The anonymized copy to share: no name, no CIN left.
    katib("anonymize", str(out), "--name", "Zineb Ammor", home=isolated_home)
    shared = "\n".join(p.text for p in Document(str(out.with_name("attestation-anonyme.docx")))
                       .paragraphs)
    assert "Ammor" not in shared and "AB123456" not in shared and "[NOM-1]" in shared
    assert_no_document_text_in_logs(isolated_home)
    assert_private_tree(isolated_home, exclude=tuple((isolated_home / "models").iterdir()))


PV = ("Procès-verbal de la réunion du 12 mars 2026\n\n"
      "La commission a décidé d'attribuer 12 logements sociaux. Le délai de dépôt des "
      "dossiers est fixé au 30 avril 2026.\n\nLe budget alloué est de 1 250 000 DH.\n")


def test_read_a_pdf_and_a_docx(isolated_home, eval_dir):
    pdf = eval_dir / "documents" / "pdf" / "fr-proces-verbal-2023-06-20.pdf"
    shown = json.loads(katib("read", str(pdf), "--json", home=isolated_home).stdout)
    assert shown
    letter = eval_dir / "documents" / "letters-fr" / "certificat_de_travail.docx"
    text = katib("read", str(letter), home=isolated_home).stdout
    assert "certifi" in text.lower()
    broken = katib("read", str(eval_dir / "documents" / "docx" / "truncated62886.docx"),
                   home=isolated_home, check=False)
    assert broken.returncode in (0, 2) and "Traceback" not in broken.stderr


@pytest.mark.model
def test_summarize_a_dossier_to_docx(isolated_home, tmp_path):
    from docx import Document

    folder = tmp_path / "dossier"
    folder.mkdir()
    (folder / "pv.txt").write_text(PV, encoding="utf-8")
    out = tmp_path / "note.docx"
    katib("summarize", str(folder), "--detail", "short", "--out", str(out), home=isolated_home)
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert text.strip() and private(out)
    assert_private_tree(isolated_home, exclude=tuple((isolated_home / "models").iterdir()))
