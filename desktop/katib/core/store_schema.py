"""The database file: how it is opened, what it contains, how older files are upgraded.

The format version is SQLite's `PRAGMA user_version`; `PRAGMA application_id`
marks the file as Katib's (so a restore can refuse any other SQLite file).
`MIGRATIONS[n]` turns a version n-1 database into version n; a new database
is built by running all of them, so the upgrade path is exercised every time
a database is created, not only on old files.

History of the format:
- 1: first layout — drafts and their versions, summaries, documents,
     templates in use, data settings, audit trail.
- 2: full-text search index over drafts, summaries and documents; soft
     delete (a trash with undo).
- 3: `masking` on drafts and summaries: the anonymize action's mapping
     (label -> original), so a masked item can be restored inside Katib. It
     lives in the row, so deleting the item (retention, trash) deletes it too.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from katib.core.store_errors import StorageCorrupt, StorageNewer, translate

APPLICATION_ID = 0x4B544942  # "KTIB"
CURRENT_VERSION = 3
BUSY_TIMEOUT = 5.0  # seconds a write waits for another Katib before StorageLocked
TABLES = ("drafts", "draft_versions", "summaries", "summary_documents", "documents",
          "templates", "data_settings", "audit")

_V1 = """
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY,
    type_id TEXT NOT NULL,
    lang TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    fields TEXT NOT NULL DEFAULT '{}',
    text TEXT NOT NULL DEFAULT '',
    template TEXT,
    model_file TEXT,
    model_sha256 TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    exported_at TEXT,
    exported_path TEXT
);
CREATE TABLE draft_versions (
    id INTEGER PRIMARY KEY,
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    source TEXT NOT NULL,
    text TEXT NOT NULL,
    sealed INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (draft_id, n)
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL DEFAULT 0,
    pages INTEGER,
    language TEXT,
    text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE summaries (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL DEFAULT '{}',
    template TEXT,
    model_file TEXT,
    model_sha256 TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    exported_at TEXT,
    exported_path TEXT
);
CREATE TABLE summary_documents (
    summary_id INTEGER NOT NULL REFERENCES summaries(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (summary_id, document_id)
);
CREATE TABLE templates (
    id TEXT PRIMARY KEY,
    name TEXT,
    version TEXT,
    sha256 TEXT,
    path TEXT,
    first_used TEXT NOT NULL,
    last_used TEXT NOT NULL,
    use_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE data_settings (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    event TEXT NOT NULL,
    kind TEXT,
    item_id INTEGER,
    model_file TEXT,
    model_sha256 TEXT,
    template TEXT,
    exported INTEGER NOT NULL DEFAULT 0,
    details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX drafts_updated ON drafts(updated_at);
CREATE INDEX summaries_updated ON summaries(updated_at);
CREATE INDEX documents_updated ON documents(updated_at);
CREATE INDEX audit_item ON audit(kind, item_id);
"""

# The folded copies of the texts (see store_search): `extra` holds form fields,
# file names and the like; `stems` the Arabic words without their article.
# The rowid encodes the item (see store_index.rowid_of) so that replacing one
# item's entry is a lookup, not a scan.
SEARCH_TABLE = """
CREATE VIRTUAL TABLE search_index USING fts5(
    title, body, extra, stems,
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '2 3'
);
INSERT INTO search_index(search_index, rank) VALUES ('rank', 'bm25(6.0, 1.0, 2.0, 0.7)');
"""


def _migrate_1(db: sqlite_utils.Database) -> None:
    db.executescript(_V1)


def _migrate_2(db: sqlite_utils.Database) -> None:
    for table in ("drafts", "summaries", "documents"):
        db[table].add_column("deleted_at", str)
        db[table].create_index(["deleted_at"], f"{table}_deleted", if_not_exists=True)
    db.executescript(SEARCH_TABLE)
    # Fill the index from what version 1 stored (the import is late to avoid a cycle).
    from katib.core.store_index import reindex_all

    reindex_all(db)


def _migrate_3(db: sqlite_utils.Database) -> None:
    # NULL: not masked. Never indexed for search, never exported.
    for table in ("drafts", "summaries"):
        db[table].add_column("masking", str)


MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {
    1: _migrate_1, 2: _migrate_2, 3: _migrate_3}


def create_private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 if missing (SQLite gives -wal/-shm the same mode)."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    try:
        os.chmod(path, 0o600)
    except OSError:  # a FAT-formatted USB key has no permissions to set
        pass


def connect(path: Path, busy_timeout: float = BUSY_TIMEOUT, create: bool = True,
            wal: bool = True) -> sqlite_utils.Database:
    """Open `path` with Katib's settings: WAL, full sync, foreign keys, secure delete.

    `wal=False` leaves the file as it is (to check a file before changing it).
    """
    try:
        if create:
            create_private_file(path)
        conn = sqlite3.connect(str(path), timeout=busy_timeout, check_same_thread=False)
    except (OSError, sqlite3.Error) as exc:
        raise translate(exc, path.parent) from exc
    try:
        db = sqlite_utils.Database(conn, execute_plugins=False)
        if wal:
            enable_wal(db)
        # FULL: a committed save survives a power cut, not only a killed process.
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        # Deleted rows (retention, purged trash) are overwritten with zeros.
        conn.execute("PRAGMA secure_delete=ON")
        # After a big import the log shrinks back instead of keeping old page images.
        conn.execute("PRAGMA journal_size_limit=16777216")
        return db
    except sqlite3.Error as exc:
        conn.close()
        raise translate(exc, path) from exc


def enable_wal(db: sqlite_utils.Database) -> None:
    if db.journal_mode != "wal":
        db.enable_wal()


@contextmanager
def write_transaction(db: sqlite_utils.Database):
    """BEGIN IMMEDIATE … COMMIT: takes the write lock up front, so two Katibs never deadlock."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def version_of(db: sqlite_utils.Database) -> tuple[int, int]:
    """(application_id, user_version) of an open database."""
    conn = db.conn
    return (conn.execute("PRAGMA application_id").fetchone()[0],
            conn.execute("PRAGMA user_version").fetchone()[0])


def check(db: sqlite_utils.Database, path: Path, full: bool = False, scan: bool = True) -> None:
    """Raise StorageCorrupt unless `db` is a sound Katib database (or a new empty file).

    `full` runs integrity_check (every index entry compared with its row);
    otherwise quick_check, fast enough for every start; `scan=False` checks
    only the header and the format version. StorageNewer for a newer format.
    """
    try:
        if scan:
            pragma = "integrity_check" if full else "quick_check"
            rows = [r[0] for r in db.conn.execute(f"PRAGMA {pragma}").fetchall()]
            if rows != ["ok"]:
                raise StorageCorrupt(path=str(path), detail="; ".join(rows[:3]))
        app_id, version = version_of(db)
    except sqlite3.DatabaseError as exc:
        raise StorageCorrupt(path=str(path), detail=str(exc)) from exc
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and db.table_names()):
        raise StorageCorrupt(path=str(path), detail="not a Katib database")
    if version > CURRENT_VERSION:
        raise StorageNewer(path=str(path), found=version, supported=CURRENT_VERSION)


def migrate(db: sqlite_utils.Database, target: int = CURRENT_VERSION) -> int:
    """Bring `db` up to `target`, one version per transaction; returns the starting version."""
    _, start = version_of(db)
    for version in range(start + 1, target + 1):
        with write_transaction(db):
            _, now = version_of(db)
            if now >= version:  # another Katib migrated it meanwhile
                continue
            MIGRATIONS[version](db)
            db.conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            db.conn.execute(f"PRAGMA user_version={version}")
    return start
