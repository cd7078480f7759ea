"""The machine-wide network policy: which office servers Katib may reach, set by an administrator.

The user's settings file is the user's own: anything listed there could have
been typed by anyone who uses the computer. The servers Katib may send text
to are therefore decided by a policy file that only an administrator can
write:

- Linux: /etc/katib/policy.toml
- Windows: %ProgramData%\\Katib\\policy.toml
- macOS: /Library/Application Support/Katib/policy.toml
- `KATIB_POLICY=/path/policy.toml` names another file (tests, unusual
  deployments); the same ownership rule applies to it.

    # /etc/katib/policy.toml (owner root, mode 0644)
    [network]
    allowed_servers = ["https://llm.interieur.gov.ma:8443"]
    users_may_add_servers = false   # the default

What is allowed (`effective_servers`):
- the policy's `allowed_servers`;
- the user's own `allowed_servers` only when the policy says
  `users_may_add_servers = true`;
- whatever the policy says, a user's server on this computer's loopback
  (127.0.0.0/8, ::1, localhost): text sent there never leaves the machine;
- no policy file: no server at all beyond loopback.

On Linux and macOS the file counts only if it belongs to root and nobody
else may write to it; otherwise it is ignored (as if absent, so nothing is
allowed) and the log says why. On Windows the folder's access rights are the
installer's job (an administrators-only ACL on %ProgramData%\\Katib).
"""

from __future__ import annotations

import logging
import os
import stat
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from katib.core.privacy.guard import is_loopback, parse_allowed

log = logging.getLogger("katib.privacy")

ENV_VAR = "KATIB_POLICY"


def policy_path() -> Path:
    """Where the administrator's policy file is on this system (or `$KATIB_POLICY`)."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override)
    if sys.platform == "win32":
        root = os.environ.get("ProgramData") or r"C:\ProgramData"
        return Path(root) / "Katib" / "policy.toml"
    if sys.platform == "darwin":
        return Path("/Library/Application Support/Katib/policy.toml")
    return Path("/etc/katib/policy.toml")


@dataclass(frozen=True)
class Policy:
    """What the administrator allowed. `source` is the file read (None: no usable file);
    `problem` says why a file that exists was not used."""

    allowed_servers: tuple[str, ...] = ()
    users_may_add_servers: bool = False
    source: Path | None = None
    problem: str = ""
    extra: dict = field(default_factory=dict)


def _untrusted(path: Path) -> str:
    """Why a POSIX policy file cannot be trusted ("" when it can)."""
    if sys.platform == "win32":
        return ""
    info = path.stat()
    if info.st_uid != 0:
        return f"{path} does not belong to root (owner uid {info.st_uid})"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return f"{path} may be written by other users (mode {oct(info.st_mode & 0o777)})"
    return ""


def load_policy(path: Path | None = None) -> Policy:
    """The policy in force. A missing, unreadable, untrusted or malformed file gives the
    strict default (no server but loopback): a broken policy never opens the network."""
    path = path or policy_path()
    try:
        if not path.is_file():
            return Policy()
        problem = _untrusted(path)
        if problem:
            log.warning("network policy ignored: %s", problem)
            return Policy(problem=problem)
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        log.warning("network policy ignored: %s: %s", path, exc)
        return Policy(problem=f"{path}: {exc}")
    network = data.get("network") if isinstance(data.get("network"), dict) else {}
    servers = network.get("allowed_servers", [])
    servers = [str(s).strip() for s in servers if str(s).strip()] \
        if isinstance(servers, list) else []
    valid = []
    for entry in servers:
        try:
            parse_allowed(entry)
            valid.append(entry)
        except Exception:  # noqa: BLE001 - one bad entry must not hide the good ones
            log.warning("network policy: '%s' is not a server address; ignored", entry)
    return Policy(tuple(valid), network.get("users_may_add_servers") is True, path,
                  extra={k: v for k, v in data.items() if k != "network"})


def _on_loopback(entry: str) -> bool:
    try:
        return is_loopback(parse_allowed(entry).host)
    except Exception:  # noqa: BLE001 - not an address at all
        return False


def effective_servers(user_servers, policy: Policy | None = None) -> list[str]:
    """The office servers this process may reach: the policy's, plus the user's own
    when the policy lets users add servers, plus the user's loopback servers."""
    policy = policy if policy is not None else load_policy()
    servers = list(policy.allowed_servers)
    for entry in user_servers or []:
        entry = str(entry).strip()
        if entry and (policy.users_may_add_servers or _on_loopback(entry)):
            servers.append(entry)
    return list(dict.fromkeys(servers))
