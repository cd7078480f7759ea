"""User-facing sentences of the core, in French, Arabic and English.

The window has its own Qt translations; these are for what the core says
(errors, progress) so the command line and the window say the same thing.
A missing translation falls back to English, never to a key.
"""

from __future__ import annotations

import os

LANGUAGES = ("fr", "ar", "en")

_MESSAGES: dict[str, dict[str, str]] = {
    "error.generic": {
        "en": "Something went wrong: {detail}",
        "fr": "Une erreur s'est produite : {detail}",
        "ar": "حدث خطأ: {detail}",
    },
    "model.not_found": {
        "en": "Model file not found: {path}",
        "fr": "Fichier de modèle introuvable : {path}",
        "ar": "ملف النموذج غير موجود: {path}",
    },
    "model.not_gguf": {
        "en": "{path} is not a GGUF model file.",
        "fr": "{path} n'est pas un fichier de modèle GGUF.",
        "ar": "{path} ليس ملف نموذج بصيغة GGUF.",
    },
    "model.truncated": {
        "en": "{path} is incomplete (truncated): {detail}. Copy the file again.",
        "fr": "{path} est incomplet (tronqué) : {detail}. Copiez de nouveau le fichier.",
        "ar": "الملف {path} ناقص (مبتور): {detail}. انسخ الملف من جديد.",
    },
    "model.unreadable": {
        "en": "{path} cannot be read as a model: {detail}",
        "fr": "{path} ne peut pas être lu comme un modèle : {detail}",
        "ar": "تعذرت قراءة {path} كنموذج: {detail}",
    },
    "model.checksum": {
        "en": "{path} does not match its expected checksum: the file is damaged or not the catalogued model.",
        "fr": "{path} ne correspond pas à son empreinte attendue : le fichier est endommagé ou n'est pas le modèle du catalogue.",
        "ar": "بصمة {path} لا تطابق البصمة المنتظرة: الملف تالف أو ليس النموذج المسجل في الفهرس.",
    },
    "model.disk_full": {
        "en": "Not enough disk space to copy {path} ({needed} needed, {free} free). Nothing was copied.",
        "fr": "Espace disque insuffisant pour copier {path} ({needed} nécessaires, {free} libres). Rien n'a été copié.",
        "ar": "لا توجد مساحة كافية لنسخ {path} (المطلوب {needed}، المتاح {free}). لم يُنسخ أي شيء.",
    },
    "model.write_failed": {
        "en": "Could not copy the model to {path}: {detail}. Nothing was kept.",
        "fr": "Impossible de copier le modèle vers {path} : {detail}. Rien n'a été conservé.",
        "ar": "تعذر نسخ النموذج إلى {path}: {detail}. لم يُحتفظ بأي شيء.",
    },
    "model.too_large": {
        "en": "{path} needs about {needed} of memory; this computer has {available} available.",
        "fr": "{path} demande environ {needed} de mémoire ; cet ordinateur n'en a que {available} de disponible.",
        "ar": "يحتاج {path} إلى نحو {needed} من الذاكرة، والمتاح في هذا الحاسوب {available} فقط.",
    },
    "model.unsupported_arch": {
        "en": "{path} uses the architecture '{arch}', which this version of Katib cannot run.",
        "fr": "{path} utilise l'architecture « {arch} », que cette version de Katib ne sait pas exécuter.",
        "ar": "يستعمل {path} البنية '{arch}' التي لا يستطيع هذا الإصدار من كاتب تشغيلها.",
    },
    "model.default_missing": {
        "en": "The default model package is not installed ({detail}). Reinstall Katib.",
        "fr": "Le paquet du modèle par défaut n'est pas installé ({detail}). Réinstallez Katib.",
        "ar": "حزمة النموذج الافتراضي غير مثبتة ({detail}). أعد تثبيت كاتب.",
    },
    "model.load_failed": {
        "en": "The model {path} could not be loaded: {detail}",
        "fr": "Le modèle {path} n'a pas pu être chargé : {detail}",
        "ar": "تعذر تحميل النموذج {path}: {detail}",
    },
    "engine.failed": {
        "en": "The model stopped with an error: {detail}",
        "fr": "Le modèle s'est arrêté sur une erreur : {detail}",
        "ar": "توقف النموذج بسبب خطأ: {detail}",
    },
    "engine.cancelled": {
        "en": "Generation cancelled.",
        "fr": "Génération annulée.",
        "ar": "أُلغي التوليد.",
    },
    "engine.prompt_too_long": {
        "en": "The request is {tokens} tokens long; the model accepts {limit}.",
        "fr": "La demande fait {tokens} jetons ; le modèle en accepte {limit}.",
        "ar": "طول الطلب {tokens} وحدة، والنموذج يقبل {limit} فقط.",
    },
    "engine.empty_prompt": {
        "en": "There is nothing to send to the model.",
        "fr": "Il n'y a rien à envoyer au modèle.",
        "ar": "لا يوجد ما يُرسل إلى النموذج.",
    },
    "storage.failed": {
        "en": "Could not save: {detail}. Your text is still on screen.",
        "fr": "Enregistrement impossible : {detail}. Votre texte est toujours à l'écran.",
        "ar": "تعذر الحفظ: {detail}. نصك ما يزال على الشاشة.",
    },
    "document.damaged": {
        "en": "{path} is damaged or not a valid document.",
        "fr": "{path} est endommagé ou n'est pas un document valide.",
        "ar": "{path} تالف أو ليس وثيقة صالحة.",
    },
    "template.invalid": {
        "en": "Template {name} is invalid (line {line}): {detail}",
        "fr": "Le modèle de document {name} est invalide (ligne {line}) : {detail}",
        "ar": "القالب {name} غير صالح (السطر {line}): {detail}",
    },
}


def register(entries: dict[str, dict[str, str]]) -> None:
    """Add sentences from another core module (drafting, documents, store…)."""
    _MESSAGES.update(entries)


def message(key: str, lang: str = "en", **params: object) -> str:
    entry = _MESSAGES.get(key) or _MESSAGES["error.generic"]
    text = entry.get(lang) or entry["en"]
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text


def user_language(default: str = "fr") -> str:
    """The language for messages: $KATIB_LANG, else the locale, else French."""
    for name in ("KATIB_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")[:2].lower()
        if value in LANGUAGES:
            return value
    return default
