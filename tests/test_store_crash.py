"""A Katib process killed with SIGKILL in the middle of writing loses at most 2 s of typing.

A real child process types into an Autosaver (delay 2 s) while the model
"generates" paragraphs and large documents are being imported on the same
writer lane; the parent kills it with SIGKILL at a random moment, then checks
the database file and what was saved against what had been typed.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from katib.core.paths import Paths
from katib.core.store import Store

CHILD = r'''
import json, os, random, sys, threading, time
from pathlib import Path
from katib.core.paths import Paths
from katib.core.store import Store
from katib.core.autosave import Autosaver

root, seed = Path(sys.argv[1]), int(sys.argv[2])
sys.path.insert(0, sys.argv[3])
from test_store_crash import typed_text

paths = Paths(config=root / "config", data=root / "data", models=root / "models",
              logs=root / "logs", cache=root / "cache")
store = Store.open(paths, auto_backup=False)
draft = store.create_draft("lettre", "fr", "Lettre tapée", {"destinataire": "M. le Gouverneur"})
saver = Autosaver(store, draft, delay=2.0)

def importer():
    # Large imports keep the writer lane busy: the kill often lands inside a transaction.
    rng = random.Random(seed + 1)
    words = "le la des conseil commune budget مجلس الجماعة الميزانية قرار".split()
    i = 0
    while True:
        body = " ".join(rng.choice(words) for _ in range(40000))
        store.add_documents([{"path": f"/dossier/{i}.txt", "text": body, "sha256": f"{seed}-{i}"}])
        i += 1

threading.Thread(target=importer, daemon=True).start()
full = typed_text(seed)
rng = random.Random(seed)
print(json.dumps({"draft": draft}), flush=True)
n = 0
while n < len(full):
    if rng.random() < 0.03:  # the model writes a paragraph, token by token
        for _ in range(20):
            n += rng.randint(2, 6)
            saver.text_changed(full[:n])
            print(f"{time.monotonic()} {n}", flush=True)
            time.sleep(0.02)
        saver.paragraph_generated(full[:n])
        print(f"{time.monotonic()} {n}", flush=True)
    else:
        n += 1
        saver.text_changed(full[:n])
        print(f"{time.monotonic()} {n}", flush=True)
        time.sleep(rng.uniform(0.01, 0.06))
'''


def typed_text(seed: int) -> str:
    """The text the child types (the parent rebuilds it to compare)."""
    rng = random.Random(seed * 7919)
    words = ("Monsieur le Gouverneur, j'ai l'honneur de porter à votre connaissance que "
             "الجماعة القروية تُعاني من نقصٍ في الماء الصالح للشرب منذ شهر").split()
    return " ".join(rng.choice(words) for _ in range(20000))


def make_paths(root) -> Paths:
    return Paths(config=root / "config", data=root / "data", models=root / "models",
                 logs=root / "logs", cache=root / "cache")


def run_and_kill(tmp_path: Path, seed: int, after: float) -> tuple[float, list[tuple[float, int]]]:
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(tmp_path), str(seed),
                             str(Path(__file__).parent)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
    reader.start()
    deadline = time.monotonic() + 60
    while not lines and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert lines, proc.stderr.read()
    time.sleep(after)
    assert proc.poll() is None, proc.stderr.read()
    killed_at = time.monotonic()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    reader.join(10)
    assert proc.returncode == -signal.SIGKILL
    keystrokes = []
    for line in lines[1:]:
        stamp, length = line.split()
        keystrokes.append((float(stamp), int(length)))
    return killed_at, keystrokes


@pytest.mark.slow
@pytest.mark.parametrize("seed, after", [(1, 3.1), (2, 4.7), (3, 6.3)])
def test_sigkill_during_typing_generation_and_import(tmp_path, seed, after):
    killed_at, keystrokes = run_and_kill(tmp_path, seed, after)
    assert len(keystrokes) > 30
    database = make_paths(tmp_path).database

    conn = sqlite3.connect(database)  # opening replays the write-ahead log
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    saved = conn.execute("SELECT text FROM drafts WHERE id = 1").fetchone()[0]
    conn.close()

    full = typed_text(seed)
    assert full.startswith(saved)  # never garbled, never a mix of two states
    safe = [length for stamp, length in keystrokes if stamp <= killed_at - 2.0]
    must_have = max(safe, default=0)
    assert len(saved) >= must_have, (len(saved), must_have, keystrokes[-1])

    store = Store.open(make_paths(tmp_path), auto_backup=False)
    try:
        assert store.recovery is None  # a killed process is not a damaged database
        assert store.get_draft(1).text == saved
        assert store.integrity_check() == ["ok"]
        store.save_version(1, saved + " — suite après le redémarrage")
    finally:
        store.close()
