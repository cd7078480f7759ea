"""Nothing lost: a real `katib` process killed (SIGKILL) mid-work, disks full or read-only.

- killed during generation: the previous export is intact, the database passes
  its integrity check, the history is there, and the next run works;
- killed during export, at random moments: the target .docx is always either the
  previous good file or the complete new one, never half of one;
- a full disk and a read-only folder (a small tmpfs inside `unshare -m`): one
  clear line in the user's language, nothing half-written, the old file kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from docx import Document

FIELDS = ["--field", "person_name=Zineb Ammor", "--field", "cin=AB123456",
          "--field", "attested_fact=exerce les fonctions de technicienne depuis 2015"]


def katib_cmd(*args, lang="fr"):
    return [sys.executable, "-m", "katib", "--lang", lang, *args]


def run(*args, home: Path, lang="fr", timeout=600):
    env = {**os.environ, "KATIB_HOME": str(home)}
    return subprocess.run(katib_cmd(*args, lang=lang), capture_output=True, text=True, env=env,
                          timeout=timeout)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(database: Path) -> str:
    with sqlite3.connect(database) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def seed(home: Path) -> int:
    from katib.core.paths import user_paths
    from katib.core.store import Store

    os.environ["KATIB_HOME"] = str(home)
    with Store.open(user_paths(), auto_backup=False) as store:
        return store.create_draft("attestation", "fr", "Attestation de travail",
                                  {"person_name": "Zineb Ammor"}, "Texte déjà enregistré.")


@pytest.mark.model
def test_sigkill_during_generation_loses_nothing(isolated_home, tmp_path):
    draft_id = seed(isolated_home)
    out = tmp_path / "attestation.docx"
    first = run("draft", "--type", "attestation", *FIELDS, "--out", str(out), "--no-model",
                home=isolated_home)
    assert first.returncode == 0, first.stderr
    good = sha(out)
    env = {**os.environ, "KATIB_HOME": str(isolated_home)}
    child = subprocess.Popen(katib_cmd("draft", "--type", "attestation", *FIELDS, "--out",
                                       str(out), "--max-tokens", "2000"),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    streamed = b""
    deadline = time.monotonic() + 300
    # Kill once the body is streaming (the frame's opening sentence has been printed).
    while len(streamed) < 40 and time.monotonic() < deadline:
        streamed += os.read(child.stdout.fileno(), 64)
    assert len(streamed) >= 40, "generation never started"
    time.sleep(1.0)
    child.send_signal(signal.SIGKILL)
    child.wait(30)
    assert child.returncode == -signal.SIGKILL
    # The previous export is untouched and still opens.
    assert sha(out) == good
    assert "Zineb Ammor" in "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".docx" and p != out]
    # The database is sound and the history is there after a restart.
    database = isolated_home / "data" / "katib.db"
    assert integrity(database) == "ok"
    found = run("history", "search", "enregistré", "--json", home=isolated_home)
    assert found.returncode == 0 and any(i["id"] == draft_id for i in json.loads(found.stdout))
    # The killed generation itself was autosaved: its record holds what had streamed
    # up to the last finished paragraph (the frame's opening line at least).
    listed = run("history", "list", "--kind", "draft", "--json", home=isolated_home)
    killed_id = max(i["id"] for i in json.loads(listed.stdout))
    shown = run("history", "show", "draft", str(killed_id), "--json", home=isolated_home)
    killed = json.loads(shown.stdout)
    first_line = streamed.decode("utf-8", errors="ignore").split("\n")[0].strip()
    assert killed["type_id"] == "attestation" and first_line and first_line in killed["text"]
    again = run("draft", "--type", "attestation", *FIELDS, "--out", str(out), "--no-model",
                home=isolated_home)
    assert again.returncode == 0, again.stderr


def summaries_kept(database: Path) -> list[tuple[int, str, dict]]:
    """(id, title, data) of the summaries committed so far, read without touching the file."""
    if not database.exists():
        return []
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as db:
            rows = db.execute("SELECT id, title, data FROM summaries").fetchall()
    except sqlite3.OperationalError:  # the table does not exist yet
        return []
    return [(r[0], r[1], json.loads(r[2])) for r in rows]


@pytest.mark.model
def test_sigkill_during_a_folder_summary_loses_nothing(isolated_home, tmp_path, eval_dir):
    draft_id = seed(isolated_home)
    folder = tmp_path / "dossier"
    folder.mkdir()
    names = ("certificat_de_travail.docx", "demande_paiement_salaire.docx",
             "reclamation_de_cp.docx", "demande_rdv_rupture_conventionnelle.docx")
    for name in names:
        (folder / name).write_bytes((eval_dir / "documents" / "letters-fr" / name).read_bytes())
    note = tmp_path / "note.docx"
    previous = Document()
    previous.add_paragraph("Note de synthèse précédente.")
    previous.save(note)
    good = sha(note)
    database = isolated_home / "data" / "katib.db"
    env = {**os.environ, "KATIB_HOME": str(isolated_home)}
    child = subprocess.Popen(katib_cmd("summarize", str(folder), "--out", str(note)),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    # Kill as soon as the first file's note is committed to the history, mid-dossier.
    deadline = time.monotonic() + 300
    kept: list = []
    while time.monotonic() < deadline and child.poll() is None and not kept:
        kept = summaries_kept(database)
        time.sleep(0.05)
    assert child.poll() is None, "the summary finished before it could be interrupted"
    assert kept, "no file of the dossier was finished in time"
    child.send_signal(signal.SIGKILL)
    child.wait(30)
    assert child.returncode == -signal.SIGKILL
    done = kept[0][2]["partial"]["done"]
    assert done < len(names)  # killed midway: the dossier was not finished
    assert sha(note) == good  # the earlier export is whole
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".docx"] == ["note.docx"]
    assert integrity(database) == "ok"
    # After a restart the finished files' notes are in the history, with their sources.
    listed = run("history", "list", "--kind", "summary", "--json", home=isolated_home)
    assert listed.returncode == 0, listed.stderr
    items = json.loads(listed.stdout)
    assert [i["title"].endswith(f"({done}/{len(names)})") for i in items] == [True]
    shown = run("history", "show", "summary", str(items[0]["id"]), "--json", home=isolated_home)
    stored = json.loads(shown.stdout)
    parts = stored["data"]["parts"]
    assert len(parts) == done and stored["data"]["documents"] == sorted(names)[:done]
    for part, name in zip(parts, sorted(names)):
        assert f"### {name}" in stored["text"]
        points = [p for s in part["sections"] for p in s["points"]]
        assert points and all(c.get("text") for p in points for c in p["citations"])
        # Each cited passage is the file's own text, as `katib read` gives it.
        source = run("read", str(folder / name), home=isolated_home).stdout
        assert all(c["text"][:60] in source for p in points for c in p["citations"])
    found = run("history", "search", "enregistré", "--json", home=isolated_home)
    assert any(i["id"] == draft_id for i in json.loads(found.stdout))
    # The folder's documents are untouched and still read.
    shown = run("read", str(folder / "certificat_de_travail.docx"), home=isolated_home)
    assert shown.returncode == 0 and shown.stdout.strip()


def big_letter(path: Path, paragraphs: int) -> None:
    doc = Document()
    for i in range(paragraphs):
        doc.add_paragraph(f"{i}. M. Youssef Benjelloun, CIN AB{100000 + i}, tél. 06 12 34 "
                          f"{i % 90 + 10:02d} 78, demeurant {i} rue Ibn Sina, Rabat.")
    doc.save(path)


def test_sigkill_during_export_never_leaves_a_half_docx(tmp_path):
    home = tmp_path / "home"
    source = tmp_path / "dossier.docx"
    big_letter(source, 1500)
    target = tmp_path / "partage.docx"
    old = Document()
    old.add_paragraph("Version précédente, complète.")
    old.save(target)
    # One full run gives the new file's content and how long an export takes.
    reference = tmp_path / "reference.docx"
    start = time.perf_counter()
    done = run("anonymize", str(source), "--out", str(reference), home=home)
    duration = time.perf_counter() - start
    assert done.returncode == 0, done.stderr
    new_count = len(Document(str(reference)).paragraphs)
    env = {**os.environ, "KATIB_HOME": str(home)}
    rng = random.Random(7)
    outcomes = []
    for _ in range(6):
        child = subprocess.Popen(katib_cmd("anonymize", str(source), "--out", str(target)),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        time.sleep(rng.uniform(0.3, 1.1) * duration)
        child.send_signal(signal.SIGKILL)
        child.wait(30)
        count = len(Document(str(target)).paragraphs)  # always a whole, readable file
        assert count in (1, new_count)
        outcomes.append("old" if count == 1 else "new")
    # The temporary files a kill may leave are hidden and never take the target's name.
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert all(name.startswith(".") for name in leftovers)
    assert "old" in outcomes or "new" in outcomes


def unshare_mount() -> list[str]:
    return ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]


def test_disk_full_gives_one_clear_line_and_keeps_the_old_file(tmp_path):
    small = tmp_path / "small"
    small.mkdir()
    source = tmp_path / "dossier.docx"
    big_letter(source, 2000)
    old = tmp_path / "old.docx"
    doc = Document()
    doc.add_paragraph("ancienne")
    doc.save(old)
    home = tmp_path / "home"
    target = small / "partage.docx"
    export = " ".join(katib_cmd("anonymize", str(source), "--out", str(target)))
    check = (f"{sys.executable} -c \"from docx import Document; "
             f"print('kept:', [p.text for p in Document('{target}').paragraphs])\"")
    script = (f'mount -t tmpfs -o size=1m tmpfs "{small}" && cp "{old}" "{target}" && '
              f'(dd if=/dev/zero of="{small}/fill" bs=4k 2>/dev/null; true) && '
              f'KATIB_HOME={home} {export}; echo "rc=$?"; {check}; ls -a "{small}"')
    out = subprocess.run(unshare_mount() + ["sh", "-c", script], capture_output=True, text=True,
                         timeout=600)
    assert "rc=2" in out.stdout, out.stdout + out.stderr
    errors = [line for line in out.stderr.splitlines() if line.startswith("katib:")]
    assert len(errors) == 1 and "Traceback" not in out.stderr, out.stderr
    assert "espace" in errors[0].lower() or "plein" in errors[0].lower(), errors[0]
    assert "kept: ['ancienne']" in out.stdout, out.stdout
    assert ".part" not in out.stdout  # the temporary file was cleaned up


def test_read_only_folder_gives_one_clear_line(tmp_path):
    seed_dir = tmp_path / "seed"
    seed_dir.mkdir()
    ro = tmp_path / "ro"
    ro.mkdir()
    home = tmp_path / "home"
    draft = " ".join(katib_cmd("draft", "--type", "attestation", *[f"'{a}'" for a in FIELDS],
                               "--out", str(ro / "attestation.docx"), "--no-model", lang="ar"))
    note = tmp_path / "note.txt"
    note.write_text("Contact : 06 12 34 56 78", encoding="utf-8")
    anonym = " ".join(katib_cmd("anonymize", str(note), "--out", str(ro / "note.txt"), lang="fr"))
    script = f'KATIB_HOME={home} {draft}; echo "rc=$?"; KATIB_HOME={home} {anonym}; echo "rc=$?"'
    out = subprocess.run(unshare_mount() + ["sh", "-c", f'mount -t tmpfs -o ro,size=1m tmpfs "{ro}" && '
                                                f"{script}"],
                         capture_output=True, text=True, timeout=600)
    assert out.stdout.count("rc=2") == 2, out.stdout + out.stderr
    errors = [line for line in out.stderr.splitlines() if line.startswith("katib:")]
    assert len(errors) == 2 and "Traceback" not in out.stderr, out.stderr
    assert any("\u0600" <= c <= "\u06ff" for c in errors[0])  # the Arabic user reads Arabic
    assert not any(ro.iterdir())
