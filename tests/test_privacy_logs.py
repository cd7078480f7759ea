"""Katib's log is private to the user and holds no document text unless debug mode is on."""

from __future__ import annotations

import logging
import stat

import pytest

from katib.core.logs import (MAX_MESSAGE, PrivateRotatingFileHandler, log_document_text,
                             setup_logging)
from katib.core.paths import Paths

LETTER = "Madame Zineb Ammor, CIN AB123456, demeurant 12 rue Ibn Sina, Rabat. " * 20


def paths_in(tmp_path) -> Paths:
    return Paths(config=tmp_path / "config", data=tmp_path / "data", models=tmp_path / "models",
                 logs=tmp_path / "logs", cache=tmp_path / "cache")


@pytest.fixture
def katib_logger():
    logger = logging.getLogger("katib.test")
    yield logger
    root = logging.getLogger("katib")
    for handler in list(root.handlers):
        if isinstance(handler, PrivateRotatingFileHandler):
            root.removeHandler(handler)
            handler.close()


def flush():
    for handler in logging.getLogger("katib").handlers:
        handler.flush()


def test_log_file_and_its_rotations_are_private(tmp_path, katib_logger):
    path = setup_logging(paths_in(tmp_path))
    handler = next(h for h in logging.getLogger("katib").handlers
                   if isinstance(h, PrivateRotatingFileHandler))
    handler.maxBytes = 300  # rotate quickly
    for i in range(20):
        katib_logger.info("model loaded in %d ms", i)
    flush()
    files = sorted(path.parent.glob("katib.log*"))
    assert len(files) >= 2  # rotated
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_document_text_is_dropped_unless_debug(tmp_path, katib_logger):
    path = setup_logging(paths_in(tmp_path), debug=False)
    log_document_text(katib_logger, "draft body", LETTER)
    katib_logger.info("summary done: %s", LETTER)  # a careless call: cut short
    try:
        raise ValueError("unreadable paragraph: " + LETTER)
    except ValueError:
        katib_logger.exception("reading failed")
    flush()
    text = path.read_text(encoding="utf-8")
    assert "draft body" not in text
    assert "Zineb" not in text and "AB123456" not in text and "Ibn Sina" not in text
    assert "characters not logged" in text and "summary done: Madame [NAME-1]" in text
    assert "reading failed" in text and "ValueError" in text and "paragraph: Madame" not in text
    assert all(len(line) < MAX_MESSAGE + 200 for line in text.splitlines())

    debug = tmp_path / "debug"
    path = setup_logging(paths_in(debug), debug=True)
    log_document_text(katib_logger, "draft body", LETTER)
    flush()
    assert "draft body: Madame Zineb Ammor" in path.read_text(encoding="utf-8")
