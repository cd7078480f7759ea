"""`katib summarize PATH… [--lang] [--detail] [--out FILE.docx|FILE.md]`."""

from __future__ import annotations

import sys
from pathlib import Path

from katib.cli.common import context, print_json


def register(sub) -> None:
    cmd = sub.add_parser("summarize", help="summarize documents or a folder (dossier) into "
                                           "a note de synthèse with checked citations")
    cmd.add_argument("paths", nargs="+", metavar="PATH")
    cmd.add_argument("--lang", dest="output_lang", choices=["fr", "ar", "en"], default=None,
                     help="language of the note (default: the settings' output language)")
    cmd.add_argument("--detail", choices=["short", "standard", "detailed"], default="standard")
    cmd.add_argument("--out", default=None, help="write the note to FILE.docx or FILE.md")
    cmd.add_argument("--password", default=None, help="password of a protected file")
    cmd.add_argument("--json", action="store_true", help="machine-readable output")
    cmd.set_defaults(func=run)


def _progress_bar():
    from tqdm import tqdm

    bar = tqdm(total=1, file=sys.stderr, leave=False, disable=None,
               bar_format="{desc} {bar} {n_fmt}/{total_fmt} {postfix}")

    def update(progress) -> None:
        bar.total = progress.total
        bar.n = progress.step
        part = f" {progress.part}/{progress.parts}" if progress.parts else ""
        bar.set_description(f"{progress.label}{part}")
        if progress.eta_seconds is not None:
            bar.set_postfix_str(f"~{progress.eta_seconds:.0f} s")
        bar.refresh()

    return update, bar.close


def run(args, lang: str) -> int:
    from katib.core.documents.readers import read_document
    from katib.core.runtime import open_engine
    from katib.core.summarize import Summarizer, summarize_folder
    from katib.core.summarize.note import TITLES
    from katib.core.summary_record import DossierRecord

    paths, settings = context()
    output_lang = args.output_lang or getattr(settings, "output_language", None) or lang
    if output_lang not in ("fr", "ar", "en"):
        output_lang = "fr"
    items = [Path(p) for p in args.paths]
    # Read first: a bad file is told before the model is loaded.
    single = len(items) == 1 and not items[0].is_dir()
    document = read_document(items[0], password=args.password) if single else None
    engine = open_engine(paths, settings)
    store = _open_store(paths, lang)  # once: each finished file, the note, its export
    names = ", ".join(p.name for p in items)
    record = DossierRecord(store, f"{TITLES.get(output_lang, TITLES['en'])['cover']} — {names}",
                           output_lang, total=1 if single else _count_files(items),
                           compose=_compose_parts(output_lang, args.detail),
                           model=_model_file(engine), on_error=_teller(lang))
    update, close = _progress_bar()
    try:
        try:
            if single:
                note = Summarizer(engine).summarize(document, lang=output_lang,
                                                    detail=args.detail, progress=update)
            else:
                passwords = {p.name: args.password for p in items} if args.password else None

                def keep_file(event) -> None:
                    # A dossier's finished file is in the history at once: a kill keeps it.
                    if event.kind == "document":
                        record.file_done(event.doc_index, event.note.documents[0], event.note)

                note = summarize_folder(engine, items if len(items) > 1 else items[0],
                                        lang=output_lang, detail=args.detail, progress=update,
                                        passwords=passwords, on_update=keep_file)
        finally:
            close()
            engine.close()
        for skipped in note.stats.get("skipped", []):
            print(f"katib: {skipped['error']}", file=sys.stderr)
        title = f"{note.title()} — {names}"
        summary_id = record.finish(note.to_markdown(), note.to_dict(), note.documents,
                                   title=title)
        if args.out:
            out = Path(args.out)
            if out.suffix.lower() == ".docx":
                from katib.core.documents.note_writer import write_note_docx
                write_note_docx(note, out)
            else:
                out.write_text(note.to_markdown(), encoding="utf-8")
            if summary_id is not None:
                _stored(lang, lambda: store.mark_exported("summary", summary_id, out))
            print(str(out))
        elif args.json:
            print_json(note.to_dict())
        else:
            print(note.to_markdown())
    finally:
        if store is not None:
            store.close()
    return 0


def _count_files(items: list[Path]) -> int:
    from katib.core.summarize.dossier import dossier_files

    return sum(len(dossier_files(p)) if p.is_dir() else 1 for p in items)


def _compose_parts(lang: str, detail: str):
    """What the history keeps of a dossier's finished files (core notes, in file order)."""
    def compose(parts: list) -> tuple[str, dict]:
        text = "\n---\n\n".join(
            f"### {part.documents[0].name}\n\n" + "\n".join(part.to_markdown().splitlines()[2:])
            for part in parts)
        data = {"lang": lang, "detail": detail, "sections": [],
                "documents": [part.documents[0].name for part in parts],
                "parts": [part.to_dict() for part in parts]}
        return text, data
    return compose


def _teller(lang: str):
    """Tell a storage problem once on stderr; the summary goes on."""
    told = []

    def tell(exc) -> None:
        if not told:
            print(f"katib: {exc.localized(lang)}", file=sys.stderr)
            told.append(exc)
    return tell


def _model_file(engine) -> Path | None:
    model = Path(engine.info.source)
    return model if model.is_file() else None


def _open_store(paths, lang: str):
    """The history (as the window keeps it); a storage problem is told, not fatal."""
    from katib.core.store import Store

    return _stored(lang, lambda: Store.open(paths))


def _stored(lang: str, action):
    from katib.core.errors import KatibError

    try:
        return action()
    except KatibError as exc:
        print(f"katib: {exc.localized(lang)}", file=sys.stderr)
        return None
