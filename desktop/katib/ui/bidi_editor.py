"""Phone numbers and references stay in order in the Arabic paragraphs of a text editor.

Qt lays out each paragraph with the Unicode bidi algorithm, which shows
"+212 5 37 12 34 56" in an Arabic paragraph as "56 34 12 37 5 212+". The
`LtrRunKeeper` wraps such runs in directional isolates (U+2066 … U+2069, see
katib.core.documents.bidi_text) whenever a paragraph changes — text set by the
program, streamed by the model or typed — and keeps the cursor where it was.
The isolates are invisible and for display only: read the editor's text with
`plain_text(editor)`, which removes them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from katib.core.documents.bidi_text import MARKS, mark_ltr_runs, strip_marks


def plain_text(editor: QTextEdit | QPlainTextEdit) -> str:
    """The editor's text without the display marks."""
    return strip_marks(editor.toPlainText())


class LtrRunKeeper(QObject):
    """Attached to an editor (`LtrRunKeeper(editor)`); it lives as long as the editor."""

    def __init__(self, editor: QTextEdit | QPlainTextEdit) -> None:
        super().__init__(editor)
        self.editor = editor
        self._dirty: tuple[int, int] | None = None  # (first, last) changed positions
        self._applying = False
        # After the change is complete (never inside Qt's own edit), once per burst of pieces.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.apply)
        editor.document().contentsChange.connect(self._on_contents_change)

    @Slot(int, int, int)
    def _on_contents_change(self, position: int, _removed: int, added: int) -> None:
        if self._applying:
            return
        first, last = position, position + added
        if self._dirty is not None:
            first, last = min(first, self._dirty[0]), max(last, self._dirty[1])
        self._dirty = (first, last)
        self._timer.start()

    def apply(self) -> None:
        """Mark the changed paragraphs now (the timer does it after each change)."""
        if self._dirty is None:
            return
        first, last = self._dirty
        self._dirty = None
        document = self.editor.document()
        if document.availableRedoSteps() > 0:
            # The change is an undo (or a redo with more to come): it brings back a state
            # that was marked already. Marking it again would join the undo history and
            # keep Ctrl+Z from going further back.
            return
        edits = []
        block = document.findBlock(max(0, first))
        end = document.findBlock(min(last, max(0, document.characterCount() - 1)))
        while block.isValid():
            text = block.text()
            marked = mark_ltr_runs(text)
            if marked != text:
                edits.append((block.position(), len(text), marked))
            if block == end or block.blockNumber() >= end.blockNumber():
                break
            block = block.next()
        if not edits:
            return
        cursor = self.editor.textCursor()
        anchor, position = _unmarked_offset(document, cursor.anchor()), \
            _unmarked_offset(document, cursor.position())
        self._applying = True
        try:
            edit = QTextCursor(document)
            # One undo step with the keystroke (or text) that made the change.
            edit.joinPreviousEditBlock()
            for start, length, marked in reversed(edits):
                edit.setPosition(start)
                edit.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
                edit.insertText(marked)
            edit.endEditBlock()
            restored = QTextCursor(document)
            restored.setPosition(_marked_position(document, anchor))
            restored.setPosition(_marked_position(document, position),
                                 QTextCursor.MoveMode.KeepAnchor)
            self.editor.setTextCursor(restored)
        finally:
            self._applying = False


def _unmarked_offset(document, position: int) -> int:
    """How many characters other than marks come before `position`."""
    text = document.toPlainText()[:position]
    return len(text) - sum(text.count(mark) for mark in MARKS)


def _marked_position(document, offset: int) -> int:
    """The position right after the `offset`-th character that is not a mark."""
    seen = 0
    text = document.toPlainText()
    for index, char in enumerate(text):
        if seen == offset:
            return index
        if char not in MARKS:
            seen += 1
    return len(text)
