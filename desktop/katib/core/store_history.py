"""The history side of the store: listing, searching, the trash (a mixin of `Store`)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from katib.core.store_errors import ItemNotFound, translate
from katib.core.store_index import KINDS, TABLE_OF, index_item, item_of, kind_code
from katib.core.store_search import Matcher, fts_query, query_terms
from katib.core.store_index import _flatten
from katib.core.store_types import Item, SearchHit, utc_iso


class HistoryMixin:
    """What the history screen calls: `list_items`, `search`, `delete`, `undo_delete`."""

    def list_items(self, kind: str | None = None, type_id: str | None = None,
                   lang: str | None = None, since: datetime | str | None = None,
                   limit: int = 100, offset: int = 0, deleted: bool = False) -> list[Item]:
        """The history, newest first. `deleted=True` lists the trash instead."""
        columns = "kind, id, title, type_id, lang, created_at, updated_at, exported_at, deleted_at"
        parts = {  # every part names its columns: any one of them may come first
            "draft": "SELECT 'draft' AS kind, id, title, type_id, lang, created_at, updated_at, "
                     "exported_at, deleted_at FROM drafts",
            "summary": "SELECT 'summary' AS kind, id, title, NULL AS type_id, lang, created_at, "
                       "updated_at, exported_at, deleted_at FROM summaries",
            "document": "SELECT 'document' AS kind, id, title, NULL AS type_id, language AS lang, "
                        "created_at, updated_at, NULL AS exported_at, deleted_at FROM documents",
        }
        kinds = [kind] if kind else list(KINDS)
        if type_id:
            kinds = [k for k in kinds if k == "draft"]
        if not kinds:
            return []
        union = " UNION ALL ".join(parts[k] for k in kinds)
        where = ["deleted_at IS NOT NULL" if deleted else "deleted_at IS NULL"]
        params: list[Any] = []
        if type_id:
            where.append("type_id = ?")
            params.append(type_id)
        if lang:
            where.append("lang = ?")
            params.append(lang)
        if since:
            where.append("updated_at >= ?")
            params.append(utc_iso(since) if isinstance(since, datetime) else since)
        # Newest first; id breaks ties between items saved within the same millisecond.
        sql = (f"SELECT {columns} FROM ({union}) WHERE {' AND '.join(where)} "
               "ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?")
        return [Item(**row) for row in self._read(sql, [*params, limit, offset])]

    def search(self, query: str, kinds: Iterable[str] | None = None,
               limit: int = 20) -> list[SearchHit]:
        """Full-text search, best first, ignoring case, accents and Arabic diacritics.

        Every word of `query` must occur (the last one may be the start of a
        word, so search-as-you-type works). Items in the trash are not found.
        """
        terms = query_terms(query)
        if not terms:
            return []
        prefix = len(terms[-1]) > 1  # a one-letter prefix would match half the dictionary
        sql = "SELECT rowid, rank FROM search_index WHERE search_index MATCH ?"
        params: list[Any] = [fts_query(terms, prefix)]
        if kinds:
            codes = [kind_code(k) for k in kinds]
            sql += f" AND rowid % 4 IN ({', '.join('?' * len(codes))})"
            params += codes
        ranked = [(item_of(rowid), rank) for rowid, rank in
                  self._fetch(sql + " ORDER BY rank LIMIT ?", [*params, limit])]
        # One read per kind for all the hits' texts.
        rows: dict[tuple[str, int], tuple] = {}
        for kind in KINDS:
            ids = [item_id for (k, item_id), _ in ranked if k == kind]
            if not ids:
                continue
            extra = {"document": "path", "draft": "fields", "summary": "data"}[kind]
            for row in self._fetch(f"SELECT id, title, text, updated_at, {extra} FROM "
                                   f"{TABLE_OF[kind]} WHERE id IN ({', '.join('?' * len(ids))})",
                                   ids):
                rows[(kind, row[0])] = row
        matcher = Matcher(terms, prefix)
        hits = []
        for key, rank in ranked:
            if key not in rows:
                continue
            _, title, text, updated_at, extra = rows[key]
            snippet = matcher.snippet(text)
            if not snippet.spans and extra:
                other = matcher.snippet(_readable(extra))
                snippet = other if other.spans else snippet
            hits.append(SearchHit(key[0], key[1], title, snippet.text, rank, updated_at,
                                  snippet.spans, matcher.spans(title)))
        return hits

    def _fetch(self, sql: str, params: Iterable = ()) -> list[tuple]:
        """Plain tuples, straight from sqlite3 (the search path avoids any overhead)."""
        with self._read_lock:
            try:
                return self._reader.conn.execute(sql, list(params)).fetchall()
            except sqlite3.Error as exc:
                raise translate(exc, self.path) from exc

    def delete(self, kind: str, item_id: int) -> None:
        """Move an item to the trash: hidden from the history and search until undone.

        Deleting an item already in the trash does nothing; a missing one raises ItemNotFound.
        """
        self._set_deleted(kind, item_id, self.now(), "deleted")

    def undo_delete(self, kind: str, item_id: int) -> None:
        """Bring an item back from the trash (nothing to do if it is not there)."""
        self._set_deleted(kind, item_id, None, "restored")

    def _set_deleted(self, kind: str, item_id: int, deleted_at: str | None, event: str) -> None:
        at = self.now()

        def job(db):
            table = TABLE_OF[kind]
            row = db.conn.execute(f"SELECT deleted_at FROM {table} WHERE id = ?",
                                  [item_id]).fetchone()
            if row is None:
                raise ItemNotFound(kind=kind, id=item_id)
            if (row[0] is None) == (deleted_at is None):
                return  # already where it was asked to be
            db.conn.execute(f"UPDATE {table} SET deleted_at = ? WHERE id = ?",
                            [deleted_at, item_id])
            index_item(db, kind, item_id)
            self._audit_row(db, at, event, kind, item_id, None, None, None, {})
        self._write(job)


def _readable(extra: str) -> str:
    """Form fields / summary data (JSON) as text a snippet can show."""
    try:
        return " · ".join(_flatten(json.loads(extra)))
    except (ValueError, TypeError):
        return extra
