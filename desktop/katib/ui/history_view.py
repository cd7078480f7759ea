"""History: every draft, summary and imported document, searchable and filterable.

Search goes through `Store.search` (full text, accents and Arabic diacritics
ignored); filters (kind, language, period) narrow the list. An item reopens on
the screen that made it, can be duplicated, and is deleted to a trash with an
undo bar (and Ctrl+Z), as in a mail client.
"""

from __future__ import annotations

import html
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from katib.ui.html_delegate import HtmlDelegate
from katib.ui.view import View
from katib.ui.widgets import follow_typed_direction, language_names

if TYPE_CHECKING:
    from katib.ui.app import KatibApp

ITEM_ROLE = Qt.ItemDataRole.UserRole  # (kind, id)
LIST_LIMIT = 500
SEARCH_LIMIT = 200
SEARCH_DELAY_MS = 150  # search as one types, without a query per keystroke
COLUMNS = ("title", "kind", "lang", "date", "excerpt")


def marked_html(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` escaped for rich text, with the matched words in bold."""
    out, last = [], 0
    for start, end in spans:
        out += [html.escape(text[last:start]), "<b>", html.escape(text[start:end]), "</b>"]
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


class HistoryView(View):
    """The list of everything stored, with search, filters, reopen, duplicate and delete."""

    def __init__(self, app: "KatibApp", parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.last_deleted: list[tuple[str, int, str]] = []  # (kind, id, title), newest last
        self._build()
        self._connect_signals()
        self.finish_setup()
        # The list is filled when the screen is first shown (showEvent), not while the
        # window is being built: the window must paint before the database is read.

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("historySearch")
        self.search_edit.setClearButtonEnabled(True)
        follow_typed_direction(self.search_edit)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("historyKind")
        self.lang_filter = QComboBox()
        self.lang_filter.setObjectName("historyLanguage")
        self.date_filter = QComboBox()
        self.date_filter.setObjectName("historyDate")
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.lang_filter, 1)
        filters.addWidget(self.date_filter, 1)

        self.tree = QTreeWidget()
        self.tree.setObjectName("historyList")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setItemDelegateForColumn(COLUMNS.index("excerpt"), HtmlDelegate(self.tree))
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, 340)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("historyEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("QLabel { color: #666; }")

        self.open_button = QPushButton()
        self.open_button.setObjectName("historyOpen")
        self.duplicate_button = QPushButton()
        self.duplicate_button.setObjectName("historyDuplicate")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("historyDelete")
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.duplicate_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)

        # The undo bar: shown after a delete, like a mail client's "Undo".
        self.undo_bar = QWidget()
        self.undo_bar.setObjectName("undoBar")
        self.undo_bar.setStyleSheet("#undoBar { background: #fff4c2; border-radius: 4px; }")
        self.undo_label = QLabel()
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("historyUndo")
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(8, 4, 8, 4)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        # The list, or (when it is empty) a sentence in its place saying why.
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.tree)
        self.list_stack.addWidget(self.empty_label)
        layout.addWidget(self.list_stack, 1)
        layout.addWidget(self.undo_bar)
        layout.addLayout(buttons)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.undo_shortcut = QShortcut(QKeySequence.StandardKey.Undo, self)
        self.delete_shortcut = QShortcut(QKeySequence.StandardKey.Delete, self.tree)
        self.duplicate_shortcut = QShortcut(QKeySequence("Ctrl+D"), self)
        self.find_shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        self.setTabOrder(self.search_edit, self.kind_filter)
        self.setTabOrder(self.kind_filter, self.lang_filter)
        self.setTabOrder(self.lang_filter, self.date_filter)
        self.setTabOrder(self.date_filter, self.tree)
        self.setTabOrder(self.tree, self.open_button)
        self.setTabOrder(self.open_button, self.duplicate_button)
        self.setTabOrder(self.duplicate_button, self.delete_button)

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_timer.timeout.connect(self.refresh)
        for combo in (self.kind_filter, self.lang_filter, self.date_filter):
            combo.activated.connect(self._on_filter_activated)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.open_button.clicked.connect(self.open_selected)
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_shortcut.activated.connect(self.undo_delete)
        self.delete_shortcut.activated.connect(self.delete_selected)
        self.duplicate_shortcut.activated.connect(self.duplicate_selected)
        self.find_shortcut.activated.connect(self.search_edit.setFocus)
        self.app.language_changed.connect(self._on_app_language_changed)

    def retranslate(self) -> None:
        self.search_edit.setPlaceholderText(self.tr("Search drafts, summaries, documents… "
                                                    "(Ctrl+F)"))
        self.search_edit.setToolTip(self.tr("Every word must occur. Accents, capitals and "
                                            "Arabic vowel marks are ignored."))
        self._fill_combo(self.kind_filter, [
            ("", self.tr("Everything")), ("draft", self.tr("Drafts")),
            ("summary", self.tr("Summaries")), ("document", self.tr("Imported documents"))])
        self._fill_combo(self.lang_filter, [("", self.tr("All languages")),
                                            *language_names().items()])
        self._fill_combo(self.date_filter, [
            ("", self.tr("Any date")), ("1", self.tr("Today")),
            ("7", self.tr("Last 7 days")), ("30", self.tr("Last 30 days")),
            ("365", self.tr("Last 12 months"))])
        self.tree.setHeaderLabels([self.tr("Title"), self.tr("Type"), self.tr("Language"),
                                   self.tr("Modified"), self.tr("Excerpt")])
        self.open_button.setText(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Reopen on the screen that made it (Enter)"))
        self.duplicate_button.setText(self.tr("D&uplicate"))
        self.duplicate_button.setToolTip(self.tr("Make a copy to start from (Ctrl+D)"))
        self.delete_button.setText(self.tr("&Delete"))
        self.delete_button.setToolTip(self.tr("Move to the trash; it can be undone (Del)"))
        self.undo_button.setText(self.tr("Undo"))
        self._update_undo_bar()
        self._update_empty_label()

    @staticmethod
    def _fill_combo(combo: QComboBox, entries: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.clear()
        for value, text in entries:
            combo.addItem(text, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))

    # -- filling the list ------------------------------------------------------------
    def kind_name(self, kind: str, type_id: str | None = None) -> str:
        """"Summary", or for a draft its document type ("Reply to a citizen") when known."""
        if kind == "draft" and type_id:
            label = self._type_labels().get(type_id)
            if label:
                return label
        names = {"draft": self.tr("Draft"), "summary": self.tr("Summary"),
                 "document": self.tr("Document")}
        return names.get(kind, kind)

    def _type_labels(self) -> dict[str, str]:
        """Document type names in the interface language, from the drafting templates."""
        lang = self.app.language
        if getattr(self, "_labels_lang", None) != lang:
            try:
                from katib.core.drafting.templates import load_templates

                self._labels = {t.id: t.label(lang) for t in load_templates().types()}
            except Exception:  # templates are optional here: the kind name stands in
                self._labels = {}
            self._labels_lang = lang
        return self._labels

    def date_text(self, iso: str) -> str:
        moment = QDateTime.fromString(iso, Qt.DateFormat.ISODateWithMs)
        if not moment.isValid():
            return iso
        return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)

    def _since(self) -> str | None:
        days = self.date_filter.currentData()
        if not days:
            return None
        now = datetime.now().astimezone()
        start = now.replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(
            days=int(days) - 1)
        return start.astimezone(timezone.utc).isoformat(timespec="milliseconds")

    @Slot()
    def refresh(self) -> None:
        """Run the search (or list) with the current filters; keep the selection if possible."""
        store = self.app.store
        selected = self.selected_item()
        self.tree.clear()
        if store is None:
            self._update_empty_label()
            return
        kind = self.kind_filter.currentData() or None
        lang = self.lang_filter.currentData() or None
        since = self._since()
        try:
            items = self._list(store, kind, lang, since, LIST_LIMIT)
            query = self.search_edit.text().strip()
            if query:
                self._fill_search(store, query, kind, lang, since, items)
            else:
                for item in items:
                    self._add_row(item.kind, item.id, item.title, item.type_id, item.lang,
                                  item.updated_at, "")
        except Exception as exc:  # a locked or damaged database: say so, keep the screen
            self.show_error(exc)
        # Excerpts exist only for search results.
        self.tree.setColumnHidden(COLUMNS.index("excerpt"),
                                  not self.search_edit.text().strip())
        self._update_empty_label()
        if selected is not None:
            self.select(*selected)

    @staticmethod
    def _list(store, kind, lang, since, limit):
        return store.list_items(kind=kind, lang=lang, since=since, limit=limit)

    def _fill_search(self, store, query, kind, lang, since, items) -> None:
        hits = store.search(query, kinds=[kind] if kind else None, limit=SEARCH_LIMIT)
        filtered = bool(lang or since)
        if filtered:
            # Filters apply to search results too: keep the hits the filtered list holds.
            allowed = {(i.kind, i.id): i for i in self._list(store, kind, lang, since, 100000)}
        else:
            allowed = {(i.kind, i.id): i for i in items}
        for hit in hits:
            item = allowed.get((hit.kind, hit.id))
            if item is None and filtered:
                continue
            self._add_row(hit.kind, hit.id, hit.title, item.type_id if item else None,
                          item.lang if item else None, hit.updated_at,
                          marked_html(hit.snippet, hit.highlights))

    def _add_row(self, kind, item_id, title, type_id, lang, updated_at, excerpt) -> None:
        row = QTreeWidgetItem([
            title or self.tr("(untitled)"), self.kind_name(kind, type_id),
            language_names().get(lang or "", lang or ""), self.date_text(updated_at), excerpt])
        row.setData(0, ITEM_ROLE, (kind, item_id))
        row.setToolTip(0, title)
        self.tree.addTopLevelItem(row)

    def _update_empty_label(self) -> None:
        if self.app.store is None:
            text = self.tr("The history is not available: the database could not be opened.")
        elif self.search_edit.text().strip():
            text = self.tr("Nothing found. Try fewer or shorter words.")
        else:
            text = self.tr("Nothing here yet: your drafts and summaries will appear here.")
        self.empty_label.setText(text)
        empty = self.tree.topLevelItemCount() == 0
        self.list_stack.setCurrentWidget(self.empty_label if empty else self.tree)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_item()
        self.open_button.setEnabled(chosen is not None)
        self.delete_button.setEnabled(chosen is not None)
        self.duplicate_button.setEnabled(chosen is not None and chosen[0] != "document")

    # -- selection ---------------------------------------------------------------------
    def rows(self) -> list[tuple[str, int]]:
        """(kind, id) of every row shown, in order."""
        return [self.tree.topLevelItem(i).data(0, ITEM_ROLE)
                for i in range(self.tree.topLevelItemCount())]

    def selected_item(self) -> tuple[str, int] | None:
        items = self.tree.selectedItems()
        return tuple(items[0].data(0, ITEM_ROLE)) if items else None

    def select(self, kind: str, item_id: int) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(i)
            if tuple(row.data(0, ITEM_ROLE)) == (kind, item_id):
                self.tree.setCurrentItem(row)
                return True
        return False

    # -- actions -------------------------------------------------------------------------
    @Slot()
    def open_selected(self) -> None:
        """Hand the item to the screen that made it (through the main window)."""
        chosen = self.selected_item()
        if chosen is None:
            return
        kind, item_id = chosen
        if kind == "draft":
            self.open_request.emit("draft", item_id)
        elif kind == "summary":
            self.open_request.emit("summarize", item_id)
        else:
            self.open_request.emit("summarize", {"document_id": item_id})

    @Slot()
    def duplicate_selected(self) -> None:
        chosen = self.selected_item()
        store = self.app.store
        if chosen is None or store is None or chosen[0] == "document":
            return
        kind, item_id = chosen
        try:
            if kind == "draft":
                new_id = store.duplicate_draft(item_id)
            else:
                new_id = self._duplicate_summary(store, item_id)
        except Exception as exc:
            self.show_error(exc)
            return
        self.refresh()
        self.select(kind, new_id)
        self.status_message.emit(self.tr("Copy made."))

    def _duplicate_summary(self, store, summary_id: int) -> int:
        old = store.get_summary(summary_id)
        title = self.tr("%1 (copy)").replace("%1", old.title)
        return store.add_summary(title, old.lang, old.text, data=old.data,
                                 document_ids=old.document_ids, model=old.model_file,
                                 model_sha256=old.model_sha256)

    @Slot()
    def delete_selected(self) -> None:
        chosen = self.selected_item()
        store = self.app.store
        if chosen is None or store is None:
            return
        row = self.tree.currentItem()
        title = row.text(0) if row is not None else ""
        try:
            store.delete(*chosen)
        except Exception as exc:
            self.show_error(exc)
            return
        self.last_deleted.append((chosen[0], chosen[1], title))
        self.refresh()
        self._update_undo_bar()

    @Slot()
    def undo_delete(self) -> None:
        """Bring back the last deleted item (repeatable: each undo restores one more)."""
        if not self.last_deleted or self.app.store is None:
            return
        kind, item_id, _title = self.last_deleted.pop()
        try:
            self.app.store.undo_delete(kind, item_id)
        except Exception as exc:
            self.show_error(exc)
            return
        self.refresh()
        self.select(kind, item_id)
        self._update_undo_bar()

    def _update_undo_bar(self) -> None:
        if not self.last_deleted:
            self.undo_bar.hide()
            return
        title = self.last_deleted[-1][2]
        self.undo_label.setText(self.tr("“%1” was moved to the trash.").replace("%1", title))
        self.undo_bar.show()

    # -- hooks of the main window --------------------------------------------------------
    def store_replaced(self) -> None:
        self.last_deleted = []  # undo would name items of the old database
        self._update_undo_bar()
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        # Other screens add drafts and summaries: the list is fresh whenever it is shown.
        self.refresh()
        super().showEvent(event)

    @Slot(str)
    def _on_app_language_changed(self, _lang: str) -> None:
        self.refresh()  # kind names and dates follow the interface language

    @Slot(str)
    def _on_search_edit_text_changed(self, _text: str) -> None:
        self.search_timer.start()

    @Slot(int)
    def _on_filter_activated(self, _index: int) -> None:
        self.refresh()

    @Slot(QTreeWidgetItem, int)
    def _on_tree_item_activated(self, _item: QTreeWidgetItem, _column: int) -> None:
        self.open_selected()
