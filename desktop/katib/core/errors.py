"""Typed errors that carry a message key, so every layer can tell the user in their language."""

from __future__ import annotations

from katib.core.messages import message


class KatibError(Exception):
    """Base of every error Katib shows to a user.

    `key` names a sentence in `katib.core.messages`; `params` fill it in.
    `str(error)` gives the English text, `error.localized(lang)` the user's.
    """

    key = "error.generic"

    def __init__(self, key: str | None = None, **params: object) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(self.localized("en"))

    def localized(self, lang: str) -> str:
        return message(self.key, lang, **self.params)


class ModelError(KatibError):
    key = "model.unreadable"


class EngineError(KatibError):
    key = "engine.failed"


class Cancelled(KatibError):
    key = "engine.cancelled"


class StorageError(KatibError):
    key = "storage.failed"


class DocumentError(KatibError):
    key = "document.damaged"


class TemplateError(KatibError):
    key = "template.invalid"
