"""A dossier: every readable file of a folder summarized, plus a cover note across them."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from katib.core.documents.readers import SUPPORTED, read_document
from katib.core.engine import CancelToken, Engine
from katib.core.errors import DocumentError
from katib.core.messages import register
from katib.core.summarize.note import Note
from katib.core.summarize.pipeline import ProgressCallback, Summarizer, UpdateCallback

MAX_FILES = 200

register({
    "summary.nothing_readable": {
        "en": "No file in {path} could be read ({count} tried).",
        "fr": "Aucun fichier de {path} n'a pu être lu ({count} essayés).",
        "ar": "تعذرت قراءة أي ملف في {path} (جُرّب {count}).",
    },
})


def dossier_files(folder: str | os.PathLike) -> list[Path]:
    """The files Katib can read in `folder` and its subfolders, in name order."""
    root = Path(folder)
    files = [p for p in sorted(root.rglob("*")) if p.is_file() and
             p.suffix.lower() in SUPPORTED and not p.name.startswith((".", "~$"))]
    return files[:MAX_FILES]


def summarize_folder(engine: Engine, paths: str | os.PathLike | Sequence[str | os.PathLike],
                     lang: str = "fr", detail: str = "standard",
                     cancel: CancelToken | None = None,
                     progress: ProgressCallback | None = None,
                     on_update: UpdateCallback | None = None,
                     passwords: dict[str, str] | None = None) -> Note:
    """Summarize a folder (or a list of files) file by file, with a cover note.

    Files that cannot be read are listed in `note.stats["skipped"]` with the
    reason in `lang`; the others are summarized. Raises DocumentError when none
    can be read.
    """
    if isinstance(paths, (str, os.PathLike)) and Path(paths).is_dir():
        files = dossier_files(paths)
        label = Path(paths).name
    else:
        items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
        files = []
        for item in items:
            files.extend(dossier_files(item) if Path(item).is_dir() else [Path(item)])
        label = ", ".join(Path(p).name for p in items)
    documents, skipped = [], []
    for path in files:
        try:
            documents.append(read_document(path, password=(passwords or {}).get(path.name)))
        except DocumentError as exc:
            skipped.append({"file": path.name, "error": exc.localized(lang),
                            "kind": type(exc).__name__})
    if not documents:
        raise DocumentError("summary.nothing_readable", path=label, count=len(files))
    note = Summarizer(engine).summarize(documents, lang=lang, detail=detail, cancel=cancel,
                                        progress=progress, on_update=on_update)
    note.stats["skipped"] = skipped
    return note
