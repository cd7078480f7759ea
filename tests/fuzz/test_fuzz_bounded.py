"""A bounded run of the `make fuzz` campaign: every target, a few dozen cases each.

Same worker, same limits, same oracle as the 10,000-case run (harness.py):
a document or a typed error in fr/ar/en; no other exception, no crash, no hang,
no network attempt; a template with code in it is refused at the right line.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_cases import TARGETS  # noqa: E402
from harness import Worker, campaign, run_case  # noqa: E402


def test_every_target_survives_a_bounded_campaign(tmp_path):
    worker = Worker()
    try:
        score = campaign({name: 25 for name in TARGETS}, save_to=tmp_path / "failures",
                         worker=worker)
    finally:
        worker.stop()
    assert score.failures == [], "\n".join(score.lines())
    assert set(score.cases) == set(TARGETS) and score.total() >= 150
    # The campaign reached real documents, not only refusals.
    documents = sum(score.outcomes[n]["document"] for n in ("docx", "odt", "pdf", "text"))
    assert documents >= 10


def test_the_oracle_catches_an_accepted_script(tmp_path):
    """The harness itself: a template that slipped code through would be a failure."""
    good = (Path(__file__).resolve().parents[2] / "resources" / "templates" /
            "attestation.toml").read_text(encoding="utf-8")
    assert run_case("template", ".toml", good.encode(), tmp_path) == "template"
    hostile = good.replace('fr = "Attestation"', 'fr = "Attestation {{ 7*7 }}"', 1)
    assert run_case("template", ".toml", hostile.encode(), tmp_path) == "refused"


def test_a_hang_and_a_crash_are_reported_not_hidden(tmp_path):
    worker = Worker()
    try:
        # A real reader on a huge plain text under a tiny hard limit: reported as a hang.
        slow = worker.run(("read", ".txt", ("mot " * 5_000_000).encode()), hard_seconds=0.01)
        assert slow[0] == "fail" and slow[1].startswith("hang")
        # The worker comes back for the next case.
        again = worker.run(("read", ".txt", "Objet : test".encode()))
        assert again[:2] == ("ok", "document")
    finally:
        worker.stop()
