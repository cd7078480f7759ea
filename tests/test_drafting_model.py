"""The real default model writes bodies inside the frame, in the right language,
and every fact it invents is flagged. Few, short generations: this runs on CI."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import docx
import pytest
from drafting_support import office, scenario
from katib.core.drafting import Draft, Drafter, load_templates, write_docx
from katib.core.drafting import formulas as F

sys.path.insert(0, str(Path(__file__).resolve().parent / "eval"))
from drafts_checks import check_blocks, convert_to_pdf, language_of, unflagged_facts

pytestmark = pytest.mark.model
TEMPLATES = load_templates(user=False)
MAX_TOKENS = 60


def scenario_texts(s) -> list[str]:
    values = []
    for value in s["fields"].values():
        values += value if isinstance(value, list) else [str(value)]
    return values + list(vars(office()).values())


@pytest.mark.parametrize("scenario_id", ["reply-granted-fr", "service-ar", "convocation-en"])
def test_model_body_in_the_frame_in_the_right_language(engine, tmp_path, scenario_id):
    s = scenario(scenario_id)
    drafter = Drafter(engine, TEMPLATES, office())
    pieces = []
    items = list(drafter.draft_stream(s["type"], s["lang"], s["fields"],
                                      max_tokens=MAX_TOKENS))
    draft = items[-1]
    pieces = items[:-1]
    assert isinstance(draft, Draft) and pieces and pieces[0] == draft.lead
    assert engine.last_stats.generated_tokens <= MAX_TOKENS
    assert draft.body.startswith(draft.lead.rstrip("."))
    # The body never carries the politesse or a second letter: the frame owns them.
    for stop in F.STOPS[s["lang"]]:
        if stop.strip() and len(stop) > 4:
            assert stop not in draft.body, stop
    generated = draft.body[len(draft.lead):]
    if draft.tail:
        generated = generated[: generated.rfind(draft.tail)]
    assert language_of(draft.lead + generated) == s["lang"]
    for flag in draft.flags:
        assert draft.body[flag.start:flag.end] == flag.text
    assert unflagged_facts(draft, scenario_texts(s)) == []
    sentences = [x.strip() for x in re.split(r"(?<=[.!?؟])\s+", draft.body) if x.strip()]
    assert len(sentences) == len(set(sentences))  # no repeated sentence survives
    path = write_docx(draft, tmp_path / f"{scenario_id}.docx", office())
    assert docx.Document(str(path)).core_properties.comments == "Created with Katib"
    text = convert_to_pdf([path], tmp_path)[path]
    template = TEMPLATES.get(s["type"])
    title = template.titles.get(s["lang"]) if "title" in template.blocks else None
    found, total, missing = check_blocks(text, template.form, s["lang"], title)
    assert missing == [], (missing, text)


def test_rewrite_in_another_language_with_the_model(engine):
    s = scenario("attestation-fr")
    drafter = Drafter(engine, TEMPLATES, office())
    draft = drafter.draft(s["type"], "fr", s["fields"], max_tokens=30)
    arabic = drafter.revise(draft, "translate", target_lang="ar", max_tokens=30)
    assert arabic.lang == "ar" and arabic.body.startswith("أشهد أنا الموقع")
    assert language_of(arabic.body) == "ar"
    assert arabic.fields == draft.fields
