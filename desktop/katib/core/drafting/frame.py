"""The deterministic frame of a draft: every block but the body, in each language.

Built from the template's block list, the form's fields and the office identity
alone, so the same inputs always give the same frame. A required field left
empty becomes a visible placeholder and is recorded; an optional one left empty
drops its line.

Office identity values may carry one text per language, separated by " | ",
in the order fr | ar | en ("Ministère de l'Intérieur | وزارة الداخلية | Ministry
of the Interior"); with two texts, the one in Arabic script serves Arabic and
the other French and English; a single text serves every language.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from katib.core.drafting import formulas as F
from katib.core.drafting.dates import format_date, format_value, parse_date
from katib.core.drafting.templates import Template
from katib.core.drafting.values import (  # noqa: F401 (re-exported)
    Filler,
    Placeholder,
    as_list,
    is_empty,
    office_text,
    title_head,
    with_article,
)
from katib.core.settings import OfficeIdentity


@dataclass
class Block:
    """One block of the frame. `align` is start / end / center (start is the right in Arabic)."""

    kind: str
    lines: list[str]
    align: str = "start"
    bold: bool = False

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class Frame:
    blocks: list[Block]
    placeholders: list[Placeholder] = field(default_factory=list)
    lead: str = ""
    points: list[str] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)


class FrameBuilder:
    """Builds the blocks for one template, language, set of fields and office."""

    def __init__(self, template: Template, lang: str, fields: dict, office: OfficeIdentity,
                 today: dt.date | None = None) -> None:
        self.t, self.lang, self.fields, self.office = template, lang, fields, office
        self.fill = Filler(template, lang, fields, office)
        self.today = today or dt.date.today()
        self.labels = F.LABELS[lang]
        self.civility = str(fields.get("recipient_civility") or
                            (template.field("recipient_civility").default
                             if template.field("recipient_civility") else "") or "")

    def signatory(self) -> tuple[str, str]:
        name = self.fill.value("signatory_name") or office_text(self.office.signatory_name,
                                                                 self.lang)
        title = self.fill.value("signatory_title") or office_text(self.office.signatory_title,
                                                                   self.lang)
        return name, title

    def build(self) -> Frame:
        blocks = []
        for kind in self.t.blocks:
            if kind in ("salutation", "closing") and self.t.form != "personal" \
                    and self.lang != "ar":
                continue  # administrative form: neither appel nor politesse (Arabic keeps them)
            if kind in self.t.custom_blocks:
                block = self.custom(kind)
            else:
                block = getattr(self, "block_" + kind)()
            if block is not None and (block.lines or kind == "body"):
                blocks.append(block)
        body = self.t.body_for(self.fields)
        lead = self.fill.fill_line(body.lead[self.lang], "body")
        points = [p for p in (self.fill.fill_line(line, "body_note")
                              for line in body.points[self.lang]) if p]
        tail = self.fill.fill_lines(body.tail[self.lang], "body")
        # A required field missing from the note only: its placeholder goes at the body's end.
        shown = {p.field for p in self.fill.placeholders if p.block != "body_note"}
        for p in self.fill.placeholders:
            if p.block == "body_note" and p.field not in shown:
                spec = self.t.field(p.field)
                label = spec.label(self.lang) if spec else p.field
                sep = " : " if self.lang == "fr" else ": "
                tail.append(f"{label}{sep}{F.PLACEHOLDER[self.lang]}")
                shown.add(p.field)
                p.block = "body"
        self.fill.placeholders = [p for p in self.fill.placeholders if p.block != "body_note"]
        points = [p for p in points if F.PLACEHOLDER[self.lang] not in p]
        return Frame(blocks, self.fill.placeholders, lead or "", points, tail)

    # -- standard blocks -------------------------------------------------
    def block_letterhead(self) -> Block:
        state = office_text(self.office.state, self.lang)
        if not state or state.lower() in F.STATE_ALIASES:
            state = F.STATE[self.lang]
        lines = [state.upper() if self.lang != "ar" else state]
        for name in ("ministry", "direction", "service"):
            text = office_text(getattr(self.office, name), self.lang)
            if text:
                lines.append(text)
        contact = []
        for name, label in (("address", ""), ("phone", self.labels["phone"]),
                            ("email", self.labels["email"])):
            text = office_text(getattr(self.office, name), self.lang)
            if text:
                contact.append(f"{label} : {text}" if label and self.lang == "fr"
                               else f"{label}: {text}" if label else text)
        return Block("letterhead", lines + contact, align="start", bold=False)

    def block_place_date(self) -> Block:
        raw = self.fields.get("date")
        date = parse_date(str(raw)) if not is_empty(raw) else self.today
        date_text = format_date(date, self.lang, article=True) if date else str(raw)
        city = office_text(self.office.city, self.lang)
        if not city:
            city = self.fill.mark("office.city", "place_date")
        return Block("place_date", [F.PLACE_DATE[self.lang].format(city=city, date=date_text)],
                     align="end")

    def block_number(self) -> Block:
        number = self.fill.get("number", "number") or "......../......"
        sep = " : " if self.lang == "fr" else ": "
        return Block("number", [f"{self.labels['number']}{sep}{number}"], align="start")

    def block_title(self) -> Block:
        return Block("title", [self.t.titles[self.lang]], align="center", bold=True)

    def recipient_words(self) -> str:
        """'Monsieur Youssef EL AMRANI' / 'السيد يوسف العمراني' / 'Mr Youssef El Amrani'."""
        name = self.fill.get("recipient_name", "recipient")
        title = self.fill.get("recipient_title", "recipient")
        civ = F.CIVILITY[self.lang].get(self.civility, F.CIVILITY[self.lang][""])
        if name and self.lang != "ar" and self.civility not in ("m", "mme"):
            civ = ""  # "Madame, Monsieur Nadia Alami" reads wrong: the name alone
        if self.lang == "fr":
            if name:
                return f"{civ} {name}".strip()
            return with_article(self.civility, title) if title else civ
        if self.lang == "ar":
            return f"{civ} {name or title}".strip()
        return f"{civ} {name}".strip() if name else (f"the {title}" if title else civ)

    def block_recipient(self) -> Block:
        form, lang, L = self.t.form, self.lang, self.labels
        if "addressees" in self.t.field_names:
            items = as_list(self.fields.get("addressees"))
            if not items and self.fill.required_missing("addressees"):
                items = [self.fill.mark("addressees", "recipient")]
            sep = " : " if lang == "fr" else ": "
            return Block("recipient", [L["addressees"] + sep + ("، " if lang == "ar" else ", ")
                                       .join(items)] if items else [], align="start")
        name = self.fill.get("recipient_name", "recipient")
        title = self.fill.get("recipient_title", "recipient")
        address = self.fill.get("recipient_address", "recipient")
        via = self.fill.get("via", "recipient")
        _, sender_title = self.signatory()
        if lang == "ar":
            honor = F.ARABIC_HONORIFIC.get(self.civility, F.ARABIC_HONORIFIC[""])
            lines = []
            if sender_title:
                lines.append(f"{L['from']} {sender_title}")
            lines.append(f"{L['to']} {self.recipient_words()} {honor}")
            if name and title:
                lines.append(title)
            if address:
                lines.append(address)
            if via:
                lines.append(f"{L['via']} السيد {via}")
            return Block("recipient", lines, align="center")
        if form == "administrative":
            if lang == "fr":
                sender = sender_title if re.match(r"^(Le|La|L')\b", sender_title) else \
                    f"Le {sender_title}" if sender_title else ""
                lines = [sender, L["to"], self.recipient_words()]
                if via:
                    if not via.startswith(("Monsieur", "Madame")):
                        via = with_article("m", via)
                    lines.append(f"{L['via']} {via}")
            else:
                lines = [f"{L['from']}: {sender_title}" if sender_title else "",
                         f"{L['to']}: {self.recipient_words().removeprefix('the ')}"]
                if via:
                    lines.append(f"{L['via']}: {via}")
            return Block("recipient", [x for x in lines if x], align="center")
        lines = [self.recipient_words()]
        if name and title:
            lines.append(title)
        if address:
            lines += as_list(address.replace(", ", "\n")) if "\n" in str(
                self.fields.get("recipient_address", "")) else [address]
        return Block("recipient", lines, align="end")

    def labelled(self, kind: str, field_name: str, count: bool = False) -> Block | None:
        items = as_list(self.fields.get(field_name))
        spec = self.t.field(field_name)
        if spec is not None and spec.type == "date" and items:
            items = [format_value(i, self.lang) for i in items]
        if not items:
            if self.fill.required_missing(field_name):
                items = [self.fill.mark(field_name, kind)]
            else:
                return None
        label = self.labels[kind]
        sep = " : " if self.lang == "fr" else ": "
        if len(items) == 1 and not count:
            return Block(kind, [f"{label}{sep}{items[0]}"], bold=kind == "subject")
        head = f"{label}{sep}{len(items)}" if count else f"{label}{sep}"
        return Block(kind, [head] + [f"- {i}" for i in items], bold=kind == "subject")

    def block_subject(self) -> Block | None:
        return self.labelled("subject", "subject")

    def block_references(self) -> Block | None:
        return self.labelled("references", "references")

    def block_attachments(self) -> Block | None:
        return self.labelled("attachments", "attachments", count=True)

    def block_copies(self) -> Block | None:
        block = self.labelled("copies", "copies")
        if block and len(block.lines) == 1:  # always a list under its label
            label, _, item = block.lines[0].partition(":")
            block.lines = [label.rstrip() + (" :" if self.lang == "fr" else ":"),
                           "- " + item.strip()]
        return block

    def appel(self) -> str:
        """'Monsieur le Directeur' / 'Madame' / 'Madame, Monsieur' (no comma)."""
        title = self.fill.value("recipient_title")
        if self.lang == "fr":
            if title:  # "Monsieur le Directeur", whether or not the name is known
                return with_article(self.civility, title_head(title))
            return F.CIVILITY["fr"].get(self.civility, F.CIVILITY["fr"][""])
        if self.lang == "en":
            return {"m": "Sir", "mme": "Madam"}.get(self.civility, "Sir or Madam")
        return ""

    def block_salutation(self) -> Block:
        if self.lang == "ar":
            return Block("salutation", list(F.ARABIC_SALUTATION), align="center")
        if self.lang == "en":
            return Block("salutation", [f"Dear {self.appel()},"])
        return Block("salutation", [self.appel() + ","])

    def block_body(self) -> Block:
        return Block("body", [], align="start")

    def rank(self) -> str:
        rank = str(self.fields.get("recipient_rank") or "")
        spec = self.t.field("recipient_rank")
        if not rank and spec is not None and spec.default:
            rank = str(spec.default)
        if rank in F.CLOSINGS["fr"]:
            return rank
        # Between services an Arabic letter ends with a plain "والسلام".
        return "citizen" if self.t.form == "personal" else "subordinate"

    def block_closing(self) -> Block:
        text = F.CLOSINGS[self.lang][self.rank()].format(appel=self.appel())
        return Block("closing", [text], align="start")

    def block_signature(self) -> Block:
        name, title = self.signatory()
        delegation = str(self.fields.get("delegation") or "")
        lines = []
        if delegation in F.DELEGATION[self.lang]:
            lines.append(F.DELEGATION[self.lang][delegation])
        lines.append(title or self.fill.mark("signatory_title", "signature"))
        lines.append(name or self.fill.mark("signatory_name", "signature"))
        return Block("signature", lines, align="end", bold=False)

    def custom(self, kind: str) -> Block | None:
        spec = self.t.custom_blocks[kind]
        lines = self.fill.fill_lines(spec["lines"][self.lang], kind)
        style = spec["style"]
        return Block(kind, lines, align="center" if style == "center" else "start",
                     bold=style == "bold")


def build_frame(template: Template, lang: str, fields: dict, office: OfficeIdentity,
                today: dt.date | None = None) -> Frame:
    """The frame blocks for a draft (the body block is left empty for the model)."""
    return FrameBuilder(template, lang, fields, office, today).build()


def text_before_body(blocks: list[Block]) -> str:
    """The frame as plain text up to the body: what a base model continues."""
    parts = []
    for block in blocks:
        if block.kind == "body":
            break
        parts.append(block.text)
    return "\n\n".join(parts)
