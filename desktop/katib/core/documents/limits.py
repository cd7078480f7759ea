"""Limits every reader honours: file size, pages, unpacked size, and time.

The time limit is cooperative (readers call `Deadline.check()` between pages
and parts); `read_document(..., isolated=True)` adds a hard limit by reading
in a child process that is killed when it overruns.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from lxml import etree

from katib.core.documents.errors import ReadTimeout

MB = 1024 * 1024


@dataclass
class ReadLimits:
    """What a reader accepts before refusing with DocumentTooLarge / ReadTimeout."""

    max_bytes: int = 200 * MB          # size of the file on disk
    max_unpacked_bytes: int = 400 * MB  # sum of a zip's members (zip bombs)
    max_pages: int = 2000
    max_blocks: int = 200_000
    seconds: float = 120.0
    ocr_max_pages: int = 50


class Deadline:
    """Raises ReadTimeout once `seconds` have passed since it was made."""

    def __init__(self, seconds: float, path: str) -> None:
        self.seconds = seconds
        self.path = path
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise ReadTimeout(path=self.path, seconds=int(self.seconds))

    def left(self) -> float:
        return max(0.0, self.end - time.monotonic())


def safe_xml_parser() -> etree.XMLParser:
    """An lxml parser that never resolves entities, never loads a DTD, never opens a network
    connection, and refuses very deep or huge trees (billion laughs, XXE)."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, recover=False)


def parse_xml(data: bytes):
    """Parse untrusted XML with `safe_xml_parser`."""
    return etree.fromstring(data, parser=safe_xml_parser())


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} B"
