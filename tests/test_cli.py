"""The `katib` command as a user runs it: a real process, real files."""

import json
import os
import subprocess
import sys

import pytest


def katib(*args, env=None, lang="fr"):
    return subprocess.run([sys.executable, "-m", "katib", "--lang", lang, *args],
                          capture_output=True, text=True, env={**os.environ, **(env or {})},
                          timeout=600)


def test_version_and_help():
    out = katib("--help")
    assert out.returncode == 0 and "models" in out.stdout and "selftest" in out.stdout


def test_models_list_json(default_model):
    out = katib("models", "list", "--json")
    assert out.returncode == 0, out.stderr
    models = json.loads(out.stdout)
    default = [m for m in models if m["default"]]
    assert default and default[0]["checksum_state"] == "verified"
    assert default[0]["sha256"] == "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"


def test_import_of_a_non_gguf_file_is_one_clear_line(tmp_path):
    bad = tmp_path / "rapport.gguf"
    bad.write_bytes(b"PK\x03\x04 this is a zip, not a model")
    out = katib("models", "import", str(bad), lang="ar")
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0
    assert "GGUF" in out.stderr and "ليس" in out.stderr


@pytest.mark.model
def test_selftest_generates_french_and_arabic():
    out = katib("selftest", "--tokens", "8")
    assert out.returncode == 0, out.stderr
    assert "[fr] ok" in out.stdout and "[ar] ok" in out.stdout and "tokens/s" in out.stdout


@pytest.mark.model
def test_python_m_and_selftest_flag_are_the_same_command():
    out = subprocess.run([sys.executable, "-m", "katib", "--selftest"], capture_output=True,
                         text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    assert "selftest: ok" in out.stdout
