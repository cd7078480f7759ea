"""The checks a translated point must pass before it replaces the source sentence."""

from __future__ import annotations

import pytest
from katib.core.summarize.translation import acceptable

FR = "Le conseil communal a adopté le budget de 2024 pour un montant de 1 200 000 dirhams."


@pytest.mark.parametrize("translation, target, ok", [
    ("The municipal council adopted the 2024 budget, an amount of 1,200,000 dirhams.",
     "en", True),
    ("صادق المجلس الجماعي على ميزانية 2024 بمبلغ 1200000 درهم.", "ar", True),
    # Left in French: the model copied its input.
    (FR, "ar", False),
    (FR, "en", False),
    # A figure lost, a figure invented.
    ("The municipal council adopted the budget for a large amount of dirhams.", "en", False),
    ("The council adopted the 2025 budget for 1,200,000 dirhams.", "en", False),
    # Far too short to say the same thing, or running on.
    ("صادق 2024 1200000.", "ar", False),
    ("The council " + "adopted the budget again and again " * 6 + "2024 1,200,000.", "en", False),
])
def test_translation_checks(translation, target, ok):
    assert acceptable(translation, FR, "fr", target) is ok


def test_names_must_survive_between_french_and_english():
    source = "Selon Mizan Online, Mahmoud Moussavi Majd a été exécuté lundi à Téhéran."
    assert acceptable("According to Mizan Online, Mahmoud Moussavi Majd was executed on "
                      "Monday in Tehran.", source, "fr", "en")
    assert not acceptable("According to the agency, a man was executed on Monday in the "
                          "capital city.", source, "fr", "en")
