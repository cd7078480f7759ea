"""Katib's log: a small rotating file, private to the user, without document text.

Logs help an administrator see what failed; they must not become a copy of the
citizens' letters. So:
- the file (and each rotated file) is created with mode 0600 in user_paths().logs;
- a record that carries document text says so with `extra={"document_text": True}`
  (or through `log_document_text`), and is dropped unless settings.debug_logging;
- any other long message has its personal data masked (names after a title,
  CIN, phones, e-mails, IBAN/RIB, addresses) and is cut to MAX_MESSAGE
  characters: a safety net for a careless call that quotes a paragraph;
- an exception's message is not written, only where it happened and its type.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from pathlib import Path

from katib.core.paths import Paths, make_private_dir

LOG_NAME = "katib.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
MAX_MESSAGE = 200
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A RotatingFileHandler whose files are created readable by their owner only."""

    def _open(self):
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.fchmod(fd, 0o600)  # a file left by an older version may be wider
        except OSError:
            pass
        return os.fdopen(fd, self.mode, encoding=self.encoding, errors=self.errors)


class DocumentTextFilter(logging.Filter):
    """Drop records that carry document text unless debug logging is on; cut long messages."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__()
        self.debug = debug

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "document_text", False) and not self.debug:
            return False
        if not self.debug:
            text = record.getMessage()
            if len(text) > 60 and not getattr(record, "katib_masked", False):
                # A message that quotes a document: personal data masked, then cut short.
                from katib.core.privacy.anonymize import redact

                masked = redact(text, lang="en")
                if len(masked) > MAX_MESSAGE:
                    masked = (masked[:MAX_MESSAGE]
                              + f" […{len(masked) - MAX_MESSAGE} characters not logged]")
                record.msg, record.args, record.katib_masked = masked, None, True
            # An exception's message may quote a paragraph: keep where it happened
            # (files, lines, functions) and its type, not its text.
            if record.exc_info and record.exc_info[1] is not None:
                exc = record.exc_info[1]
                frames = "".join(traceback.format_list(traceback.extract_tb(exc.__traceback__)))
                record.exc_text = f"Traceback (message not logged):\n{frames}{type(exc).__name__}"
                record.exc_info = None
        return True


def setup_logging(paths: Paths, debug: bool = False, level: int = logging.INFO) -> Path:
    """Send the `katib` loggers to the private rotating file; returns its path.

    Calling it again (a second window, tests) replaces the previous handler.
    """
    folder = make_private_dir(paths.logs)
    path = folder / LOG_NAME
    logger = logging.getLogger("katib")
    for handler in list(logger.handlers):
        if isinstance(handler, PrivateRotatingFileHandler):
            logger.removeHandler(handler)
            handler.close()
    handler = PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                         encoding="utf-8", delay=False)
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(DocumentTextFilter(debug))
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if debug else level)
    return path


def log_document_text(logger: logging.Logger, label: str, text: str) -> None:
    """Log a piece of document text: written only when the user turned debug logging on."""
    logger.debug("%s: %s", label, text, extra={"document_text": True})
