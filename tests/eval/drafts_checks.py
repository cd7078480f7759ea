"""Independent checks of a drafted document, shared by the eval and the tests.

They read what a user gets — the PDF LibreOffice makes from the .docx — and
look for each block of the frame with patterns written here, not taken from
the drafting code, so a frame bug cannot hide behind its own definition.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path

BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
CITY = {"fr": "Sidi Taibi", "ar": "سيدي الطيبي", "en": "Sidi Taibi"}
SIGNER = {"fr": "Ahmed Benali", "ar": "أحمد بنعلي", "en": "Ahmed Benali"}
STATE = {"fr": "ROYAUME DU MAROC", "ar": "المملكة المغربية", "en": "KINGDOM OF MOROCCO"}
# As pdftotext gives them back: around Arabic it moves the brackets (mirrored
# characters) to the other end of the line, so only the word is looked for.
PLACEHOLDERS = {"fr": "[À COMPLÉTER]", "ar": "يُستكمل", "en": "[TO COMPLETE]"}

# Blocks expected in order, per form and language: (name, regex). The first two
# (timbre, lieu et date) share a row of the header table, so only their presence counts.
OPENINGS = {"fr": r"J'ai l'honneur|J'ai le regret|Je soussigné|Il est porté|Le \d",
            "ar": r"يشرفني|يؤسفني|أشهد|بتاريخ",
            "en": r"I have the honour|I regret|I, the undersigned|All staff|On \d"}


def expected_blocks(form: str, lang: str, title: str | None) -> list[tuple[str, str]]:
    head = [("timbre", STATE[lang]),
            ("lieu-date", {"fr": r"Sidi Taibi, le \d", "ar": r"سيدي الطيبي في", "en": r"Sidi Taibi, \d"}[lang])]
    objet = {"fr": r"Objet\s*:", "ar": r"الموضوع\s*:", "en": r"Subject\s*:"}[lang]
    blocks = list(head)
    if title:
        blocks.append(("titre", re.escape(title).replace("\\ ", " ")))
    if form == "personal":
        if lang == "ar":
            blocks += [("de-à", r"من .*\n?.*إلى (السيد|السيدة)"), ("objet", objet),
                       ("salutation", "سلام تام بوجود مولانا الإمام"), ("wa-baad", "وبعد")]
        else:
            blocks += [("suscription", r"Monsieur|Madame|Mr|Ms"), ("objet", objet),
                       ("appel", r"\n\s*(Monsieur|Madame)[^\n]*,\s*\n" if lang == "fr" else r"Dear (Sir|Madam)")]
        blocks += [("corps", OPENINGS[lang]),
                   ("politesse", {"fr": r"Je vous prie (de bien vouloir )?d'agréer",
                                  "ar": r"وتقبلوا|وتفضلوا|والسلام",
                                  "en": r"Yours (faithfully|sincerely|respectfully)|Please accept"}[lang])]
    elif form == "administrative":
        if lang == "fr":
            blocks += [("expéditeur", r"Le Président"), ("à", r"\n\s*à\s*\n"), ("destinataire", r"Monsieur|Madame")]
        elif lang == "ar":
            blocks += [("de-à", r"من .*\n?.*إلى (السيد|السيدة)")]
        else:
            blocks += [("from", r"From:"), ("to", r"To:")]
        blocks.append(("objet", objet))
        if lang == "ar":
            blocks += [("salutation", "سلام تام بوجود مولانا الإمام")]
        blocks += [("corps", OPENINGS[lang])]
        if lang == "ar":
            blocks += [("clôture", r"والسلام|وتقبلوا|وتفضلوا")]
    elif form == "note":
        blocks += [("destinataires", {"fr": r"Destinataires\s*:", "ar": r"إلى\s*:", "en": r"To:"}[lang]),
                   ("objet", objet), ("instruction", OPENINGS[lang]),
                   ("date d'effet", {"fr": r"prend effet", "ar": r"ويسري العمل", "en": r"takes effect"}[lang])]
    elif form == "attestation":
        blocks += [("je soussigné", OPENINGS[lang]),
                   ("valoir", {"fr": r"pour servir et valoir ce que de droit", "ar": r"للإدلاء بها",
                               "en": r"to serve whatever purpose"}[lang])]
    elif form == "minutes":
        blocks += [("séance", {"fr": r"Instance\s*:", "ar": r"الهيئة\s*:", "en": r"Body:"}[lang]),
                   ("présents", {"fr": r"Présents\s*:", "ar": r"الحاضرون\s*:", "en": r"Present:"}[lang]),
                   ("ordre du jour", {"fr": r"Ordre du jour\s*:", "ar": r"جدول الأعمال\s*:", "en": r"Agenda:"}[lang]),
                   ("délibérations", OPENINGS[lang]),
                   ("décisions", {"fr": r"Décisions et votes", "ar": r"القرارات", "en": r"Decisions and votes"}[lang]),
                   ("clôture", {"fr": r"séance est levée", "ar": r"رفعت الجلسة", "en": r"meeting closed"}[lang])]
        blocks += [("signatures", {"fr": r"Secrétaire de séance", "ar": r"كاتب الجلسة", "en": r"Secretary:"}[lang])]
        return blocks
    blocks.append(("signature", SIGNER[lang]))
    return blocks


def pdf_form(text: str) -> str:
    """pdftotext's view of a pattern: it writes lam-alef ligatures as alef then lam."""
    return re.sub("ل([اأإآ])", r"\1ل", text)


def check_blocks(text: str, form: str, lang: str, title: str | None) -> tuple[int, int, list[str]]:
    """(blocks found in order, blocks expected, names of the missing/misplaced ones)."""
    text = BIDI_MARKS.sub("", text)
    found, missing, pos = 0, [], 0
    for i, (name, pattern) in enumerate(expected_blocks(form, lang, title)):
        pattern = pattern.replace(" ", r"\s+")  # a block may wrap onto the next line
        regex = re.compile(pdf_form(pattern) if lang == "ar" else pattern)
        start = 0 if i < 2 else pos  # the header row: presence only
        m = regex.search(text, start)
        if m:
            found += 1
            if i >= 1:
                pos = max(pos, m.end()) if i >= 2 else pos
        else:
            missing.append(name)
    return found, len(expected_blocks(form, lang, title)), missing


def convert_to_pdf(files: list[Path], outdir: Path) -> dict[Path, str]:
    """Convert .docx files with LibreOffice (private profile), return {docx: pdftotext -layout}."""
    profile = Path(tempfile.mkdtemp(prefix="katib-lo-profile-"))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(outdir), *map(str, files)],
                   check=True, capture_output=True, timeout=600,
                   env={**os.environ, "HOME": str(profile)})
    texts = {}
    for path in files:
        pdf = outdir / (path.stem + ".pdf")
        out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                             capture_output=True, text=True)
        texts[path] = BIDI_MARKS.sub("", out.stdout)
    return texts


FR_WORDS = set(["le", "la", "les", "des", "du", "de", "un", "une", "et", "est", "en", "que", "qui", "dans", "pour", "pas", "sur", "au", "aux", "ce", "cette", "vous", "nous", "votre", "vos", "je", "sont", "par", "avec", "été"])
EN_WORDS = set(["the", "of", "and", "to", "in", "is", "that", "for", "it", "with", "as", "was", "on", "be", "by", "are", "this", "at", "from", "your", "you", "we", "have", "has", "been", "will"])


def language_of(text: str) -> str:
    arabic = len(re.findall(r"[\u0600-\u06ff]", text))
    latin = len(re.findall(r"[A-Za-zÀ-ÿ]", text))
    if arabic + latin == 0:
        return "und"
    if arabic > latin:
        return "ar"
    words = re.findall(r"[a-zà-ÿ']+", text.lower())
    fr = sum(w in FR_WORDS for w in words)
    en = sum(w in EN_WORDS for w in words)
    return "fr" if fr >= en else "en"


_CANDIDATES = re.compile(r"\d+(?:[.,/]\d+)*|(?<=[a-zà-ÿ,;] )[A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+)*")


def unflagged_facts(draft, scenario_texts: list[str]) -> list[str]:
    """Digit runs and mid-sentence capitalised names in the body that no field, frame
    or template text contains, and that no flag covers (a second, independent look)."""
    known = "\n".join(scenario_texts + [b.text for b in draft.blocks] + [draft.lead, draft.tail])
    known_digits = set(re.findall(r"\d+", known))
    known_lower = known.lower()
    result = []
    for m in _CANDIDATES.finditer(draft.body):
        text = m.group(0)
        if text[0].isdigit():
            if all(d in known_digits for d in re.findall(r"\d+", text)):
                continue
        elif text.lower() in known_lower:
            continue
        if not any(f.start < m.end() and m.start() < f.end for f in draft.flags):
            result.append(text)
    return result
