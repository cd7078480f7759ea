"""`katib draft` and `katib templates` as a user runs them: a real process, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import docx
import pytest
from drafting_support import scenario_data

OFFICE = scenario_data()["office"]


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A KATIB_HOME whose settings carry the office identity of the scenarios."""
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(json.dumps({"office": OFFICE}),
                                                   encoding="utf-8")
    return home


def katib(home, *args, lang="fr", models=None):
    env = {**os.environ, "KATIB_HOME": str(home)}
    if models:
        env["KATIB_HOME"] = str(models)
    return subprocess.run([sys.executable, "-m", "katib", "--lang", lang, *args],
                          capture_output=True, text=True, env=env, timeout=600)


def test_templates_list_json_and_text(home):
    out = katib(home, "templates", "list", "--json")
    assert out.returncode == 0, out.stderr
    types = {t["id"]: t for t in json.loads(out.stdout)}
    assert len(types) == 6 and types["reply_citizen"]["languages"] == ["fr", "ar", "en"]
    outcome = next(f for f in types["reply_citizen"]["fields"] if f["name"] == "outcome")
    assert [c["value"] for c in outcome["choices"]] == ["granted", "refused", "incomplete"]
    text = katib(home, "templates", "list", lang="ar")
    assert text.returncode == 0 and "شهادة" in text.stdout and "* recipient_name" in text.stdout


def test_a_broken_user_template_is_reported_and_the_rest_still_listed(home):
    folder = home / "data" / "templates"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('id = "mine"\nform = "personal"\n[labels\n',
                                      encoding="utf-8")
    out = katib(home, "templates", "list", "--json")
    assert out.returncode == 0 and len(json.loads(out.stdout)) == 6
    assert "mine.toml" in out.stderr and "ligne 3" in out.stderr


@pytest.mark.parametrize("args, needle", [
    (["--type", "lettre_au_roi", "--lang", "fr"], "lettre_au_roi"),
    (["--type", "attestation", "--lang", "fr", "--field", "salaire=9000"], "salaire"),
    (["--type", "attestation", "--lang", "fr", "--field", "sans_egal"], "sans_egal"),
])
def test_bad_requests_are_one_clear_line(home, tmp_path, args, needle):
    out = katib(home, "draft", *args, "--out", str(tmp_path / "x.docx"))
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and needle in out.stderr
    assert not (tmp_path / "x.docx").exists()


def test_unwritable_output_fails_before_the_model_runs(home, tmp_path):
    out = katib(home, "draft", "--type", "attestation", "--lang", "ar",
                "--out", str(tmp_path / "missing" / "x.docx"), lang="ar")
    assert out.returncode == 2 and out.stderr.strip().count("\n") == 0
    assert "تعذرت كتابة الوثيقة" in out.stderr


@pytest.mark.model
def test_draft_streams_the_body_warns_about_missing_fields_and_writes_docx(
        isolated_home, tmp_path):
    settings = isolated_home / "config" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"office": OFFICE}), encoding="utf-8")
    fields = tmp_path / "fields.json"
    fields.write_text(json.dumps({"recipient_name": "Youssef El Amrani",
                                  "subject": "Demande d'attestation de résidence",
                                  "outcome": "refused",
                                  "legal_basis": "l'article 5 de l'arrêté n° 12/2019"}),
                      encoding="utf-8")
    out_file = tmp_path / "lettre.docx"
    out = katib(isolated_home, "draft", "--type", "reply_citizen", "--lang", "fr",
                "--fields", str(fields), "--field", "request_date=2026-03-03",
                "--max-tokens", "40", "--out", str(out_file))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("J'ai le regret de vous faire connaître")
    assert "appeal" in out.stderr and "[À COMPLÉTER]" not in out.stderr
    text = "\n".join(p.text for p in docx.Document(str(out_file)).paragraphs)
    assert "Vous pouvez contester cette décision\u00a0: [À COMPLÉTER]." in text
    assert "Je vous prie d'agréer, Monsieur" in text
