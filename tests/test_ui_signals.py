"""Emitting a Qt signal from Python must not leak or drop references.

PySide6 6.12.0 returned a borrowed `True` from `SignalInstance.emit()`: every
emit dropped one reference to True, and after a few thousand streamed tokens
the interpreter aborted ("bool_dealloc"). pyproject keeps that version out;
this test says so if it ever comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    piece = Signal(str)
    done = Signal()
    value = Signal(object)


def test_emit_keeps_reference_counts(qapp):
    emitter = _Emitter()
    received = {"count": 0}

    def count(_value) -> None:  # keeps no reference to what it receives
        received["count"] += 1

    emitter.piece.connect(count)
    emitter.value.connect(count)
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for _ in range(500):
        emitter.piece.emit("token")
        emitter.done.emit()
        emitter.value.emit(None)
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert received["count"] == 1000
    # A little slack for unrelated interpreter activity; the bug loses 1,500 here.
    assert all(abs(a - b) < 50 for a, b in zip(after, before)), (before, after)
