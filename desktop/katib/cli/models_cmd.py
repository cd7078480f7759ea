"""`katib models list | import PATH | verify`."""

from __future__ import annotations

from katib.cli.common import context, print_json, progress_bar
from katib.core.errors import ModelError
from katib.core.model_store import InstalledModel, ModelStore
from katib.core.models import human_size


def register(sub) -> None:
    models = sub.add_parser("models", help="list, import and verify model files")
    msub = models.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    listing = msub.add_parser("list", help="installed models")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(func=run_list)
    imp = msub.add_parser("import", help="copy a GGUF file (from a USB key) into the models folder")
    imp.add_argument("path")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(func=run_import)
    ver = msub.add_parser("verify", help="re-check every model's checksum")
    ver.add_argument("--json", action="store_true")
    ver.set_defaults(func=run_verify)


def _store(with_default: bool = True) -> ModelStore:
    paths, _ = context()
    store = ModelStore(paths)
    if with_default:
        store.default_model_path()  # assemble the bundled model on first use
    return store


def _rows(items, lang: str, as_json: bool) -> int:
    failures = [i for i in items if isinstance(i, ModelError)]
    if as_json:
        print_json([
            i.as_dict() if isinstance(i, InstalledModel)
            else {"path": i.params.get("path"), "error": i.localized(lang)}
            for i in items
        ])
    else:
        for item in items:
            if isinstance(item, ModelError):
                print(f"!! {item.localized(lang)}")
                continue
            mark = "*" if item.default else " "
            print(f"{mark} {item.filename}\n    {item.name} · {item.family} · "
                  f"{human_size(item.size_bytes)} · context {item.train_context} · "
                  f"{'instruct' if item.instruct else 'base'} · checksum {item.checksum_state}\n"
                  f"    {item.path}")
    mismatched = [i for i in items if isinstance(i, InstalledModel) and i.checksum_state == "mismatch"]
    return 1 if failures or mismatched else 0


def run_list(args, lang: str) -> int:
    return _rows(_store().list(), lang, args.json)


def run_verify(args, lang: str) -> int:
    return _rows(_store().verify(), lang, args.json)


def run_import(args, lang: str) -> int:
    store = _store(with_default=False)  # an import must not need room for the default model
    update, close = progress_bar("import")
    try:
        model = store.import_file(args.path, progress=update)
    finally:
        close()
    if args.json:
        print_json(model.as_dict())
    else:
        print(f"{model.filename}: {model.name}, {human_size(model.size_bytes)}, "
              f"checksum {model.checksum_state}")
    return 0
