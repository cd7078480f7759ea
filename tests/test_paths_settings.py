"""Per-user folders, KATIB_HOME relocation, settings round trip."""

import json
import stat

from katib.core.paths import resource, user_paths
from katib.core.settings import Settings, load_settings, save_settings


def test_katib_home_moves_every_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("KATIB_HOME", str(tmp_path / "usb"))
    paths = user_paths().ensure()
    for folder in (paths.config, paths.data, paths.models, paths.logs, paths.cache):
        assert folder.is_dir()
        assert tmp_path / "usb" in folder.parents
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_without_katib_home_folders_are_per_user(monkeypatch, tmp_path):
    monkeypatch.delenv("KATIB_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    paths = user_paths()
    assert str(paths.data).startswith(str(tmp_path / "xdg-data"))
    assert paths.data.name == "Katib"


def test_resources_are_found_from_the_checkout_or_install():
    catalog = json.loads(resource("catalog.json").read_text(encoding="utf-8"))
    assert any(m["default"] for m in catalog["models"])


def test_settings_round_trip_keeps_unknown_keys(tmp_path):
    path = tmp_path / "settings.json"
    s = Settings(interface_language="ar")
    s.office.ministry = "وزارة الداخلية"
    save_settings(s, path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["from_a_newer_version"] = 42
    path.write_text(json.dumps(raw), encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.interface_language == "ar"
    assert loaded.office.ministry == "وزارة الداخلية"
    save_settings(loaded, path)
    assert json.loads(path.read_text(encoding="utf-8"))["from_a_newer_version"] == 42
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_damaged_settings_are_set_aside(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert load_settings(path) == Settings()
    assert (tmp_path / "settings.damaged.json").exists()
