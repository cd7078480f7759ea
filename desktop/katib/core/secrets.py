"""The office server's access key: in the system keyring when there is one, else a private file.

The keyring (Windows Credential Manager, macOS Keychain, Secret Service on a
Linux desktop) keeps the key out of plain files. A machine with no keyring
backend (a headless Linux, a minimal desktop) gets a file in the config folder
that only this account can read (mode 0600), and the caller is told so with
`key_storage_note`, so the user knows where the key sits.
$KATIB_SERVER_API_KEY, when set, wins over both (batch runs, service accounts).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from katib.core.errors import StorageError
from katib.core.messages import register
from katib.core.paths import Paths

SERVICE = "katib-office-server"
ENV_KEY = "KATIB_SERVER_API_KEY"
KEY_FILE = "server-keys.json"

register({
    "secrets.in_keyring": {
        "en": "The access key for {url} is kept in the system keyring ({backend}).",
        "fr": "La clé d'accès de {url} est conservée dans le trousseau du système ({backend}).",
        "ar": "مفتاح الوصول إلى {url} محفوظ في سلسلة مفاتيح النظام ({backend}).",
    },
    "secrets.in_file": {
        "en": "This computer has no system keyring: the access key for {url} is kept in {path}, "
              "readable only by your account.",
        "fr": "Cet ordinateur n'a pas de trousseau système : la clé d'accès de {url} est "
              "conservée dans {path}, lisible uniquement par votre compte.",
        "ar": "لا توجد سلسلة مفاتيح في هذا الحاسوب: مفتاح الوصول إلى {url} محفوظ في {path}، "
              "ولا يقرؤه إلا حسابك.",
    },
})


def _backend():
    """The keyring backend, or None when keyring has none that works here."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # a broken keyring install must not stop Katib
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return backend


def keyring_available() -> bool:
    return _backend() is not None


def _key_file(paths: Paths) -> Path:
    return paths.config / KEY_FILE


def _read_file(paths: Paths) -> dict:
    try:
        data = json.loads(_key_file(paths).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_file(paths: Paths, data: dict) -> None:
    path = _key_file(paths)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    # Created 0600 from the start: the key is never readable by others, even briefly.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError as exc:
        raise StorageError("storage.failed", detail=str(exc)) from exc


def get_api_key(paths: Paths, server_url: str) -> str:
    """The key for `server_url`, or "" when none is stored."""
    if os.environ.get(ENV_KEY):
        return os.environ[ENV_KEY]
    backend = _backend()
    if backend is not None:
        try:
            value = backend.get_password(SERVICE, server_url)
            if value:
                return value
        except Exception:  # a locked or failing keyring: try the file before giving up
            pass
    return str(_read_file(paths).get(server_url) or "")


def set_api_key(paths: Paths, server_url: str, key: str) -> str:
    """Store `key`; returns "keyring" or "file", where it went."""
    backend = _backend()
    if backend is not None:
        try:
            backend.set_password(SERVICE, server_url, key)
            data = _read_file(paths)
            if data.pop(server_url, None) is not None:  # no stale copy left in a file
                _write_file(paths, data)
            return "keyring"
        except Exception:
            pass
    data = _read_file(paths)
    data[server_url] = key
    _write_file(paths, data)
    return "file"


def delete_api_key(paths: Paths, server_url: str) -> None:
    """Forget the key wherever it is. Safe when there is none."""
    backend = _backend()
    if backend is not None:
        try:
            backend.delete_password(SERVICE, server_url)
        except Exception:
            pass
    data = _read_file(paths)
    if data.pop(server_url, None) is not None:
        _write_file(paths, data)


def key_storage_note(paths: Paths, server_url: str, where: str, lang: str) -> str:
    """One sentence telling the user where the key was kept."""
    from katib.core.messages import message

    if where == "keyring":
        backend = _backend()
        name = type(backend).__name__ if backend is not None else "keyring"
        return message("secrets.in_keyring", lang, url=server_url, backend=name)
    return message("secrets.in_file", lang, url=server_url, path=_key_file(paths))
