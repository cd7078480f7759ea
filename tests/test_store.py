"""The local store's API on real SQLite files: drafts, versions, history, trash, audit."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from datetime import datetime, timedelta, timezone

import pytest

from katib.core.paths import Paths, user_paths
from katib.core.store import Store
from katib.core.store_errors import ItemNotFound
from katib.core.store_schema import APPLICATION_ID, CURRENT_VERSION


def make_paths(root) -> Paths:
    return Paths(config=root / "config", data=root / "data", models=root / "models",
                 logs=root / "logs", cache=root / "cache")


@pytest.fixture
def paths(tmp_path):
    return make_paths(tmp_path)


@pytest.fixture
def store(paths):
    s = Store.open(paths, auto_backup=False)
    yield s
    s.close()


def test_one_private_wal_database_under_katib_home(tmp_path, monkeypatch):
    monkeypatch.setenv("KATIB_HOME", str(tmp_path / "home"))
    store = Store.open()
    try:
        assert store.path == user_paths().database == tmp_path / "home" / "data" / "katib.db"
        store.create_draft("lettre", "fr", "Titre", {}, "Texte")
        for name in ("katib.db", "katib.db-wal", "katib.db-shm"):
            mode = stat.S_IMODE(os.stat(store.path.parent / name).st_mode)
            assert mode == 0o600, (name, oct(mode))
        conn = sqlite3.connect(store.path)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert {"drafts", "draft_versions", "summaries", "documents", "templates",
                "data_settings", "audit", "search_index"} <= tables
        conn.close()
    finally:
        store.close()


def test_draft_versions_user_model_and_autosave(store, tmp_path):
    model = tmp_path / "petit-modele.gguf"
    model.write_bytes(b"GGUF fake weights for the checksum only")
    draft_id = store.create_draft("lettre", "fr", "Demande", {"objet": "congé"},
                                  "J'ai l'honneur de", model=model, template="fr/lettre")
    assert store.save_version(draft_id, "J'ai l'honneur de solliciter", source="user") == 2
    assert store.autosave(draft_id, "J'ai l'honneur de solliciter un congé") == 3
    assert store.autosave(draft_id, "J'ai l'honneur de solliciter un congé annuel") == 3
    assert store.autosave(draft_id, "Texte du modèle", source="model") == 4
    assert store.autosave(draft_id, "Texte du modèle, suite", source="model", seal=True) == 4
    assert store.autosave(draft_id, "Texte du modèle, suite, encore", source="model") == 5
    draft = store.get_draft(draft_id)
    assert draft.text == "Texte du modèle, suite, encore"
    assert [(v.n, v.source) for v in draft.versions] == [
        (1, "model"), (2, "user"), (3, "autosave"), (4, "model"), (5, "model")]
    assert draft.versions[2].text == "J'ai l'honneur de solliciter un congé annuel"
    assert draft.fields == {"objet": "congé"} and draft.template == "fr/lettre"
    assert draft.model_file == "petit-modele.gguf"
    import hashlib

    assert draft.model_sha256 == hashlib.sha256(model.read_bytes()).hexdigest()
    assert store.templates_in_use()[0]["id"] == "fr/lettre"
    with pytest.raises(ValueError):
        store.save_version(draft_id, "x", source="robot")


def test_audit_records_model_template_time_and_export_without_content(store, tmp_path):
    model = tmp_path / "m.gguf"
    model.write_bytes(b"weights")
    draft_id = store.create_draft("lettre", "fr", "Réclamation de M. Tazi", {"nom": "Tazi"},
                                  "Texte confidentiel", model=model, model_sha256="ab" * 32,
                                  template={"id": "fr/reponse", "version": "3"})
    entry = store.audit_log(kind="draft", item_id=draft_id)[0]
    assert entry["event"] == "generated" and entry["model_file"] == "m.gguf"
    assert entry["model_sha256"] == "ab" * 32 and entry["template"] == "fr/reponse"
    assert entry["at"].endswith("+00:00") and entry["exported"] is False
    store.mark_exported("draft", draft_id, tmp_path / "reclamation.docx")
    log = store.audit_log(kind="draft", item_id=draft_id)
    assert log[0]["event"] == "exported" and log[0]["details"] == {"format": "docx"}
    assert [e["exported"] for e in log if e["event"] == "generated"] == [True]
    assert store.get_draft(draft_id).exported_path.endswith("reclamation.docx")
    dump = repr(store.audit_log())
    assert "Tazi" not in dump and "confidentiel" not in dump


def test_list_filters_and_order(store):
    first = store.create_draft("lettre", "fr", "Lettre", {}, "a")
    second = store.create_draft("attestation", "ar", "شهادة", {}, "b")
    summary = store.add_summary("Synthèse", "fr", "c")
    store.autosave(first, "a, modifié")  # now the most recent
    assert [(i.kind, i.id) for i in store.list_items()] == [
        ("draft", first), ("summary", summary), ("draft", second)]
    assert [i.id for i in store.list_items(kind="draft")] == [first, second]
    assert [(i.kind, i.id, i.title) for i in store.list_items(kind="summary")] == [
        ("summary", summary, "Synthèse")]
    assert store.list_items(kind="document") == []
    assert [i.id for i in store.list_items(type_id="attestation")] == [second]
    assert [i.id for i in store.list_items(lang="ar")] == [second]
    future = datetime.now(timezone.utc) + timedelta(hours=1)
    assert store.list_items(since=future) == []
    assert len(store.list_items(limit=2)) == 2


def test_delete_with_undo_hides_from_list_and_search(store):
    draft_id = store.create_draft("lettre", "fr", "Mutation", {}, "Demande de mutation")
    store.delete("draft", draft_id)
    assert store.list_items() == [] and store.search("mutation") == []
    assert [i.id for i in store.list_items(deleted=True)] == [draft_id]
    store.undo_delete("draft", draft_id)
    assert [i.id for i in store.list_items()] == [draft_id]
    assert [h.id for h in store.search("mutation")] == [draft_id]
    store.undo_delete("draft", draft_id)  # a second undo (a double click) changes nothing
    assert [i.id for i in store.list_items()] == [draft_id]
    with pytest.raises(ItemNotFound) as error:
        store.delete("draft", 999)
    assert error.value.localized("fr") == "Aucun brouillon numéro 999 dans l'historique."
    assert error.value.localized("ar") == "لا توجد مسودة رقم 999 في السجل."
    with pytest.raises(ItemNotFound):
        store.delete("summary", 999)
    assert [e["event"] for e in store.audit_log(item_id=draft_id)][:3] == [
        "restored", "deleted", "created"]


def test_purge_deleted_removes_for_real(store):
    keep = store.create_draft("lettre", "fr", "Garder", {}, "à garder")
    gone = store.create_draft("lettre", "fr", "Jeter", {}, "à jeter")
    store.delete("draft", gone)
    assert store.purge_deleted()["draft"] == 1
    with pytest.raises(ItemNotFound):
        store.get_draft(gone)
    assert store.get_draft(keep).text == "à garder"
    with pytest.raises(ItemNotFound):
        store.undo_delete("draft", gone)


def test_duplicate_draft(store):
    src = store.create_draft("note", "ar", "مذكرة", {"إلى": "السيد المدير"}, "نص المذكرة")
    store.save_version(src, "نص المذكرة المعدل")
    copy = store.duplicate_draft(src)
    original, duplicate = store.get_draft(src), store.get_draft(copy)
    assert duplicate.title == "مذكرة (نسخة)" and duplicate.text == original.text
    assert duplicate.fields == original.fields and duplicate.lang == "ar"
    assert [(v.n, v.source) for v in duplicate.versions] == [(1, "copy")]
    store.autosave(copy, "نص مختلف")
    assert store.get_draft(src).text == "نص المذكرة المعدل"  # the copy is independent


def test_documents_dedupe_by_checksum_and_summaries_link_them(store, tmp_path):
    path = tmp_path / "arrete.txt"
    path.write_text("Arrêté municipal n° 12", encoding="utf-8")
    first = store.add_document(path, "Arrêté municipal n° 12", pages=1, language="fr")
    again = store.add_document(path, "Arrêté municipal n° 12", pages=1, language="fr")
    assert first == again
    doc = store.get_document(first)
    assert doc.size == path.stat().st_size and doc.title == "arrete.txt" and doc.pages == 1
    summary = store.add_summary("Résumé", "fr", "Un arrêté.", data={"points": ["p1"]},
                                document_ids=[first])
    got = store.get_summary(summary)
    assert got.document_ids == [first] and got.data == {"points": ["p1"]}
    store.update_summary(summary, text="Un arrêté municipal.")
    assert store.get_summary(summary).text == "Un arrêté municipal."
    with pytest.raises(ItemNotFound):
        store.add_summary("x", "fr", "y", document_ids=[12345])
    assert [i.kind for i in store.list_items()].count("summary") == 1  # the failed one rolled back


def test_data_settings(store):
    assert store.get_setting("letterhead", "none") == "none"
    store.set_setting("letterhead", {"ministère": "Intérieur"})
    assert store.get_setting("letterhead") == {"ministère": "Intérieur"}


def test_writes_from_many_threads_are_serialised(store):
    draft_id = store.create_draft("lettre", "fr", "Concurrence", {}, "")
    errors = []

    def worker(k):
        try:
            for i in range(10):
                store.save_version(draft_id, f"fil {k} version {i}")
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    versions = store.get_draft(draft_id).versions
    assert [v.n for v in versions] == list(range(1, 41))


def test_the_caller_does_not_wait_for_the_disk(store):
    """autosave_async returns before the write is done: the lane is busy with a slow job."""
    draft_id = store.create_draft("lettre", "fr", "Rapide", {}, "")
    release = threading.Event()
    store.submit(lambda db: release.wait(5))  # a long write occupying the lane
    future = store.autosave_async(draft_id, "texte")
    # Had the call waited for the disk, it would have returned only after the
    # blocking job timed out, with the save already done.
    assert not future.done()
    release.set()
    assert future.result(5) == 1


def test_an_autosave_does_not_wait_for_a_whole_dossier_import(store):
    """A large import is written in chunks: an autosave queued meanwhile goes in between."""
    draft_id = store.create_draft("lettre", "fr", "Pendant l'import", {}, "")
    words = "conseil commune budget مجلس الجماعة الميزانية ".split()
    docs = [{"path": f"/dossier/{i}.txt", "text": " ".join(words[(i + k) % 6] for k in range(150_000)),
             "sha256": f"doc-{i}"} for i in range(12)]
    done = threading.Event()
    imported = []
    worker = threading.Thread(target=lambda: (imported.extend(store.add_documents(docs)),
                                              done.set()))
    worker.start()
    while not store.list_items(kind="document", limit=1):  # the first chunk is in
        pass
    store.autosave_async(draft_id, "tapé pendant l'import").result(60)
    assert not done.is_set()  # the autosave did not wait for the rest of the dossier
    worker.join(120)
    assert len(imported) == 12 and len(set(imported)) == 12
    assert store.get_draft(draft_id).text == "tapé pendant l'import"


def test_two_stores_on_one_database_see_each_other(paths):
    """The window and a `katib` command may run together (WAL: readers never block writers)."""
    a = Store.open(paths, auto_backup=False)
    b = Store.open(paths, auto_backup=False)
    try:
        draft_id = a.create_draft("lettre", "fr", "Partagé", {}, "texte commun")
        assert b.get_draft(draft_id).text == "texte commun"
        b.save_version(draft_id, "modifié par b")
        assert a.get_draft(draft_id).text == "modifié par b"
        assert [h.id for h in a.search("modifie")] == [draft_id]
    finally:
        a.close()
        b.close()
