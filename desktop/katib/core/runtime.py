"""Opening the engine the settings ask for: the active local model, or a configured server."""

from __future__ import annotations

from pathlib import Path

from katib.core.engine import Engine
from katib.core.errors import ModelError
from katib.core.model_store import ModelStore
from katib.core.paths import Paths
from katib.core.settings import Settings


def active_model_path(paths: Paths, settings: Settings) -> Path:
    """The model file to load: the chosen one if it is still there, else the default."""
    store = ModelStore(paths)
    if settings.active_model:
        candidate = store.folder / settings.active_model
        if candidate.is_file():
            return candidate
    return store.default_model_path()


def open_local_engine(paths: Paths, settings: Settings) -> Engine:
    """Load the active model; if it cannot be loaded, fall back to the default one.

    A bad imported model must never keep Katib from starting.
    """
    from katib.core.local_engine import LocalEngine
    from katib.core.models import inspect_gguf, plan_load

    path = active_model_path(paths, settings)
    try:
        meta = inspect_gguf(path)
        plan = plan_load(meta, threads=settings.threads, max_context=settings.max_context)
        return LocalEngine(path, plan)
    except ModelError:
        default = ModelStore(paths).default_model_path()
        if path == default:
            raise
        return LocalEngine(default)
