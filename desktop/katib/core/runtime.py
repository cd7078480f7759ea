"""Opening the engine the settings ask for: the active local model, or a configured server."""

from __future__ import annotations

from pathlib import Path

from katib.core.engine import Engine
from katib.core.errors import ModelError
from katib.core.model_store import ModelStore
from katib.core.paths import Paths
from katib.core.settings import Settings

# The `--server URL` of the command line, for every engine this process opens.
_server_override: str = ""


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


def use_server(url: str | None) -> None:
    """Make `open_engine` use the office server at `url` (the `--server` option)."""
    global _server_override
    _server_override = (url or "").strip()


def configured_server(settings: Settings) -> str:
    """The office server this process should use: `--server`, else the settings, else ""."""
    return _server_override or (settings.server_url or "").strip()


def open_engine(paths: Paths, settings: Settings, server_url: str | None = None) -> Engine:
    """The office server when one is configured, else the local model.

    A configured server that is refused, down or broken raises a ServerError:
    Katib never silently switches to another server, nor quietly to the local
    model (the user would not know where their text went or what answered).
    """
    url = (server_url or "").strip() or configured_server(settings)
    if url:
        return open_server_engine(paths, settings, url)
    return open_local_engine(paths, settings)


def open_server_engine(paths: Paths, settings: Settings, url: str | None = None) -> Engine:
    """The HTTP engine for `url` (default: the configured one), checked against the allow-list."""
    from katib.core.http_engine import HttpEngine
    from katib.core.secrets import get_api_key
    from katib.core.server_access import ServerConfig, check_allowed

    config = ServerConfig.from_settings(settings, url or configured_server(settings))
    address = check_allowed(config.url, config.allowed_servers)  # refused before any lookup
    return HttpEngine(config, api_key=get_api_key(paths, address.base_url))
