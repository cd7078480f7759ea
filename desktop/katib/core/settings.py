"""One typed settings schema, with defaults in one place and a schema version.

Settings are a small JSON file in the config folder. Unknown keys from a newer
Katib are kept (so a downgrade does not destroy them); missing keys get their
defaults; a damaged file is set aside and defaults are used.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

SCHEMA_VERSION = 1


@dataclass
class OfficeIdentity:
    """Who the letters come from: used by every draft's letterhead and signature."""

    state: str = ""  # "Royaume du Maroc"
    ministry: str = ""
    direction: str = ""
    service: str = ""
    city: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    logo_path: str = ""
    signatory_name: str = ""
    signatory_title: str = ""


@dataclass
class Settings:
    schema_version: int = SCHEMA_VERSION
    interface_language: str = "fr"
    output_language: str = "fr"
    active_model: str = ""  # a file name in the models folder; empty means the default model
    threads: int = 0  # 0: one per physical core
    max_context: int = 8192
    font_size: int = 11
    office: OfficeIdentity = field(default_factory=OfficeIdentity)
    # Office inference servers an administrator allowed, as "https://host:port".
    allowed_servers: list[str] = field(default_factory=list)
    server_url: str = ""
    retention_days: int = 0  # 0: keep forever
    debug_logging: bool = False
    first_run_done: bool = False
    extra: dict = field(default_factory=dict)  # keys from a newer version, kept as they were


def load_settings(path: Path) -> Settings:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not an object")
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError):
        _set_aside(path)
        return Settings()
    known = {f.name for f in fields(Settings)}
    office_raw = raw.pop("office", {}) or {}
    office_known = {f.name for f in fields(OfficeIdentity)}
    office = OfficeIdentity(**{k: v for k, v in office_raw.items() if k in office_known})
    values = {k: v for k, v in raw.items() if k in known and k not in ("office", "extra")}
    extra = {k: v for k, v in raw.items() if k not in known}
    extra.update(raw.get("extra") or {})
    settings = Settings(**values, office=office, extra=extra)
    settings.schema_version = SCHEMA_VERSION
    return settings


def save_settings(settings: Settings, path: Path) -> None:
    """Write atomically: a crash mid-write never leaves a half file."""
    data = asdict(settings)
    extra = data.pop("extra", {})
    data.update({k: v for k, v in extra.items() if k not in data})
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def _set_aside(path: Path) -> None:
    try:
        os.replace(path, path.with_suffix(".damaged.json"))
    except OSError:
        pass
