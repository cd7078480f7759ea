"""`katib read PATH [--json] [--password P]`: the text Katib extracts, block by block."""

from __future__ import annotations

from katib.cli.common import print_json
from katib.core.documents.readers import read_document


def register(sub) -> None:
    read = sub.add_parser("read", help="print the text Katib reads in a document, with "
                                       "page and paragraph numbers")
    read.add_argument("path")
    read.add_argument("--json", action="store_true", help="machine-readable output")
    read.add_argument("--password", default=None, help="password of a protected file")
    read.set_defaults(func=run)


def run(args, lang: str) -> int:
    # A DocumentError propagates: the CLI prints it in the user's language and exits 2.
    doc = read_document(args.path, password=args.password)
    if args.json:
        print_json(doc.to_dict())
        return 0
    print(f"# {doc.name} — {doc.format}, {doc.language}, "
          f"{doc.pages or '-'} page(s), {len(doc.blocks)} blocks"
          + (", OCR" if doc.ocr else ""))
    for block in doc.blocks:
        where = f"p.{block.page} " if block.page else ""
        part = "" if block.part == "body" else f" ({block.part})"
        print(f"[{block.n}] {where}§{block.paragraph} {block.kind}{part}: {block.text}")
    return 0
