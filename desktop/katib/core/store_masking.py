"""The anonymize action in the store: a masked item and the mapping that restores it.

A mixin of `Store` (store.py). When the clerk anonymizes a draft or a summary,
its text (and a summary's structured data) is replaced by the masked one and
the mapping (label -> original, `Masking.to_dict()`) is kept in the same row's
`masking` column, in ONE transaction: a crash can never leave a masked text
whose originals are lost, nor a mapping without its masked text. Restoring
("unmask") writes the original text back and clears the mapping.

The mapping stays inside the user's private database (0600), like the
originals it came from; it is not indexed for search, and exports never carry
it (see `katib.core.privacy.docx_redact.redact_docx(masking=...)`). Deleting
the item (trash purge, retention) deletes the mapping with its row.
"""

from __future__ import annotations

import json

from katib.core.store_errors import ItemNotFound
from katib.core.store_index import TABLE_OF, index_item

_MASKABLE = ("draft", "summary")


class MaskingMixin:
    """`apply_masking` / `get_masking` (see `Store`)."""

    def apply_masking(self, kind: str, item_id: int, text: str, masking: dict | None,
                      data: dict | None = None) -> None:
        """Save `text` (and a summary's `data`) with `masking`: the mapping when the item
        was just masked, None when it was just restored."""
        if kind not in _MASKABLE:
            raise ValueError(kind)
        at = self.now()
        mapping = json.dumps(masking, ensure_ascii=False) if masking is not None else None
        event = "masked" if masking is not None else "unmasked"
        # Metadata only: how many values, never which.
        count = len((masking or {}).get("originals", {}))

        def job(db):
            table = TABLE_OF[kind]
            if not db.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", [item_id]).fetchone():
                raise ItemNotFound(kind=kind, id=item_id)
            changes = {"text": text, "masking": mapping, "updated_at": at}
            if kind == "summary" and data is not None:
                changes["data"] = json.dumps(data, ensure_ascii=False)
            db[table].update(item_id, changes)
            if kind == "draft":  # the masked (or restored) text is a version of its own
                row = db.conn.execute("SELECT max(n) FROM draft_versions WHERE draft_id = ?",
                                      [item_id]).fetchone()
                db["draft_versions"].insert({
                    "draft_id": item_id, "n": (row[0] or 0) + 1, "source": "user",
                    "text": text, "sealed": 1, "created_at": at, "updated_at": at})
            index_item(db, kind, item_id)
            self._audit_row(db, at, event, kind, item_id, None, None, None, {"values": count})
        self._write(job)

    def get_masking(self, kind: str, item_id: int) -> dict | None:
        """The mapping of a masked draft or summary; None when it is not masked."""
        if kind not in _MASKABLE:
            raise ValueError(kind)
        rows = self._read(f"SELECT masking FROM {TABLE_OF[kind]} WHERE id = ?", [item_id])
        if not rows:
            raise ItemNotFound(kind=kind, id=item_id)
        return json.loads(rows[0]["masking"]) if rows[0]["masking"] else None
