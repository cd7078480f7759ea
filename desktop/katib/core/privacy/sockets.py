"""A second look, from the operating system's side: does this process hold a socket to
an address outside loopback and the allow-list?

The guard (guard.py) stops connections made through Python's `socket` module
before they happen. Native code that calls the C library's connect() itself
(a C extension, ctypes) is not seen by Python's audit hooks. Such a
connection cannot be stopped from inside Python without fragile tricks
(an LD_PRELOAD shim, seccomp filters), so Katib does two sound things:

- `make test-offline` runs the end-to-end journeys under strace inside a
  network namespace with no network: the kernel's own record of every
  connect(), native or not, is the proof for the code Katib ships;
- at run time, `outside_connections()` asks the operating system (psutil:
  /proc on Linux, the system tables on Windows and macOS) which sockets this
  process holds, and `report_outside_connections` writes any socket to a
  non-allowed address to the log and the audit trail. Katib runs it when a
  command ends (atexit). It detects after the fact; it does not prevent.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass

from katib.core.privacy.guard import is_allowed

log = logging.getLogger("katib.privacy")


@dataclass(frozen=True)
class Connection:
    """One socket of this process with a remote address outside what is allowed."""

    kind: str  # "tcp" | "udp"
    local: str
    remote_host: str
    remote_port: int
    status: str


def outside_connections(pid: int | None = None) -> list[Connection]:
    """Internet sockets of this process (or `pid`) whose remote address the guard
    would refuse. Listening sockets and sockets with no remote end are not listed."""
    import psutil

    try:
        found = psutil.Process(pid).net_connections(kind="inet")
    except (psutil.Error, OSError) as exc:  # no right to look: say so, do not guess
        log.warning("cannot list this process's sockets: %s", exc)
        return []
    out = []
    for conn in found:
        if not conn.raddr:
            continue
        host, port = conn.raddr.ip, conn.raddr.port
        if is_allowed(host, port):
            continue
        kind = "udp" if conn.type == socket.SOCK_DGRAM else "tcp"
        local = f"{conn.laddr.ip}:{conn.laddr.port}" if conn.laddr else ""
        out.append(Connection(kind, local, host, port, conn.status))
    return out


def report_outside_connections(on_found: Callable[[Connection], None] | None = None
                               ) -> list[Connection]:
    """Log (and pass to `on_found`) every socket to a non-allowed address; returns them."""
    found = outside_connections()
    for conn in found:
        log.warning("socket outside the allow-list found (native code?): %s %s -> %s:%s %s",
                    conn.kind, conn.local, conn.remote_host, conn.remote_port, conn.status)
        if on_found is not None:
            try:
                on_found(conn)
            except Exception:  # noqa: BLE001 - reporting must never crash the exit
                log.exception("reporting a socket failed")
    return found
