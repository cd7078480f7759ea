"""Small helpers shared by the subcommands."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

from katib.core.paths import Paths, user_paths
from katib.core.settings import Settings, load_settings


def context() -> tuple[Paths, Settings]:
    paths = user_paths().ensure()
    return paths, load_settings(paths.settings_file)


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def progress_bar(description: str, unit: str = "B") -> tuple[Callable[[int, int], None], Callable[[], None]]:
    """A tqdm bar on stderr driven by (done, total) callbacks; returns (update, close)."""
    from tqdm import tqdm

    bar = tqdm(desc=description, unit=unit, unit_scale=True, file=sys.stderr, leave=False,
               disable=None)
    state = {"done": 0}

    def update(done: int, total: int) -> None:
        if bar.total != total:
            bar.total = total
        bar.update(done - state["done"])
        state["done"] = done

    return update, bar.close
