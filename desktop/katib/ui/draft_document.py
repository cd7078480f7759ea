"""The letter on the Draft screen: the frame above and below, the editable body between.

The frame (letterhead … appel, politesse … signature) is read-only: it comes
from the template and the form. Placeholders and flagged facts are
highlighted in all three panes, and listed under them ("To check before
signing"); activating a flagged fact selects it in the body.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from katib.ui import draft_output
from katib.ui.bidi_editor import LtrRunKeeper
from katib.ui.draft_highlighter import DraftHighlighter
from katib.ui.widgets import follow_typed_direction


class DraftDocument(QWidget):
    """Frame before, body editor, frame after, the checks list and a state line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frame_before = self._frame_pane("frameBefore")
        # QTextEdit, not QPlainTextEdit: the plain editor ignores paragraph alignment, so
        # Arabic paragraphs sat on the left edge; plain text only, still.
        self.editor = QTextEdit()
        self.editor.setAcceptRichText(False)
        self.editor.setObjectName("bodyEditor")
        follow_typed_direction(self.editor)
        self.frame_after = self._frame_pane("frameAfter")
        self.highlighters = [DraftHighlighter(w.document()) for w in
                             (self.frame_before, self.editor, self.frame_after)]
        # Phone numbers, references and e-mails keep their order in Arabic paragraphs.
        self.bidi_keepers = [LtrRunKeeper(w) for w in
                             (self.frame_before, self.editor, self.frame_after)]
        self.checks_label = QLabel()
        self.checks = QListWidget()
        self.checks.setObjectName("checks")
        self.checks.setMaximumHeight(90)
        self.state_label = QLabel()
        self.state_label.setObjectName("draftState")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.frame_before, 2)
        layout.addWidget(self.editor, 5)
        layout.addWidget(self.frame_after, 1)
        layout.addWidget(self.checks_label)
        layout.addWidget(self.checks)
        layout.addWidget(self.state_label)
        self.checks.itemActivated.connect(self._on_checks_item_activated)
        self.retranslate()
        self.show_checks([], [])

    def _frame_pane(self, name: str) -> QTextEdit:
        pane = QTextEdit()
        pane.setAcceptRichText(False)
        pane.setObjectName(name)
        pane.setReadOnly(True)
        pane.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the form to the body
        follow_typed_direction(pane)
        return pane

    def retranslate(self) -> None:
        self.checks_label.setText(self.tr("To check before signing:"))
        self.editor.setPlaceholderText(self.tr("Fill in the form, then press Generate. "
                                               "The body appears here and can be edited."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_frame(self, draft, masking=None) -> None:
        """The letterhead … appel above the body, politesse … signature below;
        masked like the body when the draft is (a copy of its `Masking`, so the
        labels match and what is stored is untouched)."""
        before, after = draft_output.text_before_and_after(draft)
        if masking is not None:
            masking = copy.deepcopy(masking)
            before, after = masking.mask(before), masking.mask(after)
        self.frame_before.setPlainText(before)
        self.frame_after.setPlainText(after)
        for pane in (self.frame_before, self.frame_after):
            self._fit(pane)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        for pane in (self.frame_before, self.frame_after):  # narrower: the lines wrap
            if not pane.document().isEmpty():
                self._fit(pane)

    @staticmethod
    def _fit(pane: QTextEdit) -> None:
        """Tall enough to show the whole frame (the date line was hidden under the fold),
        up to a limit that leaves the body most of the room; beyond it, the pane scrolls."""
        document = pane.document()
        document.setTextWidth(pane.viewport().width())
        needed = int(document.size().height()) + 2 * pane.frameWidth() + 4
        pane.setMinimumHeight(min(needed, 13 * pane.fontMetrics().lineSpacing()))

    def clear(self) -> None:
        for pane in (self.frame_before, self.editor, self.frame_after):
            pane.clear()
        self.state_label.clear()
        self.show_checks([], [])

    def show_checks(self, missing: list[str], flags: list) -> None:
        """`missing`: labels of required fields left empty; `flags`: the core's Flag list."""
        self.checks.clear()
        for label in missing:
            self.checks.addItem(QListWidgetItem(self.tr("Missing: %1").replace("%1", label)))
        for flag in flags:
            item = QListWidgetItem(self.tr("Not in the form: %1").replace("%1", flag.text))
            item.setData(Qt.ItemDataRole.UserRole, flag.text)
            self.checks.addItem(item)
        for highlighter in self.highlighters:
            highlighter.set_flagged([flag.text for flag in flags])
        self.checks.setVisible(self.checks.count() > 0)
        self.checks_label.setVisible(self.checks.count() > 0)

    @Slot(QListWidgetItem)
    def _on_checks_item_activated(self, item: QListWidgetItem) -> None:
        text = item.data(Qt.ItemDataRole.UserRole)
        if text and self.editor.find(text):
            self.editor.setFocus()
