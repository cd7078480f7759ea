"""Keeping the full-text index in step with the drafts, summaries and documents.

Each live item has one row in `search_index` whose rowid encodes (kind, id),
holding folded copies of its texts (see store_search). Items in the trash
have no row, so searching needs no join to hide them.
"""

from __future__ import annotations

import json

import sqlite_utils

from katib.core.store_search import fold, stems

KINDS = ("draft", "summary", "document")
TABLE_OF = {"draft": "drafts", "summary": "summaries", "document": "documents"}
_CODE = {"draft": 1, "summary": 2, "document": 3}
_KIND = {code: kind for kind, code in _CODE.items()}


def rowid_of(kind: str, item_id: int) -> int:
    return int(item_id) * 4 + _CODE[kind]


def item_of(rowid: int) -> tuple[str, int]:
    return _KIND[rowid % 4], rowid // 4


def kind_code(kind: str) -> int:
    return _CODE[kind]


def _flatten(value) -> list[str]:
    """Every string inside a JSON-like value (form fields can nest lists and dicts)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _flatten(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _flatten(v)]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [str(value)]
    return []


def _texts(db: sqlite_utils.Database, kind: str, row: dict) -> tuple[str, str, str]:
    """(title, body, extra) of an item row, as the user wrote them."""
    if kind == "draft":
        fields = json.loads(row.get("fields") or "{}")
        return row["title"], row["text"], " · ".join(_flatten(fields))
    if kind == "summary":
        names = [r["title"] or r["path"] for r in db.query(
            "SELECT d.title, d.path FROM documents d JOIN summary_documents s "
            "ON s.document_id = d.id WHERE s.summary_id = ?", [row["id"]])]
        data = json.loads(row.get("data") or "{}")
        return row["title"], row["text"], " · ".join(names + _flatten(data))
    return row["title"], row["text"], row["path"]


def index_item(db: sqlite_utils.Database, kind: str, item_id: int) -> None:
    """(Re)write the index entry of one item; removes it if the item is gone or in the trash."""
    rowid = rowid_of(kind, item_id)
    db.conn.execute("DELETE FROM search_index WHERE rowid = ?", [rowid])
    rows = list(db.query(f"SELECT * FROM {TABLE_OF[kind]} WHERE id = ?", [item_id]))
    if not rows or rows[0].get("deleted_at"):
        return
    title, body, extra = _texts(db, kind, rows[0])
    folded = [fold(title), fold(body), fold(extra)]
    db.conn.execute(
        "INSERT INTO search_index(rowid, title, body, extra, stems) VALUES (?, ?, ?, ?, ?)",
        [rowid, *folded, stems(" ".join(folded))])


def unindex_item(db: sqlite_utils.Database, kind: str, item_id: int) -> None:
    db.conn.execute("DELETE FROM search_index WHERE rowid = ?", [rowid_of(kind, item_id)])


def reindex_all(db: sqlite_utils.Database) -> int:
    """Rebuild the whole index from the item tables; returns the number of entries."""
    db.conn.execute("DELETE FROM search_index")
    count = 0
    for kind in KINDS:
        ids = [r[0] for r in db.conn.execute(f"SELECT id FROM {TABLE_OF[kind]}")]
        for item_id in ids:
            index_item(db, kind, item_id)
            count += 1
    return count
