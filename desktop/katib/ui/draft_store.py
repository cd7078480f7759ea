"""The Draft screen's link to the store: one record per draft, autosaved, audited.

Writes go through the store's writer lane (the core `Autosaver`), so typing
never waits for the disk. Errors (disk full, read-only folder) come back on
the GUI thread as a signal; the text stays on screen and in the autosaver,
which keeps retrying.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from katib.core.errors import KatibError
from katib.ui.workers import run_in_background

if TYPE_CHECKING:
    from katib.ui.app import KatibApp

log = logging.getLogger(__name__)


class DraftRecord(QObject):
    """The stored draft behind the editor (`draft_id`), or nothing without a store."""

    error = Signal(object)  # a StorageError, delivered on the GUI thread

    def __init__(self, app: KatibApp, on_error) -> None:
        super().__init__()
        self.app = app
        self.draft_id: int | None = None
        self.type_id: str | None = None
        self.saver = None
        self.error.connect(on_error)

    @property
    def store(self):
        return self.app.store

    @property
    def active(self) -> bool:
        """A saver for an open store (after shutdown, late signals must not write)."""
        return self.saver is not None and self.app.store is not None

    def start(self, type_id: str, lang: str, fields: dict, info) -> None:
        """A generation begins: create the record (or reuse it for the same document type)."""
        if self.store is None:
            return
        try:
            if self.draft_id is not None and self.type_id == type_id:
                self.store.update_draft(self.draft_id, fields=fields, lang=lang)
                return
            self.close()
            self.draft_id = self.store.create_draft(type_id, lang, fields=fields,
                                                    template=type_id)
            self.type_id = type_id
            self._open_saver()
        except KatibError as exc:  # the draft can still be written; it is just not stored
            self.error.emit(exc)

    def _open_saver(self) -> None:
        from katib.core.autosave import Autosaver

        self.saver = Autosaver(self.store, self.draft_id, on_error=self.error.emit)

    def paragraph(self, text: str) -> None:
        if self.active:
            self.saver.paragraph_generated(text)

    def edited(self, text: str) -> None:
        if self.active:
            self.saver.text_changed(text)

    def generated(self, draft, body: str, info) -> None:
        """The model finished (or was stopped): save the text, title and model used."""
        if not self.active:
            return
        self.saver.generation_finished(body)
        store, draft_id = self.store, self.draft_id
        source = info.source if info is not None else None

        def record():
            store.draft_generated(draft_id, title=draft.title, fields=draft.fields,
                                  lang=draft.lang, type_id=draft.type_id, model_source=source,
                                  cancelled=draft.cancelled)

        run_in_background(record, None, self.error.emit)

    def flush(self, text: str, fields: dict) -> None:
        """Save now and wait (a few ms): used when the window closes."""
        if not self.active:
            return
        self.saver.text_changed(text)
        try:
            self.saver.flush(timeout=10)
        except KatibError as exc:
            log.warning("saving the draft failed: %s", exc)
            self.error.emit(exc)

    def exported(self, path: Path) -> None:
        if self.store is None or self.draft_id is None:
            return
        store, draft_id = self.store, self.draft_id
        run_in_background(lambda: store.mark_exported("draft", draft_id, path), None,
                          self.error.emit)

    def load(self, draft_id: int, templates, office):
        """(core Draft with its frame rebuilt, stored text) for a stored draft, or None."""
        from katib.core.drafting import Drafter

        if self.store is None:
            return None
        try:
            stored = self.store.get_draft(draft_id, versions=False)
            draft, _points = Drafter(None, templates, office).prepare(
                stored.type_id, stored.lang, stored.fields)
        except KatibError as exc:
            self.error.emit(exc)
            return None
        self.close()
        self.draft_id, self.type_id = draft_id, stored.type_id
        draft.body = stored.text
        self._open_saver()
        return draft, stored.text

    def close(self) -> None:
        if self.active:
            try:
                self.saver.close(timeout=10)
            except KatibError as exc:
                self.error.emit(exc)
        self.saver = None
