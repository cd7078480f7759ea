"""The extractive sections of a note: decisions and deadlines, figures, actions.

A 270M model invents numbers and dates; the source does not. These sections
are the source's own sentences, found by cue words per language and ranked by
centrality, each citing its block by construction.
"""

from __future__ import annotations

import re

from katib.core.summarize.citations import figures
from katib.core.summarize.selection import Sentence

DECISION = {
    "fr": r"\b(?:décid|décisi|adopt|approuv|résolu|arrêt|valid|accord|vote|voté|autoris|rejet|"
          r"refus|échéanc|au plus tard|avant le|délai|date limite|à compter du|prend effet)",
    "en": r"\b(?:decid|decision|adopt|approv|resolv|resolution|agreed|vote|authori[sz]|reject|"
          r"deadline|due (?:by|on)|no later than|effective (?:on|from)|comment period)",
    "ar": r"(?:قرر|قرار|صادق|المصادقة|وافق|الموافقة|اعتمد|أجل|آجال|موعد|في أجل|ابتداء من)",
}
ACTION = {
    "fr": r"\b(?:(?:est|sont) (?:prié|invité|tenu|demandé)|doi(?:t|vent) |devr(?:a|ont) |"
          r"il convient de|veuillez|merci de|il est demandé|à transmettre|à fournir|"
          r"à adresser|à remettre|je vous demande|nous vous demandons)",
    "en": r"\b(?:must|should|shall|required|requested|please|need to|needs to|asked to|"
          r"send|submit|provide|will write|action)",
    "ar": r"(?:يجب|يتعين|المطلوب|يرجى|المرجو|مطالب|ينبغي|موافاة|إرسال)",
}
UNIT = re.compile(r"%|€|\$|£|\bDH\b|\bMAD\b|درهم|\beuros?\b|\bdollars?\b|\bmillions?\b|"
                  r"\bmilliards?\b|\bbillion\b", re.IGNORECASE)
LEAD_IN = re.compile(r"^(?:ATTENDU(?: QUE| QU’| QU')?|CONSIDÉRANT(?: QUE)?|VU|WHEREAS|"
                     r"وحيث إن|وبناء على)\s*", re.IGNORECASE)


def shorten(text: str, max_words: int = 40) -> str:
    """A sentence trimmed of legal lead-ins and capped in length (at a comma when possible)."""
    text = LEAD_IN.sub("", text.strip()).strip(" ;,")
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    words = text.split()
    if len(words) <= max_words:
        return text
    cut = words[:max_words]
    for index in range(len(cut) - 1, max_words // 2, -1):
        if cut[index].endswith((",", ";", "،", ":")):
            cut = cut[: index + 1]
            break
    return " ".join(cut).rstrip(",;:،") + " …"


def has_figure(text: str) -> bool:
    values = figures(text)
    # A lone small number ("2.", "article 3") is not a figure a manager looks for.
    return bool(UNIT.search(text) and values) or any(
        len(re.sub(r"\D", "", v)) >= 3 for v in values)


def pick(sentences: list[Sentence], pattern: str | None, count: int, used: set[int],
         test=None) -> list[Sentence]:
    """The best-scored sentences matching a cue, not already used elsewhere in the note."""
    regex = re.compile(pattern, re.IGNORECASE) if pattern else None
    chosen = []
    for s in sorted(sentences, key=lambda x: -x.score):
        if s.index in used or s.words > 80 or s.words < 6 or s.text.rstrip().endswith(":"):
            continue
        if regex is not None and not regex.search(s.text):
            continue
        if test is not None and not test(s.text):
            continue
        chosen.append(s)
        used.add(s.index)
        if len(chosen) >= count:
            break
    return sorted(chosen, key=lambda x: x.index)


def extractive_sections(sentences: list[Sentence], lang: str, count: int,
                        used: set[int]) -> dict[str, list[Sentence]]:
    """Sentences for the decisions, figures and actions sections."""
    cue_lang = lang if lang in DECISION else "en"
    # Actions have the narrowest cues, so they choose first; the note lists them last.
    taken_by_points = set(used)
    actions = pick(sentences, ACTION[cue_lang], count, used)
    decisions = pick(sentences, DECISION[cue_lang], count, used)
    numbers = pick(sentences, None, count, used, test=has_figure)
    # A section left empty may repeat a key point rather than hide a decision.
    free = used - taken_by_points
    if not actions:
        actions = pick(sentences, ACTION[cue_lang], count, set(free))
    if not decisions:
        decisions = pick(sentences, DECISION[cue_lang], count, set(free))
    if not numbers:
        numbers = pick(sentences, None, count, set(free), test=has_figure)
    return {"decisions": decisions, "figures": numbers, "actions": actions}
