"""The "anonymize" action: personal data replaced by labels, reversibly inside Katib.

Inside Katib, `Masking` replaces each piece of personal data by a numbered label
in the document's language ("[NOM-1]", "[الاسم-1]") and keeps the mapping, so the
clerk can restore the text; the same person always gets the same label. The
mapping is a plain dict (`to_dict`/`from_dict`) for the store to keep next to
the draft: never in an exported file.

For an exported file, `redact(text)` gives the labelled text with no mapping
kept anywhere: irreversible. `katib.core.privacy.docx_redact.redact_docx` does
the same to a .docx, its headers, footers, tables and properties included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from katib.core.privacy.detect import KINDS, Finding, find_personal_data

LABELS = {
    "name": {"fr": "NOM", "ar": "الاسم", "en": "NAME"},
    "cin": {"fr": "CIN", "ar": "ب.ت.و", "en": "ID-CARD"},
    "phone": {"fr": "TÉLÉPHONE", "ar": "الهاتف", "en": "PHONE"},
    "email": {"fr": "COURRIEL", "ar": "البريد", "en": "EMAIL"},
    "iban": {"fr": "IBAN", "ar": "IBAN", "en": "IBAN"},
    "rib": {"fr": "RIB", "ar": "RIB", "en": "RIB"},
    "address": {"fr": "ADRESSE", "ar": "العنوان", "en": "ADDRESS"},
}
# A known value is masked wherever it stands, even glued to an Arabic proclitic
# (و، ب، ل…), but not inside a longer Latin word ("Ali" in "Alignement").
_LITERAL_EDGE = r"(?<![A-Za-z0-9\u00C0-\u024F])"
_LABEL_RE = re.compile(r"\[(?:" + "|".join(re.escape(v) for d in LABELS.values()
                                           for v in set(d.values())) + r")-\d+\]")


def _key(kind: str, text: str) -> str:
    """Two spellings of one value get one label: case, spaces and separators ignored."""
    compact = re.sub(r"[\s.\-()]+", "", text).casefold()
    if kind == "phone":
        digits = re.sub(r"\D", "", compact.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))
        digits = digits[5:] if digits.startswith("00212") else digits
        digits = digits[3:] if digits.startswith("212") else digits
        compact = digits.lstrip("0")
    return f"{kind}:{compact}"


@dataclass
class Masking:
    """A reversible masking session for one document (a draft, a summary).

    `mask(text)` labels personal data and remembers the originals;
    `restore(text)` puts them back, even after the clerk edited around the labels.
    """

    lang: str = "fr"
    names: list[str] = field(default_factory=list)
    originals: dict[str, str] = field(default_factory=dict)  # label -> original text
    _labels: dict[str, str] = field(default_factory=dict)  # normalized value -> label
    _counts: dict[str, int] = field(default_factory=dict)
    # The values known when this session was first used (a stored item's mapping), as
    # one pattern built once: a long document adds thousands of values while it is
    # masked, and those the detector finds again anyway.
    _known: tuple | None = field(default=None, repr=False)

    def label_for(self, finding: Finding) -> str:
        key = _key(finding.kind, finding.text)
        if key not in self._labels:
            count = self._counts.get(finding.kind, 0) + 1
            self._counts[finding.kind] = count
            word = LABELS[finding.kind].get(self.lang, LABELS[finding.kind]["en"])
            label = f"[{word}-{count}]"
            self._labels[key] = label
            self.originals[label] = finding.text
        return self._labels[key]

    def find(self, text: str, kinds: Iterable[str] = KINDS) -> list[Finding]:
        """Personal data in `text`: what the detector finds, plus every value this
        session already masked wherever it appears again (an exported frame repeats
        the names of a masked body), without overlaps, in order."""
        found = list(find_personal_data(text, self.names, kinds))
        if self._known is None:
            self._known = _known_values(self.originals, self._labels)
        pattern, kind_of = self._known
        if pattern is not None:
            found += [Finding(kind_of.get(m.group().casefold(), "name"), m.start(), m.end(),
                              m.group()) for m in pattern.finditer(text)]
        found.sort(key=lambda f: (f.start, f.start - f.end))
        kept: list[Finding] = []
        for finding in found:
            if not kept or finding.start >= kept[-1].end:
                kept.append(finding)
        return kept

    def mask(self, text: str, kinds: Iterable[str] = KINDS) -> str:
        """`text` with every piece of personal data replaced by its label."""
        findings = self.find(text, kinds)
        out, pos = [], 0
        for f in findings:
            out.append(text[pos:f.start])
            out.append(self.label_for(f))
            pos = f.end
        out.append(text[pos:])
        return "".join(out)

    def restore(self, text: str) -> str:
        """Put the original values back in place of the labels this session gave."""
        return _LABEL_RE.sub(lambda m: self.originals.get(m.group(), m.group()), text)

    def mask_all(self, value):
        """`mask` every string inside a JSON-like value (a summary's sections and sources)."""
        return _each_string(value, self.mask)

    def restore_all(self, value):
        """`restore` every string inside a JSON-like value."""
        return _each_string(value, self.restore)

    def to_dict(self) -> dict:
        """What the store keeps beside the draft to restore it later (never exported)."""
        return {"lang": self.lang, "names": list(self.names), "originals": dict(self.originals),
                "labels": dict(self._labels), "counts": dict(self._counts)}

    @classmethod
    def from_dict(cls, data: dict) -> "Masking":
        masking = cls(lang=data.get("lang", "fr"), names=list(data.get("names", [])))
        masking.originals = dict(data.get("originals", {}))
        masking._labels = dict(data.get("labels", {}))
        masking._counts = {k: int(v) for k, v in data.get("counts", {}).items()}
        return masking


def _known_values(originals: dict[str, str], labels: dict[str, str]) -> tuple:
    """(one pattern matching every known original, kind of each original by its text)."""
    kind_of_label = {label: key.split(":", 1)[0] for key, label in labels.items()}
    values = {o.casefold(): kind_of_label.get(label, "name")
              for label, o in originals.items() if o.strip()}
    if not values:
        return None, {}
    alternatives = "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))
    return re.compile(_LITERAL_EDGE + f"(?:{alternatives})" + r"(?!\w)", re.IGNORECASE), values


def _each_string(value, change):
    if isinstance(value, str):
        return change(value)
    if isinstance(value, dict):
        return {k: _each_string(v, change) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_each_string(v, change) for v in value]
    return value


def redact(text: str, names: Iterable[str] = (), lang: str = "fr",
           kinds: Iterable[str] = KINDS) -> str:
    """Irreversible masking for an exported file: labels only, the mapping is discarded."""
    return Masking(lang=lang, names=list(names)).mask(text, kinds)


def mask_text(text: str, names: Iterable[str] = (), lang: str = "fr",
              masking: Masking | None = None) -> tuple[str, Masking]:
    """Reversible masking: (masked text, the Masking that can restore it)."""
    masking = masking or Masking(lang=lang, names=list(names))
    return masking.mask(text), masking
