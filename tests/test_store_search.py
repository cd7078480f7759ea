"""Search over the store: accents and Arabic diacritics ignored, ranked, highlighted."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from katib.core.paths import Paths
from katib.core.store import Store
from katib.core.store_search import find_matches, fold, fold_offsets, make_snippet, query_terms

TASHKEEL = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"  # ً ٌ ٍ َ ُ ِ ّ ْ


def make_paths(root) -> Paths:
    return Paths(config=root / "config", data=root / "data", models=root / "models",
                 logs=root / "logs", cache=root / "cache")


@pytest.fixture
def store(tmp_path):
    s = Store.open(make_paths(tmp_path), auto_backup=False)
    yield s
    s.close()


def test_unicode61_alone_keeps_tashkeel_which_is_why_katib_folds_text():
    """The premise of store_search: SQLite's tokenizer does not strip Arabic short vowels."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO t VALUES ('كَتَبَ المُدِيرُ الرِّسَالَةَ')")
    assert conn.execute("SELECT count(*) FROM t WHERE t MATCH 'كتب'").fetchone()[0] == 0
    conn.execute("INSERT INTO t VALUES (?)", [fold("كَتَبَ المُدِيرُ الرِّسَالَةَ")])
    assert conn.execute("SELECT count(*) FROM t WHERE t MATCH 'كتب'").fetchone()[0] == 1


def test_fold_removes_every_tashkeel_mark_tatweel_and_accents():
    word = "".join(ch + mark for ch, mark in zip("كتابات", TASHKEEL))  # a mark on each letter
    assert fold(word) == "كتابات"
    for mark in TASHKEEL:
        assert fold("ب" + mark) == "ب"
    assert fold("مـــدرســـة") == "مدرسه"  # tatweel gone, ta marbuta folded
    assert fold("أحمد إدارة آمال") == "احمد اداره امال"
    assert fold("Préfète ÉLÈVE Œuvre") == "prefete eleve œuvre"
    assert fold("ﻻ") == "لا"  # presentation forms, as pdftotext sometimes gives them


def test_offsets_map_folded_positions_back_to_the_original():
    text = "قرار الوَزِيرِ ـــ بشأن"
    offsets = fold_offsets(text)
    assert len(offsets) == len(text) + 1 and offsets[-1] == len(fold(text))
    snippet = make_snippet(text, query_terms("وزير"))
    assert snippet.marked() == "قرار [الوَزِيرِ] ـــ بشأن"


@pytest.mark.parametrize("query", ["مدير", "المدير", "المُدِيرُ", "مُدِير", "مدي"])
def test_arabic_queries_with_or_without_article_and_diacritics(store, query):
    draft = store.create_draft("note", "ar", "مذكرة", {}, "اجتمع المُدِيرُ الإقليمي بالموظفين")
    other = store.create_draft("note", "ar", "شيء آخر", {}, "لا علاقة لهذا النص بالموضوع")
    hits = store.search(query)
    assert [h.id for h in hits] == [draft]
    assert "[المُدِيرُ]" in hits[0].marked()
    assert other not in [h.id for h in hits]


@pytest.mark.parametrize("query", ["prefet", "PRÉFET", "préfèt", "pref"])
def test_french_queries_ignore_case_and_accents(store, query):
    draft = store.create_draft("lettre", "fr", "Courrier au préfet", {},
                               "Monsieur le Préfet, j'ai l'honneur de vous écrire.")
    hits = store.search(query)
    assert [h.id for h in hits] == [draft]
    assert hits[0].marked() == "Monsieur le [Préfet], j'ai l'honneur de vous écrire."
    assert hits[0].marked_title() == "Courrier au [préfet]"
    assert hits[0].snippet_html() == \
        "Monsieur le <b>Préfet</b>, j&#x27;ai l&#x27;honneur de vous écrire."


def test_every_word_is_required_and_results_are_ranked(store):
    weak = store.create_draft("lettre", "fr", "Note", {}, "permis " + "texte sans rapport " * 40)
    strong = store.create_draft("lettre", "fr", "Permis de construire",
                                {}, "Demande de permis de construire, permis accordé.")
    store.create_draft("lettre", "fr", "Autre", {}, "construire un mur")
    hits = store.search("permis")
    assert [h.id for h in hits] == [strong, weak]
    assert hits[0].rank < hits[1].rank  # bm25: lower is better
    assert [h.id for h in store.search("permis construire")] == [strong]


def test_form_fields_summaries_and_documents_are_searchable(store, tmp_path):
    draft = store.create_draft("convocation", "fr", "Convocation", {"destinataire": "M. Benjelloun"},
                               "Vous êtes convoqué.")
    source = tmp_path / "rapport-annuel.txt"
    source.write_text("Le budget de la commune a augmenté de 12 %.", encoding="utf-8")
    doc = store.add_document(source, source.read_text(encoding="utf-8"), pages=1, language="fr")
    summary = store.add_summary("Synthèse du rapport", "fr", "Hausse du budget communal.",
                                document_ids=[doc])
    assert [(h.kind, h.id) for h in store.search("benjelloun")] == [("draft", draft)]
    assert store.search("benjelloun")[0].marked() == "M. [Benjelloun]"
    found = {(h.kind, h.id) for h in store.search("budget")}
    assert found == {("document", doc), ("summary", summary)}
    assert [h.kind for h in store.search("budget", kinds=["summary"])] == ["summary"]
    # A summary is found by the name of the file it summarizes.
    assert ("summary", summary) in {(h.kind, h.id) for h in store.search("rapport annuel")}


@pytest.mark.parametrize("query, found", [
    ('"', False), ("'", False), ("(", False), ("permis OR", False), ("NEAR(permis", False),
    ("permis*", True), ("-permis", True), ("col:permis", False), ("^permis", True),
    ('"permis" "accordé"', True), ("permis AND", False)])
def test_fts_syntax_typed_by_the_user_is_taken_as_words(store, query, found):
    """Quotes, operators and column filters are words to look for, never an SQL error."""
    draft = store.create_draft("lettre", "fr", "Permis", {}, "Le permis est accordé.")
    assert [h.id for h in store.search(query)] == ([draft] if found else [])


def test_empty_or_punctuation_query_finds_nothing(store):
    store.create_draft("lettre", "fr", "Permis", {}, "Le permis est accordé.")
    assert store.search("") == [] and store.search("  ,;!? ") == []


def test_snippet_is_cut_around_the_match_in_a_long_text(store):
    long_text = ("Considérant les dispositions réglementaires en vigueur. " * 30
                 + "Le conseil approuve la subvention de l'association Al Amal. "
                 + "Fin de la délibération. " * 30)
    item = store.create_draft("pv", "fr", "Procès-verbal", {}, long_text)
    hit = store.search("subvention")[0]
    assert hit.id == item
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) < 250
    assert "[subvention]" in hit.marked()


ALPHABET = "كتبمدرسالوزيرإأآةىـ" + TASHKEEL + "préfetÉCOLEœ  ,.'\n"


@given(text=st.text(alphabet=ALPHABET, max_size=300),
       word=st.sampled_from(["مدرسه", "وزير", "كتب", "prefet", "ecole", "ال"]))
@settings(max_examples=300, deadline=None)
def test_highlights_always_cover_the_matched_word_in_the_original(text, word):
    """Whatever marks, tatweel and accents surround a word, its highlight is that word."""
    for start, end in find_matches(text, [word], prefix_last=False):
        assert 0 <= start < end <= len(text)
        piece = fold(text[start:end])
        assert piece.endswith(word) and piece.removesuffix(word) in ("", "ال", "وال", "بال",
                                                                    "كال", "فال", "لل")
        assert fold(text[end:end + 1]) == "" or not fold(text[end:end + 1])[0].isalnum()
