"""Backups, restore, and setting a damaged database aside.

A backup is a consistent copy made with SQLite's online backup API while
Katib keeps writing (WAL: the copy reads one snapshot, writers are not
blocked). It is written beside its destination, checked, then renamed into
place, so a half-written backup never looks like a good one. Restore checks
a file fully before it replaces anything, and keeps the database it replaces.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from katib.core.paths import Paths, make_private_dir
from katib.core.store_errors import (BackupInvalid, StorageCorrupt, StorageError,
                                     StorageInUse, StorageNewer, translate)
from katib.core.store_schema import (APPLICATION_ID, CURRENT_VERSION, TABLES, check,
                                     connect, create_private_file, version_of)

try:  # POSIX; on Windows the instance lock is skipped (restore then trusts the user)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

SQLITE_MAGIC = b"SQLite format 3\x00"
AUTO_PREFIX = "katib-auto-"


def stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")[:-3]


@dataclass(frozen=True)
class BackupInfo:
    """A backup file the user can restore."""

    path: Path
    created: datetime
    size: int
    automatic: bool

    def as_dict(self) -> dict:
        return {"path": str(self.path), "created": self.created.isoformat(timespec="seconds"),
                "size": self.size, "automatic": self.automatic}


def list_backups(paths: Paths) -> list[BackupInfo]:
    """Backups in the data folder's backups/, newest first."""
    if not paths.backups.is_dir():
        return []
    found = []
    for path in paths.backups.glob("*.db"):
        try:
            info = path.stat()
        except OSError:
            continue
        found.append(BackupInfo(path, datetime.fromtimestamp(info.st_mtime), info.st_size,
                                path.name.startswith(AUTO_PREFIX)))
    return sorted(found, key=lambda b: b.created, reverse=True)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_backup(source: Path, dest: Path, busy_timeout: float = 5.0) -> Path:
    """Copy the live database `source` to `dest` consistently; returns `dest`.

    The copy is one read snapshot (a single backup step), taken while other
    connections go on writing; it is made a standalone file (no -wal),
    checked, synced, then renamed into place.
    """
    dest = Path(dest).expanduser().absolute()
    if dest.resolve() == Path(source).resolve() or dest.name.startswith(Path(source).name + "-"):
        raise BackupInvalid("storage.backup_onto_itself", path=str(dest))
    part = dest.with_name(dest.name + ".part")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        create_private_file(part)
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=busy_timeout)
        dst = sqlite3.connect(str(part))
        try:
            src.backup(dst)  # pages=-1: all of it inside one read transaction
            dst.execute("PRAGMA journal_mode=DELETE")
            rows = [r[0] for r in dst.execute("PRAGMA quick_check").fetchall()]
            if rows != ["ok"]:
                raise StorageCorrupt(path=str(source), detail="; ".join(rows[:3]))
        finally:
            dst.close()
            src.close()
        with open(part, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(part, dest)
        _fsync_dir(dest.parent)
        return dest
    except (OSError, sqlite3.Error, StorageError) as exc:
        part.unlink(missing_ok=True)
        if isinstance(exc, sqlite3.Error) and "disk is full" not in str(exc).lower():
            raise translate(exc, source) from exc
        raise translate(exc, dest.parent) from exc


def rotate(paths: Paths, keep: int) -> None:
    """Keep the `keep` newest automatic backups."""
    autos = [b for b in list_backups(paths) if b.automatic]
    for old in autos[keep:]:
        old.path.unlink(missing_ok=True)


class InstanceLock:
    """An advisory lock beside the database: shared while Katib uses it, exclusive to replace it."""

    def __init__(self, database: Path) -> None:
        self.path = database.with_name(database.name + ".lock")
        self._fd: int | None = None

    def acquire(self, exclusive: bool = False) -> bool:
        if fcntl is None:
            return True
        if self._fd is None:
            try:
                self._fd = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600)
            except OSError:
                return True  # a read-only folder: the open itself will say so
        try:
            fcntl.flock(self._fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None


def set_aside(database: Path, label: str) -> Path | None:
    """Rename the database (and its -wal) to `<name>.<label>-<time>`; returns the new name."""
    if not database.exists():
        return None
    moved = database.with_name(f"{database.name}.{label}-{stamp()}")
    os.replace(database, moved)
    wal = database.with_name(database.name + "-wal")
    if wal.exists():
        os.replace(wal, moved.with_name(moved.name + "-wal"))
    database.with_name(database.name + "-shm").unlink(missing_ok=True)
    _fsync_dir(database.parent)
    return moved


def verify_file(path: Path) -> int:
    """Check that `path` is a sound Katib database; returns its format version.

    Raises BackupInvalid (missing, not SQLite, not Katib, damaged) or StorageNewer.
    """
    path = Path(path)
    if not path.is_file():
        raise BackupInvalid("storage.not_found", path=str(path))
    with open(path, "rb") as handle:
        if handle.read(16) != SQLITE_MAGIC:
            raise BackupInvalid(path=str(path))
    try:
        db = connect(path, create=False)
    except StorageError as exc:
        raise BackupInvalid("storage.backup_damaged", path=str(path),
                            detail=exc.localized("en")) from exc
    try:
        try:
            check(db, path, full=True)
            app_id, version = version_of(db)
            names = set(db.table_names())
        except StorageCorrupt as exc:
            if "not a Katib" in str(exc.params.get("detail")):
                raise BackupInvalid(path=str(path)) from exc
            raise BackupInvalid("storage.backup_damaged", path=str(path),
                                detail=exc.params.get("detail")) from exc
        except sqlite3.DatabaseError as exc:
            raise BackupInvalid("storage.backup_damaged", path=str(path), detail=str(exc)) from exc
        if app_id != APPLICATION_ID or version < 1 or not set(TABLES) <= names:
            raise BackupInvalid(path=str(path))
        if version > CURRENT_VERSION:
            raise StorageNewer(path=str(path), found=version, supported=CURRENT_VERSION)
        return version
    finally:
        db.conn.close()


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    version: int
    previous: Path | None  # where the replaced database was kept


def restore(paths: Paths, backup: Path) -> RestoreResult:
    """Replace the database with `backup` after checking a private copy of it.

    Nothing is replaced when the backup is missing, damaged, not Katib's or
    from a newer Katib, or when Katib is still open on the database. The
    replaced database is renamed `katib.db.before-restore-<time>`, not deleted.
    """
    backup = Path(backup).expanduser().absolute()
    if not backup.is_file():
        raise BackupInvalid("storage.not_found", path=str(backup))
    database = paths.database
    make_private_dir(database.parent)
    lock = InstanceLock(database)
    if not lock.acquire(exclusive=True):
        lock.release()
        raise StorageInUse(path=str(database))
    copy = database.with_name(f"{database.name}.restoring-{os.getpid()}")
    try:
        try:
            create_private_file(copy)
            _copy_database(backup, copy)
            with open(copy, "rb+") as handle:
                os.fsync(handle.fileno())
        except OSError as exc:
            raise translate(exc, database.parent) from exc
        try:
            version = verify_file(copy)
        except BackupInvalid as exc:  # name the user's file, not our private copy
            raise type(exc)(exc.key, **{**exc.params, "path": str(backup)}) from exc
        except StorageNewer as exc:
            raise StorageNewer(**{**exc.params, "path": str(backup)}) from exc
        for suffix in ("-wal", "-shm", "-journal"):
            copy.with_name(copy.name + suffix).unlink(missing_ok=True)
        previous = set_aside(database, "before-restore")
        os.replace(copy, database)
        os.chmod(database, 0o600)
        _fsync_dir(database.parent)
        return RestoreResult(restored_from=backup, version=version, previous=previous)
    finally:
        for leftover in (copy, copy.with_name(copy.name + "-wal"),
                         copy.with_name(copy.name + "-shm")):
            leftover.unlink(missing_ok=True)
        lock.release()


def _copy_database(source: Path, dest: Path) -> None:
    """Copy through SQLite when it can read the file (a live database's -wal is then
    included); byte for byte otherwise, and let the checks judge the copy."""
    with open(source, "rb") as handle:
        is_sqlite = handle.read(16) == SQLITE_MAGIC
    if is_sqlite:
        try:
            src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            dst = sqlite3.connect(str(dest))
            try:
                src.backup(dst)
                return
            finally:
                dst.close()
                src.close()
        except sqlite3.Error:
            pass
    shutil.copyfile(source, dest)


def backup_due(paths: Paths, every_seconds: float) -> bool:
    autos = [b for b in list_backups(paths) if b.automatic]
    return not autos or time.time() - autos[0].path.stat().st_mtime >= every_seconds
