"""Deleting for real: retention of citizens' files, emptying the trash.

"For real" means no trace left in the database files: rows are deleted with
`secure_delete` on (freed space is zeroed), the search index is merged so old
index segments holding the words are dropped, the file is rebuilt (VACUUM) and
the write-ahead log is truncated. The audit trail records how many items went,
never what they said.
"""

from __future__ import annotations

import json

import sqlite_utils

from katib.core.store_index import KINDS, TABLE_OF, unindex_item
from katib.core.store_schema import write_transaction


def erase(db: sqlite_utils.Database, where: dict[str, tuple[str, list]], at: str,
          event: str, details: dict) -> dict[str, int]:
    """Delete the items selected by `where[kind] = (sql condition, params)`, audit it, compact.

    Runs on the writer lane. Returns the number of items deleted per kind.
    """
    deleted = {kind: 0 for kind in KINDS}
    with write_transaction(db):
        for kind in KINDS:
            if kind not in where:
                continue
            condition, params = where[kind]
            table = TABLE_OF[kind]
            ids = [r[0] for r in db.conn.execute(
                f"SELECT id FROM {table} WHERE {condition}", params)]
            for item_id in ids:
                unindex_item(db, kind, item_id)
                db.conn.execute(f"DELETE FROM {table} WHERE id = ?", [item_id])
            deleted[kind] = len(ids)
        if any(deleted.values()):
            db.conn.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
        db["audit"].insert({"at": at, "event": event,
                            "details": json.dumps({**details, "deleted": deleted})})
    if any(deleted.values()):
        compact(db)
    return deleted


def compact(db: sqlite_utils.Database) -> None:
    """VACUUM, then copy the log into the file and empty it (old page images hold old text)."""
    db.conn.execute("VACUUM")
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
