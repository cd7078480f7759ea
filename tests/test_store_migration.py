"""A database written by an older Katib opens in this one, with its data intact."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from katib.core.paths import Paths
from katib.core.store import Store
from katib.core.store_errors import StorageNewer
from katib.core.store_schema import CURRENT_VERSION

# The layout of format 1 as Katib 0.1 wrote it, spelled out here by hand (not
# taken from the code) so that a change to the migrations that broke old files
# would show.
V1_SCHEMA = """
CREATE TABLE drafts (id INTEGER PRIMARY KEY, type_id TEXT NOT NULL, lang TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '', fields TEXT NOT NULL DEFAULT '{}', text TEXT NOT NULL DEFAULT '',
    template TEXT, model_file TEXT, model_sha256 TEXT, created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL, exported_at TEXT, exported_path TEXT);
CREATE TABLE draft_versions (id INTEGER PRIMARY KEY,
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE, n INTEGER NOT NULL,
    source TEXT NOT NULL, text TEXT NOT NULL, sealed INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (draft_id, n));
CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL UNIQUE, size INTEGER NOT NULL DEFAULT 0, pages INTEGER, language TEXT,
    text TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE summaries (id INTEGER PRIMARY KEY, title TEXT NOT NULL DEFAULT '', lang TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '', data TEXT NOT NULL DEFAULT '{}', template TEXT, model_file TEXT,
    model_sha256 TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, exported_at TEXT,
    exported_path TEXT);
CREATE TABLE summary_documents (
    summary_id INTEGER NOT NULL REFERENCES summaries(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (summary_id, document_id));
CREATE TABLE templates (id TEXT PRIMARY KEY, name TEXT, version TEXT, sha256 TEXT, path TEXT,
    first_used TEXT NOT NULL, last_used TEXT NOT NULL, use_count INTEGER NOT NULL DEFAULT 0);
CREATE TABLE data_settings (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE audit (id INTEGER PRIMARY KEY, at TEXT NOT NULL, event TEXT NOT NULL, kind TEXT,
    item_id INTEGER, model_file TEXT, model_sha256 TEXT, template TEXT,
    exported INTEGER NOT NULL DEFAULT 0, details TEXT NOT NULL DEFAULT '{}');
PRAGMA application_id = 1263814978;  -- "KTIB"
PRAGMA user_version = 1;
"""
T = "2025-03-01T09:30:00.000+00:00"
ARABIC = "يُشَرِّفُنِي أَنْ أَلْتَمِسَ مِنْ سِيَادَتِكُمْ الموافقة على رخصة البناء"


def make_paths(root) -> Paths:
    return Paths(config=root / "config", data=root / "data", models=root / "models",
                 logs=root / "logs", cache=root / "cache")


def build_v1(path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA)
    with conn:
        conn.execute("INSERT INTO drafts VALUES (1, 'lettre', 'fr', 'Demande de congé', "
                     "'{\"destinataire\": \"M. Idrissi\"}', 'J''ai l''honneur de solliciter un congé.',"
                     " 'fr/lettre', 'gemma.gguf', ?, ?, ?, ?, '/tmp/conge.docx')",
                     ["cd" * 32, T, T, T])
        conn.execute("INSERT INTO drafts VALUES (2, 'lettre', 'ar', 'طلب رخصة', '{}', ?, NULL,"
                     " NULL, NULL, ?, ?, NULL, NULL)", [ARABIC, T, T])
        conn.executemany("INSERT INTO draft_versions (draft_id, n, source, text, sealed, "
                         "created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)",
                         [(1, 1, "model", "J'ai l'honneur de", T, T),
                          (1, 2, "user", "J'ai l'honneur de solliciter un congé.", T, T),
                          (2, 1, "user", ARABIC, T, T)])
        conn.execute("INSERT INTO documents VALUES (1, '/srv/dossier/pv.pdf', 'pv.pdf', ?, 2048,"
                     " 3, 'fr', 'Procès-verbal de la réunion du conseil communal', ?, ?)",
                     [hashlib.sha256(b"pv").hexdigest(), T, T])
        conn.execute("INSERT INTO summaries VALUES (1, 'Synthèse du PV', 'fr', "
                     "'Le conseil a voté le budget.', '{\"points\": 1}', NULL, 'gemma.gguf',"
                     " NULL, ?, ?, NULL, NULL)", [T, T])
        conn.execute("INSERT INTO summary_documents VALUES (1, 1)")
        conn.execute("INSERT INTO templates VALUES ('fr/lettre', 'Lettre', '1', NULL, NULL, ?, ?,"
                     " 4)", [T, T])
        conn.execute("INSERT INTO data_settings VALUES ('office', '\"Commune de Salé\"')")
        conn.execute("INSERT INTO audit (at, event, kind, item_id, model_file, model_sha256, "
                     "template, exported) VALUES (?, 'generated', 'draft', 1, 'gemma.gguf', ?, "
                     "'fr/lettre', 1)", [T, "cd" * 32])
    conn.close()


def test_a_version_1_database_is_upgraded_with_its_data_intact(tmp_path):
    paths = make_paths(tmp_path)
    build_v1(paths.database)
    store = Store.open(paths, auto_backup=False)
    try:
        conn = sqlite3.connect(paths.database)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION == 3
        conn.close()
        assert store.recovery is None
        draft = store.get_draft(1)
        assert draft.text == "J'ai l'honneur de solliciter un congé."
        assert draft.fields == {"destinataire": "M. Idrissi"}
        assert [(v.n, v.source) for v in draft.versions] == [(1, "model"), (2, "user")]
        assert draft.exported_path == "/tmp/conge.docx" and draft.created_at == T
        assert store.get_draft(2).text == ARABIC
        assert store.get_summary(1).document_ids == [1]
        assert store.get_document(1).pages == 3
        assert store.get_setting("office") == "Commune de Salé"
        assert store.templates_in_use()[0]["use_count"] == 4
        assert store.audit_log()[0]["exported"] is True
        # What version 2 added works on the old data: search (index filled) and the trash.
        assert [h.id for h in store.search("idrissi")] == [1]
        assert [h.id for h in store.search("سيادتكم")] == [2]
        assert {(h.kind, h.id) for h in store.search("conseil")} == {("document", 1),
                                                                      ("summary", 1)}
        store.delete("draft", 1)
        assert store.search("idrissi") == []
        store.undo_delete("draft", 1)
        assert store.integrity_check() == ["ok"]
    finally:
        store.close()
    # Opening again does not migrate twice.
    again = Store.open(paths, auto_backup=False)
    assert again.get_draft(1).versions[-1].n == 2
    again.close()


def test_a_database_from_a_newer_katib_is_refused_and_left_alone(tmp_path):
    paths = make_paths(tmp_path)
    build_v1(paths.database)
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA user_version = 7")
    conn.close()
    before = paths.database.read_bytes()
    with pytest.raises(StorageNewer) as error:
        Store.open(paths, auto_backup=False)
    assert "7" in error.value.localized("fr") and "plus récente" in error.value.localized("fr")
    assert "أحدث" in error.value.localized("ar")
    assert paths.database.read_bytes() == before
    assert list(paths.data.glob("katib.db.corrupt-*")) == []


def test_a_version_1_backup_can_be_restored_then_upgraded(tmp_path):
    old = make_paths(tmp_path / "old")
    build_v1(old.database)
    paths = make_paths(tmp_path / "new")
    with Store.open(paths, auto_backup=False) as store:
        store.create_draft("lettre", "fr", "Actuel", {}, "base actuelle")
    result = Store.restore(paths, old.database)
    assert result.version == 1 and result.previous.exists()
    with Store.open(paths, auto_backup=False) as store:
        assert store.get_draft(1).title == "Demande de congé"
        assert [h.id for h in store.search("conge")] == [1]
