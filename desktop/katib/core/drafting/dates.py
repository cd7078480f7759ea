"""Dates as each language writes them in an administrative letter.

"le 12 mars 2026" (French, with "1er" for the first of the month), "12 مارس 2026"
(Arabic with the month names used in Morocco, which differ from the Levant's),
"12 March 2026" (English). Field values arrive as ISO dates from the window, or
as "12/03/2026" typed by hand; anything else is kept as the user wrote it.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    # Moroccan usage (from the French month names), not the Mashriq's كانون/آذار.
    "ar": ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت",
           "شتنبر", "أكتوبر", "نونبر", "دجنبر"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}

# Spellings met in the wild, mapped to a month number, for reading dates back.
_MONTH_ALIASES = {
    **{name.lower(): i + 1 for lang in MONTHS for i, name in enumerate(MONTHS[lang])},
    "fevrier": 2, "aout": 8, "decembre": 12, "أبريل": 4, "ابريل": 4, "إبريل": 4,
    "مايو": 5, "يوليو": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10,
    "نوفمبر": 11, "ديسمبر": 12, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
MONTH_WORDS = "|".join(sorted((re.escape(k) for k in _MONTH_ALIASES), key=len, reverse=True))
# A date written out in any of the three languages, or numerically, inside running text.
DATE_IN_TEXT = re.compile(
    r"(?<!\d)(\d{1,2})(?:er)?\s+(" + MONTH_WORDS + r")\.?\s+(\d{4})(?!\d)"
    r"|(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)"
    r"|(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)",
    re.IGNORECASE,
)


def to_western_digits(text: str) -> str:
    return text.translate(_ARABIC_DIGITS)


def parse_date(value: str) -> dt.date | None:
    """An ISO, dd/mm/yyyy or written-out date; None when `value` is not one date."""
    if isinstance(value, dt.date):
        return value
    text = to_western_digits(str(value or "")).strip()
    try:
        match = _ISO.match(text)
        if match:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        match = _NUMERIC.match(text)
        if match:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        match = DATE_IN_TEXT.fullmatch(text.removeprefix("le ").strip())
        if match:
            return date_from_match(match)
    except ValueError:
        return None
    return None


def date_from_match(match: re.Match) -> dt.date | None:
    """The date a DATE_IN_TEXT match stands for (None for an impossible one, 31/02)."""
    g = match.groups()
    try:
        if g[0]:
            return dt.date(int(g[2]), _MONTH_ALIASES[g[1].lower()], int(g[0]))
        if g[3]:
            return dt.date(int(g[5]), int(g[4]), int(g[3]))
        return dt.date(int(g[6]), int(g[7]), int(g[8]))
    except (ValueError, KeyError):
        return None


def format_date(date: dt.date, lang: str, article: bool = False) -> str:
    """'12 mars 2026' (or 'le 12 mars 2026' with article), '12 مارس 2026', '12 March 2026'."""
    day = str(date.day)
    if lang == "fr" and date.day == 1:
        day = "1er"
    text = f"{day} {MONTHS.get(lang, MONTHS['en'])[date.month - 1]} {date.year}"
    return f"le {text}" if article and lang == "fr" else text


def format_value(value: str, lang: str) -> str:
    """A date field's value written for `lang`; a value that is not a date is kept."""
    date = parse_date(value)
    return format_date(date, lang) if date else str(value)


def rewrite_dates(text: str, lang: str) -> str:
    """Write every numeric or foreign-language date inside `text` the way `lang` does."""
    def replace(match: re.Match) -> str:
        date = date_from_match(match)
        return format_date(date, lang) if date else match.group(0)

    return DATE_IN_TEXT.sub(replace, text)
