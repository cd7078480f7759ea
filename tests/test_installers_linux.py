"""The Linux installer scripts and menu entry, on a small stand-in bundle in a temp prefix.

The stand-in has the layout `make dist` produces (katib, the katib-desktop
symlink, _internal/resources/icons, models/) with a tiny shell program
instead of the 450 MB one. CI installs the real bundle the same way and
runs the installed program's self-test (.ci/run).
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "installers" / "linux"
sys.path.insert(0, str(ROOT / "installers"))
import build_support as bs  # noqa: E402


@pytest.fixture
def bundle(tmp_path) -> Path:
    folder = tmp_path / "dist" / "katib"
    icons = folder / "_internal" / "resources" / "icons"
    icons.mkdir(parents=True)
    for name in ("katib.svg", "katib.png"):
        shutil.copy2(ROOT / "resources" / "icons" / name, icons / name)
    program = folder / "katib"
    program.write_text("#!/bin/sh\necho \"katib stand-in $*\"\n")
    program.chmod(0o755)
    (folder / "katib-desktop").symlink_to("katib")
    (folder / "models").mkdir()
    (folder / "models" / "GEMMA_TERMS.html").write_text("terms")
    bs.add_linux_installer(folder)  # what the spec does after the build
    return folder


@pytest.fixture
def home(tmp_path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def sh(script: Path, *args: str, home: Path, check: bool = True) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_") and k != "KATIB_HOME"}
    env["HOME"] = str(home)
    out = subprocess.run(["bash", str(script), *args], capture_output=True, text=True,
                         env=env, timeout=60)
    if check:
        assert out.returncode == 0, out.stdout + out.stderr
    return out


def user_data(home: Path) -> list[Path]:
    """What Katib writes for a user (platformdirs on Linux)."""
    files = [home / ".config/Katib/settings.json", home / ".local/share/Katib/katib.db",
             home / ".local/share/Katib/models/imported.gguf", home / ".cache/Katib/state",
             home / ".local/state/Katib/log/katib.log"]
    for path in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("user data")
    return files


def test_install_puts_katib_in_the_applications_menu(bundle, home, tmp_path):
    prefix = tmp_path / "prefix"
    out = sh(bundle / "install.sh", "--prefix", str(prefix), home=home)  # the bundle's own copy
    app = prefix / "lib" / "katib"
    assert (app / "katib").is_file() and (app / "models" / "GEMMA_TERMS.html").is_file()
    assert (app / "uninstall.sh").is_file()
    for name in ("katib", "katib-desktop"):
        link = prefix / "bin" / name
        assert link.is_symlink() and link.resolve().parent == app.resolve()
    ran = subprocess.run([str(prefix / "bin" / "katib"), "--selftest"], capture_output=True,
                         text=True, timeout=30)
    assert ran.stdout.strip() == "katib stand-in --selftest"
    entry_path = prefix / "share" / "applications" / "katib.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(entry_path, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Name"] == "Katib"
    assert section["Name[ar]"] == "كاتب" and "Office" in section["Categories"].split(";")
    assert Path(section["Exec"]) == app / "katib-desktop" and os.access(section["Exec"], os.X_OK)
    assert Path(section["Icon"]).is_file() and Path(section["Icon"]).suffix == ".svg"
    assert (prefix / "share/icons/hicolor/256x256/apps/katib.png").is_file()
    assert "@" not in entry_path.read_text(encoding="utf-8")
    if shutil.which("desktop-file-validate"):  # installers/scripts/system-deps.sh installs it
        check = subprocess.run(["desktop-file-validate", str(entry_path)], capture_output=True,
                               text=True, timeout=30)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout + check.stderr
    assert "Katib is installed" in out.stdout


def test_the_template_entry_validates(tmp_path):
    """The checked-in template, with its placeholders filled, is a valid desktop entry."""
    entry = (LINUX / "katib.desktop").read_text(encoding="utf-8")
    assert "@EXEC@" in entry and "@ICON@" in entry
    validator = shutil.which("desktop-file-validate")
    if validator:
        filled = tmp_path / "katib.desktop"
        filled.write_text(entry.replace("@EXEC@", "/opt/katib/katib-desktop")
                          .replace("@ICON@", "/usr/share/icons/katib.svg"), encoding="utf-8")
        check = subprocess.run([validator, str(filled)], capture_output=True, text=True)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout
    else:
        parsed = configparser.ConfigParser(interpolation=None)
        parsed.read_string(entry)
        assert {"Type", "Name", "Exec"} <= {k.capitalize() for k in parsed["Desktop Entry"]}


def test_installing_again_upgrades_in_place(bundle, home, tmp_path):
    prefix = tmp_path / "prefix"
    sh(LINUX / "install.sh", "--prefix", str(prefix), "--bundle", str(bundle), home=home)
    app = prefix / "lib" / "katib"
    (app / "_internal" / "left-over-from-old-version").write_text("old")
    sh(LINUX / "install.sh", "--prefix", str(prefix), "--bundle", str(bundle), home=home)
    assert not (app / "_internal" / "left-over-from-old-version").exists()
    assert sorted(p.name for p in (prefix / "lib").iterdir()) == ["katib"]  # no .new / .old


def test_uninstall_keeps_the_users_data(bundle, home, tmp_path):
    prefix = tmp_path / "prefix"
    sh(LINUX / "install.sh", "--prefix", str(prefix), "--bundle", str(bundle), home=home)
    data = user_data(home)
    out = sh(prefix / "lib" / "katib" / "uninstall.sh", home=home)  # the installed copy
    assert not (prefix / "lib" / "katib").exists()
    assert not (prefix / "share" / "applications" / "katib.desktop").exists()
    assert not list((prefix / "share" / "icons").rglob("katib.*"))
    assert not list((prefix / "bin").iterdir())
    assert all(path.read_text() == "user data" for path in data)
    assert "Kept your data" in out.stdout and "--purge" in out.stdout


def test_uninstall_purge_deletes_only_katibs_data(bundle, home, tmp_path):
    prefix = tmp_path / "prefix"
    sh(LINUX / "install.sh", "--prefix", str(prefix), "--bundle", str(bundle), home=home)
    data = user_data(home)
    other = home / ".config" / "OtherApp" / "settings.json"
    other.parent.mkdir(parents=True)
    other.write_text("not ours")
    out = sh(LINUX / "uninstall.sh", "--prefix", str(prefix), "--purge", home=home)
    assert not any(path.exists() for path in data)
    assert not (home / ".config" / "Katib").exists() and other.read_text() == "not ours"
    assert not (prefix / "lib" / "katib").exists()
    assert "Deleted" in out.stdout


def test_uninstall_leaves_what_install_did_not_make(bundle, home, tmp_path):
    prefix = tmp_path / "prefix"
    stranger = prefix / "lib" / "katib"
    stranger.mkdir(parents=True)
    (stranger / "precious.txt").write_text("keep")
    out = sh(LINUX / "uninstall.sh", "--prefix", str(prefix), home=home, check=False)
    assert out.returncode == 1 and "not made by install.sh" in out.stderr
    assert (stranger / "precious.txt").read_text() == "keep"
    # A command the user pointed elsewhere after installing stays.
    shutil.rmtree(stranger)
    sh(LINUX / "install.sh", "--prefix", str(prefix), "--bundle", str(bundle), home=home)
    mine = prefix / "bin" / "katib"
    mine.unlink()
    mine.symlink_to("/usr/bin/true")
    sh(LINUX / "uninstall.sh", "--prefix", str(prefix), home=home)
    assert mine.is_symlink() and os.readlink(mine) == "/usr/bin/true"


def test_install_refuses_a_folder_that_is_not_a_bundle(home, tmp_path):
    empty = tmp_path / "not-a-bundle"
    empty.mkdir()
    out = sh(LINUX / "install.sh", "--prefix", str(tmp_path / "p"), "--bundle", str(empty),
             home=home, check=False)
    assert out.returncode == 1 and "make dist" in out.stderr
    assert not (tmp_path / "p" / "lib").exists()
    bad = sh(LINUX / "install.sh", "--frobnicate", home=home, check=False)
    assert bad.returncode == 2 and "unknown option" in bad.stderr
