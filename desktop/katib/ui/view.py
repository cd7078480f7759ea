"""The small contract every screen of the main window follows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from katib.ui.workers import error_text

if TYPE_CHECKING:
    from katib.ui.app import KatibApp


class View(QWidget):
    """A screen: built in code, given the app's services, retranslated on demand.

    Subclasses build widgets in `__init__`, set their texts in `retranslate()`
    (called once by `finish_setup()` and again on every language change), and
    may override `busy`, `stop`, `save_work` and `open_item`.

    `open_request(screen, payload)` asks the main window to show another
    screen and hand it `payload` (History emits ("draft", record id) to reopen
    a draft); `status_message(str)` shows a short line in the status bar.
    """

    open_request = Signal(str, object)
    status_message = Signal(str)

    def __init__(self, app: KatibApp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.error_box: QMessageBox | None = None

    def finish_setup(self) -> None:
        """Call at the end of a subclass `__init__`."""
        self.retranslate()

    def retranslate(self) -> None:
        """Set every visible text with self.tr(); called again when the language changes."""

    def busy(self) -> bool:
        """True while this screen has work running (generation, summary, import)."""
        return False

    def stop(self) -> None:
        """Cancel running work (the window is closing or the user pressed Stop)."""

    def save_work(self) -> None:
        """Save what the user typed now (autosave flush before closing)."""

    def shutdown(self) -> None:
        """The window is closing, after `stop()` and `save_work()`: release resources."""

    def release_store(self) -> None:
        """The history database is about to close (a backup is restored): let go of it.

        Called after `save_work()`; the default has nothing to release.
        """

    def store_replaced(self) -> None:
        """The history was reopened on another database: ids of the old one mean nothing now."""

    def open_item(self, payload: object) -> None:
        """Show `payload` (a record id, a path…) asked for by another screen."""

    def show_error(self, error: BaseException | str) -> QMessageBox:
        """A plain message in the interface language; nothing on screen is cleared.

        The box is opened without blocking (`open`, not `exec`): generation and
        autosave go on behind it. The last one stays in `self.error_box`.
        """
        text = error if isinstance(error, str) else error_text(error, self.app.language)
        if self._error_showing(text):  # an autosave retrying every few seconds: say it once
            return self.error_box  # type: ignore[return-value]
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Katib"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("errorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.error_box = box
        self.status_message.emit(text)
        return box

    def _error_showing(self, text: str) -> bool:
        try:
            return bool(self.error_box and self.error_box.isVisible()
                        and self.error_box.text() == text)
        except RuntimeError:  # the last box was closed and deleted
            return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
