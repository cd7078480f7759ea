"""The first-run welcome: the interface language and the office identity.

No network, no account, no telemetry: the dialog says so, and only writes the
settings file. Everything it asks can be changed later in Settings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from katib.ui.widgets import follow_typed_direction, language_names

if TYPE_CHECKING:
    from katib.ui.app import KatibApp

# The office fields asked on the first run (the rest live in Settings).
FIRST_RUN_FIELDS = ("state", "ministry", "direction", "service", "city",
                    "signatory_name", "signatory_title")


class FirstRunDialog(QDialog):
    """Welcome; set the interface language and who the letters come from."""

    def __init__(self, app: KatibApp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.setObjectName("firstRunDialog")
        self.setModal(True)
        self.setMinimumWidth(560)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setMinimumWidth(520)  # the layout's minimum size must keep the dialog wide
        self.privacy = QLabel()
        self.privacy.setWordWrap(True)
        self.privacy.setObjectName("privacyNote")
        self.language = QComboBox()
        for code in ("fr", "ar", "en"):
            self.language.addItem(language_names()[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(app.language)))
        self.fields: dict[str, QLineEdit] = {}
        office = app.settings.office
        form = QFormLayout()
        self.language_label = QLabel()
        form.addRow(self.language_label, self.language)
        self.field_labels: dict[str, QLabel] = {}
        for name in FIRST_RUN_FIELDS:
            edit = QLineEdit(getattr(office, name))
            edit.setObjectName(f"office_{name}")
            follow_typed_direction(edit)
            label = QLabel()
            label.setBuddy(edit)
            self.fields[name] = edit
            self.field_labels[name] = label
            form.addRow(label, edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        # Wrapped labels grow taller in Arabic; never let the dialog shrink below them.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.privacy)
        layout.addWidget(self.buttons)
        self.language.currentIndexChanged.connect(self._on_language_current_index_changed)
        self.buttons.accepted.connect(self.accept)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to Katib"))
        self.intro.setText(self.tr(
            "Katib drafts administrative documents and summarizes the documents you "
            "receive, with a language model that runs on this computer. Tell it who "
            "your letters come from; you can change this later in Settings."))
        self.privacy.setText(self.tr(
            "Katib needs no network, no account and sends no statistics: nothing you "
            "type or open leaves this computer."))
        self.language_label.setText(self.tr("Interface language"))
        labels = office_field_labels()
        for name, label in self.field_labels.items():
            label.setText(labels[name])
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Start"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(int)
    def _on_language_current_index_changed(self, _index: int) -> None:
        # The dialog speaks the chosen language at once, right to left for Arabic.
        self.app.set_language(self.language.currentData())

    def accept(self) -> None:
        """Save the identity and the language; the welcome does not come back."""
        settings = self.app.settings
        settings.interface_language = self.language.currentData()
        for name, edit in self.fields.items():
            setattr(settings.office, name, edit.text().strip())
        settings.first_run_done = True
        self.app.save_settings()
        super().accept()

    def reject(self) -> None:
        # Closing the welcome still starts Katib; it will be asked again next time.
        super().reject()


def office_field_labels() -> dict[str, str]:
    """Translated labels of the office identity fields (shared with Settings)."""
    translate = QCoreApplication.translate
    return {
        "state": translate("OfficeFields", "State"),
        "ministry": translate("OfficeFields", "Ministry"),
        "direction": translate("OfficeFields", "Direction"),
        "service": translate("OfficeFields", "Service"),
        "city": translate("OfficeFields", "City"),
        "address": translate("OfficeFields", "Address"),
        "phone": translate("OfficeFields", "Phone"),
        "email": translate("OfficeFields", "Email"),
        "logo_path": translate("OfficeFields", "Logo"),
        "signatory_name": translate("OfficeFields", "Signatory"),
        "signatory_title": translate("OfficeFields", "Signatory's title"),
    }
