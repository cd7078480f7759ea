"""Document types as data: TOML files read with tomllib, validated, never executed.

A template names the fields a document type asks for (type, label in fr/ar/en,
required or not), the blocks of its frame in order, and what the body must say
(the facts to state and the sentence the body opens with, per language and per
outcome). Values are substituted with plain `{field}` markers that must name a
declared field; nothing in a template is ever evaluated, so anything that looks
like a template engine or a script (`{{`, `{%`, `<script`, `__import__`…) is
refused. A malformed file is reported with its name and line and skipped: one
bad file in the user's folder never stops Katib.

Bundled templates live in resources/templates/; the user's own in
`user_paths().user_templates`; a user template with the same id replaces the
bundled one.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from katib.core.errors import TemplateError
from katib.core.messages import LANGUAGES, message, register

FIELD_TYPES = ("text", "multiline", "date", "choice", "list", "number")
FORMS = ("personal", "administrative", "note", "attestation", "minutes")

# Blocks the frame builds by itself, and the conventional fields each one reads.
STANDARD_BLOCKS: dict[str, tuple[str, ...]] = {
    "letterhead": (),
    "place_date": ("date",),
    "number": ("number",),
    "title": (),
    "recipient": ("recipient_civility", "recipient_name", "recipient_title",
                  "recipient_address", "via", "addressees"),
    "subject": ("subject",),
    "references": ("references",),
    "attachments": ("attachments",),
    "salutation": ("recipient_civility", "recipient_title"),
    "body": (),
    "closing": ("recipient_rank",),
    "signature": ("signatory_name", "signatory_title", "delegation"),
    "copies": ("copies",),
}

# Text that only a script or a template engine would contain.
FORBIDDEN = re.compile(r"\{\{|\{%|%\}|\{#|<\s*script|__[a-z]\w*__|\$\{|\beval\s*\(|"
                       r"\bexec\s*\(|\bos\.system|\bsubprocess\.", re.IGNORECASE)
MARKER = re.compile(r"\{([^{}]*)\}")
# Office identity values a template may also use, e.g. in an attestation's "Je soussigné".
OFFICE_MARKERS = ("office_signatory_name", "office_signatory_title", "office_service",
                  "office_direction", "office_ministry", "office_city")
NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")

register({
    "template.unknown_type": {
        "en": "Unknown document type: {name}. Known types: {known}.",
        "fr": "Type de document inconnu : {name}. Types connus : {known}.",
        "ar": "نوع الوثيقة غير معروف: {name}. الأنواع المعروفة: {known}.",
    },
    "template.unknown_field": {
        "en": "The document type {name} has no field '{field}'. Its fields: {known}.",
        "fr": "Le type de document {name} n'a pas de champ « {field} ». Ses champs : {known}.",
        "ar": "نوع الوثيقة {name} لا يتضمن الحقل '{field}'. حقوله: {known}.",
    },
})


@dataclass
class Choice:
    """One allowed value of a choice field, with its label per language."""

    value: str
    labels: dict[str, str]

    @property
    def label(self) -> str:
        return self.labels.get("fr") or self.value

    def label_for(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.value


@dataclass
class Field:
    """A field the form asks for. `type` is one of FIELD_TYPES."""

    name: str
    type: str
    labels: dict[str, str]
    required: bool = False
    choices: list[Choice] = field(default_factory=list)
    default: str | list[str] | None = None
    help: dict[str, str] = field(default_factory=dict)

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.name


@dataclass
class BodyText:
    """What the body says for one outcome: the facts to state and the opening sentence."""

    points: dict[str, list[str]]
    lead: dict[str, str]
    tail: dict[str, list[str]] = field(default_factory=dict)
    requires: list[str] = field(default_factory=list)


@dataclass
class Template:
    """One document type. Build drafts from it with `katib.core.drafting.Drafter`."""

    id: str
    labels: dict[str, str]
    form: str
    fields: list[Field]
    blocks: list[str]
    custom_blocks: dict[str, dict]
    titles: dict[str, str]
    body: dict[str, BodyText]
    variant_field: str | None = None
    max_tokens: int = 140
    paragraphs: int = 1  # paragraphs the model may write after the opening one
    description: dict[str, str] = field(default_factory=dict)
    source: str = ""

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.id

    def required_names(self, fields: dict) -> set[str]:
        """Required fields, plus those the chosen outcome requires (a refusal's legal basis)."""
        names = {f.name for f in self.fields if f.required}
        return names | set(self.body_for(fields).requires)

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def body_for(self, fields: dict) -> BodyText:
        """The body text of the outcome chosen in the fields (or the only one)."""
        if self.variant_field:
            chosen = str(fields.get(self.variant_field) or "").strip()
            if chosen in self.body:
                return self.body[chosen]
            wanted = self.field(self.variant_field)
            if wanted and wanted.default in self.body:
                return self.body[wanted.default]
        return self.body.get("default") or next(iter(self.body.values()))

    def as_dict(self, lang: str | None = None) -> dict:
        """A plain description (for `katib templates list --json` and the window)."""
        return {
            "id": self.id,
            "labels": self.labels,
            "languages": list(LANGUAGES),
            "form": self.form,
            "source": self.source,
            "fields": [{
                "name": f.name, "type": f.type, "required": f.required, "labels": f.labels,
                "choices": [{"value": c.value, "labels": c.labels} for c in f.choices],
                "default": f.default,
            } for f in self.fields],
        }


@dataclass
class TemplateProblem:
    """A template file that could not be used, with where and why."""

    name: str
    line: int
    detail: str

    def localized(self, lang: str) -> str:
        return message("template.invalid", lang, name=self.name, line=self.line,
                       detail=self.detail)


class TemplateSet:
    """The usable templates, by id, plus the problems met while loading."""

    def __init__(self, templates: dict[str, Template], errors: list[TemplateProblem]) -> None:
        self._templates = templates
        self.errors = errors

    def types(self) -> list[Template]:
        return [self._templates[k] for k in sorted(self._templates)]

    def ids(self) -> list[str]:
        return sorted(self._templates)

    def get(self, type_id: str) -> Template:
        """The template `type_id`; raises TemplateError (one clear line) when unknown."""
        try:
            return self._templates[type_id]
        except KeyError:
            raise TemplateError("template.unknown_type", name=type_id,
                                known=", ".join(self.ids())) from None

    def __contains__(self, type_id: str) -> bool:
        return type_id in self._templates

    def __len__(self) -> int:
        return len(self._templates)


def bundled_dir() -> Path:
    from katib.core.paths import resource

    return resource("templates")


def load_templates(extra_dirs=(), *, user: bool = True) -> TemplateSet:
    """Read the bundled templates, then the user's folder, then `extra_dirs`.

    Later folders win on equal ids. Never raises for a bad file: see `.errors`.
    """
    folders = [bundled_dir()]
    if user:
        from katib.core.paths import user_paths

        folders.append(user_paths().user_templates)
    folders += [Path(d) for d in extra_dirs]
    templates: dict[str, Template] = {}
    errors: list[TemplateProblem] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                template = parse_template(path.read_bytes().decode("utf-8"), path.name)
            except TemplateError as exc:
                errors.append(TemplateProblem(path.name, int(exc.params.get("line", 1)),
                                              str(exc.params.get("detail", ""))))
                continue
            except (OSError, UnicodeDecodeError) as exc:
                errors.append(TemplateProblem(path.name, 1, str(exc)))
                continue
            template.source = str(path)
            templates[template.id] = template
    return TemplateSet(templates, errors)


def parse_template(text: str, name: str = "<template>") -> Template:
    """Parse and validate one template's TOML text; TemplateError names the line."""
    for number, line in enumerate(text.splitlines(), 1):
        found = FORBIDDEN.search(line)
        if found:
            _fail(name, number, f"'{found.group(0)}' looks like code; a template holds only data")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        _fail(name, int(match.group(1)) if match else 1, str(exc))
    from katib.core.drafting.validation import Validator

    return Validator(data, text, name).template()


def _fail(name: str, line: int, detail: str):
    raise TemplateError(name=name, line=line, detail=detail)
