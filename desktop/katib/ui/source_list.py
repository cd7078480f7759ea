"""The list of files to summarize: filled by the open buttons or by dropping files and folders.

Each row keeps the file's path, and once the file is read, its Document or the
error that kept it from being read (shown in the interface language, so a
manager knows which file of a dossier is the problem and why).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QStyle

# The extensions the readers accept (katib.core.documents.readers.SUPPORTED); a folder
# dropped on the list contributes only these, in name order.
SUPPORTED = (".docx", ".pdf", ".txt", ".md", ".markdown", ".odt", ".html", ".htm", ".eml")
PATH_ROLE = Qt.ItemDataRole.UserRole
STATE_ROLE = Qt.ItemDataRole.UserRole + 1


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given, and the readable files of each folder (one level, sorted)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir()
                              if p.is_file() and p.suffix.lower() in SUPPORTED))
        elif path.is_file():
            out.append(path)
    seen: set[Path] = set()
    return [p for p in out if not (p in seen or seen.add(p))]


class SourceList(QListWidget):
    """Files of the summary. `paths_dropped(list[Path])` fires on a drop of files or folders."""

    paths_dropped = Signal(list)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceList")
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # Long file names wrap instead of pushing a horizontal scroll bar in.
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    # -- rows ----------------------------------------------------------------------------
    def paths(self) -> list[Path]:
        return [self.item(i).data(PATH_ROLE) for i in range(self.count())]

    def add_path(self, path: Path) -> QListWidgetItem | None:
        """Add one file (ignored if already there); its row reads "waiting" until read."""
        if path in self.paths():
            return None
        item = QListWidgetItem(path.name)
        item.setData(PATH_ROLE, path)
        item.setToolTip(str(path))
        self.addItem(item)
        self.set_state(item, "waiting")
        return item

    def item_for(self, path: Path) -> QListWidgetItem | None:
        for i in range(self.count()):
            if self.item(i).data(PATH_ROLE) == path:
                return self.item(i)
        return None

    def set_state(self, item: QListWidgetItem, state: str, detail: str = "") -> None:
        """"waiting", "read" (detail: pages/words), "locked" or "failed" (detail: the message)."""
        item.setData(STATE_ROLE, state)
        icons = {
            "waiting": QStyle.StandardPixmap.SP_FileIcon,
            "read": QStyle.StandardPixmap.SP_DialogApplyButton,
            "locked": QStyle.StandardPixmap.SP_MessageBoxWarning,
            "failed": QStyle.StandardPixmap.SP_MessageBoxCritical,
        }
        item.setIcon(self.style().standardIcon(icons[state]))
        name = item.data(PATH_ROLE).name
        # The detail goes on its own line: a French file name and an Arabic "2 pages"
        # on one line would be reordered by the bidi algorithm.
        item.setText(f"{name}\n{detail}" if detail else name)
        if detail:
            item.setToolTip(f"{item.data(PATH_ROLE)}\n{detail}")

    def remove_selected(self) -> None:
        for item in self.selectedItems():
            self.takeItem(self.row(item))

    # -- drops ---------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt name)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt name)
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if not urls:
            return super().dropEvent(event)
        event.acceptProposedAction()
        self.paths_dropped.emit([Path(u.toLocalFile()) for u in urls])
