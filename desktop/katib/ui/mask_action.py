"""The "Anonymize" action of the Draft and Summarize screens (Ctrl+Shift+A).

Pressing it masks the personal data on screen (names from the form, CIN,
phones, e-mails, IBAN/RIB, addresses) with labels ([NOM-1]…); pressing it
again ("Unmask") puts the originals back. The masked text and the mapping
are saved together in the history (`Store.apply_masking`), so a masked item
reopened days later can still be unmasked — inside Katib only. An export of
a masked item goes through `export_masked`: the .docx is written to a private
temporary file, masked again as a whole (letterhead, recipient, cited
sources included) and only then renamed into place; it never holds the
mapping, so the exported file cannot be reversed.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QWidget

from katib.core.errors import KatibError
from katib.core.privacy import Masking

# Form fields that hold people's names (the detector also finds titled names).
NAME_FIELDS = ("person_name", "recipient_name", "chair", "secretary", "present", "absent",
               "excused")


def names_in_fields(fields: dict) -> list[str]:
    """The people's names typed in a draft's form (lists of attendees included)."""
    names: list[str] = []
    for key in NAME_FIELDS:
        value = fields.get(key)
        items = value if isinstance(value, (list, tuple)) else [value]
        names += [str(v).strip() for v in items if v and str(v).strip()]
    return names


class MaskControl(QObject):
    """The Anonymize / Unmask button of one screen and what it does.

    The screen gives: `read()` -> (text, data or None) on screen; `show(text, data)`;
    `item()` -> (store, item id) or (None, None) when not in the history;
    `names()` -> names to mask; `lang()` -> language of the labels;
    `on_error(exc)`; `before()` is called first (e.g. flush the autosave).
    """

    def __init__(self, view: QWidget, kind: str, read: Callable, show: Callable,
                 item: Callable, names: Callable, lang: Callable, on_error: Callable,
                 before: Callable | None = None) -> None:
        super().__init__(view)
        self.view, self.kind = view, kind
        self.read, self.show, self.item = read, show, item
        self.names, self.lang, self.on_error, self.before = names, lang, on_error, before
        self.masking: Masking | None = None
        self.button = QPushButton()
        self.button.setObjectName("anonymize")
        self.button.clicked.connect(self.toggle)
        # A QShortcut, not the button's own: the button's text sets its mnemonic.
        self.shortcut = QShortcut(QKeySequence("Ctrl+Shift+A"), view)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.toggle)

    @property
    def masked(self) -> bool:
        return self.masking is not None

    def retranslate(self) -> None:
        if self.masked:
            self.button.setText(self.tr("&Unmask"))
            self.button.setToolTip(self.tr("Put the masked personal data back (Ctrl+Shift+A)"))
        else:
            self.button.setText(self.tr("&Anonymize"))
            self.button.setToolTip(self.tr(
                "Mask names, ID numbers, phones, e-mails, bank accounts and addresses. "
                "Reversible in Katib; an export keeps only the labels (Ctrl+Shift+A)"))

    def toggle(self) -> None:
        """Mask what is on screen, or restore it; saved with its mapping in one go."""
        if not self.button.isEnabled():
            return
        if self.before is not None:
            self.before()
        text, data = self.read()
        if self.masking is None:
            masking = Masking(lang=self.lang(), names=self.names())
            new_text = masking.mask(text)
            new_data = masking.mask_all(data) if data is not None else None
            if not masking.originals:
                self.view.status_message.emit(self.tr("No personal data was found."))
                return
            keep: Masking | None = masking
        else:
            new_text = self.masking.restore(text)
            new_data = self.masking.restore_all(data) if data is not None else None
            keep = None
        store, item_id = self.item()
        if store is not None and item_id is not None:
            try:
                store.apply_masking(self.kind, item_id, new_text,
                                    keep.to_dict() if keep else None, new_data)
            except KatibError as exc:  # nothing changes on screen: nothing is lost
                self.on_error(exc)
                return
        self.masking = keep
        self.show(new_text, new_data)
        self.retranslate()
        self.view.status_message.emit(
            self.tr("%1 values masked; Unmask puts them back.").replace(
                "%1", str(len(keep.originals))) if keep else self.tr("Personal data restored."))

    def load(self, store, item_id: int | None) -> None:
        """Take the masking state of a stored item (reopened from the History)."""
        self.masking = None
        if store is not None and item_id is not None:
            try:
                mapping = store.get_masking(self.kind, item_id)
            except KatibError as exc:
                self.on_error(exc)
                mapping = None
            self.masking = Masking.from_dict(mapping) if mapping else None
        self.retranslate()

    def reset(self) -> None:
        self.masking = None
        self.retranslate()


def export_masked(write: Callable[[Path], object], path: str | Path,
                  masking: dict | None, names: list[str] = ()) -> Path:
    """Run `write(file)` for an export; for a masked item, mask the whole .docx first.

    The unmasked .docx only ever exists as a private temporary file in the
    target's folder, removed at once; the target gets the masked file or
    stays as it was.
    """
    from katib.core.privacy.docx_redact import redact_docx

    path = Path(path)
    if masking is None:
        result = write(path)
        return Path(result) if result else path
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".docx", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        redact_docx(tmp, path, names, masking=masking)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path
