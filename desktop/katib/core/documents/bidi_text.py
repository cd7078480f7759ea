"""Left-to-right runs inside Arabic text: phone numbers, references, e-mails, French names.

In a right-to-left paragraph the Unicode bidi algorithm gives the spaces
between digit groups the paragraph's direction, so "+212 5 37 12 34 56"
comes out as "56 34 12 37 5 212+"; a lone "+" or "@" at the edge of a run
lands on the wrong side too. Wrapping each such run in directional marks
keeps it in one left-to-right piece:

- `isolate` (U+2066 LRI … U+2069 PDI), the Unicode 6.3 way: used on screen,
  where Qt's layout honours it;
- `embed` (U+202A LRE … U+202C PDF), the older way: used in .docx files,
  because LibreOffice 7 draws isolates right but writes the isolate marks into
  the PDF text layer (pdftotext and copy-paste then scramble the line), while
  an embedding comes out clean (checked by tests/test_bidi_text.py).

The marks are for display only: `strip_marks` removes them before text is
stored, searched or compared, and `mark_ltr_runs` strips before marking, so
applying it twice changes nothing.
"""

from __future__ import annotations

import re
import unicodedata

LRI, PDI = "\u2066", "\u2069"
LRE, PDF = "\u202a", "\u202c"
MARKS = (LRI, PDI, LRE, PDF)
_MARKS_RE = re.compile("[\u2066\u2069\u202a\u202c]")

_LATIN = "0-9A-Za-zÀ-ÖØ-öø-ÿ"
# A run starts with a Latin letter or a digit (or "+"/"(" before one), ends with one
# (or ")"), and may hold spaces and the punctuation of numbers, references, e-mails
# and French names in between: "+212 5 37 12 34 56", "2024/15", "a.b@x.ma",
# "Rue Ibn Sina, n° 12".
LTR_RUN = re.compile(rf"[+(]?[{_LATIN}](?:[{_LATIN} .,'’/°:()@_+\-]*[{_LATIN})])?")
# Only what the algorithm would reorder needs marks: a run with a separator in it,
# or one opening with "+" or "(". A single word or number is laid out right already.
_NEEDS = re.compile(r"[^0-9A-Za-zÀ-ÖØ-öø-ÿ]")


def strip_marks(text: str) -> str:
    """`text` without the marks `mark_ltr_runs` adds."""
    return _MARKS_RE.sub("", text)


def is_rtl(text: str) -> bool:
    """True when the first strongly directional letter of `text` is Arabic or Hebrew."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def needs_marks(run: str) -> bool:
    """True when the bidi algorithm would reorder the left-to-right run `run`."""
    return bool(_NEEDS.search(run))


def mark_ltr_runs(text: str, style: str = "isolate", rtl: bool | None = None) -> str:
    """Wrap every left-to-right run of a right-to-left line in marks (`style`: isolate | embed).

    `rtl=None` decides line by line, as an editor does, from the first letter:
    a line starting with a Latin letter is left to right already and is left
    alone. `rtl=True` marks every line (a paragraph set right to left).
    """
    opening, closing = (LRI, PDI) if style == "isolate" else (LRE, PDF)
    lines = []
    for line in strip_marks(text).split("\n"):
        if rtl or (rtl is None and is_rtl(line)):
            line = LTR_RUN.sub(lambda m: opening + m.group(0) + closing
                               if _NEEDS.search(m.group(0)) else m.group(0), line)
        lines.append(line)
    return "\n".join(lines)


def rtl_pieces(text: str) -> list[tuple[str, bool]]:
    """A right-to-left paragraph as (piece, right_to_left) runs for a .docx.

    Latin words and numbers get left-to-right runs of their own; a run the bidi
    algorithm would reorder is also wrapped in an embedding (LRE … PDF), which
    LibreOffice and pdftotext keep in order (see the module's docstring).
    """
    text = strip_marks(text)
    pieces, pos = [], 0
    for m in LTR_RUN.finditer(text):
        if m.start() > pos:
            pieces.append((text[pos:m.start()], True))
        segment = m.group(0)
        pieces.append((LRE + segment + PDF if needs_marks(segment) else segment, False))
        pos = m.end()
    if pos < len(text):
        pieces.append((text[pos:], True))
    return pieces
