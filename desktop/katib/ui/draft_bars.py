"""The two button rows of the Draft screen, with their shortcuts and texts.

`DraftTopBar`: document type, output language, New, Generate, Stop.
`DraftActionBar` (under the letter): Regenerate, Shorten, More formal,
Translate (a menu of languages), Copy, Print preview, Export .docx.
The Draft screen wires what the buttons do; these widgets only hold them.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from katib.ui.widgets import button_shortcut, language_names


class DraftTopBar(QWidget):
    """Type and language of the document, and the buttons that start or stop the model."""

    def __init__(self, templates, interface_lang: str, output_lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.templates = templates
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("documentType")
        for template in templates.types():
            self.type_combo.addItem(template.label(interface_lang), template.id)
        self.lang_combo = QComboBox()
        self.lang_combo.setObjectName("outputLanguage")
        for code, name in language_names().items():
            self.lang_combo.addItem(name, code)
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(output_lang)))
        self.type_label, self.lang_label = QLabel(), QLabel()
        self.type_label.setBuddy(self.type_combo)
        self.lang_label.setBuddy(self.lang_combo)
        self.generate_button = QPushButton()
        self.generate_button.setObjectName("generate")
        self.generate_shortcut = button_shortcut(self.generate_button, "Ctrl+Return")
        self.new_button = QPushButton()
        self.new_button.setObjectName("newDraft")
        self.new_shortcut = button_shortcut(self.new_button, QKeySequence.StandardKey.New)
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("stop")
        self.stop_shortcut = button_shortcut(self.stop_button, "Escape")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.type_label, self.type_combo, self.lang_label, self.lang_combo):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.new_button)
        row.addWidget(self.generate_button)
        row.addWidget(self.stop_button)

    def retranslate(self, lang: str) -> None:
        for index in range(self.type_combo.count()):
            template = self.templates.get(self.type_combo.itemData(index))
            self.type_combo.setItemText(index, template.label(lang))
        self.type_label.setText(self.tr("&Document"))
        self.lang_label.setText(self.tr("&Language"))
        self.generate_button.setText(self.tr("&Generate"))
        self.generate_button.setToolTip(self.tr("Write the body with the model (Ctrl+Enter)"))
        self.new_button.setText(self.tr("&New"))
        self.new_button.setToolTip(self.tr("Start another document; this one stays in the "
                                           "History (Ctrl+N)"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the model now; the text so far is kept (Esc)"))


class DraftActionBar(QWidget):
    """What can be done with a written draft. `translate_requested(code)` comes from the menu."""

    translate_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.regenerate_button = QPushButton()
        self.shorten_button = QPushButton()
        self.formal_button = QPushButton()
        self.translate_button = QPushButton()
        self.translate_menu = QMenu(self)
        self.translate_button.setMenu(self.translate_menu)
        self.export_button = QPushButton()
        self.export_button.setObjectName("export")
        self.export_shortcut = button_shortcut(self.export_button, "Ctrl+E")
        self.copy_button = QPushButton()
        self.copy_shortcut = button_shortcut(self.copy_button, "Ctrl+Shift+C")
        self.print_button = QPushButton()
        self.print_shortcut = button_shortcut(self.print_button, QKeySequence.StandardKey.Print)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in self.revise_buttons():
            row.addWidget(button)
        row.addStretch(1)
        for button in self.output_buttons():
            row.addWidget(button)

    def revise_buttons(self) -> list[QPushButton]:
        return [self.regenerate_button, self.shorten_button, self.formal_button,
                self.translate_button]

    def output_buttons(self) -> list[QPushButton]:
        return [self.copy_button, self.print_button, self.export_button]

    def retranslate(self) -> None:
        self.regenerate_button.setText(self.tr("&Regenerate"))
        self.shorten_button.setText(self.tr("S&horten"))
        self.formal_button.setText(self.tr("More &formal"))
        self.translate_button.setText(self.tr("&Translate"))
        self.translate_menu.clear()
        for code, name in language_names().items():
            action = self.translate_menu.addAction(name)
            action.triggered.connect(lambda _=False, c=code: self.translate_requested.emit(c))
        self.export_button.setText(self.tr("&Export .docx"))
        self.export_button.setToolTip(self.tr("Save as a Word document and open it (Ctrl+E)"))
        self.copy_button.setText(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copy the whole document (Ctrl+Shift+C)"))
        self.print_button.setText(self.tr("&Print preview"))
        self.print_button.setToolTip(self.tr("See the printed page (Ctrl+P)"))
