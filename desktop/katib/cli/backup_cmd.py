"""`katib backup [FILE]`, `katib restore FILE`, `katib retention [--days N] [--apply]`."""

from __future__ import annotations

from katib.cli.common import context, print_json
from katib.cli.history_cmd import open_store
from katib.core.messages import message
from katib.core.messages import register as register_messages
from katib.core.settings import save_settings
from katib.core.store import Store

register_messages({
    "cli.backup_written": {
        "en": "Backup written: {path}",
        "fr": "Sauvegarde écrite : {path}",
        "ar": "كُتبت النسخة الاحتياطية: {path}",
    },
    "cli.restored": {
        "en": "Restored from {path}. The previous database was kept as {previous}.",
        "fr": "Restauration faite depuis {path}. L'ancienne base a été conservée sous le nom {previous}.",
        "ar": "تم الاسترجاع من {path}. احتُفظ بقاعدة البيانات السابقة باسم {previous}.",
    },
    "cli.retention_setting": {
        "en": "Drafts, summaries and documents are kept {days} day(s) after their last change (0: forever).",
        "fr": "Les brouillons, synthèses et documents sont conservés {days} jour(s) après leur dernière modification (0 : sans limite).",
        "ar": "تُحفظ المسودات والملخصات والوثائق {days} يومًا بعد آخر تعديل (0: بلا حد).",
    },
    "cli.retention_done": {
        "en": "Deleted for good: {draft} draft(s), {summary} summary(ies), {document} document(s).",
        "fr": "Supprimés définitivement : {draft} brouillon(s), {summary} synthèse(s), {document} document(s).",
        "ar": "حُذف نهائيًا: {draft} مسودة، {summary} ملخص، {document} وثيقة.",
    },
})


def register(sub) -> None:
    backup = sub.add_parser("backup", help="write a consistent copy of the history (Katib may be running)")
    backup.add_argument("file", nargs="?", help="destination (default: the backups folder)")
    backup.add_argument("--list", action="store_true", help="list the backups in the backups folder")
    backup.add_argument("--json", action="store_true")
    backup.set_defaults(func=run_backup)

    restore = sub.add_parser("restore", help="replace the history by a backup, after checking it")
    restore.add_argument("file")
    restore.add_argument("--json", action="store_true")
    restore.set_defaults(func=run_restore)

    retention = sub.add_parser("retention",
                               help="how long drafts and summaries are kept; delete expired ones")
    retention.add_argument("--days", type=int, help="set the period (0: keep forever)")
    retention.add_argument("--apply", action="store_true",
                           help="delete expired items now (done anyway when --days is given)")
    retention.add_argument("--json", action="store_true")
    retention.set_defaults(func=run_retention)


def run_backup(args, lang: str) -> int:
    if args.list:
        paths, _ = context()
        infos = Store.backups_of(paths)
        if args.json:
            print_json([b.as_dict() for b in infos])
        else:
            for info in infos:
                print(f"{info.created:%Y-%m-%d %H:%M}  {info.size:>10}  {info.path}")
        return 0
    with open_store(lang) as store:
        written = store.backup(args.file)
    if args.json:
        print_json({"path": str(written)})
    else:
        print(message("cli.backup_written", lang, path=written))
    return 0


def run_restore(args, lang: str) -> int:
    paths, _ = context()
    result = Store.restore(paths, args.file)
    if args.json:
        print_json({"restored_from": str(result.restored_from), "version": result.version,
                    "previous": str(result.previous) if result.previous else None})
    else:
        print(message("cli.restored", lang, path=result.restored_from,
                      previous=result.previous or "-"))
    return 0


def run_retention(args, lang: str) -> int:
    paths, settings = context()
    if args.days is not None:
        if args.days < 0:
            raise SystemExit("katib: --days must be 0 or more")
        settings.retention_days = args.days
        save_settings(settings, paths.settings_file)
    report = None
    if args.apply or args.days is not None:
        with open_store(lang) as store:
            report = store.apply_retention(settings.retention_days)
    if args.json:
        print_json({"days": settings.retention_days,
                    "deleted": report.deleted if report else None,
                    "cutoff": report.cutoff if report else None})
        return 0
    print(message("cli.retention_setting", lang, days=settings.retention_days))
    if report is not None:
        print(message("cli.retention_done", lang, **report.deleted))
    return 0
