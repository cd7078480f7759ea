"""Field and office values as the frame writes them, with placeholders recorded.

Office identity values may carry one text per language, separated by " | ",
in the order fr | ar | en; with two texts, the one in Arabic script serves
Arabic and the other French and English; a single text serves every language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from katib.core.drafting import formulas as F
from katib.core.drafting.dates import format_value
from katib.core.drafting.templates import MARKER, OFFICE_MARKERS, Template
from katib.core.settings import OfficeIdentity

_ARABIC = re.compile(r"[\u0600-\u06ff]")


@dataclass
class Placeholder:
    """A required field left empty, shown as [À COMPLÉTER] in `block`."""

    field: str
    block: str


def office_text(value: str, lang: str) -> str:
    """The office identity value for `lang` (see the module docstring)."""
    parts = [p.strip() for p in (value or "").split(" | ") if p.strip()]
    if not parts:
        return ""
    if len(parts) >= 3:
        return parts[{"fr": 0, "ar": 1, "en": 2}.get(lang, 0)]
    if len(parts) == 2:
        arabic = [p for p in parts if _ARABIC.search(p)]
        latin = [p for p in parts if not _ARABIC.search(p)]
        if lang == "ar" and arabic:
            return arabic[0]
        return latin[0] if latin else parts[0]
    return parts[0]


def is_empty(value) -> bool:
    if value is None:
        return True
    if isinstance(value, (list, tuple)):
        return not any(str(v).strip() for v in value)
    return not str(value).strip()


def as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [p.strip() for p in re.split(r"\n|;", str(value)) if p.strip()]


class Filler:
    """Field values written for one language, recording the placeholders it emits."""

    def __init__(self, template: Template, lang: str, fields: dict,
                 office: OfficeIdentity | None = None) -> None:
        self.template, self.lang, self.fields = template, lang, fields
        self.office = office or OfficeIdentity()
        self.placeholders: list[Placeholder] = []
        self.required = template.required_names(fields)

    def value(self, name: str) -> str:
        """The field's text for the frame ('' when empty)."""
        if name in OFFICE_MARKERS:
            return office_text(getattr(self.office, name.removeprefix("office_")), self.lang)
        raw = self.fields.get(name)
        spec = self.template.field(name)
        if is_empty(raw):
            if spec is not None and not is_empty(spec.default) and spec.type == "choice":
                raw = spec.default
            else:
                return ""
        if spec is not None and spec.type == "date":
            return format_value(str(raw), self.lang)
        if spec is not None and spec.type == "choice":
            choice = next((c for c in spec.choices if c.value == str(raw)), None)
            return choice.label_for(self.lang) if choice else str(raw)
        if isinstance(raw, (list, tuple)):
            return ", " .join(as_list(raw)) if self.lang != "ar" else "، ".join(as_list(raw))
        return str(raw).strip()

    def required_missing(self, name: str) -> bool:
        if name in OFFICE_MARKERS:  # the office identity must say who signs
            return not self.value(name)
        return name in self.required and is_empty(self.fields.get(name))

    def mark(self, name: str, block: str) -> str:
        if not any(p.field == name and p.block == block for p in self.placeholders):
            self.placeholders.append(Placeholder(name, block))
        return F.PLACEHOLDER[self.lang]

    def get(self, name: str, block: str) -> str:
        """The value, or a placeholder for a required field left empty, or ''."""
        text = self.value(name)
        if text:
            return text
        return self.mark(name, block) if self.required_missing(name) else ""

    def fill_line(self, line: str, block: str) -> str | None:
        """Substitute {markers}; None when an optional field is empty (the line is dropped)."""
        out, dropped = line, False
        for name in MARKER.findall(line):
            text = self.get(name, block)
            if not text:
                dropped = True
            out = out.replace("{" + name + "}", text)
        return None if dropped else out

    def fill_lines(self, lines: list[str], block: str) -> list[str]:
        result = []
        for line in lines:
            names = MARKER.findall(line)
            spec = self.template.field(names[0]) if len(names) == 1 else None
            if spec is not None and spec.type == "list" and line.strip() == "{" + spec.name + "}":
                items = as_list(self.fields.get(spec.name))
                if items:
                    result += [f"- {item}" for item in items]
                elif self.required_missing(spec.name):
                    result.append("- " + self.mark(spec.name, block))
                continue
            filled = self.fill_line(line, block)
            if filled is not None:
                result.append(filled)
        return result


def title_head(title: str) -> str:
    """'Directeur régional de l'Équipement' -> 'Directeur régional' (for the appel)."""
    head = re.split(r"\s+(?:de|du|des|d'|d’|chargée?|auprès)\b|,", title, maxsplit=1)[0]
    head = re.sub(r"^(?:Monsieur|Madame)\s+(?:le|la|l'|l’)\s*", "", head.strip())
    return head.strip() or title


def with_article(civility: str, title: str) -> str:
    title = re.sub(r"^(?:Monsieur|Madame)\s+(?:le|la|l'|l’)\s*", "", title.strip())
    if re.match(r"^[AEIOUYÉÈÊaeiouyéèê]", title):
        article = "l'"
    else:
        article = "la " if civility == "mme" else "le "
    return ("Madame " if civility == "mme" else "Monsieur ") + article + title
