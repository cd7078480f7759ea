"""Restore the history from a backup: the way out offered when the database was damaged.

At start, a damaged database is set aside and an empty one takes its place
(`Store.open`, `store.recovery`); the window's message then has a "Restore a
backup…" button that opens this dialog. It lists the backups Katib made
(`katib backup`, the daily automatic ones) newest first, with their date in
the interface language and their size, and can take another file (a backup
kept on a USB key). Restoring goes through the store's checked restore: the
file is verified before anything is replaced, and the database it replaces is
kept beside it. Screens save what is on them first and pick the restored
history up afterwards; nothing typed is lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from katib.ui.workers import error_text, run_in_background

if TYPE_CHECKING:
    from katib.ui.app import KatibApp
    from katib.ui.view import View


class RestoreDialog(QDialog):
    """The backups to choose from; `restore(path)` does it (the Restore button calls it).

    `result_text` holds the last outcome as shown to the user (for the status
    bar and the tests); `restored` is True once a backup is in place.
    """

    def __init__(self, app: KatibApp, views: list[View], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.views = views
        self.restored = False
        self.result_text = ""
        self.running = False
        self.setObjectName("restoreDialog")
        self.setModal(True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.backups = QListWidget()
        self.backups.setObjectName("backupList")
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreBackup")
        self.other_button = QPushButton()
        self.close_button = QPushButton()
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.backups, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.buttons)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.other_button.clicked.connect(self._on_other_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self.backups.itemSelectionChanged.connect(self._update_buttons)
        self.backups.itemActivated.connect(self._on_restore_button_clicked)
        self.resize(640, 380)
        self.retranslate()
        self.fill()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Restore a backup"))
        self.intro.setText(self.tr(
            "Choose the backup to bring back. It is checked before anything is replaced, "
            "and the current history is kept beside it."))
        self.empty_label.setText(self.tr(
            "No backup was found in Katib's folder. If you keep one elsewhere (a USB key), "
            "choose it with \"Other file…\"."))
        self.restore_button.setText(self.tr("&Restore"))
        self.other_button.setText(self.tr("&Other file…"))
        self.close_button.setText(self.tr("Close"))

    def fill(self) -> None:
        """The backups in Katib's folder, newest first, each with its date and size."""
        from katib.core.store import Store

        self.backups.clear()
        locale = QLocale()
        for backup in Store.backups_of(self.app.paths):
            kind = self.tr("automatic") if backup.automatic else self.tr("made by hand")
            text = (f"{self.when(backup.created.timestamp())} — "
                    f"{locale.formattedDataSize(backup.size)} — {kind}")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            item.setToolTip(str(backup.path))
            self.backups.addItem(item)
        if self.backups.count():
            self.backups.setCurrentRow(0)
        self.empty_label.setVisible(self.backups.count() == 0)
        self._update_buttons()

    def when(self, timestamp: float) -> str:
        """"jeudi 26 novembre 2026 à 04:08": the day in full, the time in hours and minutes."""
        moment = QDateTime.fromSecsSinceEpoch(int(timestamp))
        locale = QLocale()
        return self.tr("%1 at %2").replace(
            "%1", locale.toString(moment.date(), QLocale.FormatType.LongFormat)).replace(
            "%2", locale.toString(moment.time(), QLocale.FormatType.ShortFormat))

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(not self.running and bool(self.backups.selectedItems()))
        self.other_button.setEnabled(not self.running)

    @Slot()
    def _on_restore_button_clicked(self) -> None:
        items = self.backups.selectedItems()
        if items:
            self.restore(Path(items[0].data(Qt.ItemDataRole.UserRole)))

    @Slot()
    def _on_other_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a backup"), "",
                                              self.tr("Katib backups (*.db);;All files (*)"))
        if name:
            self.restore(Path(name))

    def restore(self, backup: Path) -> None:
        """Save every screen, close the history, restore `backup` (checked), reopen it."""
        if self.running:
            return
        if any(view.busy() for view in self.views):
            self._tell(self.tr("Wait until the model has finished (or stop it), then "
                               "restore the backup."), ok=False)
            return
        for view in self.views:
            view.save_work()
            view.release_store()
        self.running = True
        self._update_buttons()
        self.app.close_store()

        from katib.core.store import Store

        paths = self.app.paths
        run_in_background(lambda: Store.restore(paths, backup), self._on_restored,
                          self._on_restore_failed)

    def _reopen(self) -> None:
        self.app.reopen_store()
        for view in self.views:
            view.store_replaced()
        self.running = False
        self._update_buttons()

    def _on_restored(self, result) -> None:
        self._reopen()
        if self.app.store is None:  # restored, but it cannot be opened: say why
            self._tell(error_text(self.app.store_error, self.app.language), ok=False)
            return
        self.restored = True
        when = self.when(result.restored_from.stat().st_mtime)
        text = self.tr("The history was restored from the backup of %1.").replace("%1", when)
        if result.previous is not None:
            text += " " + self.tr("The history it replaced is kept as %1.").replace(
                "%1", result.previous.name)
        self._tell(text, ok=True)
        self.accept()

    def _on_restore_failed(self, error: BaseException) -> None:
        # Nothing was replaced: the history in use is opened again as it was.
        self._reopen()
        self._tell(error_text(error, self.app.language), ok=False)

    def _tell(self, text: str, ok: bool) -> None:
        self.result_text = text
        box = QMessageBox(QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning,
                          self.tr("Restore a backup"), text, QMessageBox.StandardButton.Ok,
                          self.parentWidget() if ok else self)
        box.setObjectName("restoreOutcome")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.outcome_box = box
