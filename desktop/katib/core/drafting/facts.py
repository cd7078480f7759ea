"""Facts in a generated body that the user never gave: flagged, never trusted.

The model writes only the body, and a small model invents readily: a date, a
number, an amount, a reference or a person's name that occurs nowhere in the
fields, the frame or the template's own wording is returned as a Flag with its
span in the body, so the window can highlight it and the clerk check it.
Comparison is on normalised values: dates by calendar day (whatever the
language they are written in), numbers by their digits, names word by word
without case or accents.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from katib.core.drafting.dates import DATE_IN_TEXT, date_from_match, to_western_digits

KINDS = ("date", "amount", "reference", "number", "name")


@dataclass
class Flag:
    """Something in the body that is not in the fields. Offsets index `Draft.body`."""

    start: int
    end: int
    kind: str  # one of KINDS
    text: str


_AMOUNT = re.compile(
    r"(?<![\w/])\d[\d\s\u00a0\u202f.,]*\d?\s*(?:DH|MAD|dhs?|dirhams?|درهما?|دراهم|€|euros?|%)(?!\w)",
    re.IGNORECASE)
_REFERENCE = re.compile(
    r"(?:n[°ºo]\.?|no\.|réf\.?|ref\.?|عدد|رقم)\s*:?\s*([0-9٠-٩][\w./-]*)"
    r"|(?<![\w/])[0-9٠-٩]+(?:[./-][0-9٠-٩A-Za-z]+)+(?![\w/])",
    re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.])[0-9٠-٩]+(?:[.,][0-9٠-٩]+)?(?![\w])")
# A run of capitalised words (Latin script), and Arabic words after a personal title.
_LATIN_NAME = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’-]+|el|al|ben|ibn|de|du))*"
                         r"(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]+)?")
_ARABIC_TITLED = re.compile(r"(?:السيدات|السادة|السيدة|السيد|الآنسة|الأستاذة?|الدكتورة?)\s+"
                            r"((?:[\u0600-\u06ff]+\s*){1,3})")
_SENTENCE_START = re.compile(r"(?:^|[.!?؟:;]\s+|\n\s*|[-•]\s+|«\s*)$")

# Capitalised words that are ordinary in an administrative letter, not names of people.
COMMON_CAPITALISED = set(["monsieur", "madame", "mademoiselle", "messieurs", "mesdames", "le", "la", "les", "l", "un", "une", "je", "nous", "vous", "il", "elle", "ils", "elles", "j", "en", "au", "aux", "du", "de", "des", "par", "pour", "sur", "dans", "avec", "à", "a", "ce", "cette", "ces", "si", "suite", "conformément", "royaume", "maroc", "marocain", "marocaine", "état", "etat", "ministère", "ministre", "ministres", "direction", "directeur", "directrice", "service", "services", "division", "bureau", "commune", "province", "préfecture", "préfet", "gouverneur", "wali", "wilaya", "région", "régional", "régionale", "provincial", "provinciale", "conseil", "président", "présidente", "secrétaire", "général", "générale", "chef", "caïd", "pacha", "cin", "carte", "nationale", "identité", "état-civil", "objet", "référence", "références", "réf", "pj", "copie", "dahir", "décret", "loi", "arrêté", "circulaire", "article", "code", "royal", "royale", "sa", "majesté", "roi", "tribunal", "administratif", "administrative", "agence", "office", "haut", "commissariat", "inspection", "cour", "dear", "sir", "madam", "mr", "mrs", "ms", "the", "i", "we", "you", "he", "she", "they", "it", "this", "that", "these", "please", "kindly", "yours", "kingdom", "morocco", "ministry", "director", "directorate", "department", "division", "office", "province", "prefecture", "governor", "council", "president", "secretary", "general", "head", "commune", "regional", "national", "identity", "card", "subject", "reference", "article", "law", "decree", "order", "court", "administrative", "court", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]) | set(["رئيس", "الرئيس", "مدير", "المدير", "المديرة", "عامل", "العامل", "والي", "الوالي", "قائد", "القائد", "باشا", "الباشا", "الكاتب", "العام", "الوزير", "وزير", "المحترم", "المحترمة", "المكلف", "بالمصلحة", "مصلحة", "المصلحة", "قسم", "القسم", "رئيسة"])


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKD", to_western_digits(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    # Arabic: hamza forms and tatweel do not change a name.
    text = text.translate(str.maketrans("أإآٱـ", "اااا "))
    return text.lower()


def _digits(text: str) -> str:
    return re.sub(r"\D", "", to_western_digits(text))


class KnownFacts:
    """Everything the user or the frame supplied, normalised for lookups."""

    def __init__(self, texts: list[str]) -> None:
        joined = "\n".join(texts)
        self.dates = {d for m in DATE_IN_TEXT.finditer(to_western_digits(joined))
                      if (d := date_from_match(m))}
        self.numbers = {_digits(m.group(0)) for m in _NUMBER.finditer(to_western_digits(joined))}
        self.numbers |= {_digits(m.group(0)) for m in _REFERENCE.finditer(joined)}
        self.numbers |= {str(d.year) for d in self.dates} | {str(d.day) for d in self.dates}
        self.words = set(re.findall(r"\w+", normalize(joined)))
        self.text = normalize(joined)

    def knows_number(self, text: str) -> bool:
        digits = _digits(text)
        return not digits or digits in self.numbers

    def knows_name(self, text: str) -> bool:
        words = [w for w in re.findall(r"\w+", normalize(text)) if len(w) > 1]
        words = [w for w in words if w not in COMMON_CAPITALISED]
        return all(w in self.words for w in words)


def find_flags(body: str, known_texts: list[str]) -> list[Flag]:
    """Dates, amounts, references, numbers and names in `body` absent from `known_texts`."""
    known = KnownFacts(known_texts)
    flags: list[Flag] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, kind: str) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        flags.append(Flag(start, end, kind, body[start:end]))

    western = to_western_digits(body)  # same length: digits map one to one
    for m in DATE_IN_TEXT.finditer(western):
        date = date_from_match(m)
        if date is None or date not in known.dates:
            add(m.start(), m.end(), "date")
        else:
            taken.append((m.start(), m.end()))
    for m in _AMOUNT.finditer(body):
        if not known.knows_number(m.group(0)):
            add(m.start(), m.end(), "amount")
        else:
            taken.append((m.start(), m.end()))
    for m in _REFERENCE.finditer(body):
        if not known.knows_number(m.group(0)):
            add(m.start(), m.end(), "reference")
        else:
            taken.append((m.start(), m.end()))
    for m in _NUMBER.finditer(body):
        if not known.knows_number(m.group(0)):
            add(m.start(), m.end(), "number")
    for m in _LATIN_NAME.finditer(body):
        start, text = m.start(), m.group(0)
        words = text.split()
        # A single capitalised word opening a sentence is grammar, not a name.
        if len(words) == 1 and _SENTENCE_START.search(body[:start]):
            continue
        if normalize(words[0]) in COMMON_CAPITALISED and len(words) == 1:
            continue
        if not known.knows_name(text):
            add(start, m.end(), "name")
    for m in _ARABIC_TITLED.finditer(body):
        # The capture runs on into the next words ("يوسف العمراني المؤرخ"): a name whose
        # first two words are known is known; an unknown one is flagged on two words.
        words = m.group(1).split()
        name = " ".join(words[:2])
        if name and not known.knows_name(name):
            add(m.start(1), m.start(1) + len(name), "name")
    flags.sort(key=lambda f: f.start)
    return flags
