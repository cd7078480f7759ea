"""PyInstaller runtime hook: give a windowed build real stdout/stderr.

A windowed executable on Windows (and an .app started from the Finder) runs
with `sys.stdout`/`sys.stderr` set to None and file descriptors 1 and 2
closed. llama-cpp-python's `suppress_stdout_stderr` (used when the model is
loaded with verbose=False) calls `os.dup(1)` and `os.dup(2)` and would fail
there, and any stray print would raise. Point both at the null device.
"""

import os
import sys


def _open_null_fds() -> None:
    for fd in (1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_WRONLY)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)


_open_null_fds()
if sys.stdout is None:
    sys.stdout = open(os.devnull, "w", encoding="utf-8")
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w", encoding="utf-8")
