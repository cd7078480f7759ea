"""An item delegate that draws a cell's text as rich text (search matches in bold)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from katib.ui.widgets import text_direction


class HtmlDelegate(QStyledItemDelegate):
    """Paints the display text of a cell as HTML, on one line, elided by the cell's width."""

    def _document(self, option: QStyleOptionViewItem, text: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)  # the cell has its own padding; a margin would clip the text
        doc.setDefaultFont(option.font)
        text_option = QTextOption()
        text_option.setWrapMode(QTextOption.WrapMode.NoWrap)
        # An Arabic excerpt in a French interface still reads right to left.
        text_option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        doc.setDefaultTextOption(text_option)
        doc.setHtml(text)
        return doc

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        doc = self._document(opt, text)
        # A right-to-left excerpt is anchored at the cell's right edge and overflows to the
        # left (clipped there), so its first words are the ones seen, as in Latin text.
        width = max(float(rect.width()), doc.idealWidth())
        doc.setTextWidth(width)
        x = rect.left()
        if text_direction(doc.toPlainText()) == Qt.LayoutDirection.RightToLeft:
            x = rect.left() + rect.width() - width
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.setClipRect(rect)
        offset = max(0, (rect.height() - doc.size().height()) / 2)
        painter.translate(x, rect.top() + offset)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, opt.text)
        return QSize(int(doc.idealWidth()), max(int(doc.size().height()),
                                                 super().sizeHint(option, index).height()))
