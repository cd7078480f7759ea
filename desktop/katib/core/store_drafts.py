"""The store's items: drafts and their versions, summaries, imported documents, templates.

A mixin of `Store` (store.py), kept apart so each file stays readable. Every
write is one short transaction on the writer lane; each one also refreshes the
item's search-index entry inside the same transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from katib.core.store_errors import ItemNotFound
from katib.core.store_index import index_item
from katib.core.store_types import Document, Draft, Summary, Version

SOURCES = ("user", "model", "autosave", "copy")
CHUNK_CHARS = 1_000_000
_COPY_SUFFIX = {"fr": " (copie)", "ar": " (نسخة)", "en": " (copy)"}
_MODEL_SHA_CACHE: dict[tuple[str, int, float], str | None] = {}


def sha256_of(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


class DraftsMixin:
    """Drafts, summaries, documents and templates (see `Store`)."""

    # -- model and template identity -------------------------------------------

    def model_identity(self, model: str | Path | None,
                       sha256: str | None = None) -> tuple[str | None, str | None]:
        """(file name, sha256) of a model file; the checksum comes from the model index or is computed once."""
        if model is None:
            return None, sha256
        path = Path(model)
        if sha256 or not path.is_file():
            return path.name, sha256
        stat = path.stat()
        key = (str(path.resolve()), stat.st_size, stat.st_mtime)
        if key not in _MODEL_SHA_CACHE:
            try:
                from katib.core.model_store import ModelStore

                known = ModelStore(self.paths).describe(path).sha256
            except Exception:  # noqa: BLE001 - not a GGUF the catalog knows: hash it
                known = None
            _MODEL_SHA_CACHE[key] = known or sha256_of(path)
        return path.name, _MODEL_SHA_CACHE[key]

    @staticmethod
    def _note_template(db, template: str | dict | None, at: str) -> str | None:
        """Record a template as in use; returns its id. `template` is an id or a dict with "id"."""
        if not template:
            return None
        info = template if isinstance(template, dict) else {"id": str(template)}
        template_id = str(info["id"])
        row = db.conn.execute("SELECT use_count FROM templates WHERE id = ?",
                              [template_id]).fetchone()
        record = {k: info.get(k) for k in ("name", "version", "sha256", "path") if info.get(k)}
        if row:
            db["templates"].update(template_id, {**record, "last_used": at,
                                                 "use_count": row[0] + 1})
        else:
            db["templates"].insert({"id": template_id, **record, "first_used": at,
                                    "last_used": at, "use_count": 1})
        return template_id

    def templates_in_use(self) -> list[dict]:
        return self._read("SELECT * FROM templates ORDER BY last_used DESC")

    # -- drafts ------------------------------------------------------------------

    def create_draft(self, type_id: str, lang: str, title: str = "", fields: dict | None = None,
                     text: str = "", model: str | Path | None = None,
                     model_sha256: str | None = None, template: str | dict | None = None,
                     source: str | None = None) -> int:
        """Create a draft (with its first version when `text` is given); returns its id.

        With `model`, the audit trail records that the text was generated, by
        which model file and checksum, with which template.
        """
        model_file, model_sha256 = self.model_identity(model, model_sha256)
        source = source or ("model" if model else "user")
        _check_source(source)
        at = self.now()

        def job(db):
            template_id = self._note_template(db, template, at)
            draft_id = db["drafts"].insert({
                "type_id": type_id, "lang": lang, "title": title or "",
                "fields": json.dumps(fields or {}, ensure_ascii=False), "text": text or "",
                "template": template_id, "model_file": model_file,
                "model_sha256": model_sha256, "created_at": at, "updated_at": at}).last_pk
            if text:
                _add_version(db, draft_id, 1, source, text, at, sealed=True)
            index_item(db, "draft", draft_id)
            self._audit_row(db, at, "generated" if model_file else "created", "draft",
                            draft_id, model_file, model_sha256, template_id,
                            {"type_id": type_id, "lang": lang})
            return draft_id
        return self._write(job)

    def update_draft(self, draft_id: int, title: str | None = None, fields: dict | None = None,
                     lang: str | None = None, type_id: str | None = None) -> None:
        """Change a draft's title, form fields, language or type (not its text: see save_version)."""
        self._update_row("drafts", "draft", draft_id,
                         {"title": title, "lang": lang, "type_id": type_id}, {"fields": fields})

    def draft_generated(self, draft_id: int, *, title: str, type_id: str, lang: str,
                        fields: dict | None = None, model_source: str | None = None,
                        cancelled: bool = False) -> None:
        """The model finished (or was stopped) on a draft: its title, and the audit entry.

        `model_source` is the engine's source; a local file is recorded with its
        checksum, a server address is not a file and is left out. Metadata only,
        never the text.
        """
        self.update_draft(draft_id, title=title, fields=fields, lang=lang, type_id=type_id)
        model = Path(model_source) if model_source and Path(model_source).is_file() else None
        self.audit("generated", kind="draft", item_id=draft_id, model=model, template=type_id,
                   lang=lang, cancelled=cancelled)

    def _update_row(self, table: str, kind: str, item_id: int, plain: dict,
                    as_json: dict) -> None:
        """Set the given (non-None) columns of one draft or summary and re-index it."""
        changes: dict[str, Any] = {k: v for k, v in plain.items() if v is not None}
        changes.update({k: json.dumps(v, ensure_ascii=False) for k, v in as_json.items()
                        if v is not None})
        changes["updated_at"] = self.now()

        def job(db):
            _require(db, table, kind, item_id)
            db[table].update(item_id, changes)
            index_item(db, kind, item_id)
        self._write(job)

    def save_version(self, draft_id: int, text: str, source: str = "user",
                     model: str | Path | None = None, model_sha256: str | None = None,
                     template: str | dict | None = None) -> int:
        """Save `text` as a new version of the draft (and its current text); returns the version number.

        A version from the model (`source="model"` with `model`) is also
        recorded in the audit trail.
        """
        _check_source(source)
        model_file, model_sha256 = self.model_identity(model, model_sha256)
        at = self.now()

        def job(db):
            n = _next_version(db, draft_id)
            _add_version(db, draft_id, n, source, text, at, sealed=True)
            _set_text(db, draft_id, text, at)
            if model_file:
                template_id = self._note_template(db, template, at)
                db.conn.execute("UPDATE drafts SET model_file = ?, model_sha256 = ? WHERE id = ?",
                                [model_file, model_sha256, draft_id])
                self._audit_row(db, at, "generated", "draft", draft_id, model_file,
                                model_sha256, template_id, {"version": n})
            return n
        return self._write(job)

    def autosave(self, draft_id: int, text: str, source: str = "autosave",
                 seal: bool = False) -> int:
        """Save the text being edited; waits. See `autosave_async` (what the Autosaver uses)."""
        return self.autosave_async(draft_id, text, source, seal).result()

    def autosave_async(self, draft_id: int, text: str, source: str = "autosave",
                       seal: bool = False) -> Future:
        """Queue a save of the text being edited; returns at once with a Future (version number).

        Successive autosaves of the same source update one open version instead
        of piling up rows; `seal=True` closes it (the next save starts a new
        version). So the history keeps each generated text and each editing
        session, not each keystroke.
        """
        _check_source(source)
        at = self.now()

        def job(db):
            current = db.conn.execute("SELECT text FROM drafts WHERE id = ?", [draft_id]).fetchone()
            if current is None:
                raise ItemNotFound(kind="draft", id=draft_id)
            last = db.conn.execute(
                "SELECT n, source, sealed, text FROM draft_versions WHERE draft_id = ? "
                "ORDER BY n DESC LIMIT 1", [draft_id]).fetchone()
            if last and last[1] == source and not last[2]:
                db.conn.execute("UPDATE draft_versions SET text = ?, updated_at = ?, sealed = ? "
                                "WHERE draft_id = ? AND n = ?",
                                [text, at, int(seal), draft_id, last[0]])
                n = last[0]
            elif last and last[3] == text:
                n = last[0]  # nothing new since the last version
            else:
                n = (last[0] if last else 0) + 1
                _add_version(db, draft_id, n, source, text, at, sealed=seal)
            if current[0] != text:
                _set_text(db, draft_id, text, at)
            return n
        return self.submit(job)

    def get_draft(self, draft_id: int, versions: bool = True) -> Draft:
        """A draft with its versions (oldest first). Raises ItemNotFound."""
        row = self._one("draft", draft_id)
        found = [Version(**v) for v in self._read(
            "SELECT n, source, text, created_at, updated_at FROM draft_versions "
            "WHERE draft_id = ? ORDER BY n", [draft_id])] if versions else []
        return Draft.from_row(row, found)

    def duplicate_draft(self, draft_id: int, title: str | None = None) -> int:
        """A new draft with the same type, language, fields and text; returns its id."""
        at = self.now()

        def job(db):
            src = _require(db, "drafts", "draft", draft_id)
            new_title = title if title is not None else \
                src["title"] + _COPY_SUFFIX.get(src["lang"], _COPY_SUFFIX["en"])
            # A masked draft's copy keeps its mapping: it can be restored too.
            keep = ("type_id", "lang", "fields", "text", "template", "model_file", "model_sha256",
                    "masking")
            new_id = db["drafts"].insert({**{k: src[k] for k in keep}, "title": new_title,
                                          "created_at": at, "updated_at": at}).last_pk
            if src["text"]:
                _add_version(db, new_id, 1, "copy", src["text"], at, sealed=True)
            index_item(db, "draft", new_id)
            self._audit_row(db, at, "duplicated", "draft", new_id, None, None, None,
                            {"from": draft_id})
            return new_id
        return self._write(job)

    # -- summaries ---------------------------------------------------------------

    def add_summary(self, title: str, lang: str, text: str, data: dict | None = None,
                    document_ids: Iterable[int] = (), model: str | Path | None = None,
                    model_sha256: str | None = None, template: str | dict | None = None) -> int:
        """Keep a summary (its text and structured `data`) linked to its source documents."""
        model_file, model_sha256 = self.model_identity(model, model_sha256)
        at, document_ids = self.now(), list(document_ids)

        def job(db):
            template_id = self._note_template(db, template, at)
            summary_id = db["summaries"].insert({
                "title": title, "lang": lang, "text": text,
                "data": json.dumps(data or {}, ensure_ascii=False), "template": template_id,
                "model_file": model_file, "model_sha256": model_sha256,
                "created_at": at, "updated_at": at}).last_pk
            for document_id in document_ids:
                _require(db, "documents", "document", document_id)
                db["summary_documents"].insert({"summary_id": summary_id,
                                                "document_id": document_id})
            index_item(db, "summary", summary_id)
            self._audit_row(db, at, "generated" if model_file else "created", "summary",
                            summary_id, model_file, model_sha256, template_id,
                            {"lang": lang, "documents": len(document_ids)})
            return summary_id
        return self._write(job)

    def update_summary(self, summary_id: int, text: str | None = None, title: str | None = None,
                       data: dict | None = None) -> None:
        self._update_row("summaries", "summary", summary_id, {"text": text, "title": title},
                         {"data": data})

    def keep_summary(self, summary_id: int | None, title: str, lang: str, text: str,
                     data: dict | None = None, document_ids: Iterable[int] = (),
                     model: str | Path | None = None) -> int:
        """`add_summary` the first time (`summary_id` None), then rewrite that same item.

        A dossier keeps each finished file's note at once and its whole note at
        the end in one history item; new `document_ids` are linked to it.
        """
        if summary_id is None:
            return self.add_summary(title, lang, text, data, document_ids, model)
        at, document_ids = self.now(), list(document_ids)

        def job(db):
            _require(db, "summaries", "summary", summary_id)
            db["summaries"].update(summary_id, {
                "title": title, "lang": lang, "text": text, "updated_at": at,
                "data": json.dumps(data or {}, ensure_ascii=False)})
            for document_id in document_ids:
                _require(db, "documents", "document", document_id)
                db.conn.execute("INSERT OR IGNORE INTO summary_documents VALUES (?, ?)",
                                [summary_id, document_id])
            index_item(db, "summary", summary_id)
            self._audit_row(db, at, "updated", "summary", summary_id, None, None, None,
                            {"documents": len(document_ids)})
        self._write(job)
        return summary_id

    def get_summary(self, summary_id: int) -> Summary:
        row = self._one("summary", summary_id)
        docs = [r["document_id"] for r in self._read(
            "SELECT document_id FROM summary_documents WHERE summary_id = ? ORDER BY document_id",
            [summary_id])]
        row["data"] = json.loads(row["data"] or "{}")
        return Summary(**{k: row[k] for k in Summary.__dataclass_fields__ if k != "document_ids"},
                       document_ids=docs)

    # -- documents ---------------------------------------------------------------

    def add_document(self, path: str | Path, text: str, sha256: str | None = None,
                     size: int | None = None, pages: int | None = None,
                     language: str | None = None, title: str | None = None) -> int:
        """Keep an imported document's extracted text; the same file (same sha256) is kept once."""
        return self.add_documents([dict(path=path, text=text, sha256=sha256, size=size,
                                        pages=pages, language=language, title=title)])[0]

    def add_documents(self, records: Iterable[dict]) -> list[int]:
        """`add_document` for many files (a folder, a dossier); returns their ids in order.

        Written in transactions of about a megabyte of text each, so an autosave
        queued meanwhile is written between two of them instead of waiting for
        the whole dossier. If one fails, those before it stay imported (importing
        again is harmless: a file is kept once, by checksum).
        """
        at = self.now()
        ids: list[int] = []
        pending: list = []  # at most one chunk queued at a time, so others can slip in

        def send(rows):
            if pending:
                ids.extend(pending.pop().result())
            pending.append(self.submit(_insert_documents(rows, at)))

        chunk, chunk_chars = [], 0
        for rec in records:
            path = Path(rec["path"])
            sha = rec.get("sha256") or (sha256_of(path) if path.is_file() else
                                        hashlib.sha256(rec["text"].encode()).hexdigest())
            size = rec.get("size")
            if size is None:
                size = path.stat().st_size if path.is_file() else len(rec["text"].encode())
            chunk.append({"path": str(path), "title": rec.get("title") or path.name,
                          "sha256": sha, "size": size, "pages": rec.get("pages"),
                          "language": rec.get("language"), "text": rec["text"],
                          "updated_at": at, "deleted_at": None})
            chunk_chars += len(rec["text"])
            if chunk_chars >= CHUNK_CHARS:
                send(chunk)
                chunk, chunk_chars = [], 0
        if chunk:
            send(chunk)
        if pending:
            ids.extend(pending.pop().result())
        return ids

    def get_document(self, document_id: int) -> Document:
        row = self._one("document", document_id)
        return Document(**{k: row[k] for k in Document.__dataclass_fields__})


def _insert_documents(rows: list[dict], at: str):
    def job(db):
        ids = []
        for row in rows:
            old = db.conn.execute("SELECT id FROM documents WHERE sha256 = ?",
                                  [row["sha256"]]).fetchone()
            if old:
                db["documents"].update(old[0], row)
                ids.append(old[0])
            else:
                ids.append(db["documents"].insert({**row, "created_at": at}).last_pk)
            index_item(db, "document", ids[-1])
        return ids
    return job


def _check_source(source: str) -> None:
    if source not in SOURCES:
        raise ValueError(f"source must be one of {SOURCES}, not {source!r}")


def _require(db, table: str, kind: str, item_id: int) -> dict:
    rows = list(db.query(f"SELECT * FROM {table} WHERE id = ?", [item_id]))
    if not rows:
        raise ItemNotFound(kind=kind, id=item_id)
    return rows[0]


def _next_version(db, draft_id: int) -> int:
    _require(db, "drafts", "draft", draft_id)
    row = db.conn.execute("SELECT max(n) FROM draft_versions WHERE draft_id = ?",
                          [draft_id]).fetchone()
    return (row[0] or 0) + 1


def _add_version(db, draft_id: int, n: int, source: str, text: str, at: str,
                 sealed: bool) -> None:
    db["draft_versions"].insert({"draft_id": draft_id, "n": n, "source": source, "text": text,
                                 "sealed": int(sealed), "created_at": at, "updated_at": at})


def _set_text(db, draft_id: int, text: str, at: str) -> None:
    db.conn.execute("UPDATE drafts SET text = ?, updated_at = ? WHERE id = ?",
                    [text, at, draft_id])
    index_item(db, "draft", draft_id)
