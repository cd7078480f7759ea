"""Which of French, Arabic or English a text is written in.

A script count plus stopword frequencies: Arabic is told by its letters, and
French from English by their commonest words. It needs no model file, runs in
microseconds, and is reliable on the paragraph-sized texts Katib reads; a
general language-id library would add data files for 100 languages we never
output.
"""

from __future__ import annotations

import re
import unicodedata

FRENCH = frozenset({
    "le", "la", "les", "des", "du", "de", "un", "une", "et", "est", "en", "que", "qui",
    "dans", "pour", "pas", "sur", "au", "aux", "ce", "cette", "ces", "il", "elle", "nous",
    "vous", "ils", "sont", "par", "plus", "avec", "ne", "se", "son", "sa", "ses", "leur",
    "été", "être", "a", "ont", "mais", "ou", "où", "donc", "si", "comme", "tout", "très",
    "sans", "fait", "l", "d", "qu", "n", "s", "c", "j", "m"
})
ENGLISH = frozenset({
    "the", "of", "and", "to", "in", "is", "that", "for", "it", "with", "as", "was", "on",
    "be", "by", "are", "this", "at", "from", "or", "an", "have", "not", "but", "which", "has",
    "had", "were", "they", "their", "been", "we", "would", "will", "there", "what", "can",
    "all", "its", "if", "about", "also", "who", "into", "more", "than", "you", "he", "she"
})
ARABIC = frozenset({
    "في", "من", "على", "إلى", "عن", "أن", "إن", "التي", "الذي", "هذا", "هذه", "ذلك", "مع",
    "كان", "كما", "قد", "لا", "ما", "أو", "ثم", "بين", "كل", "هو", "هي", "وقد"
})

_WORD = re.compile(r"\w+", re.UNICODE)


def script_counts(text: str) -> tuple[int, int]:
    """(Arabic letters, Latin letters) in `text`."""
    arabic = latin = 0
    for char in text:
        if not char.isalpha():
            continue
        if "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f" or \
                "\ufb50" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufeff":
            arabic += 1
        elif unicodedata.name(char, "").startswith("LATIN"):
            latin += 1
    return arabic, latin


def detect_language(text: str, sample: int = 20000) -> str:
    """"fr", "ar", "en", or "und" when there is too little text to tell."""
    text = text[:sample]
    arabic, latin = script_counts(text)
    if arabic + latin < 3:
        return "und"
    if arabic >= latin:
        return "ar"
    words = [w.lower() for w in _WORD.findall(text)]
    fr = sum(w in FRENCH for w in words)
    en = sum(w in ENGLISH for w in words)
    # Accented letters break ties on very short texts (titles, headings).
    if fr == en:
        accents = sum(c in "éèêàçùâîôûœ" for c in text.lower())
        return "fr" if accents else "en"
    return "fr" if fr > en else "en"
