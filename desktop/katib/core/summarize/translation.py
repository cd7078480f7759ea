"""Checks on a point the model translated, before it replaces the source sentence.

The default 270M model translates poorly: measured on 20 French key points, into
Arabic it mostly copied the French, and with a one-shot example it wrote fluent
Arabic about other things entirely; into English it changed facts ("bagarres"
became "robberies"). A check cannot prove a translation right, but it can catch
what such failures look like: the wrong language or script, a figure added or
lost, a length far from the source's, a Latin-script name dropped between French
and English. A translation that fails keeps the original sentence, flagged, so
the reader sees the source's own words rather than invented ones.
"""

from __future__ import annotations

import re

from katib.core.documents.language import detect_language, script_counts
from katib.core.summarize.citations import figures, unsupported_figures

# Words per source word in a faithful translation (Arabic attaches articles and
# prepositions, so it runs shorter than French or English).
LENGTH_RANGE = (0.45, 1.8)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zà-ÿ]{2,}\b")


def acceptable(translation: str, source_text: str, source: str, target: str) -> bool:
    """True when `translation` passes every check for `source` -> `target`."""
    if not translation:
        return False
    arabic, latin = script_counts(translation)
    if target == "ar" and arabic < 3 * latin:
        return False  # left (mostly) in the source language
    if target != "ar" and (arabic > 0 or detect_language(translation) != target):
        return False
    ratio = len(translation.split()) / max(1, len(source_text.split()))
    if not LENGTH_RANGE[0] <= ratio <= LENGTH_RANGE[1]:
        return False
    if unsupported_figures(translation, source_text) or (
            figures(source_text) - figures(translation)):
        return False
    if source != "ar" and target != "ar":
        # Names are written the same in French and English.
        names = set(_NAME.findall(source_text))
        if names and len(names - set(_NAME.findall(translation))) > len(names) // 3:
            return False
    return True
