"""Backups while Katib writes, restore that checks before replacing, damaged databases set aside."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import time

import pytest

from katib.core.paths import Paths
from katib.core.store import Store
from katib.core.store_errors import BackupInvalid, StorageInUse, StorageNewer

WRITER = r'''
import sys, time
from pathlib import Path
from katib.core.paths import Paths
from katib.core.store import Store
root = Path(sys.argv[1])
paths = Paths(config=root / "config", data=root / "data", models=root / "models",
              logs=root / "logs", cache=root / "cache")
store = Store.open(paths, auto_backup=False)
draft = store.create_draft("lettre", "fr", "Écrit pendant la sauvegarde", {}, "v1")
print("ready", flush=True)
n = 1
end = time.monotonic() + float(sys.argv[2])
while time.monotonic() < end:
    n += 1
    store.save_version(draft, f"version {n} " + "texte " * 2000)
store.close()
print(n, flush=True)
'''


def make_paths(root) -> Paths:
    return Paths(config=root / "config", data=root / "data", models=root / "models",
                 logs=root / "logs", cache=root / "cache")


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def paths(tmp_path):
    return make_paths(tmp_path / "home")


def filled(paths, n=3) -> list[int]:
    with Store.open(paths, auto_backup=False) as store:
        return [store.create_draft("lettre", "fr", f"Lettre {i}", {"n": i}, f"Texte numéro {i} " * 50)
                for i in range(n)]


def test_online_backup_while_another_process_writes(paths, tmp_path):
    filled(paths)
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    writer = subprocess.Popen([sys.executable, str(script), str(paths.config.parent), "4"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
    store = Store.open(paths, auto_backup=False)
    copies = []
    try:
        while writer.poll() is None:
            copies.append(store.backup(tmp_path / f"copie-{len(copies)}.db"))
            time.sleep(0.2)
    finally:
        store.close()
    out, err = writer.communicate(30)
    assert writer.returncode == 0, err
    assert int(out.strip().splitlines()[-1]) > 10  # the writer kept writing meanwhile
    assert len(copies) >= 3
    counts = []
    for copy in copies:
        assert not copy.with_name(copy.name + "-wal").exists()
        # A standalone file: readable as immutable, without its -wal.
        conn = sqlite3.connect(f"file:{copy}?mode=ro&immutable=1", uri=True)
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        # One snapshot: the draft's text is its latest version, in every copy.
        row = conn.execute("SELECT d.text, v.text FROM drafts d JOIN draft_versions v ON "
                           "v.draft_id = d.id WHERE d.id = 4 ORDER BY v.n DESC LIMIT 1").fetchone()
        assert row[0] == row[1]
        counts.append(conn.execute("SELECT count(*) FROM draft_versions").fetchone()[0])
        conn.close()
        assert os.stat(copy).st_mode & 0o077 == 0
    assert counts == sorted(counts) and counts[-1] > counts[0]


def test_restore_refuses_bad_files_and_replaces_nothing(paths, tmp_path):
    filled(paths)
    before = digest(paths.database)
    text = tmp_path / "notes.db"
    text.write_text("pas une base", encoding="utf-8")
    other = tmp_path / "autre.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with Store.open(paths, auto_backup=False) as store:
        good = store.backup(tmp_path / "bonne.db")
    damaged = tmp_path / "abimee.db"
    data = bytearray(good.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    data[2 * page:3 * page] = os.urandom(page)
    damaged.write_bytes(bytes(data))
    newer = tmp_path / "future.db"
    newer.write_bytes(good.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 9")
    conn.close()

    cases = [(tmp_path / "absent.db", BackupInvalid, "introuvable"),
             (text, BackupInvalid, "n'est pas une sauvegarde"),
             (other, BackupInvalid, "n'est pas une sauvegarde"),
             (damaged, BackupInvalid, "endommagée"),
             (newer, StorageNewer, "plus récente")]
    for path, error, words in cases:
        with pytest.raises(error) as caught:
            Store.restore(paths, path)
        assert words in caught.value.localized("fr"), (path, caught.value.localized("fr"))
        assert caught.value.localized("ar") != caught.value.localized("fr")
        assert digest(paths.database) == before
    assert sorted(p.name for p in paths.data.iterdir()) == ["katib.db", "katib.db.lock"]

    # Katib still open: nothing replaced either.
    with Store.open(paths, auto_backup=False):
        with pytest.raises(StorageInUse) as caught:
            Store.restore(paths, good)
        assert "Fermez" in caught.value.localized("fr")


def test_backup_never_overwrites_the_live_database(paths):
    filled(paths)
    before = digest(paths.database)
    with Store.open(paths, auto_backup=False) as store:
        for target in (paths.database, paths.data / "katib.db-wal"):
            with pytest.raises(BackupInvalid) as caught:
                store.backup(target)
            assert "autre fichier" in caught.value.localized("fr")
        assert store.integrity_check() == ["ok"]
    assert digest(paths.database) == before


def test_restore_onto_a_new_machine(paths, tmp_path):
    """A fresh installation (no database yet) restored from a USB key."""
    ids = filled(make_paths(tmp_path / "old-laptop"))
    with Store.open(make_paths(tmp_path / "old-laptop"), auto_backup=False) as store:
        usb = store.backup(tmp_path / "usb" / "katib.db")
    result = Store.restore(paths, usb)
    assert result.previous is None
    with Store.open(paths, auto_backup=False) as store:
        assert sorted(i.id for i in store.list_items()) == sorted(ids)


def test_restore_from_a_live_database_includes_its_write_ahead_log(paths, tmp_path):
    """Given another Katib's katib.db while it runs, the restore sees what is still in its -wal."""
    other = make_paths(tmp_path / "other")
    live = Store.open(other, auto_backup=False)
    try:
        draft = live.create_draft("lettre", "fr", "Encore dans le journal", {}, "texte récent")
        assert other.data.joinpath("katib.db-wal").stat().st_size > 0
        Store.restore(paths, other.database)
    finally:
        live.close()
    with Store.open(paths, auto_backup=False) as store:
        assert store.get_draft(draft).text == "texte récent"


def test_restore_keeps_the_replaced_database(paths, tmp_path):
    ids = filled(paths)
    with Store.open(paths, auto_backup=False) as store:
        backup = store.backup(tmp_path / "avant.db")
        store.create_draft("lettre", "fr", "Après la sauvegarde", {}, "nouveau")
    result = Store.restore(paths, backup)
    assert result.previous.name.startswith("katib.db.before-restore-")
    with Store.open(paths, auto_backup=False) as store:
        assert [i.id for i in store.list_items()] == sorted(ids, reverse=True)
    old = sqlite3.connect(result.previous)
    assert old.execute("SELECT count(*) FROM drafts").fetchone()[0] == len(ids) + 1
    old.close()


@pytest.mark.parametrize("damage", ["garbage", "page"])
def test_a_damaged_database_is_set_aside_and_backups_are_offered(paths, damage):
    filled(paths, 40)
    with Store.open(paths, auto_backup=False) as store:
        store.backup()  # into backups/
        time.sleep(0.01)
        latest = store.backup()
    data = bytearray(paths.database.read_bytes())
    if damage == "garbage":
        data[:] = os.urandom(len(data))
    else:
        data[3 * 4096:4 * 4096] = b"\xff" * 4096
    paths.database.write_bytes(bytes(data))

    store = Store.open(paths, auto_backup=False)
    try:
        assert store.recovery is not None
        assert store.recovery.moved_to.read_bytes() == bytes(data)  # kept, not deleted
        assert store.recovery.latest_backup.path == latest
        assert len(store.recovery.backups) == 2
        for lang, words in (("fr", "endommagée"), ("ar", "تالفة"), ("en", "damaged")):
            assert words in store.recovery.message(lang)
        assert store.list_items() == []  # a fresh, working database
        store.create_draft("lettre", "fr", "Pendant la panne", {}, "texte")
    finally:
        store.close()
    Store.restore(paths, latest)
    with Store.open(paths, auto_backup=False) as store:
        assert store.recovery is None and len(store.list_items()) == 40


def test_automatic_backup_once_a_day_keeping_seven(paths):
    filled(paths)
    for _ in range(2):
        store = Store.open(paths)  # auto_backup on
        store.close()
    autos = [b for b in Store.backups_of(paths) if b.automatic]
    assert len(autos) == 1  # the second start found a fresh one
    for i in range(9):
        (paths.backups / f"katib-auto-2020010{i}-000000-000.db").write_bytes(autos[0].path.read_bytes())
        os.utime(paths.backups / f"katib-auto-2020010{i}-000000-000.db", (1e9 + i, 1e9 + i))
    os.utime(autos[0].path, (1e9 + 100, 1e9 + 100))  # make every backup old
    store = Store.open(paths)
    store.close()
    autos = [b for b in Store.backups_of(paths) if b.automatic]
    assert len(autos) == 7 and autos[0].created.year >= 2026


def katib(*args, home, lang="fr"):
    env = {**os.environ, "KATIB_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "katib", "--lang", lang, *args],
                          capture_output=True, text=True, env=env, timeout=120)


def test_cli_backup_restore_history(tmp_path):
    home = tmp_path / "home"
    paths = make_paths(home)
    with Store.open(paths, auto_backup=False) as store:
        store.create_draft("lettre", "fr", "Demande de permis", {}, "Le permis de construire")
        store.create_draft("note", "ar", "مذكرة", {}, "اجتماع المُدِيرِينَ")
    listing = katib("history", "list", "--json", home=home)
    assert listing.returncode == 0, listing.stderr
    assert [i["title"] for i in json.loads(listing.stdout)] == ["مذكرة", "Demande de permis"]
    found = katib("history", "search", "permis", home=home)
    assert found.returncode == 0 and "«permis»" in found.stdout
    found = katib("history", "search", "مدير", home=home)
    assert "«المُدِيرِينَ»" in found.stdout
    assert katib("history", "search", "introuvable", home=home).returncode == 1

    dest = tmp_path / "cle-usb" / "katib.db"
    out = katib("backup", str(dest), home=home)
    assert out.returncode == 0 and "Sauvegarde écrite" in out.stdout and dest.exists()
    with Store.open(paths, auto_backup=False) as store:
        store.create_draft("lettre", "fr", "Après", {}, "après la sauvegarde")
        busy = katib("restore", str(dest), home=home, lang="ar")
        assert busy.returncode == 2 and "كاتب" in busy.stderr and busy.stderr.count("\n") == 1
    out = katib("restore", str(dest), home=home)
    assert out.returncode == 0, out.stderr
    assert "before-restore" in out.stdout
    listing = katib("history", "list", "--json", home=home)
    assert len(json.loads(listing.stdout)) == 2
    bad = katib("restore", str(tmp_path / "nulle-part.db"), home=home, lang="en")
    assert bad.returncode == 2 and "not found" in bad.stderr
