"""The form a document type asks for, built from its template's fields.

Each field becomes the widget its type calls for: a line, a multi-line box,
a date with a calendar popup, an editable list, a choice. Required fields are
marked with an asterisk and a tooltip. Labels come from the template in the
interface language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from katib.ui.widgets import follow_typed_direction

ISO = "yyyy-MM-dd"
NO_DATE = QDate(1900, 1, 1)


def field_label(field: Any, lang: str) -> str:
    """The field's label in `lang` (a template `Field`, or a plain mapping in tests)."""
    label = getattr(field, "label", None)
    if callable(label):
        return label(lang)
    labels = field.get("labels", {}) if isinstance(field, dict) else {}
    return labels.get(lang) or labels.get("en") or str(field_attr(field, "name"))


def field_attr(field: Any, name: str, default: Any = None) -> Any:
    """Read a template field whether it is an object or a mapping."""
    if isinstance(field, dict):
        return field.get(name, default)
    return getattr(field, name, default)


class ListEditor(QWidget):
    """An editable list (pièces jointes, copies, references): add, edit in place, remove."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = QListWidget()
        self.items.setMaximumHeight(96)
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.items, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.items.itemChanged.connect(lambda _item: self.changed.emit())
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove"))

    def values(self) -> list[str]:
        texts = (self.items.item(i).text().strip() for i in range(self.items.count()))
        return [text for text in texts if text]

    def set_values(self, values: list[str]) -> None:
        self.items.clear()
        for value in values:
            self._append(value)

    def _append(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.items.addItem(item)
        return item

    @Slot()
    def _on_add_button_clicked(self) -> None:
        item = self._append("")
        self.items.setCurrentItem(item)
        self.items.editItem(item)

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            self.items.takeItem(row)
            self.changed.emit()


class FieldForm(QWidget):
    """The fields of one template. `values()` gives {name: str | list[str]}."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        # Labels above their fields: long labels ("Démarche (où se présenter…)") in a
        # narrow side panel, and the same reading order left to right and right to left.
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.fields: list[Any] = []
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}

    def set_fields(self, fields: list[Any], lang: str) -> None:
        """Rebuild the form, keeping the values of fields that have the same name."""
        kept = self.values()
        while self.layout_.rowCount():
            self.layout_.removeRow(0)
        self.fields, self.editors, self.labels = list(fields), {}, {}
        for field in self.fields:
            name = field_attr(field, "name")
            editor = self._editor_for(field)
            editor.setObjectName(f"field_{name}")
            label = QLabel()
            label.setBuddy(editor)
            self.editors[name] = editor
            self.labels[name] = label
            self.layout_.addRow(label, editor)
        self.retranslate(lang)
        self.set_values(kept)

    def retranslate(self, lang: str) -> None:
        required_tip = self.tr("Required: left empty, it becomes a visible placeholder "
                               "in the draft.")
        for field in self.fields:
            name = field_attr(field, "name")
            text = field_label(field, lang)
            label = self.labels[name]
            if field_attr(field, "required", False):
                label.setText(f"{text} *")
                label.setToolTip(required_tip)
            else:
                label.setText(text)
            editor = self.editors[name]
            if isinstance(editor, ListEditor):
                editor.retranslate()
            elif isinstance(editor, QDateEdit):
                editor.setLocale(QLocale())  # the calendar speaks the interface language
            elif isinstance(editor, QComboBox):
                for index, choice in enumerate(field_attr(field, "choices") or [], start=1):
                    editor.setItemText(index, choice.label_for(lang))
            help_text = field_attr(field, "help") or {}
            if isinstance(help_text, dict) and help_text:
                editor.setToolTip(help_text.get(lang) or help_text.get("en", ""))

    def _editor_for(self, field: Any) -> QWidget:
        kind = str(field_attr(field, "type", "text") or "text")
        if kind == "date":
            editor = QDateEdit()
            editor.setCalendarPopup(True)
            # Qt's way to show "no date": the minimum date displays as a dash. An
            # empty date stays empty (a placeholder), never silently "today".
            editor.setMinimumDate(NO_DATE)
            editor.setSpecialValueText("—")
            # Day/month/year reads the same in both scripts; mirrored it would read
            # 2026/03/12 in the Arabic interface. The direction comes first: Qt orders
            # the date's sections when the format is set.
            editor.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            editor.setDisplayFormat("dd/MM/yyyy")
            today = field_attr(field, "default") == "today"
            editor.setDate(QDate.currentDate() if today else NO_DATE)
            editor.dateChanged.connect(lambda _d: self.changed.emit())
            return editor
        if kind in ("list", "lines"):
            editor = ListEditor()
            editor.changed.connect(self.changed)
            return editor
        choices = field_attr(field, "choices") or []
        if kind == "choice" and choices:
            editor = QComboBox()
            editor.addItem("—", "")  # nothing chosen yet
            for choice in choices:
                editor.addItem(choice.value, choice.value)
            default = field_attr(field, "default")
            if default:
                editor.setCurrentIndex(max(0, editor.findData(default)))
            editor.currentIndexChanged.connect(lambda _i: self.changed.emit())
            return editor
        if kind == "multiline":
            # QTextEdit in plain-text mode, not QPlainTextEdit, which ignores paragraph
            # alignment: an Arabic address sat on the left edge of its box.
            editor = QTextEdit()
            editor.setAcceptRichText(False)
            editor.setTabChangesFocus(True)  # Tab moves on through the form
            editor.setMaximumHeight(110)
            follow_typed_direction(editor)
            editor.textChanged.connect(self.changed)
            return editor
        editor = QLineEdit()
        default = field_attr(field, "default")
        if isinstance(default, str) and default != "today":
            editor.setText(default)
        follow_typed_direction(editor)
        editor.textChanged.connect(lambda _t: self.changed.emit())
        return editor

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QDateEdit):
                date = editor.date()
                result[name] = "" if date == NO_DATE else date.toString(ISO)
            elif isinstance(editor, ListEditor):
                result[name] = editor.values()
            elif isinstance(editor, QComboBox):
                result[name] = editor.currentData()
            elif isinstance(editor, QTextEdit):
                result[name] = editor.toPlainText().strip()
            else:
                result[name] = editor.text().strip()  # type: ignore[attr-defined]
        return result

    def filled_values(self) -> dict[str, Any]:
        """Only what the user gave: an empty field must become a placeholder, not ""."""
        return {k: v for k, v in self.values().items() if v not in ("", [], None)}

    def set_values(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            editor = self.editors.get(name)
            if editor is None or value in (None, ""):
                continue
            if isinstance(editor, QDateEdit):
                date = QDate.fromString(str(value), ISO)
                if date.isValid():
                    editor.setDate(date)
            elif isinstance(editor, ListEditor):
                editor.set_values(list(value) if isinstance(value, (list, tuple)) else [value])
            elif isinstance(editor, QComboBox):
                index = editor.findData(value)
                if index >= 0:
                    editor.setCurrentIndex(index)
            elif isinstance(editor, QTextEdit):
                editor.setPlainText(str(value))
            else:
                editor.setText(str(value))  # type: ignore[attr-defined]

    def focus_chain(self) -> list[QWidget]:
        """The widgets Tab visits, in the form's order (a list's box and its buttons)."""
        chain: list[QWidget] = []
        for editor in self.editors.values():
            if isinstance(editor, ListEditor):
                chain += [editor.items, editor.add_button, editor.remove_button]
            else:
                chain.append(editor)
        return chain
