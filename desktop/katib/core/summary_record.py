"""A dossier summary kept in the history while it is being made.

A folder of ten files takes minutes to summarize. Each file's note is final as
soon as the summarizer announces it (`Update(kind="document")`), so it is
written to the store at once: a run killed halfway (SIGKILL, power cut,
window closed) leaves a history item holding every file finished so far,
titled "… (k/n)". The whole note, at the end, rewrites that same item.

The command line keeps core notes and the window keeps its own note format:
each passes `compose(parts) -> (text, data)` to turn the finished files'
notes, in file order, into what the store keeps. Use:

    record = DossierRecord(store, title, lang, total=len(documents), compose=compose)
    summarize_folder(..., on_update=lambda u: record.file_done(u.doc_index, doc, part))
    record.finish(text, data, documents)

A storage problem goes to `on_error` (told once by the caller) and never
stops the summary.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from katib.core.errors import KatibError

Compose = Callable[[list[Any]], tuple[str, dict]]


def document_record(document) -> dict:
    """What the store keeps of a read document (`Store.add_documents`)."""
    return {"path": document.path, "text": document.text(), "pages": document.pages,
            "language": document.language, "title": document.title or document.name}


class DossierRecord:
    """One history item behind a dossier summary, written after each finished file."""

    def __init__(self, store, title: str, lang: str, total: int, compose: Compose,
                 model: str | Path | None = None,
                 on_error: Callable[[KatibError], None] | None = None) -> None:
        self.store = store
        self.title = title
        self.lang = lang
        self.total = total
        self.compose = compose
        self.model = model
        self.on_error = on_error
        self.summary_id: int | None = None
        self.parts: dict[int, Any] = {}
        # An office server summarizes several files at once: one writer at a time.
        self._lock = threading.Lock()

    def file_done(self, index: int, document, part) -> None:
        """File `index` (its read `document`) has its final note `part`: keep it now."""
        if self.store is None:
            return
        with self._lock:
            self.parts[index] = part
            done = [self.parts[i] for i in sorted(self.parts)]
            try:
                text, data = self.compose(done)
                data = {**data, "partial": {"done": len(done), "total": self.total}}
                ids = self.store.add_documents([document_record(document)])
                self.summary_id = self.store.keep_summary(
                    self.summary_id, f"{self.title} ({len(done)}/{self.total})", self.lang,
                    text, data, ids, self.model)
            except KatibError as exc:
                self._error(exc)

    def finish(self, text: str, data: dict, documents: Sequence = (),
               title: str | None = None) -> int | None:
        """The whole note: it replaces the partial one in the same item; returns its id."""
        if self.store is None:
            return None
        with self._lock:
            try:
                ids = self.store.add_documents([document_record(d) for d in documents]) \
                    if documents else []
                self.summary_id = self.store.keep_summary(
                    self.summary_id, title or self.title, self.lang, text, data, ids,
                    self.model)
            except KatibError as exc:
                self._error(exc)
            return self.summary_id

    def _error(self, exc: KatibError) -> None:
        if self.on_error is not None:
            self.on_error(exc)
