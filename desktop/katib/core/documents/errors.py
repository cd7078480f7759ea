"""Typed errors of the document readers, each with a sentence in fr, ar and en."""

from __future__ import annotations

from katib.core.errors import DocumentError
from katib.core.messages import register

register({
    "document.password_required": {
        "en": "{path} is password-protected. Enter its password to read it.",
        "fr": "{path} est protégé par un mot de passe. Saisissez le mot de passe pour le lire.",
        "ar": "{path} محمي بكلمة مرور. أدخل كلمة المرور لقراءته.",
    },
    "document.wrong_password": {
        "en": "The password for {path} is not correct. Try again.",
        "fr": "Le mot de passe de {path} est incorrect. Réessayez.",
        "ar": "كلمة مرور {path} غير صحيحة. أعد المحاولة.",
    },
    "document.no_text_layer": {
        "en": "{path} has no text layer: its pages are scanned images and need OCR "
              "(character recognition), which is not installed ({detail}).",
        "fr": "{path} n'a pas de couche texte : ses pages sont des images numérisées qui "
              "demandent une reconnaissance de caractères (OCR), non installée ({detail}).",
        "ar": "{path} لا يحتوي على طبقة نصية: صفحاته صور ممسوحة ضوئيا وتحتاج إلى التعرف "
              "الضوئي على الحروف (OCR)، وهو غير مثبت ({detail}).",
    },
    "document.no_text_found": {
        "en": "{path} has no text layer (scanned pages), and character recognition (OCR) "
              "found no readable text in it.",
        "fr": "{path} n'a pas de couche texte (pages numérisées), et la reconnaissance de "
              "caractères (OCR) n'y a trouvé aucun texte lisible.",
        "ar": "{path} لا يحتوي على طبقة نصية (صفحات ممسوحة ضوئيا)، ولم يجد التعرف الضوئي على "
              "الحروف (OCR) فيه أي نص مقروء.",
    },
    "document.damaged": {
        "en": "{path} is damaged and cannot be read ({detail}).",
        "fr": "{path} est endommagé et ne peut pas être lu ({detail}).",
        "ar": "{path} تالف ولا يمكن قراءته ({detail}).",
    },
    "document.empty": {
        "en": "{path} is empty: there is no text to read.",
        "fr": "{path} est vide : il n'y a aucun texte à lire.",
        "ar": "{path} فارغ: لا يوجد نص للقراءة.",
    },
    "document.unsupported": {
        "en": "{path}: this kind of file ({kind}) cannot be read. Katib reads .docx, .pdf, "
              ".txt, .md, .odt, .html and .eml files.",
        "fr": "{path} : ce type de fichier ({kind}) ne peut pas être lu. Katib lit les fichiers "
              ".docx, .pdf, .txt, .md, .odt, .html et .eml.",
        "ar": "{path}: لا يمكن قراءة هذا النوع من الملفات ({kind}). يقرأ كاتب ملفات .docx و.pdf "
              "و.txt و.md و.odt و.html و.eml.",
    },
    "document.too_large": {
        "en": "{path} is too large ({size}; the limit is {limit}). Split it or choose a range "
              "of pages.",
        "fr": "{path} est trop volumineux ({size} ; la limite est {limit}). Découpez-le ou "
              "choisissez une plage de pages.",
        "ar": "{path} كبير جدا ({size}؛ الحد الأقصى {limit}). قسّمه أو اختر نطاقا من الصفحات.",
    },
    "document.timeout": {
        "en": "Reading {path} took longer than {seconds} s and was stopped. The file may be "
              "damaged.",
        "fr": "La lecture de {path} a dépassé {seconds} s et a été arrêtée. Le fichier est "
              "peut-être endommagé.",
        "ar": "تجاوزت قراءة {path} مدة {seconds} ثانية فأوقفت. ربما يكون الملف تالفا.",
    },
    "document.not_found": {
        "en": "{path} does not exist or cannot be opened.",
        "fr": "{path} n'existe pas ou ne peut pas être ouvert.",
        "ar": "{path} غير موجود أو لا يمكن فتحه.",
    },
})


class PasswordRequired(DocumentError):
    """The file is encrypted; call `read_document(path, password=...)`."""

    key = "document.password_required"


class WrongPassword(PasswordRequired):
    """A password was given and it does not open the file."""

    key = "document.wrong_password"


class NoTextLayer(DocumentError):
    """Scanned pages and no OCR available."""

    key = "document.no_text_layer"


class DamagedDocument(DocumentError):
    key = "document.damaged"


class EmptyDocument(DocumentError):
    key = "document.empty"


class UnsupportedFormat(DocumentError):
    key = "document.unsupported"


class DocumentTooLarge(DocumentError):
    key = "document.too_large"


class ReadTimeout(DocumentError):
    key = "document.timeout"


class DocumentNotFound(DocumentError):
    key = "document.not_found"
