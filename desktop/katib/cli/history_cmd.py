"""`katib history list | search TEXT | show KIND ID`: the stored drafts, summaries, documents."""

from __future__ import annotations

import sys

from katib.cli.common import context, print_json
from katib.core.store import Store

KINDS = ["draft", "summary", "document"]


def register(sub) -> None:
    history = sub.add_parser("history", help="list and search stored drafts, summaries and documents")
    hsub = history.add_subparsers(dest="history_command", metavar="ACTION", required=True)

    listing = hsub.add_parser("list", help="newest first")
    listing.add_argument("--kind", choices=KINDS)
    listing.add_argument("--type", dest="type_id", help="document type of drafts (e.g. lettre)")
    listing.add_argument("--lang", dest="item_lang", choices=["fr", "ar", "en"])
    listing.add_argument("--since", help="ISO date, e.g. 2026-01-31")
    listing.add_argument("--limit", type=int, default=50)
    listing.add_argument("--deleted", action="store_true", help="list the trash instead")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(func=run_list)

    search = hsub.add_parser("search", help="full-text search (accents and diacritics ignored)")
    search.add_argument("text", nargs="+")
    search.add_argument("--kind", choices=KINDS, action="append",
                        help="only this kind (repeatable)")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--json", action="store_true")
    search.set_defaults(func=run_search)

    show = hsub.add_parser("show", help="print one stored item")
    show.add_argument("kind", choices=KINDS)
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_show)


def open_store(lang: str) -> Store:
    """The user's store, for a short command: no automatic backup."""
    paths, _ = context()
    store = Store.open(paths, auto_backup=False)
    if store.recovery is not None:
        print(f"katib: {store.recovery.message(lang)}", file=sys.stderr)
    return store


def run_list(args, lang: str) -> int:
    with open_store(lang) as store:
        items = store.list_items(kind=args.kind, type_id=args.type_id, lang=args.item_lang,
                                 since=args.since, limit=args.limit, deleted=args.deleted)
    if args.json:
        print_json([i.as_dict() for i in items])
        return 0
    for item in items:
        tag = item.type_id or item.kind
        print(f"{item.kind:8} {item.id:>6}  {item.updated_at[:16].replace('T', ' ')}  "
              f"[{item.lang or '--'}] {tag}: {item.title}")
    return 0


def run_search(args, lang: str) -> int:
    with open_store(lang) as store:
        hits = store.search(" ".join(args.text), kinds=args.kind, limit=args.limit)
    if args.json:
        print_json([h.as_dict() for h in hits])
        return 0
    # Highlights as «…» on a terminal: readable in French and Arabic alike.
    for hit in hits:
        print(f"{hit.kind:8} {hit.id:>6}  {hit.marked_title('«', '»')}")
        print(f"         {hit.marked('«', '»')}")
    return 0 if hits else 1


def run_show(args, lang: str) -> int:
    with open_store(lang) as store:
        if args.kind == "draft":
            item = store.get_draft(args.id)
        elif args.kind == "summary":
            item = store.get_summary(args.id)
        else:
            item = store.get_document(args.id)
    if args.json:
        from dataclasses import asdict

        print_json(asdict(item))
        return 0
    print(item.title)
    print(item.text)
    return 0
