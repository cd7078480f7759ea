"""The writer lane: one thread that owns the write connection and runs writes in order.

The window hands a write to the lane and goes on (`submit` returns a Future);
the command line and tests may wait for it (`call`). Writes are run one at a
time, in the order they were submitted, each in its own short transaction, so
an autosave queued after a paragraph is always the newer text on disk.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import sqlite_utils

from katib.core.store_errors import StoreClosed, translate

_STOP = object()


class WriterLane:
    """A single worker thread running `job(db)` callables against its own connection."""

    def __init__(self, open_db: Callable[[], sqlite_utils.Database], path: Path,
                 name: str = "katib-store-writer") -> None:
        self._path = path
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._closed = False
        self._lock = threading.Lock()
        ready: Future = Future()
        self._thread = threading.Thread(target=self._run, args=(open_db, ready), name=name,
                                        daemon=True)
        self._thread.start()
        ready.result()  # re-raises a failure to open, as a StorageError

    def _run(self, open_db, ready: Future) -> None:
        try:
            db = open_db()
        except BaseException as exc:  # noqa: BLE001 - handed to the opener
            ready.set_exception(translate(exc, self._path))
            return
        ready.set_result(None)
        try:
            while True:
                item = self._jobs.get()
                if item is _STOP:
                    break
                job, future = item
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    future.set_result(job(db))
                except BaseException as exc:  # noqa: BLE001 - every failure goes to the caller
                    future.set_exception(translate(exc, self._path))
        finally:
            try:
                db.conn.execute("PRAGMA optimize")
            except Exception:  # noqa: BLE001 - closing must not fail on a full disk
                pass
            db.conn.close()

    def in_lane(self) -> bool:
        return threading.current_thread() is self._thread

    def submit(self, job: Callable[[sqlite_utils.Database], Any]) -> Future:
        """Queue `job`; never blocks. The Future holds its result or a StorageError."""
        future: Future = Future()
        with self._lock:
            if self._closed:
                future.set_exception(StoreClosed())
                return future
            self._jobs.put((job, future))
        return future

    def call(self, job: Callable[[sqlite_utils.Database], Any], timeout: float | None = None):
        """Run `job` on the lane and wait for its result (raises its StorageError)."""
        if self.in_lane():
            raise RuntimeError("a lane job cannot wait for another lane job")
        return self.submit(job).result(timeout)

    def close(self, timeout: float | None = 30.0) -> None:
        """Run what is queued, then stop the thread and close the connection."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._jobs.put(_STOP)
        if not self.in_lane():
            self._thread.join(timeout)
