"""Routing by size, counted with the model's own tokenizer.

One pass when the whole text fits about 70 % of the context (after the frame
and the answer are set aside); otherwise the sentences are cut into parts
along the document's structure (a heading or a new page is the preferred cut)
so that each part, once pre-selected, is summarized knowing its position.
Whatever the length, no request exceeds the context: the model only ever sees
pre-selected sentences within a fixed budget.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from katib.core.documents.model import Document
from katib.core.summarize.selection import Sentence

FIT_SHARE = 0.70
RESERVE = 300  # frame text and answer tokens, set aside from the budget
DETAIL = {
    # part size (tokens of source per part); in one pass, the key points besides
    # the objet; in parts, the opening sentences, the picks per part and the most
    # part picks kept; and the points of each extractive section.
    "short": {"part": 3000, "points": 2, "opening": 2, "per_part": 1, "part_points": 4,
              "other": 2},
    "standard": {"part": 4000, "points": 4, "opening": 3, "per_part": 1, "part_points": 6,
                 "other": 3},
    "detailed": {"part": 5000, "points": 7, "opening": 3, "per_part": 2, "part_points": 12,
                 "other": 5},
}


@dataclass
class Plan:
    route: str                     # "one_pass" or "parts"
    doc_tokens: int
    budget: int
    parts: list[list[Sentence]] = field(default_factory=list)


def plan(doc: Document, sentences: list[Sentence], count_tokens, context_size: int,
         detail: str) -> Plan:
    """Decide one pass or parts, and cut the parts."""
    settings = DETAIL[detail]
    budget = int(context_size * FIT_SHARE) - RESERVE
    for s in sentences:
        s.tokens = count_tokens(s.text) + 4
    total = sum(s.tokens for s in sentences)
    if total <= budget:
        return Plan("one_pass", total, budget, [sentences])
    part_size = min(settings["part"], budget)
    blocks = {b.n: b for b in doc.blocks}
    parts: list[list[Sentence]] = []
    current: list[Sentence] = []
    size = 0
    for s in sentences:
        block = blocks.get(s.n)
        boundary = current and s.n != current[-1].n and block is not None and (
            block.kind == "heading" or block.page != blocks[current[-1].n].page)
        if current and (size + s.tokens > part_size or
                        (boundary and size >= 0.6 * part_size)):
            parts.append(current)
            current, size = [], 0
        current.append(s)
        size += s.tokens
    if current:
        parts.append(current)
    return Plan("parts", total, budget, parts)
