"""What can go wrong with the local database, said in the user's language.

Every SQLite failure the store meets is turned into one of these
`StorageError` subclasses, so the window can show one clear sentence and keep
the text on screen. The store never drops the text it was asked to save: the
caller (or the `Autosaver`) still holds it and retries.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from katib.core.errors import StorageError
from katib.core.messages import register

register({
    "storage.disk_full": {
        "en": "The disk is full: {path} could not be saved. Free some space; your text is still on screen and will be saved as soon as possible.",
        "fr": "Le disque est plein : {path} n'a pas pu être enregistré. Libérez de la place ; votre texte est toujours à l'écran et sera enregistré dès que possible.",
        "ar": "القرص ممتلئ: تعذر حفظ {path}. حرّر بعض المساحة؛ نصك ما يزال على الشاشة وسيُحفظ في أقرب وقت.",
    },
    "storage.read_only": {
        "en": "The folder {path} cannot be written to (read-only). Your text is still on screen; choose a writable folder or ask your administrator.",
        "fr": "Le dossier {path} est en lecture seule : impossible d'y écrire. Votre texte est toujours à l'écran ; choisissez un dossier accessible en écriture ou contactez votre administrateur.",
        "ar": "المجلد {path} للقراءة فقط ولا يمكن الكتابة فيه. نصك ما يزال على الشاشة؛ اختر مجلدًا قابلًا للكتابة أو اتصل بالمسؤول.",
    },
    "storage.locked": {
        "en": "The database {path} is busy: another Katib window or program is using it. Your text is still on screen and will be saved as soon as it is free.",
        "fr": "La base {path} est occupée : une autre fenêtre ou un autre programme Katib l'utilise. Votre texte est toujours à l'écran et sera enregistré dès qu'elle sera libre.",
        "ar": "قاعدة البيانات {path} مشغولة: نافذة أو برنامج كاتب آخر يستعملها. نصك ما يزال على الشاشة وسيُحفظ حين تصبح متاحة.",
    },
    "storage.in_use": {
        "en": "Katib is still open on {path}. Close every Katib window, then try again.",
        "fr": "Katib est encore ouvert sur {path}. Fermez toutes les fenêtres de Katib puis réessayez.",
        "ar": "ما يزال كاتب مفتوحًا على {path}. أغلق كل نوافذ كاتب ثم أعد المحاولة.",
    },
    "storage.corrupt": {
        "en": "The database {path} is damaged: {detail}.",
        "fr": "La base {path} est endommagée : {detail}.",
        "ar": "قاعدة البيانات {path} تالفة: {detail}.",
    },
    "storage.set_aside": {
        "en": "The database was damaged; it was kept aside as {moved} and a new, empty one was created. {backups} backup(s) can be restored.",
        "fr": "La base était endommagée ; elle a été mise de côté sous le nom {moved} et une base vide a été créée. {backups} sauvegarde(s) peuvent être restaurées.",
        "ar": "كانت قاعدة البيانات تالفة؛ احتُفظ بها جانبًا باسم {moved} وأُنشئت قاعدة جديدة فارغة. يمكن استرجاع {backups} نسخة احتياطية.",
    },
    "storage.newer": {
        "en": "{path} was written by a newer version of Katib (format {found}, this one reads up to {supported}). Update Katib.",
        "fr": "{path} a été écrit par une version plus récente de Katib (format {found}, celle-ci lit jusqu'au format {supported}). Mettez Katib à jour.",
        "ar": "كُتب {path} بإصدار أحدث من كاتب (الصيغة {found}، وهذا الإصدار يقرأ حتى الصيغة {supported}). حدّث كاتب.",
    },
    "storage.not_found": {
        "en": "File not found: {path}",
        "fr": "Fichier introuvable : {path}",
        "ar": "الملف غير موجود: {path}",
    },
    "storage.not_katib": {
        "en": "{path} is not a Katib backup. Nothing was replaced.",
        "fr": "{path} n'est pas une sauvegarde de Katib. Rien n'a été remplacé.",
        "ar": "{path} ليس نسخة احتياطية لكاتب. لم يُستبدل أي شيء.",
    },
    "storage.backup_damaged": {
        "en": "The backup {path} is damaged ({detail}). Nothing was replaced.",
        "fr": "La sauvegarde {path} est endommagée ({detail}). Rien n'a été remplacé.",
        "ar": "النسخة الاحتياطية {path} تالفة ({detail}). لم يُستبدل أي شيء.",
    },
    "storage.backup_onto_itself": {
        "en": "A backup cannot be written over the database itself ({path}). Choose another file.",
        "fr": "Une sauvegarde ne peut pas remplacer la base elle-même ({path}). Choisissez un autre fichier.",
        "ar": "لا يمكن كتابة النسخة الاحتياطية فوق قاعدة البيانات نفسها ({path}). اختر ملفًا آخر.",
    },
    "storage.no_draft": {
        "en": "No draft number {id} in the history.",
        "fr": "Aucun brouillon numéro {id} dans l'historique.",
        "ar": "لا توجد مسودة رقم {id} في السجل.",
    },
    "storage.no_summary": {
        "en": "No summary number {id} in the history.",
        "fr": "Aucune synthèse numéro {id} dans l'historique.",
        "ar": "لا يوجد ملخص رقم {id} في السجل.",
    },
    "storage.no_document": {
        "en": "No document number {id} in the history.",
        "fr": "Aucun document numéro {id} dans l'historique.",
        "ar": "لا توجد وثيقة رقم {id} في السجل.",
    },
    "storage.slow": {
        "en": "Saving is taking longer than expected (the disk is slow or busy). Your text is still on screen; it will be saved as soon as the disk answers.",
        "fr": "L'enregistrement prend plus de temps que prévu (disque lent ou occupé). Votre texte est toujours à l'écran ; il sera enregistré dès que le disque répondra.",
        "ar": "الحفظ يستغرق وقتًا أطول من المتوقع (القرص بطيء أو مشغول). نصك ما يزال على الشاشة وسيُحفظ حين يستجيب القرص.",
    },
    "storage.closed": {
        "en": "The history is closed; nothing more can be saved in this window.",
        "fr": "L'historique est fermé ; plus rien ne peut être enregistré dans cette fenêtre.",
        "ar": "السجل مغلق؛ لا يمكن حفظ أي شيء آخر في هذه النافذة.",
    },
})


class StorageDiskFull(StorageError):
    """The disk (or the user's quota) is full."""

    key = "storage.disk_full"


class StorageReadOnly(StorageError):
    """The data folder or the database file cannot be written."""

    key = "storage.read_only"


class StorageLocked(StorageError):
    """Another process kept the database busy longer than the store waits."""

    key = "storage.locked"


class StorageInUse(StorageError):
    """An operation that replaces the database found Katib still open on it."""

    key = "storage.in_use"


class StorageCorrupt(StorageError):
    """The database file is damaged (or is not a database at all)."""

    key = "storage.corrupt"


class StorageNewer(StorageError):
    """The file was written by a newer Katib whose format this one cannot read."""

    key = "storage.newer"


class BackupInvalid(StorageError):
    """A file offered for restore is missing, damaged or not a Katib database."""

    key = "storage.not_katib"


class ItemNotFound(StorageError):
    """No such draft, summary or document (`kind=`, `id=`), or not in the trash for an undo."""

    key = "storage.no_draft"

    def __init__(self, key: str | None = None, **params: object) -> None:
        super().__init__(key or f"storage.no_{params.get('kind', 'draft')}", **params)


class StorageSlow(StorageError):
    """A save waited on did not finish in time; it is still queued."""

    key = "storage.slow"


class StoreClosed(StorageError):
    key = "storage.closed"


def translate(exc: BaseException, path: Path | str) -> StorageError:
    """The `StorageError` that tells the user what `exc` (from sqlite3 or the OS) means."""
    if isinstance(exc, StorageError):
        return exc
    where = str(path)
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return StorageDiskFull(path=where)
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return StorageReadOnly(path=where)
        return StorageError(detail=str(exc))
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return StorageDiskFull(path=where)
    if name.startswith("SQLITE_READONLY") or "readonly database" in text:
        return StorageReadOnly(path=where)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return StorageLocked(path=where)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text \
            or "not a database" in text:
        return StorageCorrupt(path=where, detail=str(exc))
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM")) or "unable to open" in text:
        return StorageReadOnly(path=where)
    if isinstance(exc, sqlite3.Error):
        return StorageError(detail=str(exc))
    return StorageError(detail=f"{type(exc).__name__}: {exc}")
