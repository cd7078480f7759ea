"""Checking a parsed template, field by field, so a problem names its line."""

from __future__ import annotations

from katib.core.drafting.templates import (
    FIELD_TYPES,
    FORMS,
    MARKER,
    NAME,
    OFFICE_MARKERS,
    STANDARD_BLOCKS,
    BodyText,
    Choice,
    Field,
    Template,
    _fail,
)
from katib.core.messages import LANGUAGES


class Validator:
    """Turns parsed TOML into a Template, or fails on the first problem with its line."""

    def __init__(self, data: dict, text: str, name: str) -> None:
        self.data, self.lines, self.name = data, text.splitlines(), name

    def line_of(self, *needles: str) -> int:
        for needle in needles:
            for number, line in enumerate(self.lines, 1):
                if needle and needle in line:
                    return number
        return 1

    def fail(self, detail: str, *needles: str):
        _fail(self.name, self.line_of(*needles), detail)

    def langs(self, value, where: str, needle: str) -> dict[str, str]:
        if not isinstance(value, dict) or any(lang not in value for lang in LANGUAGES):
            self.fail(f"{where} needs a text in each of fr, ar, en", needle)
        if any(not isinstance(value[lang], str) for lang in LANGUAGES):
            self.fail(f"{where}: every language's text must be a string", needle)
        return {lang: value[lang] for lang in LANGUAGES}

    def template(self) -> Template:
        d = self.data
        for key in ("id", "labels", "form", "fields", "frame", "body"):
            if key not in d:
                self.fail(f"missing key '{key}'", f"[{key}", f"{key} =", "")
        if not isinstance(d["id"], str) or not NAME.match(d["id"]):
            self.fail("id must be a short lower-case name (letters, digits, _)", "id =")
        if d["form"] not in FORMS:
            self.fail(f"unknown form '{d['form']}' (expected one of {', '.join(FORMS)})", "form =")
        fields = self.fields(d["fields"])
        names = {f.name for f in fields}
        frame = d["frame"]
        blocks = frame.get("blocks") if isinstance(frame, dict) else None
        if not isinstance(blocks, list) or "body" not in blocks:
            self.fail("frame.blocks must be a list of block names including 'body'", "blocks")
        custom = frame.get("custom", {}) or {}
        for block in blocks:
            if block not in STANDARD_BLOCKS and block not in custom:
                self.fail(f"unknown frame block '{block}'", f'"{block}"')
        custom_blocks = {key: self.custom_block(key, value, names) for key, value in custom.items()}
        titles = {}
        if "title" in blocks:
            titles = self.langs(frame.get("title"), "frame.title", "title")
        body, variant_field = self.body(d["body"], fields, names)
        max_tokens = d["body"].get("max_tokens", 140)
        if not isinstance(max_tokens, int) or not 16 <= max_tokens <= 1024:
            self.fail("body.max_tokens must be a whole number between 16 and 1024", "max_tokens")
        paragraphs = d["body"].get("paragraphs", 1)
        if not isinstance(paragraphs, int) or not 1 <= paragraphs <= 5:
            self.fail("body.paragraphs must be a whole number from 1 to 5", "paragraphs")
        self.check_required_are_shown(fields, blocks, custom_blocks, body, variant_field)
        return Template(
            id=d["id"], labels=self.langs(d["labels"], "labels", "[labels"), form=d["form"],
            fields=fields, blocks=list(blocks), custom_blocks=custom_blocks, titles=titles,
            body=body, variant_field=variant_field, max_tokens=max_tokens, paragraphs=paragraphs,
            description=d.get("description", {}) if isinstance(d.get("description"), dict) else {},
        )

    def fields(self, raw) -> list[Field]:
        if not isinstance(raw, list) or not raw:
            self.fail("fields must be a list of [[fields]] tables", "[[fields]]")
        result, seen = [], set()
        for item in raw:
            name = item.get("name") if isinstance(item, dict) else None
            if not isinstance(name, str) or not NAME.match(name):
                self.fail(f"a field needs a lower-case name (got {name!r})", "name =")
            needle = f'"{name}"'
            if name in seen:
                self.fail(f"field '{name}' is declared twice", needle)
            seen.add(name)
            kind = item.get("type", "text")
            if kind not in FIELD_TYPES:
                self.fail(f"field '{name}' has unknown type '{kind}' "
                          f"(expected one of {', '.join(FIELD_TYPES)})", f'"{kind}"', needle)
            choices = []
            if kind == "choice":
                raw_choices = item.get("choices")
                if not isinstance(raw_choices, list) or not raw_choices:
                    self.fail(f"choice field '{name}' needs a list of choices", needle)
                for choice in raw_choices:
                    if not isinstance(choice, dict) or not isinstance(choice.get("value"), str):
                        self.fail(f"each choice of '{name}' needs a value and labels", needle)
                    choices.append(Choice(choice["value"], self.langs(
                        choice.get("labels"), f"choice '{choice['value']}'", choice["value"])))
            if not isinstance(item.get("required", False), bool):
                self.fail(f"field '{name}': required must be true or false", needle)
            result.append(Field(
                name=name, type=kind, labels=self.langs(item.get("labels"), f"field '{name}'", needle),
                required=item.get("required", False), choices=choices, default=item.get("default"),
                help=item.get("help", {}) if isinstance(item.get("help"), dict) else {},
            ))
        return result

    def texts(self, value, names: set[str], needle: str) -> None:
        """Every {marker} in a text or list of texts must name a declared field."""
        items = value if isinstance(value, list) else [value]
        for text in items:
            if not isinstance(text, str):
                self.fail("expected text", needle)
            for marker in MARKER.findall(text):
                if marker not in names and marker not in OFFICE_MARKERS:
                    self.fail(f"'{{{marker}}}' does not name a field of this template",
                              "{" + marker + "}")

    def custom_block(self, key: str, value, names: set[str]) -> dict:
        if not isinstance(value, dict):
            self.fail(f"frame.custom.{key} must be a table", key)
        for lang in LANGUAGES:
            if not isinstance(value.get(lang), list):
                self.fail(f"frame.custom.{key} needs a list of lines for {lang}", key)
            self.texts(value[lang], names, key)
        style = value.get("style", "plain")
        if style not in ("plain", "bold", "center", "list"):
            self.fail(f"frame.custom.{key}: unknown style '{style}'", "style")
        return {"lines": {lang: list(value[lang]) for lang in LANGUAGES}, "style": style}

    def body(self, raw, fields: list[Field], names: set[str]):
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), dict) or not raw["text"]:
            self.fail("body needs [body.text.<outcome>] tables", "[body")
        variant_field = raw.get("variant_field")
        if variant_field is not None:
            wanted = next((f for f in fields if f.name == variant_field), None)
            if wanted is None or wanted.type != "choice":
                self.fail(f"body.variant_field '{variant_field}' must name a choice field",
                          "variant_field")
            missing = {c.value for c in wanted.choices} - set(raw["text"])
            if missing:
                self.fail(f"no body text for outcome(s) {', '.join(sorted(missing))}", "[body")
        result = {}
        for key, value in raw["text"].items():
            needle = f"[body.text.{key}"
            if not isinstance(value, dict) or "lead" not in value or "points" not in value:
                self.fail(f"body.text.{key} needs 'lead' and 'points'", needle)
            lead = self.langs(value["lead"], f"body.text.{key}.lead", needle)
            tail = value.get("tail", {lang: [] for lang in LANGUAGES})
            if not isinstance(tail, dict) or any(
                    not isinstance(tail.get(lang), list) for lang in LANGUAGES):
                self.fail(f"body.text.{key}.tail needs a list of lines per language", needle)
            requires = value.get("requires", [])
            if not isinstance(requires, list) or any(r not in names for r in requires):
                self.fail(f"body.text.{key}.requires must list fields of this template", needle)
            points = value["points"]
            if not isinstance(points, dict) or any(
                    not isinstance(points.get(lang), list) for lang in LANGUAGES):
                self.fail(f"body.text.{key}.points needs a list of lines per language", needle)
            for lang in LANGUAGES:
                self.texts(lead[lang], names, needle)
                self.texts(points[lang], names, needle)
                self.texts(tail[lang], names, needle)
            result[key] = BodyText(points={lang: list(points[lang]) for lang in LANGUAGES},
                                   lead=lead, tail={lang: list(tail[lang]) for lang in LANGUAGES},
                                   requires=list(requires))
        return result, variant_field

    def check_required_are_shown(self, fields, blocks, custom_blocks, body, variant) -> None:
        """A required field must appear in the frame or the body, or its placeholder
        would be invisible (the outcome field shows through the body it selects)."""
        shown = {variant}
        for block in blocks:
            shown.update(STANDARD_BLOCKS.get(block, ()))
        for custom in custom_blocks.values():
            for lines in custom["lines"].values():
                shown.update(m for line in lines for m in MARKER.findall(line))
        for text in body.values():
            for lead in text.lead.values():
                shown.update(MARKER.findall(lead))
            for lines in list(text.tail.values()) + list(text.points.values()):
                # A field only in the drafting note gets its placeholder at the body's end.
                shown.update(m for line in lines for m in MARKER.findall(line))
        for f in fields:
            if f.required and f.name not in shown:
                self.fail(f"required field '{f.name}' is used by no block: its placeholder "
                          "would not show", f'"{f.name}"')
