"""The frame, typography, fact flags and the pipeline, without the model (fast).

The real model runs in test_drafting_model.py; here a scripted engine replays
text so that each rule is checked exactly."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from drafting_support import ScriptedEngine, office, scenario, scenario_data
from katib.core.drafting import Draft, Drafter, load_templates
from katib.core.drafting.dates import format_date, parse_date, rewrite_dates
from katib.core.drafting.facts import find_flags
from katib.core.drafting.frame import office_text
from katib.core.drafting.pipeline import clean_body, shorten
from katib.core.drafting.typography import NBSP, fix
from katib.core.engine import CancelToken
from katib.core.errors import TemplateError

TEMPLATES = load_templates(user=False)


def drafter(engine=None) -> Drafter:
    return Drafter(engine, TEMPLATES, office(), today=dt.date(2026, 3, 12))


def kinds(draft: Draft) -> list[str]:
    return [b.kind for b in draft.blocks]


# -- frame --------------------------------------------------------------------

def test_french_reply_frame_has_every_block_in_order():
    d = drafter().draft("reply_citizen", "fr", scenario("reply-granted-fr")["fields"])
    assert kinds(d) == ["letterhead", "number", "place_date", "recipient", "subject",
                        "salutation", "body", "closing", "signature"]
    assert d.block("letterhead").lines[:4] == [
        "ROYAUME DU MAROC", "Ministère de l'Intérieur", "Province de Kénitra",
        "Commune de Sidi Taibi - Service de l'état civil"]
    assert d.block("place_date").lines == ["Sidi Taibi, le 12 mars 2026"]
    assert d.block("number").lines == [f"N°{NBSP}: 214/EC/2026"]
    assert d.block("recipient").lines[0] == "Monsieur Youssef El Amrani"
    assert d.block("subject").bold
    assert d.block("salutation").lines == ["Monsieur,"]
    assert d.block("closing").lines == [
        "Je vous prie d'agréer, Monsieur, l'expression de ma considération distinguée."]
    assert d.block("signature").lines == ["Président du Conseil communal", "Ahmed Benali"]
    assert d.body.startswith("J'ai l'honneur de vous faire connaître que votre demande du "
                             "3 mars 2026, citée en objet, a reçu une suite favorable.")
    assert d.placeholders == [] and d.missing == []


def test_arabic_frame_follows_moroccan_layout():
    d = drafter().draft("reply_citizen", "ar", scenario("reply-granted-ar")["fields"])
    assert d.block("letterhead").lines[0] == "المملكة المغربية"
    assert d.block("place_date").lines == ["سيدي الطيبي في: 12 مارس 2026"]
    assert d.block("number").lines[0].startswith("عدد: ")
    recipient = d.block("recipient")
    assert recipient.align == "center"
    assert recipient.lines[0] == "من رئيس المجلس الجماعي"
    assert recipient.lines[1] == "إلى السيد يوسف العمراني المحترم"
    assert d.block("subject").lines == ["الموضوع: طلب شهادة السكنى"]
    assert d.block("salutation").lines == ["سلام تام بوجود مولانا الإمام", "وبعد،"]
    assert d.block("closing").lines == ["وتقبلوا فائق عبارات التقدير والاحترام."]
    assert d.body.startswith("يشرفني أن")


def test_english_frame():
    d = drafter().draft("reply_citizen", "en", scenario("reply-granted-en")["fields"])
    assert d.block("letterhead").lines[0] == "KINGDOM OF MOROCCO"
    assert d.block("place_date").lines == ["Sidi Taibi, 11 March 2026"]
    assert d.block("recipient").lines[0] == "Ms Sarah Mitchell"
    assert d.block("salutation").lines == ["Dear Madam,"]
    assert d.block("closing").lines == ["Yours faithfully,"]
    assert d.body.startswith("I have the honour to inform you")


def test_administrative_form_shows_the_chain_and_has_no_appel_in_french():
    d = drafter().draft("service_letter", "fr", scenario("service-fr")["fields"])
    assert "salutation" not in kinds(d) and "closing" not in kinds(d)
    assert d.block("recipient").lines == [
        "Le Président du Conseil communal", "à",
        "Monsieur le Directeur régional de l'Équipement de Rabat-Salé-Kénitra",
        "s/c de Monsieur le Secrétaire général de la Province de Kénitra"]
    assert d.block("references").lines == [
        f"Réf.{NBSP}: Votre lettre n° 88/DRE/2026 du 2 février 2026"]
    assert d.block("attachments").lines == [f"P.J.{NBSP}: 2", "- Rapport du service technique",
                                            "- Photographies"]
    ar = drafter().draft("service_letter", "ar", scenario("service-ar")["fields"])
    assert "تحت إشراف السيد الكاتب العام لعمالة إقليم القنيطرة" in ar.block("recipient").lines
    assert ar.block("closing").lines == ["والسلام."]
    en = drafter().draft("service_letter", "en", scenario("service-en")["fields"])
    assert en.block("recipient").lines[:2] == ["From: President of the Communal Council",
                                               "To: Regional Director of Public Works"]


@pytest.mark.parametrize("rank, lang, expected", [
    ("citizen", "fr", "l'expression de ma considération distinguée"),
    ("superior", "fr", "Je vous prie de bien vouloir agréer, Monsieur le Directeur, "
                       "l'expression de ma respectueuse considération."),
    ("high_authority", "fr", "l'assurance de mon profond respect"),
    ("superior", "ar", "وتفضلوا بقبول فائق عبارات التقدير والاحترام."),
    ("subordinate", "ar", "والسلام."),
    ("superior", "en", "Yours respectfully,"),
])
def test_politesse_is_graded_by_rank_and_repeats_the_appel(rank, lang, expected):
    fields = {"recipient_name": "Hassan Tazi", "recipient_title": "Directeur des affaires rurales",
              "subject": "Réunion", "meeting_date": "2026-03-19", "meeting_time": "10 h",
              "meeting_place": "siège", "agenda": ["Point unique"], "recipient_rank": rank}
    d = drafter().draft("convocation", lang, fields)
    assert expected in d.block("closing").text


def test_delegation_and_note_title():
    d = drafter().draft("service_letter", "fr", scenario("service-superior-fr")["fields"])
    assert d.block("signature").lines[0] == "P/O"
    note = drafter().draft("note_service", "ar", scenario("note-ar")["fields"])
    assert note.block("title").lines == ["مذكرة مصلحية"]
    assert note.block("recipient").lines[0].startswith("إلى: موظفو مصلحة الحالة المدنية")


def test_office_identity_per_language():
    assert office_text("Ministère de l'Intérieur | وزارة الداخلية | Ministry of the Interior",
                       "ar") == "وزارة الداخلية"
    assert office_text("Sidi Taibi | سيدي الطيبي", "en") == "Sidi Taibi"
    assert office_text("Sidi Taibi | سيدي الطيبي", "ar") == "سيدي الطيبي"
    assert office_text("Rabat", "ar") == "Rabat"


# -- placeholders ---------------------------------------------------------------

def test_every_scenario_has_placeholders_exactly_where_fields_are_missing():
    data = scenario_data()
    assert len(data["scenarios"]) >= 30
    assert len({(s["type"], s["lang"]) for s in data["scenarios"]}) == 18
    for s in data["scenarios"]:
        d = drafter().draft(s["type"], s["lang"], s["fields"])
        marker = {"fr": "[À COMPLÉTER]", "ar": "[يُستكمل]", "en": "[TO COMPLETE]"}[s["lang"]]
        assert {p.field for p in d.placeholders} == set(s["missing"]), s["id"]
        assert set(d.missing) == set(s["missing"]), s["id"]
        assert (marker in d.full_text()) == bool(s["missing"]), s["id"]
        for p in d.placeholders:
            text = d.body if p.block == "body" else d.block(p.block).text
            assert marker in text, (s["id"], p)


def test_refusal_without_appeal_and_incomplete_without_items_show_placeholders():
    d = drafter().draft("reply_citizen", "fr", {"recipient_name": "A. B.", "subject": "x",
                                                "request_date": "2026-01-02",
                                                "outcome": "refused", "legal_basis": "la loi"})
    assert d.missing == ["appeal"]
    assert "Vous pouvez contester cette décision\u00a0: [À COMPLÉTER]." in d.body
    d = drafter().draft("reply_citizen", "en", scenario("reply-incomplete-missing-items-en")
                        ["fields"])
    assert "- [TO COMPLETE]" in d.body


def test_unknown_field_is_refused():
    with pytest.raises(TemplateError) as info:
        drafter().draft("attestation", "fr", {"salary": "10000"})
    assert "salary" in info.value.localized("fr") and "person_name" in str(info.value)


# -- typography and dates -------------------------------------------------------

def test_french_typography():
    text = fix('Objet: la "demande" ; est-ce urgent? Oui! Voir http://x.ma à 10:30.', "fr")
    assert f"Objet{NBSP}:" in text and f"«{NBSP}demande{NBSP}»" in text
    assert f"{NBSP};" in text and f"urgent{NBSP}?" in text and f"Oui{NBSP}!" in text
    assert "http://x.ma" in text and "10:30" in text


def test_dates_in_each_language():
    assert rewrite_dates("le 01/03/2026", "fr") == "le 1er mars 2026"
    assert rewrite_dates("في 2026-08-12", "ar") == "في 12 غشت 2026"
    assert format_date(dt.date(2026, 12, 5), "ar") == "5 دجنبر 2026"
    assert format_date(dt.date(2026, 3, 12), "en") == "12 March 2026"
    assert format_date(dt.date(2026, 3, 12), "fr", article=True) == "le 12 mars 2026"
    assert parse_date("12 شتنبر 2025") == dt.date(2025, 9, 12)
    assert parse_date("31/02/2026") is None


def test_arabic_punctuation():
    assert fix("نعم, هذا صحيح? نعم; طبعا", "ar") == "نعم، هذا صحيح؟ نعم؛ طبعا"
    assert fix("Rabat, Maroc", "ar") == "Rabat, Maroc"  # Latin text keeps its comma


# -- invented facts -------------------------------------------------------------

def test_invented_facts_are_flagged_with_offsets():
    body = ("J'ai l'honneur de vous informer que votre demande du 3 mars 2026 est acceptée. "
            "Une somme de 450 DH sera versée le 15 avril 2026 par Monsieur Karim Bennis "
            "sous le n° 77/2026, selon 12 agents.")
    flags = find_flags(body, ["2026-03-03", "Youssef El Amrani"])
    got = {(f.kind, f.text) for f in flags}
    assert ("date", "15 avril 2026") in got
    assert ("amount", "450 DH") in got
    assert any(k == "name" and "Karim Bennis" in t for k, t in got)
    assert any(k == "reference" and "77/2026" in t for k, t in got)
    assert ("number", "12") in got
    assert not any("3 mars" in t for _, t in got)
    for f in flags:
        assert body[f.start:f.end] == f.text


def test_known_facts_are_not_flagged_in_any_language():
    known = ["2026-03-03", "Youssef El Amrani", "214/EC/2026", "يوسف العمراني"]
    assert find_flags("votre demande du 3 mars 2026 (n° 214/EC/2026), M. Youssef El Amrani.",
                      known) == []
    assert find_flags("طلب السيد يوسف العمراني المؤرخ في 3 مارس 2026.", known) == []
    flags = find_flags("حضر السيد محمد الناصري يوم 9 ماي 2026.", known)
    assert {f.kind for f in flags} == {"name", "date"}


# -- the pipeline with a scripted engine ---------------------------------------

def test_stream_yields_lead_then_pieces_then_the_draft():
    engine = ScriptedEngine(" Vous pourrez retirer l'attestation dès lundi. Vous pourrez "
                            "retirer l'attestation dès lundi.\n\nJe vous prie d'agréer, "
                            "Monsieur, mes salutations.")
    items = list(drafter(engine).draft_stream("reply_citizen", "fr",
                                              scenario("reply-granted-fr")["fields"]))
    assert isinstance(items[-1], Draft) and all(isinstance(i, str) for i in items[:-1])
    assert items[0].startswith("J'ai l'honneur de")
    draft = items[-1]
    assert draft.body.count("Vous pourrez retirer") == 1  # repetition cut
    assert "Je vous prie" not in draft.body  # stopped at the politesse
    assert draft.body.endswith("muni de votre carte nationale d'identité.")  # the tail
    prompt = engine.prompts[0]
    assert prompt.index("- décision : favorable") < prompt.index("ROYAUME DU MAROC") \
        < prompt.index("Objet") < prompt.rstrip().rindex("J'ai l'honneur de")
    assert "Je vous prie" in engine.stops[0] and "\n\n\n" in engine.stops[0]


def test_body_is_cut_at_the_last_full_sentence():
    body = clean_body("J'ai l'honneur de", " vous informer. Une phrase qui ne finit", "fr", [])
    assert body == "J'ai l'honneur de vous informer."
    assert clean_body("يشرفني أن", " أخبركم بذلك. وأيضا", "ar", []) == "يشرفني أن أخبركم بذلك."


def test_cancel_returns_a_draft_marked_cancelled():
    cancel = CancelToken()
    engine = ScriptedEngine(" Une phrase. " * 50, piece=3)
    items = []
    for item in drafter(engine).draft_stream("reply_citizen", "fr",
                                             scenario("reply-granted-fr")["fields"], cancel):
        items.append(item)
        if len(items) == 3:
            cancel.cancel()
    draft = items[-1]
    assert isinstance(draft, Draft) and draft.cancelled
    assert draft.body.startswith("J'ai l'honneur")


def test_revise_actions():
    engine = ScriptedEngine(" Le dossier a été examiné par la commission. Il est complet. "
                            "La décision a été prise le 4 avril 2026.")
    d = drafter(engine)
    draft = d.draft("reply_citizen", "fr", scenario("reply-granted-fr")["fields"])
    assert [f.text for f in draft.flags] == ["4 avril 2026"]
    short = d.revise(draft, "shorten")
    assert len(short.body) < len(draft.body) and short.body.startswith("J'ai l'honneur")
    assert all(s.strip() in draft.body for s in re.split(r"(?<=\.)\s", short.body) if s.strip())
    arabic = d.revise(draft, "translate", target_lang="ar")
    assert arabic.lang == "ar" and arabic.block("salutation").lines[0].startswith("سلام تام")
    formal = d.revise(draft, "formal")
    assert "très formel" in engine.prompts[-1]
    assert formal.body.startswith("J'ai l'honneur")
    again = d.revise(draft, "regenerate")
    assert again.stats["seed"] != draft.stats.get("seed")
    with pytest.raises(ValueError):
        d.revise(draft, "poetry")


def test_shorten_keeps_only_sentences_it_was_given():
    body = "Première phrase. Deuxième phrase avec 3 pièces. Troisième. Quatrième phrase longue."
    short = shorten(body, "fr")
    assert short.startswith("Première phrase.") and len(short) < len(body)


def test_draft_round_trips_through_a_dict():
    engine = ScriptedEngine(" Réponse le 9 mai 2026.")
    draft = drafter(engine).draft("reply_citizen", "fr", scenario("reply-granted-fr")["fields"])
    again = Draft.from_dict(draft.to_dict())
    assert again.full_text() == draft.full_text() and again.flags == draft.flags
    offset = draft.body_offset()
    for f in draft.flags:
        assert draft.full_text()[offset + f.start: offset + f.end] == f.text


def test_sentences_copied_from_the_example_letter_are_dropped():
    engine = ScriptedEngine(" Cette autorisation vous sera délivrée par le service compétent de "
                            "la commune. Le retrait se fait au guichet.")
    draft = drafter(engine).draft("reply_citizen", "fr", scenario("reply-granted-fr")["fields"])
    assert "Cette autorisation vous sera délivrée" not in draft.body
    assert "Le retrait se fait au guichet." in draft.body


def test_near_repeats_are_cut_and_plural_titles_flag_names():
    body = clean_body("Il est établi que la route n° 4 est dégradée sur 3 kilomètres.",
                      " La route n° 4 est dégradée sur trois kilomètres. Une visite suit.", "fr", [])
    assert body.count("dégradée") == 1 and body.endswith("Une visite suit.")
    flags = find_flags("حضرت السيدات خديجة العلوي الاجتماع.", ["نادية الشرقاوي"])
    assert [f.text for f in flags] == ["خديجة العلوي"]
