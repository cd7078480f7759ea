"""The local store: drafts, summaries and documents kept safely in SQLite.

One database file, `user_paths().database`, private to the user, in WAL mode.
Writes run on one writer lane (a thread with a queue, see store_lane), each
in a short transaction; reads use their own connection and never wait for
writes. Typical use by the window:

    store = Store.open()                      # checks, upgrades, sets a damaged file aside
    if store.recovery: offer store.recovery.latest_backup   (Store.restore after close)
    store.apply_retention_if_due(settings.retention_days)
    draft_id = store.create_draft("lettre", "fr", "Objet…", fields, text, model=path)
    saver = Autosaver(store, draft_id, on_error=show)   # katib.core.autosave
    saver.text_changed(editor_text)           # on every keystroke; never blocks
    saver.paragraph_generated(editor_text)    # after each paragraph the model wrote
    saver.close()                             # when the draft is closed
    hits = store.search("permis de construire")   # hit.snippet_html() for a QLabel
    store.delete("draft", draft_id); store.undo_delete("draft", draft_id)
    store.mark_exported("draft", draft_id, "lettre.docx")
    store.close()

Reads (get_*, list_items, search) take milliseconds and may run on the GUI
thread; writes called directly (create_draft, save_version…) wait for the
lane, which is usually idle: call them from a worker, or use `submit` /
`autosave_async`, which return a Future at once.

Every failure is a `StorageError` subclass (store_errors) with a message in
fr/ar/en; the text being saved is never dropped by the store.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from katib.core.paths import Paths, make_private_dir, user_paths
from katib.core.store_backup import (AUTO_PREFIX, BackupInfo, InstanceLock, RestoreResult,
                                     backup_due, list_backups, restore, rotate, set_aside,
                                     stamp, write_backup)
from katib.core.store_drafts import DraftsMixin
from katib.core.store_errors import (ItemNotFound, StorageCorrupt, StorageError, StorageInUse,
                                     translate)
from katib.core.store_history import HistoryMixin
from katib.core.store_masking import MaskingMixin
from katib.core.store_index import KINDS, TABLE_OF
from katib.core.store_retention import erase
from katib.core.store_schema import (BUSY_TIMEOUT, check, connect, enable_wal, migrate,
                                     write_transaction)
from katib.core.store_lane import WriterLane
from katib.core.store_types import Recovery, RetentionReport, utc_iso

__all__ = ["Store", "StorageError"]

AUTO_BACKUP_EVERY = 24 * 3600.0
AUTO_BACKUP_KEEP = 7


class Store(DraftsMixin, HistoryMixin, MaskingMixin):
    """The user's history. Open with `Store.open()`; close with `close()` (or `with`)."""

    def __init__(self, paths: Paths, lane: WriterLane, reader: sqlite_utils.Database,
                 lock: InstanceLock, recovery: Recovery | None) -> None:
        self.paths = paths
        self.path = paths.database
        self.recovery = recovery
        self.last_backup_error: StorageError | None = None
        self.clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)
        self._lane = lane
        self._reader = reader
        self._read_lock = threading.Lock()
        self._lock = lock
        self._backup_thread: threading.Thread | None = None

    # -- opening and closing -------------------------------------------------

    @classmethod
    def open(cls, paths: Paths | None = None, *, busy_timeout: float = BUSY_TIMEOUT,
             auto_backup: bool = True, check_integrity: bool = True) -> "Store":
        """Open (creating or upgrading) the database of `paths` (default: the user's).

        A damaged database is renamed `katib.db.corrupt-<time>` and replaced by an
        empty one; `store.recovery` then says where it went and which backups
        exist. With `auto_backup`, a backup is made in the background when the
        newest automatic one is a day old (7 are kept).
        """
        paths = paths or user_paths()
        try:
            make_private_dir(paths.data)
        except OSError as exc:
            raise translate(exc, paths.data) from exc
        database = paths.database
        lock = InstanceLock(database)
        if not lock.acquire():
            raise StorageInUse(path=str(database))
        try:
            recovery = None
            try:
                db = connect(database, busy_timeout, wal=False)
                try:
                    check(db, database, scan=check_integrity)
                    enable_wal(db)
                except BaseException:
                    db.conn.close()
                    raise
            except StorageCorrupt:
                # Only set a file aside when no other Katib is using it.
                if not lock.acquire(exclusive=True):
                    raise
                moved = set_aside(database, "corrupt")
                lock.acquire()  # back to shared
                recovery = Recovery(moved_to=moved, backups=list_backups(paths))
                db = connect(database, busy_timeout)
            try:
                migrate(db)
            except sqlite3.Error as exc:
                raise translate(exc, database) from exc
            finally:
                db.conn.close()
            lane = WriterLane(lambda: connect(database, busy_timeout), database)
            reader = connect(database, busy_timeout, create=False)
        except BaseException:
            lock.release()
            raise
        store = cls(paths, lane, reader, lock, recovery)
        if auto_backup:
            store._start_auto_backup()
        return store

    def close(self) -> None:
        """Finish queued writes, then close every connection."""
        if self._backup_thread is not None:
            self._backup_thread.join()
        self._lane.close()
        with self._read_lock:
            self._reader.conn.close()
        self._lock.release()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- plumbing ------------------------------------------------------------

    def now(self) -> str:
        return utc_iso(self.clock())

    def _write(self, job: Callable[[sqlite_utils.Database], Any]) -> Any:
        """Run `job(db)` in one transaction on the lane and wait for it."""
        return self._lane.call(lambda db: _in_transaction(db, job))

    def submit(self, job: Callable[[sqlite_utils.Database], Any]) -> Future:
        """Queue `job(db)` (one transaction) on the lane without waiting; for the window."""
        return self._lane.submit(lambda db: _in_transaction(db, job))

    def _read(self, sql: str, params: Iterable | dict = ()) -> list[dict]:
        with self._read_lock:
            try:
                return list(self._reader.query(sql, params))
            except sqlite3.Error as exc:
                raise translate(exc, self.path) from exc

    def _one(self, kind: str, item_id: int) -> dict:
        rows = self._read(f"SELECT * FROM {TABLE_OF[kind]} WHERE id = ?", [item_id])
        if not rows:
            raise ItemNotFound(kind=kind, id=item_id)
        return rows[0]

    # -- data settings and audit ----------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        """A setting stored with the data (not the user's preferences file)."""
        rows = self._read("SELECT value FROM data_settings WHERE key = ?", [key])
        return json.loads(rows[0]["value"]) if rows else default

    def set_setting(self, key: str, value: Any) -> None:
        self._write(lambda db: db["data_settings"].upsert(
            {"key": key, "value": json.dumps(value, ensure_ascii=False)}, pk="key"))

    def audit(self, event: str, kind: str | None = None, item_id: int | None = None,
              model: str | Path | None = None, model_sha256: str | None = None,
              template: str | None = None, **details: Any) -> int:
        """Record `event` in the audit trail; `details` must be metadata, never content."""
        model_file, model_sha256 = self.model_identity(model, model_sha256)
        at = self.now()
        return self._write(lambda db: self._audit_row(
            db, at, event, kind, item_id, model_file, model_sha256, template, details))

    @staticmethod
    def _audit_row(db, at, event, kind, item_id, model_file, model_sha256, template,
                   details) -> int:
        return db["audit"].insert({
            "at": at, "event": event, "kind": kind, "item_id": item_id,
            "model_file": model_file, "model_sha256": model_sha256, "template": template,
            "details": json.dumps(details, ensure_ascii=False, default=str)}).last_pk

    def audit_log(self, kind: str | None = None, item_id: int | None = None,
                  limit: int = 200) -> list[dict]:
        """Audit entries, newest first (optionally of one item)."""
        where, params = [], []
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if item_id is not None:
            where.append("item_id = ?")
            params.append(item_id)
        sql = "SELECT * FROM audit" + (" WHERE " + " AND ".join(where) if where else "")
        rows = self._read(sql + " ORDER BY id DESC LIMIT ?", [*params, limit])
        for row in rows:
            row["details"] = json.loads(row["details"] or "{}")
            row["exported"] = bool(row["exported"])
        return rows

    def mark_exported(self, kind: str, item_id: int, path: str | Path) -> None:
        """Note that a draft or summary was exported (the audit's "exported" column too)."""
        if kind not in ("draft", "summary"):
            raise ValueError(kind)
        at, path = self.now(), str(path)

        def job(db):
            table = TABLE_OF[kind]
            if not db.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", [item_id]).fetchone():
                raise ItemNotFound(kind=kind, id=item_id)
            db.conn.execute(f"UPDATE {table} SET exported_at = ?, exported_path = ? WHERE id = ?",
                            [at, path, item_id])
            db.conn.execute("UPDATE audit SET exported = 1 WHERE kind = ? AND item_id = ?",
                            [kind, item_id])
            self._audit_row(db, at, "exported", kind, item_id, None, None, None,
                            {"format": Path(path).suffix.lstrip(".")})
        self._write(job)

    def purge_deleted(self, older_than_days: float = 0) -> dict[str, int]:
        """Delete for real what has been in the trash longer than `older_than_days`."""
        cutoff = utc_iso(self.clock() - timedelta(days=older_than_days))
        where = {k: ("deleted_at IS NOT NULL AND deleted_at <= ?", [cutoff]) for k in KINDS}
        at = self.now()
        return self._lane.call(lambda db: erase(db, where, at, "trash.purged",
                                                {"older_than_days": older_than_days}))

    def apply_retention(self, days: int) -> RetentionReport:
        """Delete for real every draft, summary and document untouched for `days` days.

        The audit trail records the counts (not the content). Automatic backups,
        which still hold the deleted items, are replaced by one fresh backup.
        """
        if days <= 0:
            return RetentionReport(days, "", {k: 0 for k in KINDS})
        cutoff = utc_iso(self.clock() - timedelta(days=days))
        where = {k: ("updated_at < ?", [cutoff]) for k in KINDS}
        at = self.now()
        deleted = self._lane.call(lambda db: erase(
            db, where, at, "retention", {"days": days, "cutoff": cutoff}))
        report = RetentionReport(days, cutoff, deleted)
        self.set_setting("retention.last_run", at)
        if report.total:
            for old in list_backups(self.paths):
                if old.automatic:
                    old.path.unlink(missing_ok=True)
            self.backup(self.paths.backups / f"{AUTO_PREFIX}{stamp()}.db")
        return report

    def apply_retention_if_due(self, days: int, every_hours: float = 24.0
                               ) -> RetentionReport | None:
        """`apply_retention(days)` unless it already ran in the last `every_hours` (window start)."""
        if days <= 0:
            return None
        last = self.get_setting("retention.last_run")
        if last and self.clock() - datetime.fromisoformat(last) < timedelta(hours=every_hours):
            return None
        return self.apply_retention(days)

    # -- backups -----------------------------------------------------------------

    def backup(self, dest: str | Path | None = None) -> Path:
        """Write a consistent copy of the database to `dest` (default: backups/), while writing goes on."""
        if dest is None:
            dest = self.paths.backups / f"katib-{stamp()}.db"
        if Path(dest).parent == self.paths.backups:
            make_private_dir(self.paths.backups)
        return write_backup(self.path, Path(dest))

    def backups(self) -> list[BackupInfo]:
        """Backups in the data folder, newest first (what the window offers to restore)."""
        return list_backups(self.paths)

    @staticmethod
    def backups_of(paths: Paths | None = None) -> list[BackupInfo]:
        """`backups()` without opening the database (e.g. before a restore)."""
        return list_backups(paths or user_paths())

    @staticmethod
    def restore(paths: Paths | None, backup_path: str | Path) -> RestoreResult:
        """Replace the database by a checked backup (Katib must be closed); see store_backup."""
        return restore(paths or user_paths(), Path(backup_path))

    def _start_auto_backup(self) -> None:
        def run():
            try:
                if self._is_empty() or not backup_due(self.paths, AUTO_BACKUP_EVERY):
                    return
                make_private_dir(self.paths.backups)
                write_backup(self.path, self.paths.backups / f"{AUTO_PREFIX}{stamp()}.db")
                rotate(self.paths, AUTO_BACKUP_KEEP)
            except (StorageError, OSError) as exc:
                self.last_backup_error = translate(exc, self.paths.backups)
        self._backup_thread = threading.Thread(target=run, name="katib-auto-backup", daemon=True)
        self._backup_thread.start()

    def _is_empty(self) -> bool:
        rows = self._read("SELECT (SELECT count(*) FROM drafts) + (SELECT count(*) FROM summaries)"
                          " + (SELECT count(*) FROM documents) AS n")
        return rows[0]["n"] == 0

    def integrity_check(self) -> list[str]:
        """SQLite's full integrity check: ["ok"] when the file is sound."""
        return [r["integrity_check"] for r in self._read("PRAGMA integrity_check")]


def _in_transaction(db: sqlite_utils.Database, job):
    with write_transaction(db):
        return job(db)
