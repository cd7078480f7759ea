"""`katib draft` keeps what it writes in the history, like the window does.

The record is created before the model starts and saved after every
generated paragraph, so a draft killed mid-generation is still in the history
after a restart. A storage problem (disk full, read-only folder, locked
database) is told once on stderr and never stops the .docx from being written.
"""

from __future__ import annotations

import sys
from pathlib import Path

from katib.core.errors import KatibError


class DraftRecord:
    """One stored draft behind a `katib draft` run."""

    def __init__(self, paths, lang: str) -> None:
        self.lang = lang
        self.store = self.saver = self.draft_id = None
        self.text = ""
        self._told = False
        try:
            from katib.core.store import Store

            self.store = Store.open(paths)
        except KatibError as exc:
            self._warn(exc)

    def _warn(self, exc: KatibError) -> None:
        if not self._told:
            print(f"katib: {exc.localized(self.lang)}", file=sys.stderr)
            self._told = True

    def start(self, type_id: str, draft_lang: str, fields: dict) -> None:
        if self.store is None:
            return
        try:
            from katib.core.autosave import Autosaver

            self.draft_id = self.store.create_draft(type_id, draft_lang, fields=fields,
                                                    template=type_id)
            self.saver = Autosaver(self.store, self.draft_id, on_error=self._warn)
        except KatibError as exc:
            self._warn(exc)

    def piece(self, piece: str) -> None:
        self.text += piece
        if self.saver is None:
            return
        # The first piece (the frame's opening sentence) and every finished paragraph are
        # saved at once; text within a paragraph at most ~2 s later.
        if "\n" in piece or self.text == piece:
            self.saver.paragraph_generated(self.text)
        else:
            self.saver.text_changed(self.text)

    def finish(self, draft, engine) -> None:
        if self.saver is None:
            return
        try:
            self.saver.generation_finished(draft.full_text())
            self.saver.flush(timeout=10)
            self.store.draft_generated(
                self.draft_id, title=draft.title, type_id=draft.type_id, lang=draft.lang,
                model_source=engine.info.source if engine is not None else None,
                cancelled=draft.cancelled)
        except KatibError as exc:
            self._warn(exc)

    def exported(self, path: Path) -> None:
        if self.saver is None:
            return
        try:
            self.store.mark_exported("draft", self.draft_id, path)
        except KatibError as exc:
            self._warn(exc)

    def close(self) -> None:
        try:
            if self.saver is not None:
                self.saver.close()
            if self.store is not None:
                self.store.close()
        except KatibError as exc:
            self._warn(exc)
