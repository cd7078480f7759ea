"""Background work for the window: one model lane, and a helper for everything else.

Rules kept here so the views need not think about them:
- widgets are touched on the GUI thread only: every result and every token
  reaches the caller through a Qt signal, delivered by a queued connection;
- the model is not thread-safe, so it lives on one QThread (the "model lane")
  and every request to it runs there, one at a time, in the order asked;
- a request is stopped by a `CancelToken` the engine checks between tokens;
- on quit, the lane cancels what runs, closes the engine and waits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot

from katib.core.engine import CancelToken, Engine
from katib.core.errors import EngineError, KatibError, ModelError

log = logging.getLogger(__name__)

# A lane request receives the engine and the request's cancel token.
StreamFunc = Callable[[Engine, CancelToken], Iterator[str]]
CallFunc = Callable[[Engine], Any]


class StreamJob(QObject):
    """One request on the model lane, streaming text pieces.

    Public signals are emitted on the GUI thread (the lane emits private ones
    that this object, living on the GUI thread, relays), so any callable may be
    connected: `token(str)` for each piece, then exactly one of
    `finished(object)` with the generator's return value (None if it returns
    nothing; also after a cancel) or `failed(object)` with the exception (a
    `KatibError` knows its message in every language); `done()` follows either.
    """

    token = Signal(str)
    finished = Signal(object)
    failed = Signal(object)
    done = Signal()
    _piece = Signal(str)
    _result = Signal(object)
    _error = Signal(object)

    def __init__(self, func: StreamFunc) -> None:
        super().__init__()
        self.func = func
        self.cancel_token = CancelToken()
        self.over = False
        self._piece.connect(self._on_piece)
        self._result.connect(self._on_result)
        self._error.connect(self._on_error)

    @property
    def cancelled(self) -> bool:
        return self.cancel_token.cancelled

    def cancel(self) -> None:
        """Ask the request to stop; safe from any thread, and after it ended."""
        self.cancel_token.cancel()

    def run(self, engine: Engine | None, load_error: BaseException | None) -> None:
        """Runs on the lane thread."""
        try:
            if self.cancelled:
                self._result.emit(None)
                return
            if engine is None:
                raise load_error or ModelError("model.not_found", path="?")
            pieces = self.func(engine, self.cancel_token)
            while True:
                try:
                    piece = next(pieces)
                except StopIteration as stop:
                    self._result.emit(stop.value)
                    break
                if piece:
                    self._piece.emit(piece)
        except KatibError as exc:
            self._error.emit(exc)
        except Exception as exc:  # a bug or a llama.cpp failure: shown, never fatal
            log.exception("model lane request failed")
            self._error.emit(EngineError(detail=str(exc) or type(exc).__name__))

    @Slot(str)
    def _on_piece(self, piece: str) -> None:
        self.token.emit(piece)

    @Slot(object)
    def _on_result(self, value: object) -> None:
        self.over = True
        self.finished.emit(value)
        self.done.emit()

    @Slot(object)
    def _on_error(self, error: object) -> None:
        self.over = True
        self.failed.emit(error)
        self.done.emit()


class _LaneWorker(QObject):
    """Lives on the lane thread and owns the engine."""

    state_changed = Signal(str, object)  # ("loading"|"ready"|"failed"|"closed", info or error)

    def __init__(self) -> None:
        super().__init__()
        self.engine: Engine | None = None
        self.load_error: BaseException | None = None

    @Slot(object)
    def load(self, loader: Callable[[], Engine]) -> None:
        self.close()
        self.state_changed.emit("loading", None)
        try:
            self.engine = loader()
            self.load_error = None
            self.state_changed.emit("ready", self.engine.info)
        except KatibError as exc:
            self.load_error = exc
            self.state_changed.emit("failed", exc)
        except Exception as exc:
            log.exception("model failed to load")
            self.load_error = ModelError("model.load_failed", path="", detail=str(exc))
            self.state_changed.emit("failed", self.load_error)

    @Slot(object)
    def run(self, job: StreamJob) -> None:
        job.run(self.engine, self.load_error)

    @Slot()
    def close_and_quit(self) -> None:
        """Last request on the lane: free the model, then end the thread's loop."""
        try:
            self.close()
        finally:
            self.thread().quit()

    @Slot()
    def close(self) -> None:
        if self.engine is not None:
            try:
                self.engine.close()
            finally:
                self.engine = None
                self.state_changed.emit("closed", None)


class ModelLane(QObject):
    """The single thread the model lives on.

    `load(loader)` (re)loads the engine there; `stream(func)` queues a request
    and returns its `StreamJob`; `call(func, on_success, on_failure)` runs a
    one-shot function of the engine. Requests asked while the model loads wait
    for it. `state` is "idle", "loading", "ready", "failed" or "closed".
    """

    state_changed = Signal(str, object)
    _load_request = Signal(object)
    _run_request = Signal(object)
    _close_request = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = "idle"
        self.info = None
        self.error: BaseException | None = None
        self._jobs: set[StreamJob] = set()
        self._thread = QThread()
        self._thread.setObjectName("katib-model-lane")
        self._worker = _LaneWorker()  # no parent: it is moved to the lane thread
        self._worker.moveToThread(self._thread)
        self._load_request.connect(self._worker.load)
        self._run_request.connect(self._worker.run)
        self._close_request.connect(self._worker.close_and_quit)
        self._worker.state_changed.connect(self._on_worker_state_changed)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start()

    @property
    def busy(self) -> bool:
        return any(not job.over for job in self._jobs)

    def load(self, loader: Callable[[], Engine]) -> None:
        """Load (or swap to) the engine `loader()` returns, on the lane thread."""
        self.state = "loading"
        self._load_request.emit(loader)

    def stream(self, func: StreamFunc) -> StreamJob:
        """Queue `func(engine, cancel)`, a generator of text pieces; connect to the job."""
        job = StreamJob(func)
        self._jobs.add(job)
        job.done.connect(lambda: self._jobs.discard(job))
        self._run_request.emit(job)
        return job

    def call(
        self,
        func: CallFunc,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> StreamJob:
        """Run `func(engine)` on the lane; its result goes to `on_success` on the GUI thread."""

        def as_stream(engine: Engine, cancel: CancelToken):
            return func(engine)
            yield  # noqa: unreachable; makes this a generator

        job = self.stream(as_stream)
        if on_success:
            job.finished.connect(on_success)
        if on_failure:
            job.failed.connect(on_failure)
        return job

    def cancel_all(self) -> None:
        for job in list(self._jobs):
            job.cancel()

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Cancel every request, close the engine, stop the thread. True if it stopped."""
        if not self._thread.isRunning():
            return True
        self.cancel_all()
        # Queued behind any running request (cancelled above): close, then quit.
        self._close_request.emit()
        stopped = self._thread.wait(timeout_ms)
        if not stopped:
            self._thread.quit()
            stopped = self._thread.wait(1000)
        self.state = "closed"
        return bool(stopped)

    @Slot(str, object)
    def _on_worker_state_changed(self, state: str, payload: object) -> None:
        self.state = state
        if state == "ready":
            self.info, self.error = payload, None
        elif state == "failed":
            self.error = payload  # type: ignore[assignment]
        self.state_changed.emit(state, payload)


class _TaskSignals(QObject):
    """Lives on the GUI thread; relays a pool thread's result there."""

    succeeded = Signal(object)
    failed = Signal(object)
    _result = Signal(object)
    _error = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._result.connect(self._on_result)
        self._error.connect(self._on_error)

    @Slot(object)
    def _on_result(self, value: object) -> None:
        _pending.discard(self)
        self.succeeded.emit(value)

    @Slot(object)
    def _on_error(self, error: object) -> None:
        _pending.discard(self)
        self.failed.emit(error)


class _Task(QRunnable):
    def __init__(self, func: Callable[[], Any], signals: _TaskSignals) -> None:
        super().__init__()
        self.func = func
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.func()
        except Exception as exc:
            if not isinstance(exc, KatibError):
                log.exception("background task failed")
            self.signals._error.emit(exc)
        else:
            self.signals._result.emit(result)


# Signal holders are kept alive until their result has been delivered.
_pending: set[_TaskSignals] = set()


def run_in_background(
    func: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
) -> _TaskSignals:
    """Run `func()` on Qt's thread pool; deliver its result or error on the GUI thread.

    For work that does not touch the model: reading files, importing a model,
    exporting a .docx, hashing. Reads like Picard's `run_task(func, next_func)`.
    """
    signals = _TaskSignals()  # created here, on the GUI thread: slots run here too
    _pending.add(signals)
    if on_success:
        signals.succeeded.connect(on_success)
    if on_failure:
        signals.failed.connect(on_failure)
    QThreadPool.globalInstance().start(_Task(func, signals))
    return signals


def wait_for_background(timeout_ms: int = 10000) -> bool:
    """Wait for background tasks (used on quit)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def error_text(error: BaseException, lang: str) -> str:
    """A plain sentence for the user, in their language, for any error from below."""
    if isinstance(error, KatibError):
        return error.localized(lang)
    if isinstance(error, OSError):
        from katib.core.messages import message

        return message("storage.failed", lang, detail=error.strerror or str(error))
    from katib.core.messages import message

    return message("error.generic", lang, detail=str(error) or type(error).__name__)
