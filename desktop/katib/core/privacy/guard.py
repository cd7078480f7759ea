"""The runtime network guard: Katib talks to loopback and to allowed office servers only.

Python's audit hooks (PEP 578) see every socket connect, send and name lookup
made through the `socket` module, whichever library makes it (urllib,
http.client, requests, httpx…). Once added, an audit hook cannot be removed:
the guard stays for the life of the process. Anything outside loopback and
the administrator's allow-list is refused *before* the system call, with a
`NetworkRefused` error, and every refusal is recorded (the log, the audit
trail of the store, any listener).

Usage, once at start (the CLI and the window do it through `protect_process`):

    from katib.core.privacy import install_network_guard, allow
    install_network_guard(settings.allowed_servers, on_refused=store_audit)
    allow("https://llm.office.gov.ma:8443")   # the HTTP engine, for a configured server

An allow-list entry is a URL ("https://host:port": that host and port; the
scheme's port when none is given), "host:port", or a bare host (any port).
Host names are compared as written and by the addresses they resolve to.

What it cannot see: native code that calls the C library's connect() itself
(ctypes, a C extension). `make test-offline` covers that by running Katib
under strace inside a network namespace with no network.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from katib.core.errors import KatibError
from katib.core.messages import register

register({
    "network.refused": {
        "en": "Katib refused a network connection to {target}: only this computer and the "
              "office servers allowed by the administrator can be reached.",
        "fr": "Katib a refusé une connexion réseau vers {target} : seuls cet ordinateur et les "
              "serveurs du bureau autorisés par l'administrateur sont joignables.",
        "ar": "رفض كاتب اتصالا شبكيا نحو {target}: لا يمكن الاتصال إلا بهذا الحاسوب وبخوادم "
              "المكتب التي أذن بها المسؤول.",
    },
    "network.not_in_policy": {
        "en": "{entry} is not among the office servers allowed by the administrator's policy; "
              "Katib will not connect to it.",
        "fr": "{entry} ne fait pas partie des serveurs du bureau autorisés par la politique de "
              "l'administrateur ; Katib ne s'y connectera pas.",
        "ar": "{entry} ليس ضمن خوادم المكتب التي تسمح بها سياسة المسؤول؛ لن يتصل به كاتب.",
    },
    "network.bad_allow_entry": {
        "en": "'{entry}' is not a server address (expected https://host:port).",
        "fr": "« {entry} » n'est pas une adresse de serveur (attendu : https://hôte:port).",
        "ar": "'{entry}' ليس عنوان خادم (الصيغة المنتظرة: https://host:port).",
    },
})

log = logging.getLogger("katib.privacy")

_LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost",
                          "ip6-loopback", ""})
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Socket families that never leave the machine.
_LOCAL_FAMILIES = {getattr(socket, name) for name in ("AF_UNIX", "AF_NETLINK")
                   if hasattr(socket, name)}
# Families that bypass IP routing altogether (raw frames): never needed by Katib.
_RAW_FAMILIES = {getattr(socket, name) for name in ("AF_PACKET",) if hasattr(socket, name)}


class NetworkRefused(KatibError, ConnectionRefusedError):
    """A connection the guard refused. Also a ConnectionRefusedError, so libraries
    that handle network errors treat it as one instead of crashing."""

    key = "network.refused"


@dataclass(frozen=True)
class Refusal:
    """One refused attempt: what was tried (the audit event), where, and when."""

    event: str
    host: str
    port: int | None
    when: float

    @property
    def target(self) -> str:
        return f"{self.host}:{self.port}" if self.port is not None else self.host

    def as_dict(self) -> dict:
        return {"event": self.event, "host": self.host, "port": self.port, "when": self.when}


@dataclass(frozen=True)
class _Allowed:
    host: str  # lower-case name or IP literal
    port: int | None  # None: any port


class _State:
    """Everything the hook reads. Only `allow` and `add_refusal_listener` change it."""

    def __init__(self) -> None:
        self.installed = False
        self.lock = threading.RLock()
        self.allowed: set[_Allowed] = set()
        # The administrator's policy, once set: `allow` cannot go beyond it.
        self.ceiling: frozenset[_Allowed] | None = None
        self.resolved: dict[str, tuple[float, frozenset[str]]] = {}
        self.listeners: list[Callable[[Refusal], None]] = []
        self.refusals: deque[Refusal] = deque(maxlen=200)
        self.busy = threading.local()  # re-entrance: resolving or reporting inside the hook


_STATE = _State()
_RESOLVE_TTL = 300.0


def parse_allowed(entry: str) -> _Allowed:
    """Turn an allow-list entry (URL, host:port or host) into a host and an optional port."""
    text = str(entry).strip()
    if not text:
        raise KatibError("network.bad_allow_entry", entry=entry)
    try:
        if "://" in text:
            parts = urlsplit(text)
            host = parts.hostname or ""
            port = parts.port or _DEFAULT_PORTS.get(parts.scheme.lower())
        elif text.startswith("[") or text.count(":") == 1:
            parts = urlsplit("//" + text)
            host, port = parts.hostname or "", parts.port
        else:  # a bare host name or a bare IPv6 address
            host, port = text, None
    except ValueError:
        raise KatibError("network.bad_allow_entry", entry=entry) from None
    if not host or any(c.isspace() for c in host):
        raise KatibError("network.bad_allow_entry", entry=entry)
    return _Allowed(host.lower().strip("[]"), port)


def _text(host) -> str:
    if isinstance(host, (bytes, bytearray)):
        host = bytes(host).decode("ascii", errors="replace")
    return str(host).strip("[]").split("%")[0].lower()


def is_loopback(host) -> bool:
    """True for loopback names and addresses (127.0.0.0/8, ::1, ::ffff:127.x)."""
    if host is None:
        return True
    name = _text(host)
    if name in _LOCAL_NAMES:
        return True
    try:
        ip = ipaddress.ip_address(name)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def _resolve(host: str) -> frozenset[str]:
    """Addresses an allowed host name resolves to (cached; the lookup itself is allowed)."""
    now = time.monotonic()
    cached = _STATE.resolved.get(host)
    if cached and now - cached[0] < _RESOLVE_TTL:
        return cached[1]
    try:
        found = frozenset(_text(info[4][0]) for info in socket.getaddrinfo(host, None))
    except OSError:
        found = frozenset()
    _STATE.resolved[host] = (now, found)
    return found


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return False


def is_allowed(host, port: int | None = None) -> bool:
    """Would the guard let a connection to (host, port) through?"""
    if is_loopback(host):
        return True
    name = _text(host)
    with _STATE.lock:
        entries = [e for e in _STATE.allowed if e.port is None or port is None or e.port == port]
    if any(e.host == name for e in entries):
        return True
    if not _is_ip(name):
        return False
    # An IP address: allowed if an allowed host *name* resolves to it.
    for entry in entries:
        if not _is_ip(entry.host) and name in _resolve(entry.host):
            return True
    return False


def _refuse(event: str, host, port) -> None:
    refusal = Refusal(event, _text(host), port if isinstance(port, int) else None, time.time())
    with _STATE.lock:
        _STATE.refusals.append(refusal)
        listeners = list(_STATE.listeners)
    log.warning("network connection refused: %s to %s", event, refusal.target)
    for listener in listeners:
        try:
            listener(refusal)
        except Exception:  # a broken listener must never let the connection through
            log.exception("refusal listener failed")
    raise NetworkRefused(target=refusal.target)


def _split_address(address) -> tuple[object, int | None] | None:
    """(host, port) of an AF_INET/AF_INET6 address tuple; None for anything local."""
    if isinstance(address, tuple) and address:
        port = address[1] if len(address) > 1 and isinstance(address[1], int) else None
        return address[0], port
    return None  # AF_UNIX paths, abstract sockets, netlink pids


def _hook(event: str, args) -> None:
    if not event.startswith("socket."):
        return
    if getattr(_STATE.busy, "active", False):
        return  # our own lookup of an allowed name, or a listener writing the audit trail
    _STATE.busy.active = True
    try:
        _check(event, args)
    finally:
        _STATE.busy.active = False


def _check(event: str, args) -> None:
    if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        sock, address = args[0], args[1]
        if getattr(sock, "family", None) in _LOCAL_FAMILIES:
            return
        split = _split_address(address)
        if split and not is_allowed(*split):
            _refuse(event, *split)
    elif event == "socket.getaddrinfo":
        host, port = args[0], args[1]
        port = port if isinstance(port, int) else None
        if not is_allowed(host, port):
            _refuse(event, host, port)
    elif event in ("socket.gethostbyname", "socket.gethostbyname_ex", "socket.gethostbyaddr"):
        if not is_allowed(args[0]):
            _refuse(event, args[0], None)
    elif event == "socket.getnameinfo":
        split = _split_address(args[0])
        if split and not is_allowed(split[0]):
            _refuse(event, split[0], None)
    elif event == "socket.__new__":
        family, kind = args[1], args[2]
        if family in _RAW_FAMILIES or kind == getattr(socket, "SOCK_RAW", -1):
            _refuse(event, f"raw socket (family {family})", None)


def _guard_names_before_lookup() -> None:
    """`sock.connect(("name", port))` resolves the name in C *before* the audit event,
    so the name would reach a DNS server. Check names in the Python socket class first."""

    def checked(method_name: str, event: str):
        original = getattr(socket.socket, method_name)

        def method(self, *args):
            address = args[-1] if args else None
            split = _split_address(address)
            if split and self.family not in _LOCAL_FAMILIES and not _is_ip(_text(split[0])) \
                    and not is_allowed(*split):
                _refuse(event, *split)
            return original(self, *args)

        method.__name__ = method_name
        method.__doc__ = original.__doc__
        method.__wrapped__ = original
        setattr(socket.socket, method_name, method)

    for name, event in (("connect", "socket.connect"), ("connect_ex", "socket.connect"),
                        ("sendto", "socket.sendto")):
        checked(name, event)


def install_network_guard(allowed: Iterable[str] = (),
                          on_refused: Callable[[Refusal], None] | None = None,
                          ceiling: Iterable[str] | None = None) -> None:
    """Install the guard for this process (once; later calls only add entries and listeners).

    `allowed`: office servers this process may reach (see policy.effective_servers).
    `on_refused(refusal)`: called for each refused attempt, e.g. to write the audit trail.
    `ceiling`: the most `allow` may ever let through (the administrator's policy); the
    first ceiling set stays for the life of the process and can only be narrowed.
    There is no way to uninstall it: that is the point.
    """
    if ceiling is not None:
        limit_to(ceiling)
    for entry in allowed:
        allow(entry)
    if on_refused is not None:
        add_refusal_listener(on_refused)
    with _STATE.lock:
        if _STATE.installed:
            return
        _STATE.installed = True
    sys.addaudithook(_hook)
    _guard_names_before_lookup()


def allow(url: str) -> None:
    """Let connections to one office server through (a URL, host:port or host).

    The HTTP engine calls this for the server the administrator configured,
    before its first request. Invalid entries raise a KatibError.
    """
    entry = parse_allowed(url)
    with _STATE.lock:
        if _STATE.ceiling is not None and not is_loopback(entry.host) and not any(
                c.host == entry.host and (c.port is None or c.port == entry.port)
                for c in _STATE.ceiling):
            log.warning("allow-list entry outside the policy refused: %s", url)
            raise NetworkRefused("network.not_in_policy", entry=url)
        _STATE.allowed.add(entry)
        _STATE.resolved.pop(entry.host, None)


def limit_to(entries: Iterable[str]) -> None:
    """Cap what `allow` may ever add to `entries` (the administrator's policy).

    Set once, it can only be narrowed: a later, wider list does not widen it,
    and entries already allowed outside it are withdrawn.
    """
    wanted = frozenset(parse_allowed(e) for e in entries)
    with _STATE.lock:
        _STATE.ceiling = wanted if _STATE.ceiling is None else _STATE.ceiling & wanted
        _STATE.allowed = {a for a in _STATE.allowed if is_loopback(a.host) or any(
            c.host == a.host and (c.port is None or c.port == a.port) for c in _STATE.ceiling)}


def add_refusal_listener(callback: Callable[[Refusal], None]) -> None:
    """Call `callback(refusal)` for every refused attempt from now on (the store's audit trail)."""
    with _STATE.lock:
        if callback not in _STATE.listeners:
            _STATE.listeners.append(callback)


def refused_attempts() -> list[Refusal]:
    """The most recent refusals of this process (up to 200), oldest first."""
    with _STATE.lock:
        return list(_STATE.refusals)


def guard_installed() -> bool:
    return _STATE.installed


def allowed_entries() -> list[str]:
    """The allow-list as "host:port" / "host" strings (for the settings screen and tests)."""
    with _STATE.lock:
        return sorted(f"{e.host}:{e.port}" if e.port is not None else e.host
                      for e in _STATE.allowed)
