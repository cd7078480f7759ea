"""Models: what is installed, whether it fits this computer, import, choose, licence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from katib.core.errors import ModelError
from katib.core.model_store import InstalledModel, ModelStore
from katib.ui.view import View
from katib.ui.widgets import button_shortcut
from katib.ui.workers import error_text, run_in_background

if TYPE_CHECKING:
    from katib.ui.app import KatibApp

COLUMNS = 7


class _Progress(QObject):
    """Created on the GUI thread: a pool thread's progress calls arrive here queued."""

    changed = Signal(int, int)


def describe_models(store: ModelStore) -> list[tuple[InstalledModel | ModelError, int | None]]:
    """Each model with the memory it needs here (None if it cannot be planned)."""
    import psutil

    from katib.core.models import inspect_gguf, plan_load

    rows: list[tuple[InstalledModel | ModelError, int | None]] = []
    total = psutil.virtual_memory().total
    for item in store.list():
        needed = None
        if isinstance(item, InstalledModel):
            try:
                needed = plan_load(inspect_gguf(item.path), available=total).memory_needed
            except ModelError:
                needed = -1  # does not fit even with the smallest context
        rows.append((item, needed))
    return rows


def removable_media_dir() -> str:
    """Where a USB key shows up on this system, so the file dialog opens there."""
    import getpass
    import os

    user = getpass.getuser()
    for folder in (f"/run/media/{user}", f"/media/{user}", "/media", "/Volumes"):
        if os.path.isdir(folder) and os.listdir(folder):
            return folder
    return os.path.expanduser("~")


def data_size(locale: QLocale, n: int) -> str:
    """Sizes as office users read them: 253,1 Mo / 253.1 MB (decimal units)."""
    return locale.formattedDataSize(n, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


class ModelsView(View):
    """The models folder as a table, with import, verify, activate and licence."""

    def __init__(self, app: KatibApp, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.store = ModelStore(app.paths)
        self.rows: list[tuple[InstalledModel | ModelError, int | None]] = []
        self.importing = False
        self._build()
        self._connect_signals()
        self.finish_setup()
        self.refresh()

    def _build(self) -> None:
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("modelsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importModel")
        self.import_shortcut = button_shortcut(self.import_button, "Ctrl+I")
        self.activate_button = QPushButton()
        self.activate_button.setObjectName("activateModel")
        self.verify_button = QPushButton()
        self.licence_button = QPushButton()
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.hide()
        self.message = QLabel()
        self.message.setObjectName("modelsMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.import_button, self.activate_button, self.verify_button,
                       self.licence_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._progress = _Progress()

    def _connect_signals(self) -> None:
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.activate_button.clicked.connect(self._on_activate_button_clicked)
        self.verify_button.clicked.connect(self._on_verify_button_clicked)
        self.licence_button.clicked.connect(self._on_licence_button_clicked)
        self.table.itemSelectionChanged.connect(self._on_table_item_selection_changed)
        self._progress.changed.connect(self._on_progress_changed)
        self.app.lane.state_changed.connect(self._on_lane_state_changed)

    def retranslate(self) -> None:
        self.intro.setText(self.tr(
            "Models are files on this computer. Import one from a file or a USB key: "
            "it is checked, then copied. The active model drafts and summarizes."))
        self.table.setHorizontalHeaderLabels([
            self.tr("Model"), self.tr("File"), self.tr("Size"), self.tr("Memory"),
            self.tr("Checksum"), self.tr("Licence"), self.tr("Active")])
        self.import_button.setText(self.tr("&Import a model…"))
        self.import_button.setToolTip(self.tr("Copy a GGUF model file from a folder or a "
                                              "USB key (Ctrl+I)"))
        self.activate_button.setText(self.tr("&Use this model"))
        self.verify_button.setText(self.tr("&Verify checksums"))
        self.licence_button.setText(self.tr("Show &licence"))
        self._fill_table()

    # -- listing ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the models folder in the background."""
        run_in_background(lambda: describe_models(self.store), self._on_models_listed,
                          self._on_task_failed)

    @Slot(object)
    def _on_models_listed(self, rows) -> None:
        self.rows = rows
        self._fill_table()

    def active_filename(self) -> str:
        if self.app.settings.active_model:
            return self.app.settings.active_model
        default = [m for m, _ in self.rows if isinstance(m, InstalledModel) and m.default]
        return default[0].filename if default else ""

    def _fill_table(self) -> None:
        locale = QLocale()
        states = {
            "verified": self.tr("Verified"),
            "mismatch": self.tr("Does not match the catalogue"),
            "not-catalogued": self.tr("Not in the catalogue"),
            "unchecked": self.tr("Not checked yet"),
        }
        import psutil

        total = psutil.virtual_memory().total
        self.table.setRowCount(len(self.rows))
        active = self.active_filename()
        for row, (model, needed) in enumerate(self.rows):
            if isinstance(model, ModelError):
                cells = [error_text(model, self.app.language), model.params.get("path", ""),
                         "", "", "", "", ""]
            else:
                if needed is None or needed < 0:
                    memory = self.tr("Too large for this computer")
                elif needed > total * 0.8:
                    memory = self.tr("%1 — tight on this computer").replace(
                        "%1", data_size(locale, needed))
                else:
                    memory = self.tr("%1 — fits").replace("%1", data_size(locale, needed))
                cells = [model.name, model.filename, data_size(locale, model.size_bytes),
                         memory, states.get(model.checksum_state, model.checksum_state),
                         model.licence, "✓" if model.filename == active else ""]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.table.setItem(row, column, item)
        self._on_table_item_selection_changed()

    def selected_model(self) -> InstalledModel | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1:
            return None
        model = self.rows[rows.pop()][0]
        return model if isinstance(model, InstalledModel) else None

    @Slot()
    def _on_table_item_selection_changed(self) -> None:
        model = self.selected_model()
        self.activate_button.setEnabled(model is not None and not self.importing)
        self.licence_button.setEnabled(model is not None)

    # -- import ----------------------------------------------------------------------
    @Slot()
    def _on_import_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a model"), removable_media_dir(),
            self.tr("GGUF models (*.gguf);;All files (*)"))
        if path:
            self.import_model(path)

    def import_model(self, path: str) -> None:
        """Copy a model file in the background; the active model stays until one is chosen."""
        self.importing = True
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.show()
        self.message.setText(self.tr("Importing %1…").replace("%1", path))
        progress = self._progress
        run_in_background(
            lambda: self.store.import_file(path, progress=progress.changed.emit),
            self._on_import_succeeded, self._on_import_failed)

    @Slot(int, int)
    def _on_progress_changed(self, done: int, total: int) -> None:
        # Sizes can exceed an int's range in a percentage; keep 0–100.
        self.progress.setValue(int(done * 100 / total) if total else 0)

    @Slot(object)
    def _on_import_succeeded(self, model: InstalledModel) -> None:
        self._import_over()
        self.message.setText(self.tr("%1 was imported. Select it and press "
                                     "“Use this model” to draft with it.").replace(
            "%1", model.filename))
        self.refresh()

    @Slot(object)
    def _on_import_failed(self, error: BaseException) -> None:
        self._import_over()
        self.message.setText(error_text(error, self.app.language))
        self.show_error(error)

    def _import_over(self) -> None:
        self.importing = False
        self.import_button.setEnabled(True)
        self.progress.hide()

    def busy(self) -> bool:
        return self.importing

    # -- activate, verify, licence -------------------------------------------------
    @Slot()
    def _on_activate_button_clicked(self) -> None:
        model = self.selected_model()
        if model is not None:
            self.activate(model.filename)

    def activate(self, filename: str) -> None:
        """Make `filename` the active model and load it on the lane."""
        self.app.settings.active_model = "" if self._is_default(filename) else filename
        try:
            self.app.save_settings()
        except OSError as exc:
            self.show_error(exc)
            return
        self.app.load_model()
        self._fill_table()

    def _is_default(self, filename: str) -> bool:
        return any(isinstance(m, InstalledModel) and m.default and m.filename == filename
                   for m, _ in self.rows)

    @Slot(str, object)
    def _on_lane_state_changed(self, state: str, payload: object) -> None:
        if state == "ready":
            self.refresh()  # the default model is assembled into the folder on first load
        if state == "failed":
            self.message.setText(error_text(payload, self.app.language))

    @Slot()
    def _on_verify_button_clicked(self) -> None:
        self.verify_button.setEnabled(False)
        self.message.setText(self.tr("Verifying checksums…"))
        run_in_background(self.store.verify, self._on_verified, self._on_task_failed)

    @Slot(object)
    def _on_verified(self, _results) -> None:
        self.verify_button.setEnabled(True)
        self.message.setText(self.tr("Checksums verified."))
        self.refresh()

    @Slot(object)
    def _on_task_failed(self, error: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.show_error(error)

    @Slot()
    def _on_licence_button_clicked(self) -> None:
        model = self.selected_model()
        if model is not None:
            LicenceDialog(model, self.store, self).open()


class LicenceDialog(QDialog):
    """The licence a model is distributed under (the full terms for the default model)."""

    def __init__(self, model: InstalledModel, store: ModelStore, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Licence of %1").replace("%1", model.name))
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)  # offline: links are not followed
        terms = store.default_licence_path() if model.default else None
        if terms is not None:
            self.text.setHtml(terms.read_text(encoding="utf-8", errors="replace"))
        else:
            self.text.setPlainText(model.licence or self.tr("No licence is declared in this "
                                                            "model file."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 520)
