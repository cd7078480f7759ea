"""One model request of the Draft screen, writing the body into the editor as it comes.

The request runs on the model lane (`app.lane.stream`); every piece reaches
the editor on the GUI thread. While it streams the editor is read-only (the
stream owns it); if the model fails, the editor gets back the text it held
before the request, so nothing the clerk wrote is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QTextEdit

from katib.ui.bidi_editor import plain_text


class DraftStream(QObject):
    """`start(make_stream)` where `make_stream(drafter, cancel)` yields text pieces, then a Draft.

    Signals: `paragraph(str)` with the editor's text after each paragraph the
    model finished, then `finished(Draft | None)` (None: cancelled before it
    started) or `failed(exception)`.
    """

    paragraph = Signal(str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, app, editor: QTextEdit, templates) -> None:
        super().__init__()
        self.app = app
        self.editor = editor
        self.templates = templates
        self.job = None  # the running StreamJob
        self.text_before = ""

    @property
    def streaming(self) -> bool:
        return self.job is not None

    def start(self, make_stream) -> None:
        from katib.core.drafting import Draft, Drafter

        templates, office = self.templates, self.app.settings.office

        def work(engine, cancel):
            for item in make_stream(Drafter(engine, templates, office), cancel):
                if isinstance(item, Draft):
                    return item
                yield item

        self.text_before = self.editor.toPlainText()  # given back if the model fails
        self.editor.clear()
        self.editor.setReadOnly(True)
        self.job = self.app.lane.stream(work)
        self.job.token.connect(self._on_job_token)
        self.job.finished.connect(self._on_job_finished)
        self.job.failed.connect(self._on_job_failed)

    def stop(self) -> None:
        """Cancel between two tokens; the text written so far stays."""
        if self.job is not None:
            self.job.cancel()

    @Slot(str)
    def _on_job_token(self, piece: str) -> None:
        cursor = self.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        cursor.insertText(piece)
        self.editor.setTextCursor(cursor)
        if "\n" in piece:
            self.paragraph.emit(plain_text(self.editor))

    @Slot(object)
    def _on_job_finished(self, draft) -> None:
        self.job = None
        self.editor.setReadOnly(False)
        self.finished.emit(draft)

    @Slot(object)
    def _on_job_failed(self, error: BaseException) -> None:
        self.job = None
        self.editor.setReadOnly(False)
        self.editor.setPlainText(self.text_before)
        self.failed.emit(error)
