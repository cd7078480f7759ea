"""`katib anonymize FILE`: an anonymized copy of a .docx, .txt or .md, for sharing.

Names from `--name` (the people the file is about), CIN numbers, phone numbers,
e-mails, IBAN/RIB and addresses are replaced by labels ([NOM-1], [CIN-1]…).
The copy is irreversible: the mapping is not kept. The original is untouched.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from katib.core.messages import message, register

register({
    "anonymize.done": {
        "en": "{count} pieces of personal data masked; anonymized copy: {path}",
        "fr": "{count} données personnelles masquées ; copie anonymisée : {path}",
        "ar": "تم حجب {count} من المعطيات الشخصية؛ النسخة المجهولة: {path}",
    },
    "anonymize.unsupported": {
        "en": "{path}: only .docx, .txt and .md files can be anonymized.",
        "fr": "{path} : seuls les fichiers .docx, .txt et .md peuvent être anonymisés.",
        "ar": "{path}: لا يمكن إخفاء الهوية إلا في ملفات ‎.docx و‎.txt و‎.md.",
    },
})


def register_command(sub) -> None:
    cmd = sub.add_parser("anonymize", help="write an anonymized copy of a .docx, .txt or .md "
                                           "(names, CIN, phones, e-mails, IBAN/RIB, addresses)")
    cmd.add_argument("file", type=Path)
    cmd.add_argument("--name", action="append", default=[],
                     help="a person's name to mask (repeat for several)")
    cmd.add_argument("--out", type=Path, default=None,
                     help="the copy to write (default: FILE-anonyme.EXT beside it)")
    cmd.add_argument("--doc-lang", choices=["fr", "ar", "en"], default=None,
                     help="language of the labels (default: the message language)")
    cmd.set_defaults(func=run)


register = register_command  # the CLI assembles modules through `register(sub)`


def run(args, lang: str) -> int:
    from katib.core.documents.errors import DamagedDocument, DocumentNotFound
    from katib.core.privacy import find_personal_data, redact
    from katib.core.privacy.docx_redact import redact_docx
    from katib.core.store_errors import translate

    source: Path = args.file
    labels = args.doc_lang or lang
    suffix = source.suffix.lower()
    if not source.is_file():
        raise DocumentNotFound(path=source.name)
    if suffix not in (".docx", ".txt", ".md"):
        raise DocumentError("anonymize.unsupported", path=source.name)
    target = args.out or source.with_name(f"{source.stem}-anonyme{source.suffix}")
    try:
        if suffix == ".docx":
            try:
                count = redact_docx(source, target, args.name, lang=labels)
            except OSError:
                raise
            except Exception as exc:  # noqa: BLE001 — python-docx's errors for a broken package
                raise DamagedDocument(path=source.name, detail=type(exc).__name__) from exc
        else:
            text = source.read_text(encoding="utf-8", errors="replace")
            count = len(find_personal_data(text, args.name))
            _write_private(target, redact(text, args.name, lang=labels))
    except OSError as exc:  # disk full, read-only folder: one clear line, the original intact
        raise translate(exc, target) from exc
    print(message("anonymize.done", lang, count=count, path=target))
    return 0


def _write_private(path: Path, text: str) -> None:
    """Temp file + rename, readable by the user only: a crash never leaves half a file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
