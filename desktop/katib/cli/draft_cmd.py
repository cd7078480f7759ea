"""`katib draft`: draft a document, stream its body to the terminal, write a .docx."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from katib.cli.common import context
from katib.cli.draft_record import DraftRecord
from katib.core.errors import DocumentError, TemplateError
from katib.core.messages import message, register

register({
    "draft.bad_field": {
        "en": "--field expects name=value, got '{value}'.",
        "fr": "--field attend nom=valeur, reçu « {value} ».",
        "ar": "الخيار --field ينتظر اسم=قيمة، والمعطى '{value}'.",
    },
    "draft.bad_fields_file": {
        "en": "{path} is not a JSON object of fields: {detail}",
        "fr": "{path} n'est pas un objet JSON de champs : {detail}",
        "ar": "{path} ليس كائن JSON للحقول: {detail}",
    },
    "draft.unwritable": {
        "en": "Cannot write the document to {path}: {detail}",
        "fr": "Impossible d'écrire le document dans {path} : {detail}",
        "ar": "تعذرت كتابة الوثيقة في {path}: {detail}",
    },
    "draft.missing_field": {
        "en": "warning: required field '{field}' ({label}) is empty: a placeholder stands in for it.",
        "fr": "attention : le champ obligatoire « {field} » ({label}) est vide : un espace réservé le remplace.",
        "ar": "تنبيه: الحقل الإلزامي '{field}' ({label}) فارغ، وحلّ محله موضع للاستكمال.",
    },
    "draft.flag": {
        "en": "check: {kind} '{text}' is not in the fields (written by the model).",
        "fr": "à vérifier : {kind} « {text} » ne figure pas dans les champs (écrit par le modèle).",
        "ar": "للتحقق: {kind} '{text}' غير موجود في الحقول (كتبه النموذج).",
    },
    "draft.written": {
        "en": "Document written: {path}",
        "fr": "Document écrit : {path}",
        "ar": "كُتبت الوثيقة: {path}",
    },
})


def register_parser(sub):
    cmd = sub.add_parser("draft", help="draft a document and write it as .docx")
    cmd.add_argument("--type", required=True, dest="type_id", help="document type (katib templates list)")
    cmd.add_argument("--lang", dest="draft_lang", choices=["fr", "ar", "en"], default=None,
                     help="language of the document (default: the settings' output language)")
    cmd.add_argument("--field", action="append", default=[], metavar="NAME=VALUE",
                     help="a field value; repeat a list field's name to give several items")
    cmd.add_argument("--fields", type=Path, help="a JSON file of fields {name: value}")
    cmd.add_argument("--out", type=Path, required=True, help="the .docx to write")
    cmd.add_argument("--max-tokens", type=int, default=None, help="limit the body's length")
    cmd.add_argument("--no-model", action="store_true", help="frame and opening only")
    cmd.set_defaults(func=run)
    return cmd


def register(sub) -> None:
    register_parser(sub)


def parse_fields(args) -> dict:
    fields: dict = {}
    if args.fields:
        try:
            data = json.loads(args.fields.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except (OSError, ValueError) as exc:
            raise TemplateError("draft.bad_fields_file", path=str(args.fields),
                                detail=str(exc)) from None
        fields.update(data)
    for item in args.field:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise TemplateError("draft.bad_field", value=item)
        name = name.strip()
        if name in fields and name in getattr(args, "_cli_names", set()):
            previous = fields[name]
            fields[name] = (previous if isinstance(previous, list) else [previous]) + [value]
        else:
            fields[name] = value
        args._cli_names = getattr(args, "_cli_names", set()) | {name}
    return fields


def check_writable(path: Path) -> None:
    """Fail before the model runs, not after: the user's wait must not be wasted."""
    folder = path.resolve().parent
    if path.is_dir():
        raise DocumentError("draft.unwritable", path=str(path), detail="is a folder")
    if not folder.is_dir():
        raise DocumentError("draft.unwritable", path=str(path), detail="no such folder")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise DocumentError("draft.unwritable", path=str(path), detail="permission denied")


def run(args, lang: str) -> int:
    from katib.core.drafting import Drafter, load_templates

    paths, settings = context()
    templates = load_templates()
    for problem in templates.errors:
        print(f"katib: {problem.localized(lang)}", file=sys.stderr)
    draft_lang = args.draft_lang or settings.output_language or "fr"
    fields = parse_fields(args)
    template = templates.get(args.type_id)
    drafter = Drafter(None, templates, settings.office)
    drafter.check_fields(template, fields)
    check_writable(args.out)
    engine = None
    if not args.no_model:
        from katib.core.runtime import open_engine

        engine = open_engine(paths, settings)  # the office server when one is configured
    drafter.engine = engine
    record = DraftRecord(paths, lang)
    record.start(args.type_id, draft_lang, fields)

    def on_piece(piece: str) -> None:
        sys.stdout.write(piece)
        sys.stdout.flush()
        record.piece(piece)

    try:
        try:
            draft = drafter.draft(args.type_id, draft_lang, fields, max_tokens=args.max_tokens,
                                  on_piece=on_piece)
        finally:
            if engine is not None:
                engine.close()
        record.finish(draft, engine)
        return _write(args, lang, draft, template, settings, record)
    finally:
        record.close()


def _write(args, lang, draft, template, settings, record) -> int:
    from katib.core.drafting import write_docx

    sys.stdout.write("\n")
    for name in draft.missing:
        print(message("draft.missing_field", lang, field=name,
                      label=template.field(name).label(lang)), file=sys.stderr)
    for flag in draft.flags:
        print(message("draft.flag", lang, kind=flag.kind, text=flag.text), file=sys.stderr)
    try:
        written = write_docx(draft, args.out, settings.office)
    except DocumentError as exc:
        raise DocumentError("draft.unwritable", path=str(args.out),
                            detail=exc.params.get("detail", "")) from None
    record.exported(written)
    print(message("draft.written", lang, path=str(written)))
    return 0
