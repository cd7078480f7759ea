"""Marks, in the editor, what the clerk must check before signing.

Placeholders ([À COMPLÉTER], [يُستكمل], [TO COMPLETE], any [ … ] the frame
left) are shown on amber; facts the model wrote that are not in the form
(a date, an amount, a name…) are underlined in red, so nothing invented goes
out unseen.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

PLACEHOLDER = re.compile(r"\[[^\[\]\n]{2,60}\]")


class DraftHighlighter(QSyntaxHighlighter):
    """Highlights placeholders and the flagged facts of the current draft."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.flagged: list[str] = []
        self._flag_pattern: re.Pattern[str] | None = None
        self.placeholder_format = QTextCharFormat()
        self.placeholder_format.setBackground(QColor("#ffe082"))
        self.placeholder_format.setFontWeight(QFont.Weight.Bold)
        self.flag_format = QTextCharFormat()
        self.flag_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.flag_format.setUnderlineColor(QColor("#c62828"))
        self.flag_format.setBackground(QColor("#ffebee"))

    def set_flagged(self, texts: list[str]) -> None:
        """The facts to flag (exact texts from the draft); re-highlights at once."""
        self.flagged = sorted({t for t in texts if t and t.strip()}, key=len, reverse=True)
        self._flag_pattern = (re.compile("|".join(re.escape(t) for t in self.flagged))
                              if self.flagged else None)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        for match in PLACEHOLDER.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.placeholder_format)
        if self._flag_pattern is not None:
            for match in self._flag_pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self.flag_format)


def placeholders_in(text: str) -> list[str]:
    """The placeholders still in `text`, in order."""
    return [m.group(0) for m in PLACEHOLDER.finditer(text)]
