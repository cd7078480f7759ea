"""The one shape every reader produces: a Document made of numbered Blocks.

A block is the unit a summary cites: `[n]` in a note is `Document.block(n)`,
which knows its page (PDF pages; for Word, the page breaks Word last rendered)
and its paragraph number, so a reader can check the point in the original.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

KINDS = ("paragraph", "heading", "table_row", "list_item")


@dataclass
class Block:
    """One paragraph, heading, table row or list item.

    n: global index in the document, from 1 (what `[n]` cites).
    page: 1-based page number, or None when the format has no pages.
    paragraph: 1-based paragraph number (on the page for PDFs, in the
        document otherwise).
    part: "body", "header", "footer", "note" or "attachment".
    """

    n: int
    kind: str
    text: str
    page: int | None = None
    paragraph: int = 0
    part: str = "body"
    level: int = 0  # heading level or list depth

    def locator(self, lang: str = "fr") -> str:
        """A short human reference: "p. 3, § 2" / "ص 3، الفقرة 2" / "p. 3, para. 2"."""
        if lang == "ar":
            head = f"ص {self.page}، " if self.page else ""
            return f"{head}الفقرة {self.paragraph}"
        para = "§" if lang == "fr" else "para."
        head = f"p. {self.page}, " if self.page else ""
        return f"{head}{para} {self.paragraph}"


@dataclass
class Document:
    """The text of one file, in reading order, with where each piece came from."""

    path: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    language: str = "und"
    pages: int | None = None
    title: str = ""
    ocr: bool = False  # the text came from optical character recognition
    warnings: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return Path(self.path).name

    def block(self, n: int) -> Block | None:
        """The block cited as [n], or None when no such block exists."""
        if 1 <= n <= len(self.blocks) and self.blocks[n - 1].n == n:
            return self.blocks[n - 1]
        return next((b for b in self.blocks if b.n == n), None)

    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)

    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["name"] = self.name
        return data


class BlockBuilder:
    """Numbers blocks as a reader emits them; drops empty ones."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._paragraph_on_page: dict[int | None, int] = {}

    def add(self, kind: str, text: str, page: int | None = None, part: str = "body",
            level: int = 0) -> Block | None:
        text = " ".join(text.split()) if kind != "table_row" else " | ".join(
            " ".join(cell.split()) for cell in text.split(" | "))
        if not text.strip(" |"):
            return None
        number = self._paragraph_on_page.get(page, 0) + 1
        self._paragraph_on_page[page] = number
        block = Block(n=len(self.blocks) + 1, kind=kind, text=text, page=page,
                      paragraph=number, part=part, level=level)
        self.blocks.append(block)
        return block
