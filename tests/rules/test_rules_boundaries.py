"""Boundaries and decisions of the rules, one behaviour per test."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from kpass.rules import Benefit, Income, Member, Residence, RuleInput, evaluate


def codes(decision: Any) -> list[list[str]]:
    return [[reason.code for reason in member.reasons] for member in decision.members]


# --- income threshold ---------------------------------------------------------------------


def test_exactly_at_threshold_is_not_eligible(make: Any, decide: Any) -> None:
    decision = decide(make.household("2026-03-15", make.person("p1", "1980-01-01",
                                                                 ("wages", "1300.00"))))
    assert decision.household.equivalised_income == Decimal("1300.00")
    assert decision.household.margin == Decimal("0.00")
    member = decision.members[0]
    assert not member.eligible
    assert codes(decision) == [["income_above"]]
    assert "genau auf der Grenze" in member.reasons[0].text()


def test_one_cent_below_threshold_is_eligible(make: Any, decide: Any) -> None:
    decision = decide(make.household("2026-03-15", make.person("p1", "1980-01-01",
                                                                 ("wages", "1299.99"))))
    member = decision.members[0]
    assert member.eligible
    assert member.basis == "income"
    assert member.pass_type == "karlsruher_pass"
    assert decision.household.margin == Decimal("0.01")
    assert codes(decision) == [["income_below"]]
    assert decision.household.highest_eligible_income == Decimal("1299.99")
    assert member.reasons[0].text() == (
        "Das Nettoäquivalenzeinkommen beträgt 1.299,99 € und liegt 0,01 € unter der Grenze von "
        "1.300,00 €; der Haushalt ist berechtigt bis zu einem Haushaltsnettoeinkommen von "
        "1.299,99 €."
    )


def test_equivalised_income_rounds_half_up_before_comparing(make: Any, decide: Any) -> None:
    # 2729.99 / 2.1 = 1299.995238… → 1300.00: at the threshold, so not eligible.
    data = make.household(
        "2026-03-15",
        make.person("a1", "1980-01-01", ("wages", "2729.99")),
        make.person("a2", "1980-01-01"),
        make.person("c1", "2015-01-01"),
        make.person("c2", "2016-01-01"),
    )
    decision = decide(data)
    assert decision.household.equivalised_income == Decimal("1300.00")
    assert decision.household.max_household_income == Decimal("2730.00")
    assert decision.household.highest_eligible_income == Decimal("2729.98")
    assert not decision.members[0].eligible
    assert "bis zu einem Haushaltsnettoeinkommen von 2.729,98 €" in (
        decision.members[0].reasons[0].text())
    assert "2.730,00" not in decision.members[0].reasons[0].text()
    # 2729.98 / 2.1 = 1299.990476… → 1299.99: eligible.
    data["members"][0]["incomes"][0]["amount"] = "2729.98"
    assert decide(data).members[0].eligible


def test_threshold_change_on_the_boundary_date(make: Any, decide: Any) -> None:
    data = make.household("2020-12-31", make.person("p1", "1980-01-01", ("wages", "1250.00")))
    last_day = decide(data)
    assert last_day.rule_set == "ka-2020-01-01"
    assert last_day.household.threshold == Decimal("1200.00")
    assert not last_day.members[0].eligible
    data["application_date"] = "2021-01-01"
    first_day = decide(data)
    assert first_day.rule_set == "ka-2021-01-01"
    assert first_day.household.threshold == Decimal("1300.00")
    assert first_day.members[0].eligible


def test_first_day_of_rules_and_the_day_before(make: Any, decide: Any) -> None:
    data = make.household("2020-01-01", make.person("p1", "1980-01-01", ("wages", "100.00")))
    assert decide(data).rule_set == "ka-2020-01-01"
    data["application_date"] = "2019-12-31"
    decision = decide(data)
    assert decision.rule_set is None
    assert codes(decision) == [["no_rule_set"]]
    assert not decision.members[0].eligible
    assert decision.household.net_income is None
    assert decision.members[0].reasons[0].text() == (
        "Für den Antragstag 31.12.2019 gibt es kein Regelwerk, denn die Regeln gelten erst ab "
        "dem 01.01.2020; daher ist niemand im Haushalt berechtigt."
    )


def test_no_rule_set_even_with_a_benefit(make: Any, decide: Any) -> None:
    data = make.household(
        "2019-06-15", make.person("p1", "1980-01-01"), make.person("c1", "2012-01-01"),
        benefits=[{"kind": "sgb2", "from": "2019-01-01", "until": "2019-12-31"}],
    )
    assert codes(decide(data)) == [["no_rule_set"], ["no_rule_set"]]


# --- yearly incomes and rounding ------------------------------------------------------------


def test_yearly_twelfths_are_not_rounded_before_the_sum(make: Any, decide: Any) -> None:
    # Three times 0.06 a year: the twelfths 0.005 sum to 0.015 → 0.02 (half up, once);
    # rounding each twelfth first would give 3 × 0.01 = 0.03.
    data = make.household(
        "2026-03-15",
        make.person("p1", "1980-01-01", ("other", "0.06", "year"), ("other", "0.06", "year"),
                    ("other", "0.06", "year")),
    )
    assert decide(data).household.net_income == Decimal("0.02")


def test_twelfths_are_exact_even_where_decimal_division_is_not(make: Any, decide: Any) -> None:
    # The yearly amounts sum to 352.62, a twelfth of which is exactly 29.385 → 29.39. Adding
    # the twelfths as 28-digit decimals (6.04 / 12 = 0.50333…) lands just below 29.385 and
    # would round to 29.38: found by the comparison with the plain implementation.
    data = make.household(
        "2026-03-15",
        make.person("p1", "1980-01-01", ("alg1", "27.63", "year"), ("alg1", "27.63", "year"),
                    ("alg1", "6.04", "year"), ("alg1", "291.31", "year"),
                    ("alg1", "0.01", "year")),
    )
    assert decide(data).household.net_income == Decimal("29.39")


def test_household_sum_rounds_half_up(make: Any, decide: Any) -> None:
    # 1000.00 + 0.06/12 = 1000.005 → 1000.01 (half up, not half even).
    data = make.household(
        "2026-03-15",
        make.person("p1", "1980-01-01", ("wages", "1000.00"), ("other", "0.06", "year")),
    )
    assert decide(data).household.net_income == Decimal("1000.01")


def test_yearly_and_monthly_incomes_mix(make: Any, decide: Any) -> None:
    # 12,000.00 a year = 1,000.00 a month; plus 250.00 monthly.
    data = make.household(
        "2026-03-15",
        make.person("p1", "1980-01-01", ("self_employed", "12000.00", "year"),
                    ("minijob", "250.00")),
    )
    decision = decide(data)
    assert decision.household.net_income == Decimal("1250.00")
    assert decision.members[0].eligible


def test_benefit_kinds_entered_as_income_are_ignored(make: Any, decide: Any) -> None:
    data = make.household(
        "2026-03-15",
        make.person("p1", "1980-01-01", ("wages", "1000.00"), ("sgb2", "563.00"),
                    ("wohngeld", "300.00"), ("kinderzuschlag", "250.00", "year")),
    )
    decision = decide(data)
    assert decision.household.net_income == Decimal("1000.00")
    # ... and they are not notices either: the person is decided by income.
    assert decision.members[0].basis == "income"


def test_non_qualifying_benefits_count_as_income(make: Any, decide: Any) -> None:
    data = make.household(
        "2026-03-15",
        make.person("p1", "1980-01-01", ("alg1", "900.00"), ("bafoeg", "450.00")),
    )
    decision = decide(data)
    assert decision.household.net_income == Decimal("1350.00")
    assert not decision.members[0].eligible


# --- ages -----------------------------------------------------------------------------------


def test_birthday_on_the_application_date_counts(make: Any, decide: Any) -> None:
    # 18 today: Karlsruher Pass, and weighs 0.5, not 0.3 or as a minor.
    data = make.household(
        "2026-03-15",
        make.person("p1", "1980-01-01", ("wages", "1500.00")),
        make.person("p2", "2008-03-15"),
    )
    decision = decide(data)
    assert decision.household.weights == Decimal("1.5")
    assert decision.members[1].pass_type == "karlsruher_pass"
    data["members"][1]["birth_date"] = "2008-03-16"  # 17 for one more day
    assert decide(data).members[1].pass_type == "kinderpass"


def test_fourteenth_birthday_changes_the_weight(make: Any, decide: Any) -> None:
    data = make.household(
        "2026-03-15",
        make.person("p1", "1980-01-01", ("wages", "1500.00")),
        make.person("c1", "2012-03-15"),
    )
    assert decide(data).household.weights == Decimal("1.5")
    data["members"][1]["birth_date"] = "2012-03-16"
    assert decide(data).household.weights == Decimal("1.3")


@pytest.mark.parametrize(
    ("application_date", "pass_type"),
    [
        ("2026-02-28", "kinderpass"),  # no 29 February in 2026: still 17
        ("2026-03-01", "karlsruher_pass"),  # 18 on 1 March
        ("2028-02-28", "karlsruher_pass"),  # leap year 2028: 20 on the 29th, already 19
    ],
)
def test_29_february_birthday(make: Any, decide: Any, application_date: str,
                              pass_type: str) -> None:
    data = make.household(
        application_date,
        make.person("p1", "2008-02-29", ("wages", "500.00")),
    )
    assert decide(data).members[0].pass_type == pass_type


def test_29_february_birthday_in_a_leap_year(make: Any, decide: Any) -> None:
    # Born 2010-02-29 does not exist; born 2012-02-29: 14 on 2026-03-01, 13 on 2026-02-28.
    data = make.household(
        "2026-02-28",
        make.person("p1", "1980-01-01", ("wages", "1000.00")),
        make.person("c1", "2012-02-29"),
    )
    assert decide(data).household.weights == Decimal("1.3")
    data["application_date"] = "2026-03-01"
    assert decide(data).household.weights == Decimal("1.5")


def test_pass_type_follows_age_on_application_date(make: Any, decide: Any) -> None:
    data = make.household(
        "2026-03-15",
        make.person("p1", "2008-03-16", ("ausbildung", "700.00")),  # 17, turns 18 tomorrow
        benefits=[{"kind": "sgb2", "from": "2026-03-01", "until": "2026-08-31"}],
    )
    member = decide(data).members[0]
    assert member.pass_type == "kinderpass"
    assert member.valid_until == date(2027, 3, 31)  # a Kinderpass stays valid its full period


# --- benefits -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("valid_from", "valid_until", "eligible"),
    [
        ("2026-03-31", "2026-09-30", True),  # starts on the last day of the month
        ("2025-09-01", "2026-03-01", True),  # ends on the first day of the month
        ("2026-03-01", "2026-03-01", True),  # one day only
        ("2025-09-01", "2026-02-28", False),  # ended the day before the month
        ("2026-04-01", "2026-09-30", False),  # starts the day after the month
        ("2026-03-16", "2026-03-16", True),  # the day after the application date
        ("2020-01-01", None, True),  # open-ended, for years
        ("2026-03-31", None, True),  # open-ended from the last day of the month
        ("2026-04-01", None, False),  # open-ended from next month
    ],
)
def test_benefit_valid_on_one_day_of_the_month(make: Any, decide: Any, valid_from: str,
                                               valid_until: str | None, eligible: bool) -> None:
    data = make.household(
        "2026-03-15",
        make.person("p1", "1980-01-01", ("wages", "2000.00")),
        benefits=[{"kind": "wohngeld", "from": valid_from, "until": valid_until}],
    )
    member = decide(data).members[0]
    assert member.eligible is eligible
    assert member.basis == ("wohngeld" if eligible else None)


def test_notice_without_member_list_covers_everyone(make: Any, decide: Any) -> None:
    data = make.household(
        "2026-03-15",
        make.person("p1", "1980-01-01", ("wages", "3000.00")),
        make.person("p2", "1982-01-01"),
        make.person("c1", "2015-01-01"),
        benefits=[{"kind": "sgb2", "from": "2026-01-01", "until": "2026-12-31"}],
    )
    decision = decide(data)
    assert [m.basis for m in decision.members] == ["sgb2", "sgb2", "sgb2"]
    assert [m.pass_type for m in decision.members] == [
        "karlsruher_pass", "karlsruher_pass", "kinderpass"
    ]
    assert codes(decision) == [["benefit"]] * 3
    # The income figures are still computed and reported.
    assert decision.household.net_income == Decimal("3000.00")
    assert decision.household.weights == Decimal("1.8")


def test_notice_with_member_list_covers_only_them(make: Any, decide: Any) -> None:
    data = make.household(
        "2026-03-15",
        make.person("p1", "1980-01-01", ("wages", "3000.00")),
        make.person("c1", "2015-01-01"),
        make.person("c2", "2017-01-01"),
        benefits=[{"kind": "kinderzuschlag", "from": "2026-01-01", "until": "2026-06-30",
                   "members": ["c1", "c2"]}],
    )
    decision = decide(data)
    assert [m.eligible for m in decision.members] == [False, True, True]
    assert codes(decision) == [["income_above"], ["benefit"], ["benefit"]]


def test_benefit_precedence_follows_the_table(make: Any, decide: Any) -> None:
    data = make.household(
        "2026-03-15",
        make.person("p1", "1980-01-01"),
        make.person("c1", "2015-01-01", flags=("disability",)),
        benefits=[
            {"kind": "wohngeld", "from": "2026-01-01", "until": "2026-12-31"},
            {"kind": "kinderzuschlag", "from": "2026-01-01", "until": "2026-12-31",
             "members": ["c1"]},
            {"kind": "sgb12_grundsicherung", "from": "2026-01-01", "until": "2026-12-31",
             "members": ["p1"]},
        ],
    )
    decision = decide(data)
    # p1: grundsicherung (3rd) before wohngeld (5th); c1: wohngeld (5th) before
    # kinderzuschlag (6th), and any benefit before disability.
    assert [m.basis for m in decision.members] == ["sgb12_grundsicherung", "wohngeld"]


def test_kinderpass_routes_precedence(make: Any, decide: Any) -> None:
    children = [make.person(f"c{n}", f"201{n}-05-05", flags=flags) for n, flags in
                enumerate([("disability", "foster_child"), ("foster_child",), ()])]
    data = make.household(
        "2026-03-15", make.person("p1", "1980-01-01", ("wages", "5000.00")), *children,
        make.person("c7", "2019-01-01"), make.person("c8", "2020-01-01"),
    )
    decision = decide(data)  # five minors: large_family for those without a flag
    assert [m.basis for m in decision.members] == [
        None, "disability", "foster_child", "large_family", "large_family", "large_family"
    ]
    assert codes(decision)[0] == ["income_above"]


def test_five_minors_are_a_large_family_four_are_not(make: Any, decide: Any) -> None:
    minors = [make.person(f"c{n}", f"20{10 + n}-01-01") for n in range(5)]  # 2010..2014: <18
    data = make.household("2026-03-15", make.person("p1", "1980-01-01", ("wages", "5000.00")),
                          *minors)
    decision = decide(data)
    assert [m.basis for m in decision.members] == [None] + ["large_family"] * 5
    assert decision.members[1].reasons[0].text() == (
        "Im Haushalt leben fünf oder mehr Kinder unter 18 Jahren, nämlich fünf; damit besteht "
        "die Berechtigung für den Kinderpass ohne Einkommensprüfung."
    )
    data["members"].pop()
    decision = decide(data)
    assert [m.eligible for m in decision.members] == [False] * 5


def test_flags_on_adults_are_ignored(make: Any, decide: Any) -> None:
    data = make.household(
        "2026-03-15", make.person("p1", "1980-01-01", ("wages", "5000.00"),
                                  flags=("disability",)),
    )
    assert not decide(data).members[0].eligible


def test_disability_is_decided_before_income(make: Any, decide: Any) -> None:
    data = make.household(
        "2026-03-15", make.person("p1", "1980-01-01", ("wages", "500.00")),
        make.person("c1", "2015-01-01", flags=("disability",)),
    )
    decision = decide(data)
    assert [m.basis for m in decision.members] == ["income", "disability"]


# --- nobody aged 14 or older ----------------------------------------------------------------


def test_household_of_children_under_14_cannot_pass_the_income_test(make: Any,
                                                                    decide: Any) -> None:
    data = make.household(
        "2026-03-15",
        make.person("c1", "2013-01-01", ("kindergeld", "255.00")),
        make.person("c2", "2015-01-01", flags=("foster_child",)),
    )
    decision = decide(data)
    assert codes(decision) == [["no_adult"], ["foster_child"]]
    assert [m.eligible for m in decision.members] == [False, True]
    figures = decision.household
    assert figures.net_income == Decimal("255.00")
    assert figures.threshold == Decimal("1300.00")
    assert figures.weights is figures.equivalised_income is figures.margin is None
    assert figures.max_household_income is None


def test_applicant_aged_14_is_first_adult(make: Any, decide: Any) -> None:
    data = make.household(
        "2026-03-15",
        make.person("c1", "2011-01-01", ("ausbildung", "400.00")),
        make.person("c2", "2015-01-01"),
    )
    decision = decide(data)
    assert decision.household.weights == Decimal("1.3")
    assert [m.basis for m in decision.members] == ["income", "income"]
    assert [m.pass_type for m in decision.members] == ["kinderpass", "kinderpass"]


# --- residence and issuers ------------------------------------------------------------------


def test_residence_outside_karlsruhe(make: Any, decide: Any) -> None:
    data = make.household(
        "2026-03-15", make.person("p1", "1980-01-01"),
        benefits=[{"kind": "sgb2", "from": "2026-01-01", "until": "2026-12-31"}],
        municipality="Rheinstetten", stadtteil=None,
    )
    decision = decide(data)
    assert codes(decision) == [["residence"]]
    assert not decision.members[0].eligible
    assert decision.household.net_income is None
    assert decision.rule_set == "ka-2021-01-01"
    assert "Rheinstetten" in decision.members[0].reasons[0].text()


def test_unknown_stadtteil_in_a_hand_built_input_fails_residence(karlsruhe: Any) -> None:
    rule_input = RuleInput(
        date(2026, 3, 15), Residence("Karlsruhe", "28"), "p1",
        (Member("p1", date(1980, 1, 1)),),
        (Benefit("sgb2", date(2026, 1, 1), date(2026, 12, 31)),),
    )
    decision = evaluate(rule_input, karlsruhe)
    assert [m.reasons[0].code for m in decision.members] == ["residence"]
    assert "„28“ ist kein Stadtteil von Karlsruhe" in decision.members[0].reasons[0].text()


@pytest.mark.parametrize("municipality", [" karlsruhe", "karlsruhe", "Karlsruhe ", "KARLSRUHE"])
def test_municipality_must_be_the_issuers_name_exactly(karlsruhe: Any,
                                                       municipality: str) -> None:
    # Spec clarification: municipality equals the issuer's configured name exactly.
    rule_input = RuleInput(
        date(2026, 3, 15), Residence(municipality, "01"), "p1",
        (Member("p1", date(1980, 1, 1), incomes=(Income("wages", Decimal("900.00")),)),),
    )
    decision = evaluate(rule_input, karlsruhe)
    assert codes(decision) == [["residence"]]
    assert decision.household.net_income is None
    exact = RuleInput(date(2026, 3, 15), Residence("Karlsruhe", "01"), "p1",
                      rule_input.members)
    assert evaluate(exact, karlsruhe).members[0].eligible


def test_residence_is_checked_before_the_rule_set(make: Any, decide: Any) -> None:
    data = make.household(
        "2019-06-15", make.person("p1", "1980-01-01"),
        benefits=[{"kind": "sgb2", "from": "2019-01-01"}],
        municipality="Rheinstetten", stadtteil=None,
    )
    decision = decide(data)
    assert codes(decision) == [["residence"]]
    assert decision.rule_set is None
    assert decision.household.net_income is None


def test_adult_min_age_of_the_example_municipality(make: Any, decide: Any,
                                                   ettlingen: Any) -> None:
    data = make.household(
        "2026-03-15",
        make.person("p1", "1980-01-01"),  # 46: below 60
        make.person("p2", "1964-01-01"),  # 62
        make.person("p3", "2008-03-16"),  # 17: Kinderpass, no minimum age
        benefits=[{"kind": "sgb2", "from": "2026-01-01", "until": "2026-12-31"}],
        municipality="Ettlingen", stadtteil=None,
    )
    decision = decide(data, ettlingen)
    assert decision.rule_set == "et-2021-01-01"
    assert codes(decision) == [["age"], ["benefit"], ["benefit"]]
    assert [m.eligible for m in decision.members] == [False, True, True]
    assert decision.members[1].extras == ("60plus",)
    assert decision.members[0].reasons[0].text() == (
        "Die Person ist 46 Jahre alt und damit jünger als das Mindestalter von 60 Jahren für "
        "den Karlsruher Pass in Ettlingen; sie ist daher nicht berechtigt."
    )
    # The age rule applies whatever the route; the person still counts in the weights.
    assert decision.household.weights == Decimal("2.0")


def test_karlsruhe_residents_are_not_ettlingen_residents(make: Any, decide: Any,
                                                         ettlingen: Any) -> None:
    data = make.household("2026-03-15", make.person("p1", "1950-01-01", ("pension", "800.00")))
    assert [m.reasons[0].code for m in decide(data, ettlingen).members] == ["residence"]


# --- 60plus ---------------------------------------------------------------------------------


def test_60plus_only_for_eligible_holders_aged_60(make: Any, decide: Any) -> None:
    data = make.household(
        "2026-03-15",
        make.person("p1", "1966-03-15", ("pension", "900.00")),  # 60 today
        make.person("p2", "1966-03-16"),  # 59
    )
    decision = decide(data)
    assert [m.eligible for m in decision.members] == [True, True]
    assert [m.extras for m in decision.members] == [("60plus",), ()]
    data["members"][0]["incomes"][0]["amount"] = "5000.00"
    decision = decide(data)
    assert [m.extras for m in decision.members] == [(), ()]  # not eligible: no extra
