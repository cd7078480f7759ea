"""Shortening a sentence: what counts as a pure deletion, transcript tidying, and the
real model's shortened points on a real procès-verbal."""

from __future__ import annotations

import pytest
from katib.core.summarize import compress

SENTENCE = ("Le ministre de l'Intérieur a annoncé mardi, lors d'une conférence de presse tenue "
            "à Rabat, que les élections communales auront lieu le 8 septembre.")


@pytest.mark.parametrize("short, ok", [
    (("Le ministre de l'Intérieur a annoncé que les élections communales auront lieu le "
     "8 septembre."), True),
    # A word the sentence does not have (a fact changed), a figure changed.
    (("Le ministre de l'Intérieur a annoncé que les élections législatives auront lieu le "
     "8 septembre."), False),
    ("Le ministre a annoncé que les élections communales auront lieu le 9 septembre.", False),
    # A negation added: the opposite statement.
    ("Le ministre n'a pas annoncé que les élections communales auront lieu le 8 septembre.",
     False),
    # Words out of order (a different statement), a stub, the sentence unchanged.
    ("Les élections communales auront lieu le 8 septembre a annoncé le ministre.", False),
    ("Le ministre a annoncé.", False),
    (SENTENCE, False),
])
def test_only_a_deletion_is_accepted(short, ok):
    assert compress.is_deletion(short, SENTENCE) is ok


def test_a_lost_negation_is_refused_in_each_language():
    assert not compress.is_deletion(
        "Le conseil a adopté le budget primitif présenté par le maire.",
        "Le conseil n'a pas adopté le budget primitif présenté par le maire en mars.")
    assert not compress.is_deletion(
        "The committee approved the budget presented by the mayor.",
        "The committee has not approved the budget presented by the mayor in March.")
    assert not compress.is_deletion(
        "وافق المجلس على الميزانية التي قدمها الرئيس.",
        "لم يوافق المجلس على الميزانية التي قدمها الرئيس في شهر مارس.")


def test_transcript_fillers_go_and_the_speaker_stays():
    said = "Lynne Neagle AM: Okay, so, we have got some questions now from Hefin David."
    assert compress.tidy(said) == "Lynne Neagle AM: We have got some questions now from Hefin David."
    assert compress.split_speaker(said)[0] == "Lynne Neagle AM: "
    assert compress.tidy("Bon, alors le conseil adopte le budget.") == "Le conseil adopte le budget."
    assert compress.tidy("Yes.") == "Yes."  # nothing left to keep: unchanged


def test_the_frame_is_one_fixed_example_then_the_sentence():
    for lang in ("fr", "ar", "en"):
        prompt = compress.prompt("Une phrase.", lang)
        assert prompt.startswith(compress.EXAMPLE[lang]) and "Une phrase." in prompt


@pytest.mark.model
def test_real_model_points_are_the_source_or_a_deletion_of_it(engine, eval_dir):
    from katib.core.documents.readers import read_document
    from katib.core.summarize import Summarizer

    doc = read_document(eval_dir / "documents/pdf/fr-proces-verbal-2023-06-20.pdf")
    note = Summarizer(engine).summarize(doc, lang="fr", detail="standard")
    points = note.section("objet").points + note.section("points").points
    assert len(points) >= 3
    for point in points:
        cited = note.resolve(point.citations[0]).text
        words = compress.words(point.text.rstrip(" …"))
        # Every word of the point is in its cited block, but for at most two
        # function words that join what remains ("du", "the").
        added = set(words) - set(compress.words(cited))
        assert len(added) <= 2 and added <= compress.FUNCTION_WORDS, point.text


def test_verbatim_minutes_are_tidied_not_shortened():
    from katib.core.documents.text_reader import document_from_text
    from katib.core.summarize import Summarizer
    from katib.core.summarize.selection import split_sentences
    from test_summarize import PV, ScriptedEngine, make_doc

    turns = []
    for i in range(12):
        turns.append(f"Lynne Neagle AM: Okay, so, question {i} is about the budget of the "
                     f"health board and the waiting times for services in region {i}.")
        turns.append(f"Carol Shillabeer: Well, the board has improved the waiting times in "
                     f"region {i} since the programme began, with more staff in the teams.")
    doc = document_from_text(" ".join(turns), name="meeting.txt")
    assert compress.is_transcript(split_sentences(doc))
    assert not compress.is_transcript(split_sentences(make_doc(PV * 5)))
    engine = ScriptedEngine()
    note = Summarizer(engine).summarize(doc, lang="en", detail="standard")
    assert engine.prompts == []  # no shortening request for spoken turns
    points = note.section("objet").points + note.section("points").points
    assert points and all(not p.text.split(": ", 1)[-1].startswith(("Okay", "Well"))
                          for p in points)
