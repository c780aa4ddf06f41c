"""The decision letter points households with Wohngeld or
Kinderzuschlag and children to Bildung und Teilhabe, with the text of the letter settings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.printing import print_decision_letter
from tests.register_builder import add_household, add_income, add_notice, household_of
from tests.services.printing.test_printing import pdftext

DAY = date.today()


def _family(database: Database, benefit: str) -> int:
    mother, _child = add_household(database, [
        ("Yıldız", "Deniz", date(1985, 3, 3), "applicant"),
        ("Yıldız", "Mira", date(2016, 7, 7), "child"),
    ])
    add_income(database, mother, "wages", "1400.00")
    household = household_of(database, mother)
    add_notice(database, household, benefit, date(2026, 1, 1), None)
    return household


@pytest.mark.parametrize("benefit", ["wohngeld", "sgb2"])
def test_the_letter_mentions_bildung_und_teilhabe_only_for_wohngeld_or_kiz(
    database: Database, tmp_path: Path, benefit: str
) -> None:
    household = _family(database, benefit)
    decision = decide(database, apply(database, household, DAY).application_id)
    letter = tmp_path / "bescheid.pdf"
    print_decision_letter(database, decision.decision_id, letter)
    text = " ".join(pdftext(letter).split())
    assert ("Weil Ihr Haushalt Wohngeld erhält" in text) == (benefit == "wohngeld")
    assert ("Bildung und Teilhabe" in text) == (benefit == "wohngeld")
