"""Finding personal data in French and Arabic administrative text.

What is found, by kind:
- name: the names the user typed in the form's fields (every part, with Arabic
  prefixes و ب ل ف ك), and names that follow an honorific or a label
  (M., Mme, Monsieur, « Nom : », السيد, السيدة, المدعو, الاسم الكامل:);
- cin: Moroccan national identity card numbers (1–2 letters + digits: AB123456,
  K 456789), with or without a « CIN » / « ب.ت.و » label nearby;
- phone: Moroccan numbers in every usual form (+212, 00212, 06/07/05…, with
  spaces, dots or dashes) through Google's libphonenumber, plus foreign numbers;
- email; iban (MA + 26 digits always, other countries when the checksum holds);
- rib: a Moroccan RIB, 24 digits, grouped or not;
- address: a street line in French (rue, avenue, bd, lotissement…) or Arabic
  (زنقة، شارع، حي، درب، رقم 12…), with its number and following quarter/city, and
  postal boxes (BP 1234, ص.ب).

It is a set of careful patterns, not a language model: what it misses is
measured by tests/test_privacy_anonymize.py on annotated French and Arabic texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import phonenumbers

KINDS = ("email", "iban", "rib", "phone", "cin", "address", "name")
_PRIORITY = {kind: i for i, kind in enumerate(KINDS)}

# Arabic-Indic and Persian digits -> ASCII, one character for one (positions are kept).
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind and where it is in the text."""

    kind: str
    start: int
    end: int
    text: str


# --- e-mail, IBAN, RIB ---------------------------------------------------------------

_EMAIL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_IBAN_MA = re.compile(r"(?<![A-Za-z0-9])MA[ \-]?\d{2}(?:[ \-.]?\d){24}(?!\d)", re.IGNORECASE)
_IBAN_ANY = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])")
_DIGIT_RUN = re.compile(r"\d+(?:[ .\-]\d+)*")


def _iban_checksum_ok(compact: str) -> bool:
    moved = compact[4:] + compact[:4]
    digits = "".join(str(int(c, 36)) for c in moved)
    return int(digits) % 97 == 1


def _find_ibans(text: str) -> Iterable[Finding]:
    for m in _IBAN_MA.finditer(text):
        yield Finding("iban", m.start(), m.end(), m.group())
    for m in _IBAN_ANY.finditer(text):
        compact = m.group().replace(" ", "")
        if not compact.upper().startswith("MA") and 15 <= len(compact) <= 34 \
                and _iban_checksum_ok(compact.upper()):
            yield Finding("iban", m.start(), m.end(), m.group())


def _find_ribs(text: str) -> Iterable[Finding]:
    """24 digits in a row of digit groups (a run may also hold an amount or a date)."""
    for run in _DIGIT_RUN.finditer(text):
        groups = [(g.start() + run.start(), g.end() + run.start())
                  for g in re.finditer(r"\d+", run.group())]
        i = 0
        while i < len(groups):
            total, j = 0, i
            while j < len(groups) and total < 24:
                total += groups[j][1] - groups[j][0]
                j += 1
            if total == 24:
                start, end = groups[i][0], groups[j - 1][1]
                yield Finding("rib", start, end, text[start:end])
                i = j
            else:
                i += 1


# --- phones --------------------------------------------------------------------------

_PHONE_MA = re.compile(
    r"(?<![\d+])(?:(?:\+|00)\s?212[\s.\-]?(?:\(0\)[\s.\-]?)?|0)[5-8](?:[\s.\-]?\d){8}(?!\d)")


def _find_phones(text: str) -> Iterable[Finding]:
    for m in _PHONE_MA.finditer(text):
        yield Finding("phone", m.start(), m.end(), m.group())
    for m in phonenumbers.PhoneNumberMatcher(text, "MA", leniency=phonenumbers.Leniency.VALID):
        yield Finding("phone", m.start, m.end, m.raw_string)


# --- CIN -----------------------------------------------------------------------------

_CIN_LABEL = re.compile(
    r"(?:C\.?\s?I\.?\s?N\.?\s?E?|CNIE|carte\s+(?:d'identité|nationale)|"
    r"ب\.?\s?ت\.?\s?و\.?|ال?بطاق\w*\s+(?:ال)?(?:وطنية|تعريف))",
    re.IGNORECASE)
_CIN = re.compile(r"(?<![\w\-/])([A-Z]{1,2})[ \-]?(\d{3,7})(?![\w\-/])")
# Letter+number pairs that are not identity cards: postal boxes, roads, article codes.
# (Every single letter is a real CIN prefix: A Rabat, B Casablanca, C Fès, D Meknès…)
_NOT_CIN = {"BP", "CP", "RN", "RP", "RR", "NR", "TR", "AR", "PJ", "CS", "NF", "DH", "KM", "MW", "KW"}


def _find_cins(text: str) -> Iterable[Finding]:
    labels = [m.end() for m in _CIN_LABEL.finditer(text)]
    for m in _CIN.finditer(text):
        letters, digits = m.group(1), m.group(2)
        # "CIN n° …", "carte d'identité porte le numéro …", "البطاقة الوطنية للتعريف رقم …"
        labelled = any(0 <= m.start() - end <= 40 and "\n" not in text[end:m.start()]
                       for end in labels)
        if labelled or (letters not in _NOT_CIN and 5 <= len(digits) <= 6):
            yield Finding("cin", m.start(), m.end(), m.group())


# --- addresses -----------------------------------------------------------------------

_FR_STREET = (r"rue|avenue|av\.?|bd\.?|boulevard|place|impasse|allée|route|lotissement|lot\.?|"
              r"résidence|rés\.?|quartier|hay|derb|douar|cité|immeuble|imm\.?|appartement|"
              r"appt\.?|villa|angle|secteur|bloc")
_FR_CONNECT = r"(?:de|des|du|la|le|les|l'|l’|d'|d’|ibn|ben|bnou|el|al|ait|aït|ou|bis|ter|n°)"
_FR_WORD = r"(?:[A-ZÀ-Ý][\w'’\-]*\.?|\d+[A-Za-z]?|[IVX]+)"
_FR_ADDRESS = re.compile(
    rf"(?:(?:n°|N°|No\.?)[ \t]*)?(?:\d+[ \t]*(?i:bis|ter)?[ \t]*,?[ \t]*)?"
    rf"\b(?i:{_FR_STREET})(?![\w])"
    rf"(?:[ \t]+(?:(?i:{_FR_CONNECT})[ \t]*)*{_FR_WORD})+")
_AR_STREET = r"زنقة|زنقه|شارع|حي|درب|تجزئة|إقامة|اقامة|عمارة|شقة|دوار|ممر|ساحة|الطابق|قطاع|بلوك"
_AR_STOP = {"في", "من", "إلى", "الى", "على", "عن", "الذي", "التي", "وذلك", "قصد", "لأجل", "أن",
            "الساكن", "الساكنة", "القاطن", "القاطنة", "والمتعلق", "المتعلق", "بخصوص"}
_AR_ADDRESS = re.compile(
    rf"(?:(?:رقم|عدد)\s*\d+\s*(?:مكرر)?\s*[،,]?\s*)?(?:(?<![\w])|(?<=(?<![\w])[وبلف]))"
    rf"(?:{_AR_STREET})(?![\w])"
    rf"(?:[ \t]+(?:رقم[ \t]*)?[\w\-]+){{1,5}}")
_AR_NUMBER_FIRST = re.compile(r"(?<![\w])رقم\s*\d+\s*(?:مكرر)?\s*[،,]\s*(?=(?:" + _AR_STREET + r"))")
_POSTBOX = re.compile(r"(?<![\w])(?:B\.?\s?P\.?|C\.?\s?P\.?|ص\.?\s?ب\.?)\s*\d{1,6}(?!\d)")
_POSTAL_CODE = re.compile(r"\s*\d{5}(?!\d)")
# "n° 22", "Appt 3", "رقم 45": a number piece of an address.
_NUMBER_SEGMENT = re.compile(r"\s*(?:(?:n°|N°|No\.?|appt\.?|app\.?|étage|bloc|porte|رقم|عدد|الطابق|شقة)\s*)?"
                             r"\d+\s*(?:bis|ter|مكرر|[A-Za-z])?(?=\s*(?:[,،.;؛:\n)]|$))")
_CITY_SEGMENT = re.compile(r"[ \t]*(?:[A-ZÀ-Ý][\w'’\-]+)(?:[ \-](?:[A-ZÀ-Ý][\w'’\-]+|el|al)){0,2}"
                           r"(?:[ \t]+\d{5})?(?=[ \t]*(?:[,.;:\n)\[(]|$))")


def _trim_arabic(text: str, start: int, end: int) -> int:
    """Cut an Arabic street match before the first word that is not part of an address."""
    pos = start
    for word in re.finditer(r"\S+", text[start:end]):
        bare = word.group().strip("،,.؛:")
        if bare in _AR_STOP:
            return pos
        pos = start + word.end()
        if word.group() != bare:  # punctuation ends the segment
            return start + word.start() + len(word.group().rstrip("،,.؛:"))
    return pos


def _arabic_place(text: str, at: int) -> int | None:
    """End of a known city at `at`, or of a 1–2-word place followed by a known city."""
    words = list(re.finditer(r"[^\s،,.؛:]+", text[at:at + 80]))
    for n in (2, 1):
        if len(words) >= n and " ".join(w.group() for w in words[:n]) in _AR_CITIES \
                and not text[at:at + words[n - 1].end()].count("\n"):
            return at + words[n - 1].end()
    for n in (2, 1):  # "المدينة القديمة، وجدة": a quarter, then the city
        if len(words) >= n and "\n" not in text[at:at + words[n - 1].end()]:
            stop = at + words[n - 1].end()
            after = re.match(r"[ \t]*[،,][ \t]*", text[stop:])
            if after and _arabic_place_city(text, stop + after.end()):
                return stop
    return None


def _arabic_place_city(text: str, at: int) -> bool:
    words = re.findall(r"[^\s،,.؛:]+", text[at:at + 40])
    return any(" ".join(words[:n]) in _AR_CITIES for n in (1, 2))


def _extend_segments(text: str, end: int, arabic: bool) -> int:
    """Take the comma-separated pieces that continue an address (number, quarter, city,
    postal code), on the same line."""
    while True:
        m = re.match(r"[ \t]*[,،][ \t]*", text[end:])
        if not m:
            return end
        at = end + m.end()
        nxt = (_AR_ADDRESS.match(text, at) or _AR_NUMBER_FIRST.match(text, at)) if arabic \
            else _FR_ADDRESS.match(text, at)
        if nxt:
            stop = _trim_arabic(text, at, nxt.end()) if arabic else nxt.end()
            if stop <= at:
                return end
            end = stop
            continue
        piece = _NUMBER_SEGMENT.match(text, at) or _POSTAL_CODE.match(text, at)
        if piece:
            end = piece.end()
            continue
        stop = _arabic_place(text, at) if arabic else (
            _CITY_SEGMENT.match(text, at).end() if _CITY_SEGMENT.match(text, at) else None)
        if stop is None:
            return end
        end = stop


_AR_CITIES = {"الرباط", "الدار البيضاء", "فاس", "مراكش", "طنجة", "سلا", "مكناس", "أكادير", "اكادير",
              "وجدة", "القنيطرة", "تطوان", "تمارة", "آسفي", "اسفي", "الجديدة", "بني ملال", "الناظور",
              "خريبكة", "العيون", "المحمدية", "الراشيدية", "تازة", "سطات", "برشيد", "الخميسات",
              "وزان", "العرائش", "الحسيمة", "ورزازات", "تارودانت", "الداخلة", "كلميم", "الصويرة"}


def _find_addresses(text: str) -> Iterable[Finding]:
    for m in _FR_ADDRESS.finditer(text):
        # A bare street word followed only by connectors is ordinary French ("la rue").
        if not re.search(r"[A-ZÀ-Ý0-9]", text[m.start():m.end()].split(None, 1)[-1]):
            continue
        end = _extend_segments(text, m.end(), arabic=False)
        yield Finding("address", m.start(), end, text[m.start():end])
    for m in _AR_ADDRESS.finditer(text):
        head = re.match(r"(?:(?:رقم|عدد)\s*\d+\s*(?:مكرر)?\s*[،,]?\s*)?\S+", text[m.start():])
        stop = _trim_arabic(text, m.start() + head.end(), m.end())
        stop = max(stop, m.start() + head.end())
        if stop == m.start() + head.end() and not re.search(r"\d", head.group()):
            continue  # "حي" alone, a quarter with no name
        end = _extend_segments(text, stop, arabic=True)
        start = m.start()
        before = re.search(r"(?:(?:رقم|عدد)[ \t]*)?\d+[ \t]*(?:مكرر)?[ \t]*[،,]?[ \t]*$",
                           text[max(0, start - 20):start])
        if before:
            start -= len(before.group())
        yield Finding("address", start, end, text[start:end])
    for m in _POSTBOX.finditer(text):
        yield Finding("address", m.start(), m.end(), m.group())


# --- names ---------------------------------------------------------------------------

_PARTICLES = {"el", "al", "ben", "bent", "ould", "ait", "aït", "ou", "de", "d", "la", "le", "du",
              "ibn", "bel", "bou", "abou", "abu", "mr", "mme", "m", "bin", "بن", "بنت", "أبو", "ابن",
              "ولد", "آيت", "ايت"}
_AR_PREFIX = r"(?:[وفبلك]|وب|ول|فب|فل){0,1}"
# Parts of names that are also everyday words: masked only inside the whole name.
_COMMON_WORDS = {"الله", "عبد", "الرحمان", "الرحمن", "الدين", "محمد", "Mohamed", "Mohammed",
                 "Abdel", "Abd", "Allah", "Moulay", "Sidi", "Lalla", "مولاي", "سيدي", "لالة"}
_COMMON_FOLDED = {w.casefold() for w in _COMMON_WORDS}
_FR_TITLE = re.compile(
    r"(?<![\w])(?:M\.|Mr\.?|MM\.|Mme|Mmes|Mlle|Monsieur|Madame|Mademoiselle|Me|Maître|Dr\.?|"
    r"Docteur|Pr\.?|soussignée?|nommée?|dénommée?|l'intéressée?|Nom(?:\s+et\s+prénoms?)?\s*:|"
    r"Prénoms?\s*:|épouse|veuve|fils de|fille de)(?!\w)"
    r"[ \t]*(,?)[ \t]*")
# After these a comma may come before the name ("Je soussigné, Omar Lahlou").
_FR_COMMA_TITLES = ("soussign", "nomm", "dénomm", "l'intéress")
_FR_NAME_WORD = re.compile(
    r"(?:(?:el|al|ben|ait|aït|ou|ould|bel|ibn|de|d'|d’|EL|AL|BEN|AIT|OULD|BEL|IBN)[ \-]?)?"
    r"[A-ZÀ-Ý][A-Za-zÀ-ÿ'’]+(?:-[A-ZÀ-Ý][A-Za-zÀ-ÿ'’]+)?")
_FR_NOT_NAME = {"Le", "La", "Les", "Directeur", "Directrice", "Président", "Présidente",
                "Gouverneur", "Ministre", "Wali", "Caïd", "Caid", "Pacha", "Chef", "Secrétaire",
                "Maire", "Délégué", "Déléguée", "Inspecteur", "Inspectrice", "Procureur", "Juge",
                "Recteur", "Doyen", "Trésorier", "Receveur", "Percepteur", "Conservateur",
                "Commandant", "Préfet", "Sous", "Responsable", "Agent", "Administrateur",
                "Député", "Conseiller", "Conseillère", "Vice", "Premier", "Directeurs", "Chers",
                "Cher", "Monsieur", "Madame", "Objet", "Rabat", "Royaume", "Je", "Nous", "Vous"}
_AR_TITLE = re.compile(
    r"(?<![\w])(?:ل|و|ف|ب)?(?:السيد|السيدة|الآنسة|الانسة|السادة|المدعو|المدعوة|المسمى|المسماة|"
    r"الطالب|الطالبة|المواطن|المواطنة|الأستاذ|الأستاذة|الدكتور|الدكتورة|أنا\s+الموقع\s+أسفله|"
    r"الموقعة?\s+أسفله|الاسم\s+الكامل\s*:|الاسم\s+العائلي\s*:|الاسم\s+الشخصي\s*:|الاسم\s*:|"
    r"ابن|بنت|حرم|أرملة)(?!\w)[ \t]*[،,:]?[ \t]*")
_AR_NOT_NAME = {"رئيس", "رئيسة", "مدير", "مديرة", "وزير", "الوزير", "عامل", "والي", "قائد", "باشا",
                "الكاتب", "كاتب", "المحترم", "المحترمة", "العام", "المندوب", "مندوب", "نائب", "خليفة",
                "الخليفة", "عضو", "المفتش", "مفتش", "القاضي", "وكيل", "المحامي", "الحامل", "الحاملة",
                "الساكن", "الساكنة", "القاطن", "القاطنة", "المزداد", "المزدادة", "المولود",
                "المولودة", "رقم", "ذي", "ذات", "صاحب", "صاحبة", "المذكور", "المذكورة", "المعني",
                "المعنية", "بالأمر", "رئيسا", "مديرا", "المدير", "الرئيس", "المسؤول", "مسؤول",
                "في", "من", "إلى", "على", "عن", "أن", "و", "بتاريخ", "الموظف", "الموظفة", "أعلاه",
                "المحترمين", "الأفاضل", "حفظه", "حفظها", "دام", "عزه", "الذي", "التي", "مقررا", "مقررة",
                "مقرر", "كاتبا", "كاتبة", "عضوا", "عضوة", "نائبا", "بصفته", "بصفتها", "الحاملة",
                "المستفيد", "المستفيدة", "يوم", "قد", "لم", "لن", "كان", "كانت"}
_AR_PARTICLE_WORDS = {"بن", "بنت", "ابن", "أبو", "ابو", "آيت", "ايت", "ولد", "عبد", "مولاي", "سيدي", "لالة"}


def _fold(text: str) -> str:
    return text.casefold()


def _name_token_pattern(token: str) -> str:
    body = re.escape(token)
    if re.search(r"[\u0600-\u06FF]", token):
        alts = [body]
        if token.startswith("ال") and len(token) > 3:
            alts.append("ل" + re.escape(token[1:]))  # ل + العلمي -> للعلمي
        return rf"(?<![\w]){_AR_PREFIX}(?:{'|'.join(alts)})(?![\w])"
    return rf"(?<![\w]){body}(?![\w])"


def _find_field_names(text: str, names: Iterable[str]) -> list[Finding]:
    spans: list[tuple[int, int]] = []
    for name in names:
        tokens = [t for t in re.split(r"[\s,;]+", str(name or "")) if t]
        if len(tokens) > 1:  # the whole name, however it is spaced
            whole = r"[\s\-]+".join(re.escape(t) for t in tokens)
            spans += [(m.start(), m.end()) for m in
                      re.finditer(rf"(?<![\w]){_AR_PREFIX}{whole}(?![\w])", text, re.IGNORECASE)]
        for token in tokens:
            bare = token.strip(".'’-")
            if len(bare) < 3 or _fold(bare) in _PARTICLES or _fold(bare) in _COMMON_FOLDED:
                continue
            for m in re.finditer(_name_token_pattern(bare), text, re.IGNORECASE):
                spans.append((m.start(), m.end()))
    spans.sort()
    merged: list[list[int]] = []
    for start, end in spans:
        if merged:
            gap = text[merged[-1][1]:start]
            words = [w for w in re.split(r"[\s\-]+", gap) if w]
            if start <= merged[-1][1] or (len(gap) <= 12 and "\n" not in gap and
                                          all(_fold(w) in _PARTICLES for w in words)):
                merged[-1][1] = max(merged[-1][1], end)
                continue
        merged.append([start, end])
    return [Finding("name", s, e, text[s:e]) for s, e in merged]


def _find_titled_names(text: str) -> Iterable[Finding]:
    for m in _FR_TITLE.finditer(text):
        if m.group(1) and not m.group().lower().startswith(_FR_COMMA_TITLES):
            continue  # "Monsieur," is a salutation, not a name
        pos, end = m.end(), None
        for _ in range(4):
            word = _FR_NAME_WORD.match(text, pos)
            if not word or word.group() in _FR_NOT_NAME or word.group().rstrip(".") in _FR_NOT_NAME:
                break
            end = word.end()
            gap = re.match(r"[ \-]", text[end:end + 1])
            if not gap:
                break
            pos = end + 1
        if end:
            yield Finding("name", m.end(), end, text[m.end():end])
    for m in _AR_TITLE.finditer(text):
        pos, end, words = m.end(), None, []
        for _ in range(4):
            word = re.match(r"[\u0600-\u06FF]+", text[pos:])
            if not word or word.group() in _AR_NOT_NAME:
                break
            # No capital letters in Arabic: past two words, go on only for a compound
            # name (عبد، بن…) or a family name in -ي (التازي، الفاسي).
            if len(words) >= 2 and not (set(words) & _AR_PARTICLE_WORDS
                                        or word.group().endswith("ي")):
                break
            words.append(word.group())
            end = pos + word.end()
            gap = re.match(r"[ \-]", text[end:end + 1])
            if not gap:
                break
            pos = end + 1
        if end:
            yield Finding("name", m.end(), end, text[m.end():end])


# --- all together --------------------------------------------------------------------

def find_personal_data(text: str, names: Iterable[str] = (),
                       kinds: Iterable[str] = KINDS) -> list[Finding]:
    """Every piece of personal data in `text`, in order, never overlapping.

    `names`: the people's names typed in the form's fields (recipient, citizen…).
    Where two findings overlap, the more specific kind wins (an e-mail over a
    name inside it); an address is cut short rather than swallow a phone number.
    """
    wanted = set(kinds)
    work = text.translate(_DIGITS)
    found: list[Finding] = []
    if "email" in wanted:
        found += [Finding("email", m.start(), m.end(), m.group()) for m in _EMAIL.finditer(work)]
    if "iban" in wanted:
        found += _find_ibans(work)
    if "rib" in wanted:
        found += _find_ribs(work)
    if "phone" in wanted:
        found += _find_phones(work)
    if "cin" in wanted:
        found += _find_cins(work)
    if "address" in wanted:
        found += _find_addresses(work)
    if "name" in wanted:
        found += _find_field_names(work, names)
        found += _find_titled_names(work)
    return _resolve_overlaps(text, found)


def _resolve_overlaps(text: str, found: list[Finding]) -> list[Finding]:
    chosen: list[tuple[int, int, str]] = []
    # Specific kinds first; within a kind, longer first.
    for f in sorted(found, key=lambda f: (_PRIORITY[f.kind], -(f.end - f.start), f.start)):
        start, end = f.start, f.end
        for c_start, c_end, _ in chosen:
            if start < c_end and c_start < end:
                if f.kind == "address" and start < c_start:
                    end = c_start  # keep the street part before the phone or the name
                elif f.kind == "name" and c_start <= start < c_end <= end:
                    start = c_end
                else:
                    start = end  # drop it
        # strip trailing spaces and punctuation from what remains
        while end > start and text[end - 1] in " \t,،.;:-":
            end -= 1
        if end - start >= 2 and not any(start < ce and cs < end for cs, ce, _ in chosen):
            chosen.append((start, end, f.kind))
    chosen.sort()
    return [Finding(kind, s, e, text[s:e]) for s, e, kind in chosen]
