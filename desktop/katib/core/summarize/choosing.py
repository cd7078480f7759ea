"""Which sentences a note is made of: the pre-selection the model then shortens.

One pass: the best-scored sentences (TextRank with an opening prior). In parts
(a text longer than the model's budget): the opening sentences, which say what
the document or meeting is (who, what, which item), then each part's own
centre, so the key points follow the document from start to end. A sentence
the model would cite must be a whole, readable sentence: neither a fragment
nor a run-on transcript paragraph.
"""

from __future__ import annotations

import re

from katib.core.documents.model import Document
from katib.core.summarize.routing import Plan
from katib.core.summarize.selection import Sentence, terms, textrank

MIN_WORDS, MAX_WORDS = 6, 45
OPENING_SPAN = 40  # sentences at the start where a long text says what it is
# "Objet : ...", "Subject: ...", "الموضوع: ..." — letters and notes state their objet.
_SUBJECT = re.compile(r"^\s*(?:objet|object|subject|re|الموضوع)\s*[:：]\s*(\S.{3,})$",
                      re.IGNORECASE)


def subject_line(doc: Document) -> tuple[int, str] | None:
    """(block number, text) of the document's own objet line, if it has one."""
    for block in doc.blocks[:60]:
        match = _SUBJECT.match(block.text.strip())
        if match and len(match.group(1).split()) <= 30:
            text = match.group(1).strip()
            return block.n, text[0].upper() + text[1:]
    return None


def _readable(s: Sentence) -> bool:
    # A line ending in ":" introduces what follows (a list of members, a quote):
    # it says nothing by itself.
    return MIN_WORDS <= s.words <= MAX_WORDS and not s.text.rstrip().endswith((":", "："))


def _similar(a: Sentence, others: list[Sentence], lang: str) -> bool:
    """A near-repeat: most of its content words are in one of `others`."""
    bag = set(terms(a.text, lang))
    return any(len(bag & (o := set(terms(b.text, lang)))) > 0.7 * min(len(bag), len(o))
               for b in others)


def best(sentences: list[Sentence], count: int, taken: list[Sentence],
         lang: str) -> list[Sentence]:
    """The `count` best-scored readable sentences, skipping near-repeats of `taken`."""
    picked: list[Sentence] = []
    for s in sorted(sentences, key=lambda x: -x.score):
        if len(picked) >= count:
            break
        if _readable(s) and not _similar(s, taken + picked, lang):
            picked.append(s)
    return picked


def choose(sentences: list[Sentence], route: Plan, settings: dict, lang: str) -> list[Sentence]:
    """The sentences of the objet and key points, in document order (scores set)."""
    if route.route == "one_pass":
        chosen = best(sentences, settings["points"] + 1, [], lang)
        return sorted(chosen, key=lambda s: s.index)
    overall = {s.index: s.score for s in sentences}
    chosen = best(sentences[:OPENING_SPAN], settings["opening"], [], lang)
    per_part: list[Sentence] = []
    for part in route.parts:
        textrank(part, lang, lead_bonus=1.0)  # the part's own centre
        per_part += best(part, settings["per_part"], chosen + per_part, lang)
    for s in sentences:  # back to whole-document scores for what comes next
        s.score = overall[s.index]
    return sorted(chosen + spread(per_part, settings["part_points"]), key=lambda s: s.index)


def spread(picks: list[Sentence], count: int) -> list[Sentence]:
    """At most `count` of the parts' picks (in document order), from start to end: a
    very long text has more parts than a note has room for, so the picks are cut
    into `count` runs of neighbouring parts and each run keeps its best."""
    if len(picks) <= count:
        return picks
    runs = [picks[len(picks) * i // count: len(picks) * (i + 1) // count] for i in range(count)]
    return [max(run, key=lambda s: s.score) for run in runs if run]
