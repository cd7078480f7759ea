"""Checks that keep a note honest: citations resolve, figures occur in the source.

A point's citation must name a block that exists and that says what the point
says (enough shared content words). One that does not is repaired — the
best-matching block by overlap is attached — or the point is dropped. Every
number, date or amount in a point must occur in the source it cites (or, for
the objet, anywhere in the document); one that does not is removed with its
point, never shown as fact.
"""

from __future__ import annotations

import re
from functools import lru_cache

from katib.core.documents.model import Document
from katib.core.summarize.note import Citation, Note, Point
from katib.core.summarize.selection import terms

MARKER = re.compile(r"\[(?:(\d{1,3}):)?(\d{1,6})\]")
ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# A figure: digits, possibly grouped by spaces, dots or commas ("1 200 000", "3,5").
FIGURE = re.compile(r"\d+(?:[\s\u00a0\u202f.,]\d{3})*(?:[.,]\d+)?")
MIN_OVERLAP = 0.3


def parse_markers(text: str) -> tuple[str, list[Citation]]:
    """Strip `[n]` / `[d:n]` markers from text and return them as citations."""
    found = [Citation(int(d) - 1 if d else 0, int(n)) for d, n in MARKER.findall(text)]
    return MARKER.sub("", text).strip(), found


def figures(text: str) -> set[str]:
    """The numbers in a text, normalised ("1 200 000" -> "1200000", "3,5" -> "3.5")."""
    text = text.translate(ARABIC_DIGITS)
    out = set()
    for match in FIGURE.finditer(text):
        value = re.sub(r"[\s\u00a0\u202f]", "", match.group(0))
        if re.fullmatch(r"\d{1,3}([.,]\d{3})+", value):
            value = re.sub(r"[.,]", "", value)  # thousands separators
        out.add(value.replace(",", "."))
    return out


def unsupported_figures(text: str, source: str) -> set[str]:
    """Figures of `text` that do not occur in `source`."""
    have = figures(source)
    # A figure may be written differently in the source ("16h00" vs "16 h 00"): digits alone.
    digit_runs = set(re.findall(r"\d+", source.translate(ARABIC_DIGITS)))
    missing = set()
    for value in figures(text):
        if value in have:
            continue
        if all(run in digit_runs for run in re.findall(r"\d+", value)):
            continue
        missing.add(value)
    return missing


@lru_cache(maxsize=20000)
def _term_set(text: str, lang: str) -> frozenset[str]:
    # Repairs compare a point with every block: each block's words are found once.
    return frozenset(terms(text, lang))


def overlap(a: str, b: str, lang: str) -> float:
    """Share of `a`'s content words that `b` contains."""
    ta, tb = _term_set(a, lang), _term_set(b, lang)
    if not ta:
        return 0.0
    return len(ta & tb) / len(ta)


def best_block(text: str, doc: Document, lang: str) -> tuple[int, float]:
    """The block of `doc` sharing the most content words with `text`: (n, overlap)."""
    best, score = 0, 0.0
    for block in doc.blocks:
        value = overlap(text, block.text, lang)
        if value > score:
            best, score = block.n, value
    return best, score


def check_point(point: Point, doc_index: int, doc: Document, lang: str,
                cross_language: bool = False) -> Point | None:
    """The point with citations that resolve and say the same thing, or None to drop it."""
    text, inline = parse_markers(point.text)
    point.text = text
    citations = [c for c in point.citations + inline if c.doc == doc_index]
    good = []
    for c in dict.fromkeys(citations):
        block = doc.block(c.n)
        if block is None:
            continue
        if cross_language or overlap(text, block.text, lang) >= MIN_OVERLAP:
            good.append(c)
    if not good and not cross_language:
        n, score = best_block(text, doc, lang)
        if score >= MIN_OVERLAP:
            good = [Citation(doc_index, n)]
    if not good:
        return None
    cited = " ".join(doc.block(c.n).text for c in good)
    if unsupported_figures(text, cited if not cross_language else doc.text()):
        return None
    point.citations = good
    return point


def audit(note: Note) -> dict:
    """Counts for the eval and the tests: citations that resolve, figures not in the source."""
    total = resolved = 0
    missing: list[str] = []
    for _, point in note.points():
        for c in point.citations:
            total += 1
            resolved += note.resolve(c) is not None
        if not point.citations:
            total += 1  # a point without a source counts as unresolved
        sources = " ".join(note.documents[c.doc].text() for c in point.citations
                           if 0 <= c.doc < len(note.documents))
        missing += sorted(unsupported_figures(point.text, sources))
    return {"citations": total, "resolved": resolved,
            "resolved_share": resolved / total if total else 1.0,
            "unsupported_figures": len(missing), "unsupported": missing}
