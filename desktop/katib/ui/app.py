"""The application object: wires the services once and hands them to the views.

`KatibApp` holds the paths, the settings, the store (when the store module is
there), the model lane and the interface language. Views receive it in their
constructor and never look for a global main window (TagStudio's rule).
`main()` is the `katib-desktop` entry point.
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from katib.core.engine import Engine
from katib.core.paths import Paths, resource, user_paths
from katib.core.settings import Settings, load_settings, save_settings
from katib.ui.workers import ModelLane

log = logging.getLogger(__name__)

LANGUAGES = ("fr", "ar", "en")


def _optional(module: str):
    """A core module written in parallel may not exist yet: the window works without it."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None
        raise


class KatibApp(QObject):
    """The services every view needs.

    - `paths`, `settings` (save with `save_settings()`), `store` (a
      `katib.core.store.Store` or None), `lane` (the model lane);
    - `language` and `set_language(lang)`: installs the translators, the
      locale and the layout direction (Arabic: right to left) and emits
      `language_changed`; Qt sends every widget a LanguageChange event.
    - `settings_changed` is emitted after `save_settings()`.
    """

    language_changed = Signal(str)
    settings_changed = Signal()

    def __init__(
        self,
        qt_app: QApplication,
        paths: Paths | None = None,
        settings: Settings | None = None,
        engine_loader: Callable[[], Engine] | None = None,
        open_store: bool = True,
    ) -> None:
        super().__init__()
        self.qt_app = qt_app
        self.paths = (paths or user_paths()).ensure()
        self.settings = settings or load_settings(self.paths.settings_file)
        self.store = None
        self.store_error: BaseException | None = None
        self._store_tried = False
        if open_store:  # `main` opens it after the first paint (see MainWindow)
            self.ensure_store()
        self.lane = ModelLane()
        # Tests hand a scripted engine; the window loads the active local model.
        self.engine_loader = engine_loader or self._default_loader
        self.language = ""
        self._translators: list[QTranslator] = []
        self.set_language(self.settings.interface_language)
        self.apply_font_size()

    # -- services ---------------------------------------------------------------
    def ensure_store(self):
        """Open the history database once; on failure the window still opens and says why."""
        if self._store_tried:
            return self.store
        self._store_tried = True
        store_module = _optional("katib.core.store")
        if store_module is None:
            return None
        try:
            self.store = store_module.Store.open(self.paths)
        except Exception as exc:  # in use by another Katib, read-only folder, disk full
            log.exception("the store could not be opened")
            self.store_error = exc
        return self.store

    def close_store(self) -> None:
        """Close the history database (before a backup replaces it)."""
        if self.store is not None:
            try:
                self.store.close()
            finally:
                self.store = None

    def reopen_store(self):
        """Open the history database again (after a restore); None and `store_error` on failure."""
        self.close_store()
        self._store_tried = False
        self.store_error = None
        return self.ensure_store()

    def _default_loader(self) -> Engine:
        from katib.core import runtime

        # The office server when an administrator configured one, else the local model.
        opener = getattr(runtime, "open_engine", None) or runtime.open_local_engine
        return opener(self.paths, self.settings)

    def server_url(self) -> str:
        """The office server in use, or "" when everything runs on this computer."""
        # runtime pulls in the model tooling (gguf, numpy): not before the first paint.
        runtime = sys.modules.get("katib.core.runtime")
        configured = getattr(runtime, "configured_server", None)
        if configured is not None:
            return configured(self.settings)
        return (self.settings.server_url or "").strip()

    def load_model(self) -> None:
        """Load (or reload) the active model on the lane; the window stays usable."""
        self.lane.load(self.engine_loader)

    def save_settings(self) -> None:
        save_settings(self.settings, self.paths.settings_file)
        self.settings_changed.emit()

    def apply_font_size(self) -> None:
        """The font size setting, in points, for the whole window."""
        font = self.qt_app.font()
        size = max(8, min(int(self.settings.font_size or 11), 24))
        if font.pointSize() != size:
            font.setPointSize(size)
            self.qt_app.setFont(font)
            # A widget with a style sheet keeps the font it was polished with: polish again.
            for widget in QApplication.allWidgets():
                sheet = widget.styleSheet()
                if sheet:
                    widget.setStyleSheet(sheet)

    # -- language -----------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Switch the interface language, the locale and the layout direction."""
        lang = lang if lang in LANGUAGES else "fr"
        for translator in self._translators:
            self.qt_app.removeTranslator(translator)
        self._translators = []
        for path in (qt_translation(lang), katib_translation(lang)):
            translator = QTranslator(self.qt_app)
            if path and translator.load(path):
                self.qt_app.installTranslator(translator)
                self._translators.append(translator)
        QLocale.setDefault(locale_for(lang))
        self.qt_app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if lang == "ar" else Qt.LayoutDirection.LeftToRight
        )
        changed = lang != self.language
        self.language = lang
        # Deliver Qt's LanguageChange now, so every screen is retranslated on return.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        if changed:
            self.language_changed.emit(lang)

    def shutdown(self) -> None:
        """Cancel model work, close the engine, wait for background tasks."""
        from katib.ui.workers import wait_for_background

        self.lane.shutdown()
        wait_for_background(5000)
        if self.store is not None:
            try:
                self.store.close()
            except Exception:
                log.exception("closing the store failed")
            self.store = None


def locale_for(lang: str) -> QLocale:
    """Numbers and dates as the office writes them (Moroccan locales for fr and ar)."""
    return {
        "fr": QLocale(QLocale.Language.French, QLocale.Country.Morocco),
        "ar": QLocale(QLocale.Language.Arabic, QLocale.Country.Morocco),
        "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
    }[lang]


def katib_translation(lang: str) -> str | None:
    path = resource("translations", f"katib_{lang}.qm")
    return str(path) if path.is_file() else None


def qt_translation(lang: str) -> str | None:
    """Qt's own strings (standard buttons, print dialogs) in the interface language."""
    from PySide6.QtCore import QLibraryInfo

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidate = f"{folder}/qtbase_{lang}.qm"
    import os

    return candidate if os.path.isfile(candidate) else None


def install_privacy_guard(paths: Paths, settings: Settings) -> bool:
    """Refuse every network connection from this process (the core's offline guard)."""
    privacy = _optional("katib.core.privacy")
    if privacy is None or not hasattr(privacy, "protect_process"):
        return False
    privacy.protect_process(paths, settings)
    try:  # the private log file, without document text unless debug mode
        from katib.core.logs import setup_logging

        setup_logging(paths, debug=settings.debug_logging)
    except OSError:
        pass
    return True


def main(argv: list[str] | None = None) -> int:
    """Start Katib: the window first, the model in the background."""
    argv = list(sys.argv if argv is None else argv)
    logging.basicConfig(level=logging.INFO)
    paths = user_paths().ensure()
    settings = load_settings(paths.settings_file)
    QApplication.setApplicationName("Katib")
    QApplication.setOrganizationName("Katib")
    qt_app = QApplication.instance() or QApplication(argv)
    app = KatibApp(qt_app, paths=paths, settings=settings, open_store=False)

    from katib.ui.first_run_dialog import FirstRunDialog
    from katib.ui.main_window import MainWindow

    guard = _OnceGuard(paths, settings)
    if not app.settings.first_run_done:
        guard()  # the clerk types in the welcome: the guard comes first
        FirstRunDialog(app).exec()
    # The window paints first. Right after that first paint, before the store, the
    # screens or the model do anything, the network guard goes in (until then only
    # Qt has drawn an empty window: no document, no socket); then the screens are
    # built and the model loads.
    window = MainWindow(app, deferred=True)
    window.first_painted.connect(guard)
    window.views_ready.connect(app.load_model)
    window.show()
    _close_on_signals(window)
    code = qt_app.exec()
    app.shutdown()
    return code


class _OnceGuard:
    """Installs the network guard the first time it is called."""

    def __init__(self, paths: Paths, settings: Settings) -> None:
        self.paths, self.settings, self.done = paths, settings, False

    def __call__(self) -> None:
        if not self.done:
            self.done = True
            install_privacy_guard(self.paths, self.settings)


def _close_on_signals(window) -> None:
    """SIGTERM (session logout) and Ctrl+C close the window the normal way: work is saved."""
    import signal

    from PySide6.QtCore import QTimer

    def handler(_signum, _frame) -> None:
        QTimer.singleShot(0, window.close)

    for name in ("SIGTERM", "SIGINT"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), handler)
    # Python runs signal handlers only between bytecodes: wake it up now and then.
    window._signal_timer = QTimer(window)
    window._signal_timer.timeout.connect(lambda: None)
    window._signal_timer.start(500)


if __name__ == "__main__":
    sys.exit(main())
