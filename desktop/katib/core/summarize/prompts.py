"""Frames for the model, per output language.

The default model is a base model: it continues documents. So each request is
the beginning of a document whose next line is what we want — a dossier's
cover objet, a translated sentence (the shortening frames are in compress.py)
— and a stop string ends it.
Fixed text comes first so consecutive requests share a cached prefix.
"""

from __future__ import annotations

import re

from katib.core.prompts import Sampling

LANG_NAMES = {
    "fr": {"fr": "français", "ar": "arabe", "en": "anglais"},
    "ar": {"fr": "الفرنسية", "ar": "العربية", "en": "الإنجليزية"},
    "en": {"fr": "French", "ar": "Arabic", "en": "English"},
}
# The excerpts go in as plain text: numbered lines make the model continue the
# numbering instead of writing (citations are attached in code, not by the model).
HEAD = {
    "fr": "Document : {name}\n\n{excerpts}\n\n",
    "ar": "الوثيقة: {name}\n\n{excerpts}\n\n",
    "en": "Document: {name}\n\n{excerpts}\n\n",
}
# "En résumé," is what the model continues best (measured against "Objet :", which
# it answers with a citation marker or nothing).
OBJET = {"fr": "En résumé,", "ar": "وباختصار،", "en": "In summary,"}
STOPS = ["\n"]

# Greedy decoding loops on a 270M model; a firm repeat penalty keeps it moving.
SAMPLING = Sampling(temperature=0.0, repeat_penalty=1.3)


def translate_prompt(text: str, source: str, target: str) -> str:
    names = LANG_NAMES["en"]
    return (f"{names[source]}: {text}\n{names[target]}:")


_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


def clean(text: str, max_words: int = 45) -> str:
    """First real line of a model's answer, repeated sentences cut, length capped."""
    lines = [line.strip(" -•*\t") for line in text.strip().splitlines() if line.strip(" -•*\t")]
    if not lines:
        return ""
    line = re.sub(r"\[\d+(?::\d+)?\]", "", lines[0]).strip()
    if line[:1].islower():
        line = line[0].upper() + line[1:]
    kept: list[str] = []
    for sentence in _SENTENCE_END.split(line):
        if sentence and sentence.lower() not in (k.lower() for k in kept):
            kept.append(sentence)
    words = " ".join(kept).split()
    if len(words) > max_words:
        words = words[:max_words]
        # Back up to the last comma or sentence end so the objet does not stop mid-phrase.
        for index in range(len(words) - 1, max_words // 2, -1):
            if words[index].endswith((",", ".", ";", "؛", "،")):
                words = words[: index + 1]
                break
    return " ".join(words).rstrip(",;،؛ ")
