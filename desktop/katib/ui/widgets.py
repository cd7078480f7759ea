"""Small widget helpers shared by the screens."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit


def text_direction(text: str) -> Qt.LayoutDirection | None:
    """The direction of the first strongly directional letter, or None if there is none.

    Digits with no letter ("+212 5 37 12 34 56", "2024/15") read left to right:
    in a right-to-left field their groups would come out in reverse order.
    """
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
    if any(char.isdigit() for char in text):
        return Qt.LayoutDirection.LeftToRight
    return None


def follow_typed_direction(widget: QLineEdit | QTextEdit | QPlainTextEdit) -> None:
    """Make a text field take the direction of what is typed in it.

    A French name typed in the Arabic interface stays left to right, an Arabic
    one in the French interface right to left; an empty field follows the
    interface.
    """
    if isinstance(widget, QLineEdit):
        def update(text: str) -> None:
            direction = text_direction(text)
            if direction is None:
                widget.unsetLayoutDirection()
            else:
                widget.setLayoutDirection(direction)

        widget.textChanged.connect(update)
        update(widget.text())
    else:
        # Rich and plain text editors decide per paragraph from its first letter.
        document = widget.document()
        option = document.defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        option.setAlignment(Qt.AlignmentFlag.AlignLeading)
        document.setDefaultTextOption(option)


def language_names() -> dict[str, str]:
    """Each language in its own name: a user must find theirs whatever the interface says."""
    return {"fr": "Français", "ar": "العربية", "en": "English"}



def button_shortcut(button: QAbstractButton, keys: QKeySequence | str) -> QShortcut:
    """A keyboard shortcut that presses `button` (while it is shown and enabled).

    Not `button.setShortcut`: a button's text with "&" (its Alt mnemonic) replaces
    that shortcut each time the text is set, and the language can change any time.
    """
    shortcut = QShortcut(QKeySequence(keys), button)
    shortcut.activated.connect(button.click)  # click() does nothing on a disabled button
    return shortcut
