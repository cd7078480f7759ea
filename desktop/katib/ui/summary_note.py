"""What the Summarize screen shows and keeps: a note in sections, and the passages it cites.

The note is kept in the store as plain data (`to_data` / `from_data`), with
the text of every cited passage, so a summary reopened from the history still
shows its sources even when the original files are gone or moved.
"""

from __future__ import annotations

import html
import re
from dataclasses import asdict, dataclass, field

from katib.core.documents.bidi_text import LRI, PDI, is_rtl, mark_ltr_runs

# [3], [12], and for a dossier of several files [2.5] or [2:5] (file 2, block 5).
CITATION = re.compile(r"\[(\d+(?:[.:]\d+)?)\]")


@dataclass
class Passage:
    """A cited block: where it is and what it says (with its neighbours, for context)."""

    key: str
    file: str
    text: str
    page: int | None = None
    paragraph: int = 0
    before: str = ""
    after: str = ""


@dataclass
class NoteSection:
    """One heading of the note (Objet, Points clés…) and its points, each with citations."""

    title: str
    points: list[str] = field(default_factory=list)


@dataclass
class Note:
    """A note de synthèse as the window shows it."""

    title: str = ""
    lang: str = "fr"
    detail: str = "standard"
    sections: list[NoteSection] = field(default_factory=list)
    passages: dict[str, Passage] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def text(self) -> str:
        """Plain text (what the store indexes for search)."""
        lines = [self.title] if self.title else []
        for section in self.sections:
            lines.append(section.title)
            lines.extend(f"- {point}" for point in section.points)
        return "\n".join(lines)

    def citations(self) -> list[str]:
        return [m.group(1) for s in self.sections for p in s.points
                for m in CITATION.finditer(p)]

    def to_data(self) -> dict:
        return {"kind": "note", "title": self.title, "lang": self.lang, "detail": self.detail,
                "files": self.files, "warnings": self.warnings,
                "sections": [asdict(s) for s in self.sections],
                "passages": {k: asdict(p) for k, p in self.passages.items()}}

    @classmethod
    def from_data(cls, data: dict, fallback_text: str = "", lang: str = "fr") -> Note:
        """Rebuild a stored note; a summary stored without data shows its plain text."""
        if not data.get("sections"):
            lines = [line.lstrip("- ") for line in fallback_text.splitlines() if line.strip()]
            return cls(lang=lang, sections=[NoteSection("", lines)])
        if "key" in data["sections"][0]:  # written by `katib summarize` (the core's form)
            return cls.from_core_data(data, lang)
        return cls(title=data.get("title", ""), lang=data.get("lang", lang),
                   detail=data.get("detail", "standard"), files=data.get("files", []),
                   warnings=data.get("warnings", []),
                   sections=[NoteSection(s["title"], list(s["points"]))
                             for s in data["sections"]],
                   passages={k: Passage(**p) for k, p in data.get("passages", {}).items()})

    @classmethod
    def from_core_data(cls, data: dict, lang: str = "fr") -> Note:
        """A note stored by the command line (`katib.core` Note.to_dict): the same
        sections, points and cited passages as the window would have made."""
        from katib.core.summarize.note import TITLES

        lang = data.get("lang", lang)
        titles = TITLES.get(lang, TITLES["en"])
        files = list(data.get("documents", []))
        dossier = len(files) > 1
        note = cls(title=data.get("title", ""), lang=lang,
                   detail=data.get("detail", "standard"), files=files)

        def add(core: dict, doc_offset: int | None, prefix: str = "") -> None:
            for section in core.get("sections", []):
                lines = []
                for point in section.get("points", []):
                    keys = []
                    for c in point.get("citations", []):
                        index = c.get("doc", 0) if doc_offset is None else doc_offset
                        key = citation_key(index, c["n"], dossier)
                        keys.append(key)
                        if key not in note.passages and "text" in c:
                            note.passages[key] = Passage(
                                key=key, file=c.get("file", ""), text=c["text"],
                                page=c.get("page"), paragraph=c.get("paragraph", 0))
                    lines.append(point_line(point["text"], bool(point.get("flags")), keys,
                                            titles["flag"]))
                if lines:
                    note.sections.append(NoteSection(prefix + titles.get(section["key"],
                                                                         section["key"]), lines))

        add(data, None)
        for index, part in enumerate(data.get("parts", [])):
            name = files[index] if index < len(files) else str(index + 1)
            add(part, index, f"{name} — ")
        return note


def citation_key(doc_index: int, n: int, dossier: bool) -> str:
    """The key of a cited block: "n" in one document, "file:n" in a dossier (from 1)."""
    return f"{doc_index + 1}:{n}" if dossier else str(n)


def point_line(text: str, flagged: bool, keys: list[str], flag_word: str) -> str:
    """A point as the note shows it: its text, "(à vérifier)" when flagged, its [keys]."""
    flag = f" ({flag_word})" if flagged else ""
    return f"{text}{flag} {' '.join(f'[{k}]' for k in keys)}".strip()


def point_html(point: str, passages: dict[str, Passage], rtl: bool = False) -> str:
    """A point as rich text: each [n] becomes a link the view answers by showing the passage.

    `rtl`: the point sits in a right-to-left note; French words and figures in it
    are kept in one left-to-right piece each (directional isolates).
    """
    def text(piece: str) -> str:
        if not rtl:
            return html.escape(piece)
        core = piece.strip()
        if core and not is_rtl(core):
            # A point left in French (or English): one left-to-right piece, its final
            # period included, so it reads as a sentence and not ".sentence".
            start = piece.index(core)
            piece = piece[:start] + LRI + core + PDI + piece[start + len(core):]
            return html.escape(piece)
        return html.escape(mark_ltr_runs(piece, rtl=True))

    out, last = [], 0
    for match in CITATION.finditer(point):
        out.append(text(point[last:match.start()]))
        key = match.group(1)
        style = "" if key in passages else ' style="color:#999;"'
        out.append(f'<a href="cite:{key}"{style}>[{html.escape(key)}]</a>')
        last = match.end()
    out.append(text(point[last:]))
    return "".join(out)


def note_html(note: Note, working: str = "") -> str:
    """The whole note as rich text; `working` is a line shown under it while parts are written.

    Arabic notes are laid out right to left whatever the interface language.
    """
    direction = "rtl" if note.lang == "ar" else "ltr"
    parts = [f'<div dir="{direction}">']
    if note.title:
        parts.append(f"<h2>{html.escape(note.title)}</h2>")
    for section in note.sections:
        if section.title:
            parts.append(f"<h3>{html.escape(section.title)}</h3>")
        if section.points:
            items = "".join(f"<li>{point_html(p, note.passages, note.lang == 'ar')}</li>"
                            for p in section.points)
            parts.append(f"<ul>{items}</ul>")
    if working:
        parts.append(f'<p style="color:#666;"><i>{html.escape(working)}</i></p>')
    parts.append("</div>")
    return "".join(parts)
