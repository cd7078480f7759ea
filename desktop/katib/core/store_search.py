"""Text folding for the search index, FTS5 queries, and highlighted snippets.

SQLite's `unicode61 remove_diacritics 2` tokenizer folds Latin accents but
keeps Arabic short vowels (tashkeel), so "كَتَبَ" would not find "كتب". The
index therefore stores a folded copy of every text, made here: accents and
Arabic marks removed, tatweel removed, alef/hamza forms, alef maqsura and
ta marbuta unified (as Lucene's Arabic normalizer does), case folded. The
original text stays in its own table for display.

Snippets are cut from the original text, not from the folded copy: the fold
is done one character at a time through a translation table, so a position
in the folded text maps back to a position in the original exactly.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

TATWEEL = "\u0640"
# Letters folded after the marks are gone (أ إ آ already lose their hamza/madda
# through NFKD; these have no decomposition).
_ARABIC_FOLDS = {
    "\u0671": "\u0627",  # ٱ alef wasla -> ا
    "\u0649": "\u064a",  # ى alef maqsura -> ي
    "\u0629": "\u0647",  # ة ta marbuta -> ه
    "\u06cc": "\u064a",  # ی Farsi yeh -> ي
    "\u06a9": "\u0643",  # ک keheh -> ك
}


def _fold_char(char: str) -> str:
    if char == TATWEEL:
        return ""
    out = []
    for piece in unicodedata.normalize("NFKD", char):
        if unicodedata.category(piece) in ("Mn", "Me", "Cf"):
            continue  # accents, tashkeel, hamza/madda marks, zero-width joiners
        out.append(_ARABIC_FOLDS.get(piece, piece))
    return "".join(out).casefold()


class _FoldTable(dict):
    """str.translate table computing each character's fold on first sight."""

    def __missing__(self, code: int) -> str:
        value = self[code] = _fold_char(chr(code))
        return value


class _LengthTable(dict):
    """str.translate table giving, for each character, chr(length of its fold)."""

    def __missing__(self, code: int) -> str:
        value = self[code] = chr(len(_FOLD[code]))
        return value


_FOLD = _FoldTable()
_LENGTH = _LengthTable()


def fold(text: str) -> str:
    """The searchable form of `text` (what the index stores and queries use)."""
    return text.translate(_FOLD) if text else ""


def fold_offsets(text: str) -> list[int]:
    """offsets[i] = where the fold of text[:i] ends; `len(offsets) == len(text) + 1`."""
    lengths = text.translate(_LENGTH).encode("latin-1") if text else b""
    return [0, *itertools.accumulate(lengths)]


# unicode61 treats letters, digits and private-use characters as token characters.
_TOKEN = re.compile(r"[^\W_]+")


# Arabic glues the article and some particles to the word: "المدير", "للمدرسة",
# "والقرار". Searching "مدير" must find them, so the index also stores each such
# word without its prefix, and queries drop it. (Single-letter prefixes like و
# are left alone: too many words begin with those letters.)
_PREFIXES = "وال|بال|كال|فال|لل|ال"
_PREFIXED = re.compile(r"(?<![^\W_])(?:" + _PREFIXES + r")([^\W_]{2,})")
_STRIP = re.compile(r"^(?:" + _PREFIXES + r")(?=[^\W_]{2,}$)")


def stems(folded: str) -> str:
    """The article-less forms of the prefixed Arabic words of a folded text (index column)."""
    return " ".join(_PREFIXED.findall(folded))


def query_terms(query: str) -> list[str]:
    """The folded words of a user's query, article removed, in order, without repeats."""
    seen: dict[str, None] = {}
    for term in _TOKEN.findall(fold(query)):
        seen.setdefault(_STRIP.sub("", term), None)
    return list(seen)


def fts_query(terms: list[str], prefix_last: bool = True) -> str:
    """An FTS5 MATCH expression: every term required, the last one as a prefix.

    Terms are quoted, so nothing the user types is read as FTS5 syntax.
    The last word is a prefix because the search box searches as one types.
    """
    parts = [f'"{term}"' for term in terms]
    if parts and prefix_last:
        parts[-1] += " *"
    return " ".join(parts)


@dataclass
class Snippet:
    """A passage of original text and the spans (start, end) of the words that matched."""

    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)

    def marked(self, before: str = "[", after: str = "]") -> str:
        """The passage with `before`/`after` around each matched word."""
        out, last = [], 0
        for start, end in self.spans:
            out += [self.text[last:start], before, self.text[start:end], after]
            last = end
        out.append(self.text[last:])
        return "".join(out)


class Matcher:
    """The words of one query, compiled once, found in any number of texts.

    Matching runs on the folded text; only the positions that end up in a
    snippet are mapped back to the original, and only the part of the text
    before them is measured for that, so long documents cost little.
    """

    def __init__(self, terms: list[str], prefix_last: bool = True, max_matches: int = 64) -> None:
        self.terms = terms
        alternatives = []
        for i, term in enumerate(terms):
            tail = r"[^\W_]*" if prefix_last and i == len(terms) - 1 else r"(?![^\W_])"
            alternatives.append(f"(?P<t{i}>{re.escape(term)}{tail})")
        self._pattern = re.compile(
            r"(?<![^\W_])(?:" + _PREFIXES + r")?(?:" + "|".join(alternatives) + ")"
        ) if terms else None
        self.max_matches = max_matches

    def _folded_matches(self, folded: str) -> list[tuple[int, int, str]]:
        """(start, end, term group) in the folded text, at most `max_matches`."""
        found = []
        for match in self._pattern.finditer(folded):
            found.append((match.start(), match.end(), match.lastgroup))
            if len(found) >= self.max_matches:
                break
        return found

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of `text` (original) whose folded words match."""
        if not text or self._pattern is None:
            return []
        matches = self._folded_matches(fold(text))
        if not matches:
            return []
        offsets = _offsets_upto(text, matches[-1][1])
        return [_to_original(text, offsets, s, e) for s, e, _ in matches]

    def snippet(self, text: str, width: int = 180) -> Snippet:
        """About `width` characters of `text` around its densest group of matches."""
        text = text or ""
        matches = self._folded_matches(fold(text)) if text and self._pattern else []
        if not matches:
            body = text[:width]
            cut = body.rfind(" ") if len(text) > width else -1
            return Snippet(text=(body[:cut] if cut > width // 2 else body).strip()
                           + ("…" if len(text) > width else ""))
        # The window starting at match i that covers the most distinct words
        # (folded positions are close enough to the original's to choose it).
        best, best_score = 0, -1
        for i, (start, _, _) in enumerate(matches):
            inside = {g for s, e, g in matches[i:] if e - start <= width}
            if len(inside) > best_score:
                best, best_score = i, len(inside)
        limit = matches[best][0] + 2 * width
        near = [(s, e) for s, e, _ in matches if s <= limit]
        offsets = _offsets_upto(text, max(e for _, e in near))
        spans = [_to_original(text, offsets, s, e) for s, e in near]
        first, first_end = spans[best]
        start = max(0, first - width // 4)
        if start > 0:  # begin on a word boundary
            space = text.find(" ", start, first)
            start = space + 1 if space != -1 else start
        end = min(len(text), start + width)
        if end < len(text):
            space = text.rfind(" ", max(first_end, start), end)
            end = space if space != -1 else end
        kept = [(s, e) for s, e in spans if s >= start and e <= end]
        lead = "…" if start > 0 else ""
        trail = "…" if end < len(text) else ""
        body = text[start:end].replace("\n", " ")
        shift = len(lead) - start
        return Snippet(text=lead + body + trail, spans=[(s + shift, e + shift) for s, e in kept])


def _offsets_upto(text: str, folded_end: int) -> list[int]:
    """fold_offsets of the shortest prefix of `text` whose fold reaches `folded_end`."""
    size = min(len(text), max(1024, folded_end + 512))
    while True:
        offsets = fold_offsets(text[:size])
        if offsets[-1] >= folded_end or size >= len(text):
            return offsets
        size = min(len(text), size * 2)


def _to_original(text: str, offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a folded span to the original: first character folding into `start`, through `end`."""
    n = len(offsets) - 1  # original characters measured
    o_start = bisect_right(offsets, start) - 1
    while o_start < n and offsets[o_start + 1] == offsets[o_start]:
        o_start += 1  # characters folding to nothing (tatweel) do not start a word
    o_end = min(bisect_right(offsets, end - 1), n)
    # Keep the marks (tashkeel) written on the last letter inside the highlight.
    while o_end < n and offsets[o_end + 1] == offsets[o_end] and \
            not _TOKEN.match(text[o_end]) and not text[o_end].isspace():
        o_end += 1
    return o_start, o_end


def find_matches(text: str, terms: list[str], prefix_last: bool = True) -> list[tuple[int, int]]:
    """Spans of `text` (original) whose folded words match `terms`."""
    return Matcher(terms, prefix_last).spans(text)


def make_snippet(text: str, terms: list[str], width: int = 180,
                 prefix_last: bool = True) -> Snippet:
    """About `width` characters of `text` around its densest group of matches."""
    return Matcher(terms, prefix_last).snippet(text, width)
