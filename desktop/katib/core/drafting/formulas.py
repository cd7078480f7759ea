"""The fixed wording of the frame in each language: labels, appels, graded politesse.

These are conventions, not content: French administrative letters grade the
formule de politesse by the recipient's rank and repeat the formule d'appel in
it; Moroccan Arabic letters open with "سلام تام بوجود مولانا الإمام" and
"وبعد،" and close with a graded "وتقبلوا …" or a plain "والسلام".
"""

from __future__ import annotations

PLACEHOLDER = {"fr": "[À COMPLÉTER]", "ar": "[يُستكمل]", "en": "[TO COMPLETE]"}

STATE = {"fr": "ROYAUME DU MAROC", "ar": "المملكة المغربية", "en": "KINGDOM OF MOROCCO"}
# Ways an office may have typed the state in its settings; all mean the same kingdom.
STATE_ALIASES = {"royaume du maroc", "المملكة المغربية", "kingdom of morocco", "maroc", "morocco"}

LABELS = {
    "fr": {"subject": "Objet", "references": "Réf.", "attachments": "P.J.", "number": "N°",
           "copies": "Copie à", "via": "s/c de", "to": "à", "addressees": "Destinataires",
           "facts": "Note pour la rédaction — faits à exposer dans le corps de la lettre",
           "from": "", "phone": "Tél.", "email": "Courriel"},
    "ar": {"subject": "الموضوع", "references": "المرجع", "attachments": "المرفقات", "number": "عدد",
           "copies": "نسخة إلى", "via": "تحت إشراف", "to": "إلى", "addressees": "إلى",
           "facts": "مذكرة للتحرير - الوقائع التي يجب عرضها في متن الرسالة",
           "from": "من", "phone": "الهاتف", "email": "البريد الإلكتروني"},
    "en": {"subject": "Subject", "references": "Ref.", "attachments": "Encl.", "number": "No.",
           "copies": "Copy to", "via": "Through", "to": "To", "addressees": "To",
           "facts": "Drafting note — facts the body of the letter must state",
           "from": "From", "phone": "Tel.", "email": "Email"},
}

# How a date line starts: "Rabat, le 12 mars 2026" / "الرباط في: 12 مارس 2026" / "Rabat, 12 March 2026".
PLACE_DATE = {"fr": "{city}, {date}", "ar": "{city} في: {date}", "en": "{city}, {date}"}

CIVILITY = {
    "fr": {"m": "Monsieur", "mme": "Madame", "": "Madame, Monsieur"},
    "ar": {"m": "السيد", "mme": "السيدة", "": "السيد(ة)"},
    "en": {"m": "Mr", "mme": "Ms", "": ""},
}
ARABIC_HONORIFIC = {"m": "المحترم", "mme": "المحترمة", "": "المحترم(ة)"}

# The Arabic salutation, centred, then "وبعد،" on its own line.
ARABIC_SALUTATION = ["سلام تام بوجود مولانا الإمام", "وبعد،"]

# Formules de politesse graded by the recipient's rank. `{appel}` repeats the appel.
CLOSINGS = {
    "fr": {
        "citizen": "Je vous prie d'agréer, {appel}, l'expression de ma considération distinguée.",
        "peer": "Je vous prie d'agréer, {appel}, l'assurance de ma considération distinguée.",
        "subordinate": "Je vous prie d'agréer, {appel}, l'assurance de ma considération.",
        "superior": "Je vous prie de bien vouloir agréer, {appel}, l'expression de ma "
                    "respectueuse considération.",
        "high_authority": "Je vous prie de bien vouloir agréer, {appel}, l'assurance de mon "
                          "profond respect.",
    },
    "ar": {
        "citizen": "وتقبلوا فائق عبارات التقدير والاحترام.",
        "peer": "وتقبلوا فائق عبارات التقدير والاحترام.",
        "subordinate": "والسلام.",
        "superior": "وتفضلوا بقبول فائق عبارات التقدير والاحترام.",
        "high_authority": "وتفضلوا بقبول أسمى عبارات التقدير والاحترام.",
    },
    "en": {
        "citizen": "Yours faithfully,",
        "peer": "Yours sincerely,",
        "subordinate": "Yours sincerely,",
        "superior": "Yours respectfully,",
        "high_authority": "Please accept, {appel}, the assurance of my highest consideration.",
    },
}

DELEGATION = {
    "fr": {"po": "P/O", "delegation": "Pour le Ministre et par délégation,"},
    "ar": {"po": "بالنيابة", "delegation": "عن الوزير وبتفويض منه"},
    "en": {"po": "p.p.", "delegation": "For the Minister, by delegation,"},
}

# Where the model must stop: the politesse starts, the next letter starts.
STOPS = {
    "fr": ["Je vous prie", "Veuillez agréer", "Veuillez recevoir", "Je vous prie d'agréer",
           "Objet :", "Objet:", "\n\n\n", "———", "Copie à", "Signé"],
    "ar": ["وتقبلوا", "وتفضلوا", "والسلام", "الموضوع:", "\n\n\n", "———", "نسخة إلى"],
    "en": ["Yours faithfully", "Yours sincerely", "Yours respectfully", "Please accept",
           "Subject:", "\n\n\n", "———", "Copy to"],
}

# Openings that make a body sound more formal ("more formal" revise action).
FORMAL_REPLACEMENTS = {
    "fr": [("je vous informe", "j'ai l'honneur de vous informer"),
           ("Je vous informe", "J'ai l'honneur de vous informer"),
           ("je vous demande", "je vous saurais gré"), ("merci de", "je vous saurais gré de"),
           ("Merci de", "Je vous saurais gré de"), ("vous pouvez", "vous voudrez bien"),
           ("Vous pouvez", "Vous voudrez bien")],
    "ar": [("أخبركم", "أحيطكم علما"), ("نطلب منكم", "نرجو منكم"), ("يمكنكم", "يمكن لكم")],
    "en": [("don't", "do not"), ("can't", "cannot"), ("won't", "will not"), ("isn't", "is not"),
           ("I'm", "I am"), ("we're", "we are"), ("you're", "you are"), ("Thanks", "Thank you"),
           ("please", "kindly"), ("Please", "Kindly")],
}

# One short example letter per language, shown to a base model before the real
# letter: it teaches the administration's voice, a short body that uses only the
# note's facts, and where the body ends. Kept first in the prompt so its tokens
# are reused from one draft to the next.
EXAMPLES = {
    "fr": (
        "Note pour la rédaction — faits à exposer dans le corps de la lettre :\n"
        "- demande de Mme Khadija Alaoui du 14 janvier 2026\n"
        "- objet : autorisation d'occupation temporaire du domaine public\n"
        "- décision : favorable\n\n"
        "Madame,\n\n"
        "J'ai l'honneur de vous faire connaître que votre demande du 14 janvier 2026, citée "
        "en objet, a reçu une suite favorable. Cette autorisation vous sera délivrée par le "
        "service compétent de la commune. Mes services restent à votre disposition pour tout renseignement "
        "complémentaire.\n\n"
        "Je vous prie d'agréer, Madame, l'expression de ma considération distinguée.\n"
    ),
    "ar": (
        "مذكرة للتحرير - الوقائع التي يجب عرضها في متن الرسالة:\n"
        "- طلب السيدة خديجة العلوي بتاريخ 14 يناير 2026\n"
        "- الموضوع: رخصة الاحتلال المؤقت للملك العمومي\n"
        "- القرار: الموافقة\n\n"
        "سلام تام بوجود مولانا الإمام\nوبعد،\n\n"
        "يشرفني أن أخبركم بأن طلبكم المؤرخ في 14 يناير 2026، المشار إليه في الموضوع أعلاه، "
        "قد حظي بالموافقة. وستسلم لكم هذه الرخصة من طرف المصلحة المختصة بالجماعة. "
        "ومصالحنا رهن إشارتكم لأي معلومات إضافية.\n\n"
        "وتقبلوا فائق عبارات التقدير والاحترام.\n"
    ),
    "en": (
        "Drafting note — facts the body of the letter must state:\n"
        "- request from Ms Khadija Alaoui dated 14 January 2026\n"
        "- subject: temporary use of public land\n"
        "- decision: granted\n\n"
        "Dear Madam,\n\n"
        "I have the honour to inform you that your request of 14 January 2026, referred to "
        "above, has been granted. The permit will be issued to you by the competent "
        "department of the commune. My services remain at your disposal for any "
        "further information.\n\n"
        "Yours faithfully,\n"
    ),
}
