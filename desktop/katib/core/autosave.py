"""Autosave of the text being edited: never more than `delay` seconds of typing at risk.

The window calls `text_changed(text)` on every keystroke and
`paragraph_generated(text)` each time the model finishes a paragraph. Neither
touches the disk: they note the text and, when needed, start a timer; the
write itself goes through the store's writer lane. So the window never waits
for the disk, and a process killed at any moment loses at most the last
`delay` seconds of typing.

Timing: a change is written at the latest `delay` seconds after it was made
(the timer starts at the first unsaved change and fires a little before the
deadline to leave the write its time). While the user types without pause
this means one small write about every 1.5 s; when they stop, the last
change is on disk within `delay` seconds.

When a write fails (disk full, folder read-only, database busy), the text
stays in memory (`.text`), `last_error` holds the StorageError (with its
fr/ar/en message) and `on_error` is called; the save is retried with growing
pauses until it succeeds. Callbacks run on a worker thread: a Qt window
should forward them to the GUI thread (a queued signal).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout

from katib.core.errors import StorageError
from katib.core.store_errors import StorageSlow

RETRY_DELAYS = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)
# Part of `delay` kept for the write itself (a few ms on a healthy disk).
WRITE_MARGIN = 0.25


class Autosaver:
    """Saves one draft's text in the background. Use one per open draft."""

    def __init__(self, store, draft_id: int, delay: float = 2.0,
                 on_error: Callable[[StorageError], None] | None = None,
                 on_saved: Callable[[int], None] | None = None) -> None:
        self.store = store
        self.draft_id = draft_id
        self.delay = delay
        self.on_error = on_error
        self.on_saved = on_saved
        self.last_error: StorageError | None = None
        self._interval = max(delay * 0.5, delay - WRITE_MARGIN)
        # Reentrant: a Future that fails at once runs its callback inside _submit.
        self._lock = threading.RLock()
        self._text: str | None = None
        self._source = "autosave"
        self._seal = False
        self._change = 0  # counts changes; compared with what is known to be saved
        self._saved = 0
        self._failures = 0
        self._timer: threading.Timer | None = None
        self._inflight: Future | None = None
        self._closed = False

    # -- what the window calls ---------------------------------------------------

    def text_changed(self, text: str) -> None:
        """The user changed the text: it will be saved within `delay` seconds. Never blocks."""
        with self._lock:
            self._note(text, "autosave", seal=False)
            if self._timer is None:
                self._arm(self._interval)

    def paragraph_generated(self, text: str) -> None:
        """The model finished a paragraph: `text` (the whole draft) is saved now, in the background."""
        self._now(text, seal=False)

    def generation_finished(self, text: str) -> None:
        """The model finished: save now and close this generated version."""
        self._now(text, seal=True)

    def flush(self, timeout: float | None = 30.0) -> None:
        """Save any pending text now and wait for it; raises StorageError if it cannot be saved.

        On failure the text stays in `.text` and the retries go on.
        """
        with self._lock:
            self._cancel_timer()
            if self._text is None or self._saved >= self._change:
                return
            target = self._change
            future = self._submit()
        try:
            future.result(timeout)
        except FutureTimeout:
            raise StorageSlow() from None  # still queued: it will be written later
        with self._lock:
            # The done-callback may not have run yet: record the success here too.
            self._saved = max(self._saved, target)

    def close(self, timeout: float | None = 30.0) -> None:
        """Flush, then stop. Raises StorageError (text still in `.text`) if the last save failed."""
        try:
            self.flush(timeout)
        finally:
            with self._lock:
                self._closed = True
                self._cancel_timer()

    @property
    def text(self) -> str | None:
        """The newest text given to the autosaver (saved or not)."""
        return self._text

    @property
    def dirty(self) -> bool:
        """True while some change is not yet known to be on disk."""
        with self._lock:
            return self._saved < self._change

    # -- inside ----------------------------------------------------------------------

    def _note(self, text: str, source: str, seal: bool) -> None:
        self._text = text
        self._source = source
        self._seal = seal
        self._change += 1

    def _now(self, text: str, seal: bool) -> None:
        with self._lock:
            self._note(text, "model", seal)
            self._cancel_timer()
            self._submit()

    def _arm(self, after: float) -> None:
        if self._closed:
            return
        self._timer = threading.Timer(after, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _fire(self) -> None:
        with self._lock:
            self._timer = None
            if self._saved < self._change:
                self._submit()

    def _submit(self) -> Future:
        """Queue the newest text on the writer lane (lock held)."""
        change, text, source, seal = self._change, self._text, self._source, self._seal
        future = self.store.autosave_async(self.draft_id, text, source, seal)
        self._inflight = future
        future.add_done_callback(lambda f: self._done(f, change))
        return future

    def _done(self, future: Future, change: int) -> None:
        error = future.exception()
        callback = None
        with self._lock:
            if error is None:
                self._saved = max(self._saved, change)
                self._failures = 0
                self.last_error = None
                if self._saved < self._change and self._timer is None:
                    self._arm(self._interval)  # typed during the write
                callback = (self.on_saved, future.result())
            else:
                if not isinstance(error, StorageError):
                    error = StorageError(detail=str(error))
                self.last_error = error
                pause = RETRY_DELAYS[min(self._failures, len(RETRY_DELAYS) - 1)]
                self._failures += 1
                self._cancel_timer()
                self._arm(pause)
                callback = (self.on_error, error)
        handler, value = callback
        if handler is not None:
            handler(value)
