"""Where Katib keeps its files.

Per-user folders come from platformdirs. One environment variable, KATIB_HOME,
moves all of them under a single folder: tests and CI use it, and a user can
point it at a USB key. Bundled resources are found the same way from a
checkout, an installed wheel and a PyInstaller bundle.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path

import platformdirs

APP_NAME = "Katib"
HOME_ENV = "KATIB_HOME"


@dataclass(frozen=True)
class Paths:
    """The folders Katib writes to. Created on demand, private to the user."""

    config: Path
    data: Path
    models: Path
    logs: Path
    cache: Path

    @property
    def database(self) -> Path:
        return self.data / "katib.db"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def user_templates(self) -> Path:
        return self.data / "templates"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    def ensure(self) -> "Paths":
        for folder in (self.config, self.data, self.models, self.logs, self.cache):
            make_private_dir(folder)
        return self


def make_private_dir(folder: Path) -> Path:
    """Create `folder` readable by the current user only (documents of citizens live here)."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(folder, 0o700)
    except OSError:  # a FAT-formatted USB key has no permissions to set
        pass
    return folder


def user_paths() -> Paths:
    """The folders for this user, relocated under $KATIB_HOME when it is set."""
    home = os.environ.get(HOME_ENV)
    if home:
        root = Path(home).expanduser().resolve()
        return Paths(
            config=root / "config",
            data=root / "data",
            models=root / "models",
            logs=root / "logs",
            cache=root / "cache",
        )
    dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
    return Paths(
        config=Path(dirs.user_config_dir),
        data=Path(dirs.user_data_dir),
        models=Path(dirs.user_data_dir) / "models",
        logs=Path(dirs.user_log_dir),
        cache=Path(dirs.user_cache_dir),
    )


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def bundle_dir() -> Path | None:
    """The folder holding the bundle's executable (its `models/` sits beside it)."""
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return None


def resources_dir() -> Path:
    """The bundled `resources/` folder, wherever Katib is running from."""
    if is_frozen():
        return Path(sys._MEIPASS) / "resources"  # type: ignore[attr-defined]
    try:
        found = Path(str(importlib_resources.files("katib.resources")))
        if (found / "catalog.json").exists():
            return found
    except ModuleNotFoundError:
        pass
    # A checkout used without installing (PYTHONPATH=desktop).
    return Path(__file__).resolve().parents[3] / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
