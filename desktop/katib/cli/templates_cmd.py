"""`katib templates list [--json]`: document types, languages and fields."""

from __future__ import annotations

import sys

from katib.cli.common import print_json
from katib.core.messages import LANGUAGES


def register(sub) -> None:
    cmd = sub.add_parser("templates", help="list the document types and their fields")
    actions = cmd.add_subparsers(dest="templates_action", metavar="ACTION")
    listing = actions.add_parser("list", help="document types, languages, fields")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    cmd.set_defaults(func=run, json=False)


def run(args, lang: str) -> int:
    from katib.core.drafting import load_templates

    templates = load_templates()
    for problem in templates.errors:  # a bad user template is reported, never fatal
        print(f"katib: {problem.localized(lang)}", file=sys.stderr)
    if args.json:
        print_json([t.as_dict() for t in templates.types()])
        return 0
    for template in templates.types():
        print(f"{template.id}  —  {template.label(lang)}  [{', '.join(LANGUAGES)}]")
        for field in template.fields:
            mark = "*" if field.required else " "
            extra = ""
            if field.choices:
                extra = " (" + " | ".join(c.value for c in field.choices) + ")"
            print(f"   {mark} {field.name:<20} {field.type:<9} {field.label(lang)}{extra}")
    print("\n* " + {"fr": "obligatoire", "ar": "إلزامي", "en": "required"}.get(lang, "required"))
    return 0
