"""The note de synthèse: sections of points, each point citing the blocks it came from."""

from __future__ import annotations

from dataclasses import dataclass, field

from katib.core.documents.model import Document

SECTION_KEYS = ("objet", "points", "decisions", "figures", "actions")
TITLES = {
    "fr": {"note": "Note de synthèse", "objet": "Objet", "points": "Points clés",
           "decisions": "Décisions et échéances", "figures": "Chiffres",
           "actions": "Actions demandées", "sources": "Sources", "cover": "Note de couverture",
           "files": "Documents du dossier", "page": "p.", "para": "§", "flag": "à vérifier"},
    "ar": {"note": "مذكرة تركيبية", "objet": "الموضوع", "points": "النقاط الرئيسية",
           "decisions": "القرارات والآجال", "figures": "الأرقام",
           "actions": "الإجراءات المطلوبة", "sources": "المصادر", "cover": "مذكرة تقديمية",
           "files": "وثائق الملف", "page": "ص", "para": "الفقرة", "flag": "يُتحقق منه"},
    "en": {"note": "Summary note", "objet": "Subject", "points": "Key points",
           "decisions": "Decisions and deadlines", "figures": "Figures",
           "actions": "Actions requested", "sources": "Sources", "cover": "Cover note",
           "files": "Documents in the file", "page": "p.", "para": "para.", "flag": "to check"},
}


@dataclass(frozen=True)
class Citation:
    """Block `n` of document `doc` (its index in the note's documents)."""

    doc: int
    n: int


@dataclass
class ResolvedCitation:
    """Where a citation points: file, page, paragraph and the block's text."""

    file: str
    page: int | None
    paragraph: int
    text: str
    n: int


@dataclass
class Point:
    """One line of the note. `origin` is "model" (written by the model, checked) or
    "extract" (a source sentence). `flags` holds what a reader should double-check."""

    text: str
    citations: list[Citation] = field(default_factory=list)
    origin: str = "extract"
    flags: list[str] = field(default_factory=list)


@dataclass
class Section:
    key: str
    points: list[Point] = field(default_factory=list)


@dataclass
class Note:
    """A note de synthèse over one document, or a dossier's cover note over several."""

    lang: str
    detail: str
    documents: list[Document]
    sections: list[Section] = field(default_factory=list)
    parts: list[Note] = field(default_factory=list)  # per-file notes of a dossier
    stats: dict = field(default_factory=dict)

    @property
    def is_dossier(self) -> bool:
        return len(self.documents) > 1

    def section(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        section = Section(key)
        self.sections.append(section)
        return section

    def title(self) -> str:
        titles = TITLES.get(self.lang, TITLES["en"])
        return titles["cover"] if self.is_dossier else titles["note"]

    def points(self):
        for section in self.sections:
            for point in section.points:
                yield section, point

    def resolve(self, citation: Citation) -> ResolvedCitation | None:
        """The file, page, paragraph and text a citation points to; None if it does not resolve."""
        if not 0 <= citation.doc < len(self.documents):
            return None
        doc = self.documents[citation.doc]
        block = doc.block(citation.n)
        if block is None:
            return None
        return ResolvedCitation(doc.name, block.page, block.paragraph, block.text, block.n)

    def marker(self, citation: Citation) -> str:
        return f"[{citation.doc + 1}:{citation.n}]" if self.is_dossier else f"[{citation.n}]"

    def point_text(self, point: Point) -> str:
        marks = " ".join(self.marker(c) for c in point.citations)
        flag = f" ({TITLES.get(self.lang, TITLES['en'])['flag']})" if point.flags else ""
        return f"{point.text}{flag} {marks}".strip()

    def summary_text(self) -> str:
        """The objet and key points as plain prose, without markers (for scoring)."""
        keys = ("objet", "points")
        return " ".join(p.text for s in self.sections if s.key in keys for p in s.points)

    def cited(self) -> list[Citation]:
        seen: list[Citation] = []
        for _, point in self.points():
            for c in point.citations:
                if c not in seen:
                    seen.append(c)
        return sorted(seen, key=lambda c: (c.doc, c.n))

    def to_markdown(self) -> str:
        titles = TITLES.get(self.lang, TITLES["en"])
        lines = [f"# {self.title()}", ""]
        if self.is_dossier:
            lines += [f"## {titles['files']}", ""]
            lines += [f"{i}. {d.name}" for i, d in enumerate(self.documents, start=1)] + [""]
        for section in self.sections:
            if not section.points:
                continue
            lines += [f"## {titles[section.key]}", ""]
            if section.key == "objet":
                lines += [self.point_text(p) for p in section.points] + [""]
            else:
                lines += [f"- {self.point_text(p)}" for p in section.points] + [""]
        lines += [f"## {titles['sources']}", ""]
        for c in self.cited():
            where = self.resolve(c)
            if where is None:
                continue
            page = f"{titles['page']} {where.page}, " if where.page else ""
            excerpt = where.text if len(where.text) <= 160 else where.text[:157] + "…"
            lines.append(f"- {self.marker(c)} {where.file}, {page}{titles['para']} "
                         f"{where.paragraph} : « {excerpt} »" if self.lang == "fr" else
                         f"- {self.marker(c)} {where.file}, {page}{titles['para']} "
                         f"{where.paragraph}: \"{excerpt}\"")
        for part in self.parts:
            lines += ["", "---", "", f"### {part.documents[0].name}", ""]
            lines += part.to_markdown().splitlines()[2:]
        return "\n".join(lines).rstrip() + "\n"

    def to_dict(self) -> dict:
        return {
            "lang": self.lang, "detail": self.detail, "title": self.title(),
            "documents": [d.name for d in self.documents],
            "sections": [{"key": s.key, "points": [{
                "text": p.text, "origin": p.origin, "flags": p.flags,
                "citations": [{"doc": c.doc, "n": c.n, **(vars(self.resolve(c))
                                                         if self.resolve(c) else {})}
                              for c in p.citations]} for p in s.points]}
                for s in self.sections],
            "parts": [part.to_dict() for part in self.parts],
            "stats": self.stats,
        }
