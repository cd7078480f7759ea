"""The files side of the Summarize screen: choose, drop, read in the background, unlock.

Each file is read in a child process (a hostile or broken file can neither hang
nor crash the window). A password-protected file asks for its password; a
scanned, damaged or unsupported one gets its reason, in the interface language,
on its own row, and the other files go on.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from katib.ui.source_list import PATH_ROLE, SUPPORTED, SourceList, expand_paths
from katib.ui.workers import error_text, run_in_background

if TYPE_CHECKING:
    from katib.ui.app import KatibApp


def documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


class SourcePanel(QWidget):
    """Buttons, the list of files and what was read from them.

    `documents` maps each path read to its katib.core.documents Document;
    `reading` holds the paths being read. `changed()` fires when either
    changes (or the selection does); `error(str)` carries a message to show.
    """

    changed = Signal()
    error = Signal(str)

    def __init__(self, app: "KatibApp", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.documents: dict[Path, object] = {}
        self.reading: set[Path] = set()
        self.password_dialog: QInputDialog | None = None
        self.add_files_button = QPushButton()
        self.add_files_button.setObjectName("addFiles")
        self.add_folder_button = QPushButton()
        self.add_folder_button.setObjectName("addFolder")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeFiles")
        self.sources = SourceList()
        self.drop_hint = QLabel()
        self.drop_hint.setWordWrap(True)
        self.drop_hint.setStyleSheet("QLabel { color: #666; }")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_files_button)
        buttons.addWidget(self.add_folder_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.sources, 1)
        layout.addWidget(self.drop_hint)
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.sources.paths_dropped.connect(self.add_paths)
        self.sources.itemSelectionChanged.connect(self._on_changed)
        self.locked = False
        self.retranslate()
        self._on_changed()

    def retranslate(self) -> None:
        self.add_files_button.setText(self.tr("Add &files…"))
        self.add_files_button.setToolTip(self.tr("Add documents to summarize (Ctrl+O)"))
        self.add_folder_button.setText(self.tr("Add a f&older…"))
        self.remove_button.setText(self.tr("&Remove"))
        self.drop_hint.setText(self.tr("Or drop files or a folder on the list. Katib reads "
                                       "Word, PDF, text, OpenDocument, web pages and e-mails."))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_locked(self, locked: bool) -> None:
        """No adding or removing while a summary runs on these files."""
        self.locked = locked
        self.add_files_button.setEnabled(not locked)
        self.add_folder_button.setEnabled(not locked)
        self.remove_button.setEnabled(not locked and bool(self.sources.selectedItems()))

    def ready_documents(self) -> list:
        """The documents read so far, in the list's order."""
        return [self.documents[p] for p in self.sources.paths() if p in self.documents]

    @Slot()
    def _on_changed(self) -> None:
        self.set_locked(self.locked)
        self.changed.emit()

    # -- files -------------------------------------------------------------------------
    @Slot()
    def choose_files(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in SUPPORTED)
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Documents to summarize"), documents_folder(),
            self.tr("Documents (%1)").replace("%1", patterns))
        self.add_paths([Path(n) for n in names])

    @Slot()
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("A folder to summarize (a dossier)"), documents_folder())
        if folder:
            self.add_paths([Path(folder)])

    @Slot(list)
    def add_paths(self, paths: list[Path]) -> None:
        """Add files (folders give their readable files) and read them in the background."""
        files = expand_paths([Path(p) for p in paths])
        if paths and not files:
            self.error.emit(self.tr("No document Katib can read was found there."))
        for path in files:
            if self.sources.add_path(path) is not None:
                self.read(path)
        self._on_changed()

    def read(self, path: Path, password: str | None = None) -> None:
        from katib.core.documents.readers import read_document

        self.reading.add(path)
        self._on_changed()
        run_in_background(
            # Files from outside are read in a child process: a hostile file cannot hang
            # or crash the window.
            lambda: read_document(path, password, isolated=True),
            lambda doc, p=path: self._on_read_succeeded(p, doc),
            lambda exc, p=path: self._on_read_failed(p, exc))

    def _on_read_succeeded(self, path: Path, document) -> None:
        self.reading.discard(path)
        item = self.sources.item_for(path)
        if item is None:  # removed while it was being read
            return
        self.documents[path] = document
        if document.pages:
            detail = self.tr("%1 pages").replace("%1", str(document.pages))
        else:
            detail = self.tr("%1 words").replace("%1", str(document.word_count()))
        self.sources.set_state(item, "read", detail)
        self._on_changed()

    def _on_read_failed(self, path: Path, error: BaseException) -> None:
        from katib.core.documents.errors import PasswordRequired

        self.reading.discard(path)
        item = self.sources.item_for(path)
        if item is None:
            return
        text = error_text(error, self.app.language)
        if isinstance(error, PasswordRequired):
            self.sources.set_state(item, "locked", self.tr("password needed"))
            self.ask_password(path, text)
        else:
            self.sources.set_state(item, "failed", text)
            self.error.emit(text)
        self._on_changed()

    def ask_password(self, path: Path, text: str) -> None:
        """Offer to type the password (window-modal, not blocking: the rest goes on)."""
        dialog = QInputDialog(self)
        dialog.setObjectName("passwordDialog")
        dialog.setWindowTitle(self.tr("Password"))
        dialog.setLabelText(text)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(lambda value, p=path: self.read(p, value))
        dialog.open()
        self.password_dialog = dialog

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        for item in self.sources.selectedItems():
            self.documents.pop(item.data(PATH_ROLE), None)
        self.sources.remove_selected()
        self._on_changed()
