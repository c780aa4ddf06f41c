"""A figure changed in the rule file reaches every place that uses it: the decision, the
pass, the letter and the statistics (eligibility-rules.md: every number is a parameter)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply
from kpass.services.passes.actions import decide_and_issue
from kpass.services.printing import print_decision_letter
from kpass.services.statistics.counts import count_rows
from tests.documents.pdf_tools import pdf_text
from tests.register_builder import add_household, add_income, household_of
from tests.rule_file_copy import clear_rule_caches, use_changed_rules

DAY = date(2026, 3, 16)
FUTURE = date(2030, 1, 1)


@pytest.fixture
def changed_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """From 2026: a threshold of 1,500 €, passes for six months, adults from 21."""
    use_changed_rules(tmp_path, monkeypatch, {
        "threshold": '2026-01-01 = "1500.00"',
        "validity_months": "2026-01-01 = 6",
        "adult_age": "2026-01-01 = 21",
        "adult_min_age": "2026-01-01 = 21",
    })
    yield
    monkeypatch.undo()
    clear_rule_caches()


def test_changed_parameters_reach_decision_pass_letter_and_statistics(
    database: Database, changed_rules: None, tmp_path: Path
) -> None:
    mother, son = add_household(
        database,
        [
            ("Berg", "Nora", date(1985, 6, 1), "applicant"),
            ("Berg", "Jonas", date(2006, 10, 2), "child"),  # 19 on the day: not yet adult
        ],
    )
    add_income(database, mother, "wages", "2200.00")  # 1,466.67 € per weight: under 1,500
    application = apply(database, household_of(database, mother), DAY, today=FUTURE)
    decided, issued = decide_and_issue(database, application.application_id)

    figures = decided.output["household"]
    assert figures["threshold"] == "1500.00"
    assert figures["highest_eligible_income"] == "2249.99"
    types = {m["id"]: m["pass_type"] for m in decided.output["members"]}
    assert types == {f"p{mother}": "karlsruher_pass", f"p{son}": "kinderpass"}
    assert {i.valid_until for i in issued} == {date(2026, 9, 30)}

    letter = tmp_path / "bescheid.pdf"
    print_decision_letter(database, decided.decision_id, letter, letter_date=DAY)
    words = " ".join(pdf_text(letter).split())
    assert "2.249,99 €" in words and "1.500,00 €" in words
    assert "30.09.2026" in words and "31.03.2027" not in words

    april = {(r.measure, r.keys): r.count for r in count_rows(database, ["2026-04"],
                                                                 ("pass_type",))}
    assert april[("active", ("kinderpass",))] == 1
    assert april[("active", ("karlsruher_pass",))] == 1
    october = {(r.measure, r.keys) for r in count_rows(database, ["2026-10"], ())}
    assert ("active", ()) not in october  # six months, not twelve
