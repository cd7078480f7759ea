"""Retention: expired drafts, summaries and documents deleted for real, the deletion audited."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from katib.core.paths import Paths
from katib.core.settings import load_settings
from katib.core.store import Store
from katib.core.store_errors import ItemNotFound

MARK_FR = "Zorglubien"  # a citizen's name nobody else has
MARK_AR = "زرقلوبي"


def make_paths(root) -> Paths:
    return Paths(config=root / "config", data=root / "data", models=root / "models",
                 logs=root / "logs", cache=root / "cache")


def traces(paths: Paths, words=(MARK_FR, MARK_AR)) -> list[str]:
    """Files of the data folder (database, log, backups) that still contain `words`."""
    found = []
    for path in paths.data.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if any(w.encode() in data or w.lower().encode() in data for w in words):
                found.append(path.name)
    return found


def on_disk(paths: Paths) -> int:
    return sum(p.stat().st_size for p in paths.data.glob("katib.db*"))


def fill_old_and_new(store: Store, tmp_path) -> dict:
    now = datetime.now(timezone.utc)
    store.clock = lambda: now - timedelta(days=100)
    old = {
        "draft": store.create_draft("reponse", "fr", f"Réponse à M. {MARK_FR}",
                                    {"nom": MARK_FR}, f"Monsieur {MARK_FR}, votre demande " * 30),
        "document": store.add_document(tmp_path / "plainte.txt",
                                       f"Plainte déposée par {MARK_AR} " * 4000, language="ar"),
    }
    store.save_version(old["draft"], f"Monsieur {MARK_FR}, version 2 " * 30)
    old["summary"] = store.add_summary(f"Synthèse {MARK_AR}", "ar", f"ملخص شكاية {MARK_AR} " * 30,
                                       document_ids=[old["document"]])
    store.clock = lambda: datetime.now(timezone.utc)
    new = {"draft": store.create_draft("lettre", "fr", "Lettre récente", {}, "Texte récent " * 30),
           "summary": store.add_summary("Synthèse récente", "fr", "Résumé récent")}
    return {"old": old, "new": new}


def test_expired_items_leave_no_trace_and_the_audit_says_how_many(tmp_path):
    paths = make_paths(tmp_path / "home")
    store = Store.open(paths, auto_backup=False)
    try:
        items = fill_old_and_new(store, tmp_path)
        store.close()
        store = Store.open(paths)  # its automatic backup holds the citizen's file too
        store._backup_thread.join()
        assert [b for b in store.backups() if b.automatic]
        assert traces(paths)  # before: the name is in the database and the backup

        # The check below can fail: a plain DELETE leaves the words in the file.
        probe = tmp_path / "probe.db"
        shutil.copy(paths.database, probe)
        conn = sqlite3.connect(probe)
        conn.execute("PRAGMA secure_delete=OFF")
        conn.execute("DELETE FROM drafts")
        conn.commit()
        conn.close()
        assert MARK_FR.encode() in probe.read_bytes()

        size_before = on_disk(paths)
        report = store.apply_retention(30)
        assert report.deleted == {"draft": 1, "summary": 1, "document": 1}
        for kind, item_id in items["old"].items():
            with pytest.raises(ItemNotFound):
                {"draft": store.get_draft, "summary": store.get_summary,
                 "document": store.get_document}[kind](item_id)
        assert store.get_draft(items["new"]["draft"]).text.startswith("Texte récent")
        assert store.search(MARK_FR) == [] and store.search(MARK_AR) == []
        assert store.integrity_check() == ["ok"]
        assert traces(paths) == []  # database, -wal, automatic backups: nothing left
        assert on_disk(paths) < size_before / 2  # VACUUM gave the space back
        entry = store.audit_log()[0]
        assert entry["event"] == "retention" and entry["details"]["days"] == 30
        assert entry["details"]["deleted"] == {"draft": 1, "summary": 1, "document": 1}
        assert MARK_FR not in json.dumps(store.audit_log(), ensure_ascii=False)
        assert [b for b in store.backups() if b.automatic]  # a fresh backup replaced them
        assert store.apply_retention(30).total == 0  # nothing else is old enough
        assert store.apply_retention(0).total == 0  # 0 means keep forever
    finally:
        store.close()


def test_retention_at_start_runs_once_a_day(tmp_path):
    paths = make_paths(tmp_path / "home")
    with Store.open(paths, auto_backup=False) as store:
        fill_old_and_new(store, tmp_path)
        assert store.apply_retention_if_due(0) is None  # keep forever
        assert store.apply_retention_if_due(30).total == 3
        assert store.apply_retention_if_due(30) is None  # already done today
        store.clock = lambda: datetime.now(timezone.utc) + timedelta(days=2)
        assert store.apply_retention_if_due(30).total == 0


def test_trash_items_expire_too(tmp_path):
    paths = make_paths(tmp_path / "home")
    with Store.open(paths, auto_backup=False) as store:
        items = fill_old_and_new(store, tmp_path)
        store.delete("draft", items["old"]["draft"])
        store.delete("draft", items["new"]["draft"])
        report = store.apply_retention(30)
        assert report.deleted["draft"] == 1
        assert [i.id for i in store.list_items(deleted=True)] == [items["new"]["draft"]]


def test_retention_command_sets_the_period_and_applies_it(tmp_path):
    home = tmp_path / "home"
    paths = make_paths(home)
    with Store.open(paths, auto_backup=False) as store:
        fill_old_and_new(store, tmp_path)
    env = {**os.environ, "KATIB_HOME": str(home)}
    run = lambda *a: subprocess.run([sys.executable, "-m", "katib", *a], capture_output=True,  # noqa: E731
                                    text=True, env=env, timeout=120)
    out = run("--lang", "fr", "retention", "--days", "60")
    assert out.returncode == 0, out.stderr
    assert "60 jour(s)" in out.stdout and "1 brouillon(s), 1 synthèse(s), 1 document(s)" in out.stdout
    assert load_settings(paths.settings_file).retention_days == 60
    out = run("--lang", "ar", "retention", "--json")
    assert json.loads(out.stdout) == {"days": 60, "deleted": None, "cutoff": None}
    assert traces(paths) == []
