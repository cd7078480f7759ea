"""The main window: a list of screens on the side, the screen, and a status bar.

The status bar says what the model is doing (loading, ready, failed) and
carries the offline indicator: Katib sends nothing over the network.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QLocale,
    QObject,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from katib.ui.view import View
from katib.ui.workers import error_text

if TYPE_CHECKING:
    from katib.ui.app import KatibApp

log = logging.getLogger(__name__)

# (key, module, class). Summarize and History are written by another helper:
# they join the navigation as soon as their modules exist.
SCREENS = [
    ("draft", "katib.ui.draft_view", "DraftView"),
    ("summarize", "katib.ui.summarize_view", "SummarizeView"),
    ("history", "katib.ui.history_view", "HistoryView"),
    ("models", "katib.ui.models_view", "ModelsView"),
    ("settings", "katib.ui.settings_view", "SettingsView"),
]


def _load_view_class(module: str, name: str):
    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return None
        raise


def _guard_state() -> tuple[bool, int]:
    """(is the core's network guard installed, how many connections it refused)."""
    try:
        from katib.core.privacy import guard_installed, refused_attempts
    except ImportError:
        return False, 0
    return guard_installed(), len(refused_attempts())


class MainWindow(QMainWindow):
    """Katib's window. Views get the app object; they never reach for this window."""

    first_painted = Signal()
    views_ready = Signal()

    def __init__(self, app: KatibApp, deferred: bool = False) -> None:
        """`deferred`: paint the window first, then build the screens (what `main` does).

        Importing and building the screens (store, templates, readers) takes a
        noticeable moment; the clerk sees the window at once, with "Loading…",
        and the screens appear a moment later. Tests build everything at once.
        """
        super().__init__()
        self.app = app
        self.setObjectName("KatibMainWindow")
        self.views: dict[str, View] = {}
        self._placeholders: dict[str, QWidget] = {}
        self.store_problem: str | None = None
        self.store_box: QMessageBox | None = None
        self.restore_dialog = None
        self._build()
        self._connect_signals()
        self.retranslate()
        self._restore_geometry()
        if deferred:
            self.installEventFilter(self)
        else:
            self.build_views()

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(170)
        # No font size here: the list follows the "Font size" setting like everything else.
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 8px 10px; }")
        self.stack = QStackedWidget()
        for key, module, _name in SCREENS:
            if importlib.util.find_spec(module) is None:
                continue  # a screen not written yet
            placeholder = QWidget()
            self._placeholders[key] = placeholder
            self.stack.addWidget(placeholder)
            item = QListWidgetItem()
            item.setData(256, key)  # Qt.UserRole
            self.nav.addItem(item)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.model_label = QLabel()
        self.model_label.setObjectName("modelState")
        self.offline_label = QLabel()
        self.offline_label.setObjectName("offlineIndicator")
        self.offline_label.setStyleSheet(
            "QLabel { color: #1b5e20; background: #e8f5e9; border-radius: 4px; padding: 1px 8px; }"
        )
        self.statusBar().addWidget(self.model_label, 1)
        self.statusBar().addPermanentWidget(self.offline_label)
        self._offline_timer = QTimer(self)
        self._offline_timer.timeout.connect(self._refresh_offline_label)
        self._offline_timer.start(10000)

        self.screen_actions: list[QAction] = []
        for index in range(self.nav.count()):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.nav.setCurrentRow(i))
            self.addAction(action)
            self.screen_actions.append(action)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.addAction(self.quit_action)
        self.nav.setCurrentRow(0)
        self.resize(1100, 740)

    def build_views(self) -> None:
        """Open the store and build every screen in place of its placeholder."""
        if self.views:
            return
        self.app.ensure_store()
        for key, module, name in SCREENS:
            placeholder = self._placeholders.get(key)
            view_class = _load_view_class(module, name) if placeholder is not None else None
            if view_class is None:
                continue
            view = view_class(self.app)
            index = self.stack.indexOf(placeholder)
            self.stack.insertWidget(index, view)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            del self._placeholders[key]
            self.views[key] = view
            view.open_request.connect(self._on_view_open_request)
            view.status_message.connect(self._on_view_status_message)
            if hasattr(view, "restore_requested"):  # Settings → Restore a backup…
                view.restore_requested.connect(self.open_restore_dialog)
        self.stack.setCurrentIndex(max(0, self.nav.currentRow()))
        self._report_store_problems()
        # Everything built so far lives as long as the window: keep it out of the
        # cyclic collector, whose full passes would otherwise pause the GUI thread.
        gc.freeze()
        self.views_ready.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Deferred start: once the window has painted, build the screens.
        if watched is self and event.type() == QEvent.Type.Paint:
            self.removeEventFilter(self)
            self.first_painted.emit()  # synchronously: before the screens are built
            QTimer.singleShot(0, self.build_views)
        return super().eventFilter(watched, event)

    def _connect_signals(self) -> None:
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        self.app.lane.state_changed.connect(self._on_lane_state_changed)
        self.app.language_changed.connect(self._on_app_language_changed)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Katib — offline drafting assistant"))
        titles = {
            "draft": self.tr("Draft"),
            "summarize": self.tr("Summarize"),
            "history": self.tr("History"),
            "models": self.tr("Models"),
            "settings": self.tr("Settings"),
        }
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            key = item.data(256)
            item.setText(titles.get(key, key))
            item.setToolTip(f"{titles.get(key, key)} (Ctrl+{row + 1})")
        self._refresh_offline_label()
        self._on_lane_state_changed(self.app.lane.state, self.app.lane.error or self.app.lane.info)

    def _refresh_offline_label(self) -> None:
        """The indicator and its explanation (refreshed: the blocked count can grow)."""
        server = self.app.server_url()
        if server:
            # Honest about the one exception an administrator can configure.
            self.offline_label.setText(self.tr("● Office server"))
            self.offline_label.setToolTip(
                self.tr("Texts are sent only to the office server %1, allowed by your "
                        "administrator; nothing goes anywhere else.").replace("%1", server))
        else:
            self.offline_label.setText(self.tr("● Offline"))
            tip = self.tr("Katib works without a network: no text, document or statistic "
                          "leaves this computer.")
            guarded, refused = _guard_state()
            if guarded:
                tip += "\n" + self.tr("Network guard on; connection attempts blocked since "
                                       "start: %1").replace("%1", QLocale().toString(refused))
            self.offline_label.setToolTip(tip)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- navigation ----------------------------------------------------------------
    def show_screen(self, key: str) -> View | None:
        """Bring a screen forward by its key ("draft", "models"…)."""
        for row in range(self.nav.count()):
            if self.nav.item(row).data(256) == key:
                self.nav.setCurrentRow(row)
                return self.views[key]
        return None

    def current_view(self) -> View:
        return self.stack.currentWidget()  # type: ignore[return-value]

    @Slot(int)
    def _on_nav_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        previous = self.current_view()
        if isinstance(previous, View):
            previous.save_work()
        key = self.nav.item(row).data(256)
        self.stack.setCurrentWidget(self.views.get(key) or self._placeholders[key])

    @Slot(str, object)
    def _on_view_open_request(self, key: str, payload: object) -> None:
        view = self.show_screen(key)
        if view is not None:
            view.open_item(payload)

    @Slot(str)
    def _on_view_status_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def _report_store_problems(self) -> None:
        """A damaged or busy history database: say so plainly; the window still works.

        When the damaged file was set aside, the message offers "Restore a backup…".
        """
        problem = None
        recovery = None
        if getattr(self.app, "store_error", None) is not None:
            problem = error_text(self.app.store_error, self.app.language)
        elif self.app.store is not None and getattr(self.app.store, "recovery", None):
            recovery = self.app.store.recovery
            problem = recovery.message(self.app.language)
        if problem:
            self.statusBar().showMessage(problem, 15000)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Katib"), problem,
                              QMessageBox.StandardButton.Ok, self)
            box.setObjectName("storeProblem")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            if recovery is not None:
                restore = box.addButton(self.tr("Restore a backup…"),
                                        QMessageBox.ButtonRole.ActionRole)
                restore.setObjectName("offerRestore")
                # ActionRole buttons do not close the box by themselves.
                restore.clicked.connect(box.accept)
                restore.clicked.connect(self.open_restore_dialog)
            QTimer.singleShot(0, box.open)
            self.store_problem = problem
            self.store_box = box

    def open_restore_dialog(self):
        """The list of backups to restore the history from (see restore_dialog)."""
        from katib.ui.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.app, list(self.views.values()), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_restore_dialog_finished)
        dialog.open()
        self.restore_dialog = dialog
        return dialog

    @Slot(int)
    def _on_restore_dialog_finished(self, _result: int) -> None:
        dialog = self.restore_dialog
        if dialog is not None and dialog.result_text:
            self.statusBar().showMessage(dialog.result_text, 15000)

    # -- model state ---------------------------------------------------------------
    @Slot(str, object)
    def _on_lane_state_changed(self, state: str, payload: object) -> None:
        if state == "loading" or state == "idle":
            text = self.tr("Loading the model…")
        elif state == "ready":
            name = getattr(payload, "name", "") or getattr(self.app.lane.info, "name", "")
            text = self.tr("Model ready: %1").replace("%1", name)
        elif state == "failed":
            detail = error_text(payload, self.app.language) if payload else ""
            text = self.tr("The model could not be loaded: %1").replace("%1", detail)
        else:
            text = self.tr("Model closed")
        self.model_label.setText(text)
        self.model_label.setProperty("state", state)

    @Slot(str)
    def _on_app_language_changed(self, _lang: str) -> None:
        # Qt sends LanguageChange to every widget; the direction is set app-wide.
        self.retranslate()

    # -- closing ---------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        """Cancel what runs, save what was typed, remember the geometry."""
        for view in self.views.values():
            try:
                view.stop()
                view.save_work()
                view.shutdown()
            except Exception:  # saving one screen must not keep the others from saving
                log.exception("saving %s on close failed", type(view).__name__)
        self.app.lane.cancel_all()
        self._window_settings().setValue("geometry", self.saveGeometry())
        super().closeEvent(event)

    def _window_settings(self) -> QSettings:
        path = self.app.paths.config / "window.ini"
        return QSettings(str(path), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        geometry = self._window_settings().value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
