"""The side panel that shows the source passage a citation [n] points to.

A manager checks a point of the note against the original: clicking [n] in
the note shows the block's text, its file, its page and paragraph, and the
blocks just before and after it for context.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget


class CitationPanel(QWidget):
    """Shows one cited passage (`show_passage`) or an invitation to click a citation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citationPanel")
        self.title = QLabel()
        self.title.setObjectName("citationTitle")
        self.title.setStyleSheet("QLabel { font-weight: bold; }")
        self.where = QLabel()
        self.where.setObjectName("citationWhere")
        self.where.setWordWrap(True)
        self.passage = QTextBrowser()
        self.passage.setObjectName("citationPassage")
        self.passage.setOpenLinks(False)
        option = self.passage.document().defaultTextOption()
        # Each paragraph takes the direction of its own text (Arabic source, French note).
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        self.passage.document().setDefaultTextOption(option)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.where)
        layout.addWidget(self.passage, 1)
        self.number: str | None = None
        self._shown: tuple | None = None
        self.retranslate()

    def retranslate(self) -> None:
        if self._shown is None:
            self.title.setText(self.tr("Sources"))
            self.where.setText(self.tr("Click a citation such as [1] in the note to see the "
                                       "passage it comes from."))
        else:
            self.show_passage(*self._shown)

    def clear(self) -> None:
        self._shown = None
        self.number = None
        self.passage.clear()
        self.retranslate()

    def show_missing(self, key: str) -> None:
        """A citation that resolves to no passage (the core drops those; old notes may not)."""
        self._shown = None
        self.number = key
        self.title.setText(self.tr("Source [%1]").replace("%1", key))
        self.where.setText(self.tr("This citation does not match any passage of the sources."))
        self.passage.clear()

    def show_passage(self, passage) -> None:
        """Show a `summary_note.Passage`: its file, page and paragraph, and the text around it."""
        self._shown = (passage,)
        self.number = passage.key
        self.title.setText(self.tr("Source [%1]").replace("%1", passage.key))
        self.where.setText(f"{passage.file} — {self.locator(passage.page, passage.paragraph)}")
        parts = []
        if passage.before:
            parts.append(f'<p style="color:#666;">{html.escape(passage.before)}</p>')
        parts.append(f'<p style="background:#fff4c2;">{html.escape(passage.text)}</p>')
        if passage.after:
            parts.append(f'<p style="color:#666;">{html.escape(passage.after)}</p>')
        self.passage.setHtml("".join(parts))

    def locator(self, page: int | None, paragraph: int) -> str:
        """"page 2, paragraph 3" in the interface language (pages only when the file has them)."""
        if page:
            return (self.tr("page %1, paragraph %2")
                    .replace("%1", str(page)).replace("%2", str(paragraph)))
        return self.tr("paragraph %1").replace("%1", str(paragraph))
