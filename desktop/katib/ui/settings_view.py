"""Settings: office identity and letterhead, languages, threads, font size, privacy."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from katib.ui.first_run_dialog import office_field_labels
from katib.ui.view import View
from katib.ui.widgets import button_shortcut, follow_typed_direction, language_names

if TYPE_CHECKING:
    from katib.ui.app import KatibApp

OFFICE_FIELDS = ("state", "ministry", "direction", "service", "city", "address", "phone",
                 "email", "signatory_name", "signatory_title")


class SettingsView(View):
    """Edit the settings; "Save" writes them and applies language and font at once.

    The Backups box makes a backup of the history now, or asks the main window
    for the restore dialog (`restore_requested`).
    """

    restore_requested = Signal()

    def __init__(self, app: KatibApp, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self._build()
        self._connect_signals()
        self.load_from_settings()
        self.finish_setup()

    def _build(self) -> None:
        self.office_box = QGroupBox()
        office_form = QFormLayout(self.office_box)
        self.office_edits: dict[str, QLineEdit] = {}
        self.office_labels: dict[str, QLabel] = {}
        for name in OFFICE_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"office_{name}")
            follow_typed_direction(edit)
            label = QLabel()
            label.setBuddy(edit)
            self.office_edits[name] = edit
            self.office_labels[name] = label
            office_form.addRow(label, edit)
        self.logo_edit = QLineEdit()
        self.logo_edit.setObjectName("office_logo_path")
        self.logo_button = QPushButton()
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_edit, 1)
        logo_row.addWidget(self.logo_button)
        self.logo_label = QLabel()
        self.logo_label.setBuddy(self.logo_edit)
        office_form.addRow(self.logo_label, logo_row)

        self.general_box = QGroupBox()
        general = QFormLayout(self.general_box)
        self.interface_language = QComboBox()
        self.output_language = QComboBox()
        for code, name in language_names().items():
            self.interface_language.addItem(name, code)
            self.output_language.addItem(name, code)
        self.threads = QSpinBox()
        self.threads.setRange(0, max(1, os.cpu_count() or 1))
        self.font_size = QSpinBox()
        self.font_size.setRange(8, 24)
        self.interface_label, self.output_label = QLabel(), QLabel()
        self.threads_label, self.font_label = QLabel(), QLabel()
        for label, widget in ((self.interface_label, self.interface_language),
                              (self.output_label, self.output_language),
                              (self.threads_label, self.threads),
                              (self.font_label, self.font_size)):
            label.setBuddy(widget)
            general.addRow(label, widget)

        self.privacy_box = QGroupBox()
        self.privacy_text = QLabel()
        self.privacy_text.setWordWrap(True)
        QVBoxLayout(self.privacy_box).addWidget(self.privacy_text)

        self.backup_box = QGroupBox()
        self.backup_text = QLabel()
        self.backup_text.setWordWrap(True)
        self.backup_button = QPushButton()
        self.backup_button.setObjectName("backupNow")
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("openRestore")
        backup_buttons = QHBoxLayout()
        backup_buttons.addWidget(self.backup_button)
        backup_buttons.addWidget(self.restore_button)
        backup_buttons.addStretch(1)
        backup_layout = QVBoxLayout(self.backup_box)
        backup_layout.addWidget(self.backup_text)
        backup_layout.addLayout(backup_buttons)

        self.save_button = QPushButton()
        self.save_button.setObjectName("saveSettings")
        self.save_button.setDefault(True)
        self.save_shortcut = button_shortcut(self.save_button, QKeySequence.StandardKey.Save)
        self.saved_label = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.save_button)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.general_box)
        layout.addWidget(self.office_box)
        layout.addWidget(self.privacy_box)
        layout.addWidget(self.backup_box)
        layout.addLayout(buttons)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll)

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.logo_button.clicked.connect(self._on_logo_button_clicked)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_requested)

    def retranslate(self) -> None:
        self.general_box.setTitle(self.tr("General"))
        self.office_box.setTitle(self.tr("Office identity and letterhead"))
        self.privacy_box.setTitle(self.tr("Privacy"))
        labels = office_field_labels()
        for name, label in self.office_labels.items():
            label.setText(labels[name])
        self.logo_label.setText(labels["logo_path"])
        self.logo_button.setText(self.tr("Choose…"))
        self.interface_label.setText(self.tr("Interface language"))
        self.output_label.setText(self.tr("Default output language"))
        self.threads_label.setText(self.tr("Threads"))
        self.threads.setSpecialValueText(self.tr("Automatic"))
        self.threads.setToolTip(self.tr("Processor threads the model uses; the model is "
                                        "reloaded when this changes."))
        self.font_label.setText(self.tr("Font size"))
        self.font_size.setSuffix(self.tr(" pt"))
        self.privacy_text.setText(self.tr(
            "Katib works offline. The model runs on this computer; drafts, summaries "
            "and documents are stored only in its data folder. Nothing is sent over "
            "the network and no statistics are collected."))
        self.backup_box.setTitle(self.tr("Backups"))
        self.backup_text.setText(self.tr(
            "Katib copies the history (drafts, summaries, documents) once a day and keeps "
            "the last seven. Make a copy now before a big change, or bring one back."))
        self.backup_button.setText(self.tr("&Back up now"))
        self.restore_button.setText(self.tr("&Restore a backup…"))
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save the settings (Ctrl+S)"))
        self.saved_label.clear()

    def load_from_settings(self) -> None:
        """Show the current settings (also after the first-run dialog changed them)."""
        settings = self.app.settings
        for name, edit in self.office_edits.items():
            edit.setText(getattr(settings.office, name))
        self.logo_edit.setText(settings.office.logo_path)
        self.interface_language.setCurrentIndex(
            max(0, self.interface_language.findData(settings.interface_language)))
        self.output_language.setCurrentIndex(
            max(0, self.output_language.findData(settings.output_language)))
        self.threads.setValue(int(settings.threads or 0))
        self.font_size.setValue(int(settings.font_size or 11))

    @Slot()
    def _on_logo_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the logo"), self.logo_edit.text(),
            self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.logo_edit.setText(path)

    @Slot()
    def backup_now(self) -> None:
        """A backup of the history in Katib's backups folder, made in the background."""
        from katib.ui.workers import run_in_background

        store = self.app.store
        if store is None:
            self.show_error(self.tr("The history is not open: there is nothing to back up."))
            return
        self.backup_button.setEnabled(False)

        def done(path) -> None:
            self.backup_button.setEnabled(True)
            self.last_backup = path
            text = self.tr("Backup saved: %1").replace("%1", str(path))
            self.saved_label.setText(text)
            self.status_message.emit(text)

        def failed(error: BaseException) -> None:
            self.backup_button.setEnabled(True)
            self.show_error(error)

        run_in_background(store.backup, done, failed)

    @Slot()
    def _on_save_button_clicked(self) -> None:
        self.save()

    def save(self) -> None:
        """Write the settings; an error is shown and the form keeps what was typed."""
        settings = self.app.settings
        for name, edit in self.office_edits.items():
            setattr(settings.office, name, edit.text().strip())
        settings.office.logo_path = self.logo_edit.text().strip()
        settings.output_language = self.output_language.currentData()
        reload_model = settings.threads != self.threads.value()
        settings.threads = self.threads.value()
        settings.font_size = self.font_size.value()
        settings.interface_language = self.interface_language.currentData()
        try:
            self.app.save_settings()
        except OSError as exc:
            self.show_error(exc)
            return
        self.app.apply_font_size()
        self.app.set_language(settings.interface_language)  # retranslates every screen
        if reload_model and not self.app.lane.busy:
            self.app.load_model()  # the new thread count applies now
        self.saved_label.setText(self.tr("Settings saved."))
        self.status_message.emit(self.tr("Settings saved."))
