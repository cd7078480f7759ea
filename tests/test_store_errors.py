"""Disk full, read-only folder, database busy: a clear message, and the text is kept.

Disk full and read-only are real: a tiny tmpfs, and a read-only bind mount,
each mounted inside a private mount namespace (`unshare -m`, as root) for one
child process, so nothing outside the test sees them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from katib.core.autosave import Autosaver
from katib.core.paths import Paths
from katib.core.store import Store
from katib.core.store_errors import StorageLocked

PRELUDE = r'''
import errno, json, os, sys, time
from pathlib import Path
from katib.core.paths import Paths
from katib.core.store import Store
from katib.core.autosave import Autosaver
from katib.core.errors import StorageError

def make_paths(root):
    return Paths(config=root / "config", data=root / "data", models=root / "models",
                 logs=root / "logs", cache=root / "cache")

def said(error):
    return {"type": type(error).__name__, **{l: error.localized(l) for l in ("fr", "ar", "en")}}

def wait_for(condition, seconds=20):
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        time.sleep(0.05)
    return condition()

root = Path(sys.argv[1])
result = {}
'''

DISK_FULL = PRELUDE + r'''
store = Store.open(make_paths(root / "home"), auto_backup=False)
draft = store.create_draft("lettre", "fr", "Sur un disque plein", {}, "début")
errors = []
saver = Autosaver(store, draft, delay=0.3, on_error=errors.append)
filler = root / "filler"
fd = os.open(filler, os.O_CREAT | os.O_WRONLY, 0o600)
for block in (65536, 4096, 512):  # fill the disk to the last block
    try:
        while True:
            os.write(fd, b"\0" * block)
    except OSError as exc:
        result["fill_errno"] = exc.errno
os.close(fd)
text = "J'ai l'honneur de vous informer que " * 20000  # ~700 KB: cannot fit
saver.text_changed(text)
result["saw_error"] = wait_for(lambda: bool(errors))  # on_error ran (after last_error is set)
result["autosaver"] = said(saver.last_error)
result["callback"] = [type(e).__name__ for e in errors][:1]
result["kept_in_memory"] = saver.text == text and saver.dirty
try:
    store.save_version(draft, text)
    result["direct"] = None
except StorageError as exc:
    result["direct"] = said(exc)
try:
    store.backup(root / "copie.db")
except StorageError as exc:
    result["backup"] = said(exc)
result["on_disk_before"] = store.get_draft(draft).text
filler.unlink()  # the user frees some space; the autosaver's retry succeeds
result["saved_after"] = wait_for(lambda: not saver.dirty)
saver.close()
result["on_disk_after"] = store.get_draft(draft).text == text
result["integrity"] = store.integrity_check()
store.close()
print(json.dumps(result))
'''

READ_ONLY = PRELUDE + r'''
for name in ("new-home", "old-home"):
    try:
        Store.open(make_paths(root / name), auto_backup=False)
        result[name] = None
    except StorageError as exc:
        result[name] = said(exc)
print(json.dumps(result))
'''


def make_paths(root) -> Paths:
    return Paths(config=root / "config", data=root / "data", models=root / "models",
                 logs=root / "logs", cache=root / "cache")


def in_namespace(mounts: str, script: str, folder) -> dict:
    """Run `script` in a private mount namespace after `mounts` (a shell line using $D)."""
    assert os.geteuid() == 0 and shutil.which("unshare"), "these tests mount file systems"
    path = folder.parent / f"{folder.name}-child.py"
    path.write_text(script, encoding="utf-8")
    out = subprocess.run(
        ["unshare", "-m", "--propagation", "private", "sh", "-c",
         f'D="$1"; {mounts} && exec "$2" "$3" "$1"', "sh", str(folder), sys.executable, str(path)],
        capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_disk_full_is_reported_and_the_text_saved_once_space_is_freed(tmp_path):
    folder = tmp_path / "petit-disque"
    folder.mkdir()
    result = in_namespace('mount -t tmpfs -o size=4m tmpfs "$D"', DISK_FULL, folder)
    assert result["fill_errno"] == 28  # ENOSPC: the disk really was full
    assert result["saw_error"] and result["callback"] == ["StorageDiskFull"]
    assert result["autosaver"]["type"] == "StorageDiskFull"
    assert "disque est plein" in result["autosaver"]["fr"]
    assert "القرص ممتلئ" in result["autosaver"]["ar"]
    assert "disk is full" in result["autosaver"]["en"]
    assert result["kept_in_memory"]
    assert result["direct"]["type"] == "StorageDiskFull"
    assert result["backup"]["type"] == "StorageDiskFull"
    assert result["on_disk_before"] == "début"  # the failed save left the old text intact
    assert result["saved_after"] and result["on_disk_after"]
    assert result["integrity"] == ["ok"]


@pytest.mark.slow
def test_read_only_folder_is_one_clear_message(tmp_path):
    folder = tmp_path / "lecture-seule"
    folder.mkdir()
    with Store.open(make_paths(folder / "old-home"), auto_backup=False) as store:
        store.create_draft("lettre", "fr", "Ancienne", {}, "texte")
    result = in_namespace('mount --bind "$D" "$D" && mount -o remount,bind,ro "$D"',
                          READ_ONLY, folder)
    for name in ("new-home", "old-home"):
        assert result[name]["type"] == "StorageReadOnly", result
        assert "lecture seule" in result[name]["fr"]
        assert "للقراءة فقط" in result[name]["ar"]
    # Outside the namespace nothing changed: the old database still opens.
    with Store.open(make_paths(folder / "old-home"), auto_backup=False) as store:
        assert store.get_draft(1).text == "texte"


HOLDER = r'''
import sys, time
from pathlib import Path
from katib.core.paths import Paths
from katib.core.store import Store
root = Path(sys.argv[1])
store = Store.open(Paths(config=root / "config", data=root / "data", models=root / "models",
                         logs=root / "logs", cache=root / "cache"), auto_backup=False)
held = store.submit(lambda db: (print("holding", flush=True), time.sleep(float(sys.argv[2]))))
held.result()
store.close()
'''


def test_database_busy_in_another_katib(tmp_path):
    paths = make_paths(tmp_path / "home")
    with Store.open(paths, auto_backup=False) as store:
        draft = store.create_draft("lettre", "fr", "Partagée", {}, "avant")
    script = tmp_path / "holder.py"
    script.write_text(HOLDER, encoding="utf-8")
    holder = subprocess.Popen([sys.executable, str(script), str(paths.config.parent), "3"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding", holder.stderr.read()
        store = Store.open(paths, auto_backup=False, busy_timeout=0.3)
        try:
            with pytest.raises(StorageLocked) as caught:
                store.save_version(draft, "pendant")
            assert "occupée" in caught.value.localized("fr")
            assert "مشغولة" in caught.value.localized("ar")
            assert store.get_draft(draft).text == "avant"  # reading still works
            errors = []
            saver = Autosaver(store, draft, delay=0.2, on_error=errors.append)
            saver.text_changed("tapé pendant le verrou")
            end = time.monotonic() + 20
            while saver.dirty and time.monotonic() < end:
                time.sleep(0.05)
            assert errors and isinstance(errors[0], StorageLocked)  # the user was told
            assert not saver.dirty  # and the retry saved it once the other Katib let go
            saver.close()
            assert store.get_draft(draft).text == "tapé pendant le verrou"
        finally:
            store.close()
    finally:
        holder.wait(30)
    assert holder.returncode == 0, holder.stderr.read()
