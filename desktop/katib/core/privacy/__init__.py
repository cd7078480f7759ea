"""Privacy: the offline guard and personal-data masking.

- `install_network_guard(allowed, on_refused)` / `allow(url)`: the runtime guard
  (see guard.py); `protect_process(paths, settings)` is what an entry point calls
  once at start: private file mode, the guard with the administrator's
  allow-list, refusals written to the log and the store's audit trail, and a
  look at the process's sockets when it ends (sockets.py: native code).
- `Masking`, `mask_text`, `redact`, `find_personal_data`: the "anonymize" action
  (see anonymize.py and detect.py); `redact_docx` for exported .docx files.
"""

from __future__ import annotations

import logging
import os

from katib.core.privacy.anonymize import LABELS, Masking, mask_text, redact
from katib.core.privacy.detect import KINDS, Finding, find_personal_data
from katib.core.privacy.policy import Policy, effective_servers, load_policy, policy_path
from katib.core.privacy.guard import (
    NetworkRefused,
    Refusal,
    add_refusal_listener,
    allow,
    allowed_entries,
    guard_installed,
    install_network_guard,
    is_allowed,
    is_loopback,
    refused_attempts,
)

__all__ = [
    "KINDS", "LABELS", "Finding", "Masking", "NetworkRefused", "Policy", "Refusal",
    "add_refusal_listener", "effective_servers", "load_policy", "policy_path",
    "allow", "allowed_entries", "find_personal_data", "guard_installed",
    "install_network_guard", "is_allowed", "is_loopback", "mask_text", "protect_process",
    "redact", "refused_attempts", "start_protection",
]

log = logging.getLogger("katib.privacy")


def protect_process(paths, settings) -> None:
    """Everything an entry point (the CLI, the window) does first, before any work.

    - files this process creates are readable by the user only (umask 077):
      the database, exports, logs, temporary files;
    - the network guard, with the office servers the administrator allowed: the
      machine-wide policy file (policy.py), not the user's own settings;
    - each refused connection is also written to the store's audit trail.
    """
    os.umask(0o077)
    servers = effective_servers(settings.allowed_servers, load_policy())
    # The ceiling: nothing later in this process (an HTTP engine, a plug-in) can allow more.
    install_network_guard(servers, on_refused=_AuditTrail(paths), ceiling=servers)
    _check_sockets_at_exit(paths)


_CHECKED_AT_EXIT: set = set()


def _check_sockets_at_exit(paths) -> None:
    """When the process ends, ask the system which sockets it holds (see sockets.py):
    native code the guard cannot see would show there, in the log and the audit trail."""
    if paths in _CHECKED_AT_EXIT:
        return
    _CHECKED_AT_EXIT.add(paths)
    import atexit

    def check() -> None:
        from katib.core.privacy.sockets import report_outside_connections

        try:
            report_outside_connections(_AuditTrail(paths).native_socket)
        except Exception as exc:  # noqa: BLE001 - the exit must stay quiet
            log.debug("socket check at exit failed: %s", exc)
    atexit.register(check)


def start_protection() -> None:
    """The first call of every entry point: `protect_process` with the user's settings,
    then the private log. Never fails: a missing or read-only folder only skips the log."""
    from katib.core.logs import setup_logging
    from katib.core.paths import user_paths
    from katib.core.settings import load_settings

    paths = user_paths()
    settings = load_settings(paths.settings_file)
    protect_process(paths, settings)
    try:
        setup_logging(paths, debug=settings.debug_logging)
    except OSError as exc:
        log.debug("log file unavailable: %s", exc)


class _AuditTrail:
    """Writes a refused connection to the store's audit trail (the log has it already)."""

    def __init__(self, paths) -> None:
        self.paths = paths

    def __call__(self, refusal: Refusal) -> None:
        from katib.core.store import Store

        # A short-lived connection: refusals are rare, and the process may have no store open.
        store = Store.open(self.paths, auto_backup=False, check_integrity=False)
        try:
            store.audit("network.refused", attempt=refusal.event, host=refusal.host,
                        port=refusal.port)
        finally:
            store.close()

    def native_socket(self, conn) -> None:
        """A socket the guard did not see (native code), found by the operating system."""
        from katib.core.store import Store

        store = Store.open(self.paths, auto_backup=False, check_integrity=False)
        try:
            store.audit("network.native_socket", protocol=conn.kind, host=conn.remote_host,
                        port=conn.remote_port, status=conn.status)
        finally:
            store.close()

    def __eq__(self, other) -> bool:  # one listener per folder, however often it is installed
        return isinstance(other, _AuditTrail) and other.paths == self.paths

    def __hash__(self) -> int:
        return hash(self.paths)
