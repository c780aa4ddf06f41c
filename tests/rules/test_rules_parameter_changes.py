"""Parameters are data: change a value in a copy of karlsruhe.toml and the decision follows.

Every figure of the rules is read from the parameter file; none is repeated in code. Each test
copies the shipped file to a temporary folder (with the Stadtteile it refers to), changes one
parameter, and decides the same household with the shipped and the changed parameters.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from kpass.rules import (
    Decision,
    Parameters,
    evaluate,
    load_parameters,
    load_parameters_file,
    new_validity,
    pass_parameters,
    rule_input_from_json,
)
from kpass.rules.parameter_files import rules_dir

DAY = "2026-03-15"


def changed_parameters(tmp_path: Path, **values: str) -> Parameters:
    """The shipped Karlsruhe parameters with ``name = "<values of the toml table>"`` changed.

    A scalar parameter's values are given as an inline table (``{ 2020-01-01 = 16 }``); a
    list of codes as the body of its ``[name.values]`` table.
    """
    text = (rules_dir() / "karlsruhe.toml").read_text(encoding="utf-8")
    for name, new in values.items():
        if f"[{name}.values]" in text:
            pattern = re.compile(rf"(\[{name}\.values\]\n).*?\n\]\n", re.DOTALL)
            replacement = new + "\n"
        else:
            pattern = re.compile(rf"(\[{name}\]\n(?:[^\[].*\n)*?)values = .*\n")
            replacement = f"values = {new}\n"
        found = pattern.search(text)
        assert found is not None, name
        text = text[: found.start()] + found.group(1) + replacement + text[found.end():]
    (tmp_path / "rules").mkdir(exist_ok=True)
    (tmp_path / "stadtteile.csv").write_bytes((rules_dir().parent / "stadtteile.csv").read_bytes())
    path = tmp_path / "rules" / "karlsruhe.toml"
    path.write_text(text, encoding="utf-8")
    return load_parameters_file(path)


def person(member_id: str, birth_date: str, *incomes: tuple[str, str]) -> dict[str, Any]:
    return {"id": member_id, "birth_date": birth_date,
            "incomes": [{"kind": kind, "amount": amount, "period": "month"}
                        for kind, amount in incomes]}


def decide(parameters: Parameters, *members: dict[str, Any], day: str = DAY,
           benefits: list[dict[str, Any]] | None = None) -> Decision:
    data: dict[str, Any] = {
        "application_date": day,
        "residence": {"municipality": "Karlsruhe", "stadtteil": "19"},
        "applicant": members[0]["id"],
        "members": list(members),
        "benefits": benefits or [],
    }
    return evaluate(rule_input_from_json(data, parameters), parameters)


@pytest.fixture(scope="module")
def shipped() -> Parameters:
    return load_parameters()


def test_an_unchanged_copy_decides_like_the_shipped_file(tmp_path: Path,
                                                         shipped: Parameters) -> None:
    copy = changed_parameters(tmp_path, threshold='{ 2020-01-01 = "1200.00", '
                                                  '2021-01-01 = "1300.00" }')
    household = (person("p1", "1980-01-01", ("wages", "1299.99")),)
    assert decide(copy, *household) == decide(shipped, *household)


def test_threshold(tmp_path: Path, shipped: Parameters) -> None:
    household = (person("p1", "1980-01-01", ("wages", "1350.00")),)
    assert not decide(shipped, *household).members[0].eligible
    changed = changed_parameters(tmp_path, threshold='{ 2020-01-01 = "1200.00", '
                                                     '2021-01-01 = "1400.00" }')
    decision = decide(changed, *household)
    assert decision.members[0].eligible
    figures = decision.household
    assert (figures.threshold, figures.max_household_income, figures.highest_eligible_income) == (
        Decimal("1400.00"), Decimal("1400.00"), Decimal("1399.99"))
    assert "1.399,99 €" in decision.members[0].reasons[0].text()


def test_a_new_dated_value_makes_a_new_rule_set(tmp_path: Path) -> None:
    changed = changed_parameters(tmp_path, threshold='{ 2020-01-01 = "1200.00", '
                                                     '2021-01-01 = "1300.00", '
                                                     '2027-01-01 = "1400.00" }')
    household = (person("p1", "1980-01-01", ("wages", "1350.00")),)
    before = decide(changed, *household, day="2026-12-31")
    after = decide(changed, *household, day="2027-01-01")
    assert (before.rule_set, before.members[0].eligible) == ("ka-2021-01-01", False)
    assert (after.rule_set, after.members[0].eligible) == ("ka-2027-01-01", True)


ADULT = person("p1", "1980-01-01", ("wages", "1500.00"))
PARTNER = person("p2", "1982-01-01")
CHILDREN = (person("c1", "2016-01-01"), person("c2", "2018-01-01"))


@pytest.mark.parametrize(
    ("name", "value", "household", "shipped_weights", "changed_weights"),
    [
        ("weight_first_adult", "1.2", (ADULT,), "1.0", "1.2"),
        ("weight_older_member", "0.6", (ADULT, PARTNER), "1.5", "1.6"),
        ("weight_young_member", "0.4", (ADULT, *CHILDREN), "1.6", "1.8"),
    ],
)
def test_weights(tmp_path: Path, shipped: Parameters, name: str, value: str,
                 household: tuple[dict[str, Any], ...], shipped_weights: str,
                 changed_weights: str) -> None:
    before = decide(shipped, *household).household
    changed = changed_parameters(tmp_path, **{name: f'{{ 2020-01-01 = "{value}" }}'})
    after = decide(changed, *household).household
    assert before.weights == Decimal(shipped_weights)
    assert after.weights == Decimal(changed_weights)
    assert after.max_household_income == Decimal("1300.00") * Decimal(changed_weights)


def test_older_member_age(tmp_path: Path, shipped: Parameters) -> None:
    household = (person("p1", "1980-01-01", ("wages", "1000.00")),
                 person("c1", "2012-06-01"))  # 13 on the application date
    assert decide(shipped, *household).household.weights == Decimal("1.3")
    changed = changed_parameters(tmp_path, older_member_age="{ 2020-01-01 = 12 }")
    assert decide(changed, *household).household.weights == Decimal("1.5")
    alone = (person("c1", "2012-06-01", ("kindergeld", "255.00")),)
    assert decide(shipped, *alone).members[0].reasons[0].code == "no_adult"
    decision = decide(changed, *alone)
    assert decision.members[0].reasons[0].code == "income_below"


def test_adult_age(tmp_path: Path, shipped: Parameters) -> None:
    household = (person("p1", "2006-06-01", ("ausbildung", "800.00")),)  # 19
    assert decide(shipped, *household).members[0].pass_type == "karlsruher_pass"
    changed = changed_parameters(tmp_path, adult_age="{ 2020-01-01 = 21 }",
                                 adult_min_age="{ 2020-01-01 = 21 }")
    assert decide(changed, *household).members[0].pass_type == "kinderpass"
    assert pass_parameters(changed, date(2026, 3, 15)).adult_age == 21
    assert pass_parameters(shipped, date(2026, 3, 15)).adult_age == 18


def test_adult_min_age(tmp_path: Path, shipped: Parameters) -> None:
    household = (person("p1", "2005-06-01", ("wages", "900.00")),)  # 20
    assert decide(shipped, *household).members[0].eligible
    changed = changed_parameters(tmp_path, adult_min_age="{ 2020-01-01 = 25 }")
    member = decide(changed, *household).members[0]
    assert not member.eligible and member.reasons[0].code == "age"
    assert "Mindestalter von 25 Jahren" in member.reasons[0].text()


def test_large_family_min_minors(tmp_path: Path, shipped: Parameters) -> None:
    household = (person("p1", "1980-01-01", ("wages", "9000.00")), person("c1", "2012-01-01"),
                 person("c2", "2014-01-01"), person("c3", "2016-01-01"))
    assert [m.eligible for m in decide(shipped, *household).members] == [False] * 4
    changed = changed_parameters(tmp_path, large_family_min_minors="{ 2020-01-01 = 3 }")
    decision = decide(changed, *household)
    assert [m.basis for m in decision.members] == [None] + ["large_family"] * 3
    assert decision.members[1].reasons[0].text().startswith(
        "Im Haushalt leben drei oder mehr Kinder unter 18 Jahren, nämlich drei;")


def test_senior_extra_age(tmp_path: Path, shipped: Parameters) -> None:
    household = (person("p1", "1963-06-01", ("pension", "900.00")),)  # 62
    assert decide(shipped, *household).members[0].extras == ("60plus",)
    changed = changed_parameters(tmp_path, senior_extra_age="{ 2020-01-01 = 65 }")
    member = decide(changed, *household).members[0]
    assert member.eligible and member.extras == ()


def test_senior_extra_amount(tmp_path: Path, shipped: Parameters) -> None:
    # The amount is not part of a decision (it lists the code "60plus"); the letter reads it.
    day = date(2026, 3, 15)
    assert pass_parameters(shipped, day).senior_extra_amount == Decimal("120.00")
    changed = changed_parameters(tmp_path, senior_extra_amount='{ 2020-01-01 = "150.00" }')
    assert pass_parameters(changed, day).senior_extra_amount == Decimal("150.00")


def test_validity_months(tmp_path: Path, shipped: Parameters) -> None:
    household = (person("p1", "1980-01-01", ("wages", "900.00")),)
    assert decide(shipped, *household).members[0].valid_until == date(2027, 3, 31)
    changed = changed_parameters(tmp_path, validity_months="{ 2020-01-01 = 24 }")
    assert decide(changed, *household).members[0].valid_until == date(2028, 3, 31)
    months = pass_parameters(changed, date(2026, 3, 15)).validity_months
    assert months == 24
    assert new_validity(date(2026, 3, 15), months) == (date(2026, 3, 15), date(2028, 3, 31))


def test_uncounted_income_kinds(tmp_path: Path, shipped: Parameters) -> None:
    household = (person("p1", "1980-01-01", ("wages", "1000.00"), ("pflegegeld", "500.00"),
                        ("unterhalt", "250.00")),)
    assert decide(shipped, *household).household.net_income == Decimal("1250.00")
    # Pflegegeld counted again (moved to income_kinds), Unterhalt no longer counted.
    counted = '''2020-01-01 = [
    "wages", "minijob", "self_employed", "pension", "alg1", "krankengeld", "kindergeld",
    "elterngeld", "bafoeg", "ausbildung", "other", "pflegegeld",
]'''
    changed = changed_parameters(
        tmp_path, income_kinds=counted,
        uncounted_income_kinds='2020-01-01 = ["pflegegeld_sgb8", "blindengeld", "unterhalt"]',
    )
    decision = decide(changed, *household)
    assert decision.household.net_income == Decimal("1500.00")
    assert not decision.members[0].eligible
