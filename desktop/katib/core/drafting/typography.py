"""Typography fixed after generation, the way each language's administration writes.

French: a non-breaking space before ; : ! ? and inside « », straight double
quotes turned into « », dates written "12 mars 2026". Arabic: Arabic comma,
semicolon and question mark between Arabic words, Moroccan month names.
English: dates "12 March 2026". Applied to model output only: the frame is
already written correctly.
"""

from __future__ import annotations

import re

from katib.core.drafting.dates import rewrite_dates

NBSP = "\u00a0"

_FR_BEFORE = re.compile(r"(?<=[^\s\d/])[ \t\u202f\u00a0]*([;:!?])(?=\s|$|[»)\"])")
_FR_OPEN_QUOTE = re.compile(r"«[ \t\u00a0\u202f]*")
_FR_CLOSE_QUOTE = re.compile(r"[ \t\u00a0\u202f]*»")
_STRAIGHT_QUOTES = re.compile(r'"([^"\n]{1,200})"')
_AR_LETTER = "\u0600-\u06ff"
_AR_COMMA = re.compile(rf"(?<=[{_AR_LETTER}\d\)])\s*,(?=\s*[{_AR_LETTER}])")
_AR_SEMI = re.compile(rf"(?<=[{_AR_LETTER}])\s*;")
_AR_QUESTION = re.compile(rf"(?<=[{_AR_LETTER}])\s*\?")
_SPACES = re.compile(r"[ \t]{2,}")


def french(text: str) -> str:
    """Non-breaking spaces before ; : ! ? and inside « »; « » for straight quotes."""
    text = _STRAIGHT_QUOTES.sub(lambda m: f"«{m.group(1).strip()}»", text)
    # Not inside URLs or times (http://, 10:30): the look-behind skips digits and slashes.
    text = _FR_BEFORE.sub(lambda m: NBSP + m.group(1), text)
    text = _FR_OPEN_QUOTE.sub("«" + NBSP, text)
    text = _FR_CLOSE_QUOTE.sub(NBSP + "»", text)
    return text


def arabic(text: str) -> str:
    """Arabic comma, semicolon and question mark where Latin ones follow Arabic words."""
    text = _AR_COMMA.sub("،", text)
    text = _AR_SEMI.sub("؛", text)
    return _AR_QUESTION.sub("؟", text)


def fix(text: str, lang: str) -> str:
    """All the fixes for `lang`, dates included."""
    text = rewrite_dates(text, lang)
    text = _SPACES.sub(" ", text)
    if lang == "fr":
        text = french(text)
    elif lang == "ar":
        text = arabic(text)
    return text
