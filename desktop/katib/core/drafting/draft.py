"""The Draft: a frame, a body, and what the clerk must check before signing."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from katib.core.drafting.facts import Flag
from katib.core.drafting.frame import Block, Placeholder


@dataclass
class Draft:
    """One drafted document.

    blocks: the frame in order; the block of kind "body" marks where `body` goes.
    body: the body text (the opening sentence plus what the model wrote, cleaned).
    placeholders: required fields left empty, and the block showing their placeholder.
    flags: dates, numbers, amounts, references, names in `body` that no field
        gave; offsets index `body`.
    missing: names of required fields left empty (warnings for the user).
    """

    type_id: str
    lang: str
    fields: dict
    blocks: list[Block]
    body: str = ""
    placeholders: list[Placeholder] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    title: str = ""
    lead: str = ""
    tail: str = ""  # fixed closing lines of the body from the template (never the model's)
    generated: str = ""  # the model's raw text, before clean-up (for diagnosis)
    stats: dict = field(default_factory=dict)
    cancelled: bool = False

    def block(self, kind: str) -> Block | None:
        return next((b for b in self.blocks if b.kind == kind), None)

    def full_text(self) -> str:
        """The whole document as plain text, blocks separated by blank lines."""
        parts = []
        for block in self.blocks:
            text = self.body if block.kind == "body" else block.text
            if text.strip():
                parts.append(text.strip())
        return "\n\n".join(parts)

    def body_offset(self) -> int:
        """Where `body` starts inside `full_text()` (to place flags in the whole text)."""
        offset = 0
        for block in self.blocks:
            if block.kind == "body":
                return offset
            if block.text.strip():
                offset += len(block.text.strip()) + 2
        return offset

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Draft:
        data = dict(data)
        data["blocks"] = [Block(**b) for b in data.get("blocks", [])]
        data["placeholders"] = [Placeholder(**p) for p in data.get("placeholders", [])]
        data["flags"] = [Flag(**f) for f in data.get("flags", [])]
        return cls(**data)
