"""The bundle's one entry point: the window or the command line.

- `katib-desktop` (a second executable on Windows, a symlink elsewhere) and
  `katib` with no arguments on a machine with a display open the window:
  that is what a double click or the applications menu does;
- `katib` with arguments is the command line: `katib --selftest`,
  `katib models list`, `katib --help`.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path


def has_display() -> bool:
    """False on a Linux console or SSH session, where a window cannot open."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or os.environ.get("QT_QPA_PLATFORM"))


def wants_window(argv: list[str]) -> bool:
    """Whether this start should open the window rather than run a command."""
    name = Path(argv[0]).stem.lower() if argv else ""
    # macOS may add a process serial number when the .app is opened from the Finder.
    args = [arg for arg in argv[1:] if not arg.startswith("-psn_")]
    if name.endswith("-desktop"):
        return True
    return not args and has_display()


def main() -> int:
    if wants_window(sys.argv):
        from katib.ui.app import main as window_main

        return int(window_main() or 0)
    from katib.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    # A frozen program that (through a library) starts a process must call this first.
    multiprocessing.freeze_support()
    sys.exit(main())
