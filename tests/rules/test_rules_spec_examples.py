"""Every example of eligibility-rules.md, as written there."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from kpass.rules import (
    decision_to_json,
    evaluate,
    new_validity,
    parse_check_input,
)

SECTION_8_INPUT = """
{
  "application_date": "2026-03-15",
  "residence": {"municipality": "Karlsruhe", "stadtteil": "19"},
  "applicant": "p1",
  "members": [
    {"id": "p1", "birth_date": "1981-04-02", "flags": [],
     "incomes": [{"kind": "wages", "amount": "2310.00", "period": "month"}]},
    {"id": "p2", "birth_date": "2014-01-20", "flags": ["disability"],
     "incomes": [{"kind": "kindergeld", "amount": "255.00", "period": "month"}]}
  ],
  "benefits": [{"kind": "wohngeld", "from": "2026-01-01", "until": "2026-06-30",
                "members": ["p1", "p2"]}]
}
"""


def test_section_4_example_two_adults_two_children(make: Any, decide: Any) -> None:
    # Two adults (45, 43) and two children (12, 9), wages 2,310.00 €, Kindergeld 2 × 255.00 €.
    data = make.household(
        "2026-03-15",
        make.person("a1", "1980-06-01", ("wages", "2310.00")),
        make.person("a2", "1982-06-01"),
        make.person("c1", "2013-06-01", ("kindergeld", "255.00")),
        make.person("c2", "2016-06-01", ("kindergeld", "255.00")),
    )
    decision = decide(data)
    figures = decision.household
    assert figures.net_income == Decimal("2820.00")
    assert figures.weights == Decimal("2.1")
    assert figures.equivalised_income == Decimal("1342.86")
    assert figures.threshold == Decimal("1300.00")
    assert figures.margin == Decimal("-42.86")
    assert figures.max_household_income == Decimal("2730.00")
    assert figures.highest_eligible_income == Decimal("2729.98")
    assert decision.rule_set == "ka-2021-01-01"
    for member in decision.members:
        assert not member.eligible
        assert [r.code for r in member.reasons] == ["income_above"]
        assert member.reasons[0].text() == (
            "Das Nettoäquivalenzeinkommen beträgt 1.342,86 € und liegt 42,86 € über der Grenze "
            "von 1.300,00 €; berechtigt wäre der Haushalt nur bis zu einem "
            "Haushaltsnettoeinkommen von 2.729,98 €."
        )
    household = decision_to_json(decision)["household"]
    assert household == {
        "net_income": "2820.00",
        "weights": "2.1",
        "equivalised_income": "1342.86",
        "threshold": "1300.00",
        "margin": "-42.86",
        "max_household_income": "2730.00",
        "highest_eligible_income": "2729.98",
    }


def test_section_8_example_input_and_output(karlsruhe: Any) -> None:
    rule_input = parse_check_input(SECTION_8_INPUT, karlsruhe)
    output = decision_to_json(evaluate(rule_input, karlsruhe))
    # Wohngeld is valid in March 2026 and covers both: basis wohngeld, not disability.
    assert output == {
        "rule_set": "ka-2021-01-01",
        "household": {
            "net_income": "2565.00",  # wages + Kindergeld; Wohngeld is a notice, not income
            "weights": "1.3",  # p2 is 12: 1.0 + 0.3
            "equivalised_income": "1973.08",  # 2565 / 1.3 = 1973.0769…
            "threshold": "1300.00",
            "margin": "-673.08",
            "max_household_income": "1690.00",
            "highest_eligible_income": "1689.99",  # 1689.99 / 1.3 = 1299.9923… → 1299.99
        },
        "members": [
            {
                "id": "p1",
                "eligible": True,
                "pass_type": "karlsruher_pass",
                "basis": "wohngeld",
                "valid_from": "2026-03-15",
                "valid_until": "2027-03-31",
                "reasons": [{
                    "code": "benefit",
                    "text": "Ein Bescheid über Wohngeld gilt im Antragsmonat; damit besteht die "
                            "Berechtigung ohne Einkommensprüfung.",
                }],
                "extras": [],
            },
            {
                "id": "p2",
                "eligible": True,
                "pass_type": "kinderpass",
                "basis": "wohngeld",
                "valid_from": "2026-03-15",
                "valid_until": "2027-03-31",
                "reasons": [{
                    "code": "benefit",
                    "text": "Ein Bescheid über Wohngeld gilt im Antragsmonat; damit besteht die "
                            "Berechtigung ohne Einkommensprüfung.",
                }],
                "extras": [],
            },
        ],
    }
    json.dumps(output)  # plain JSON types only


def test_section_5_new_pass_validity_example(make: Any, decide: Any) -> None:
    # Issued 2026-03-15 → valid until 2027-03-31.
    assert new_validity(date(2026, 3, 15)) == (date(2026, 3, 15), date(2027, 3, 31))
    data = make.household("2026-03-15", make.person("p1", "1970-01-01", ("pension", "900.00")))
    member = decide(data).members[0]
    assert member.eligible
    assert (member.valid_from, member.valid_until) == (date(2026, 3, 15), date(2027, 3, 31))


def test_section_6_60plus_extra(make: Any, decide: Any) -> None:
    data = make.household("2026-03-15", make.person("p1", "1960-01-01", ("pension", "900.00")))
    assert decide(data).members[0].extras == ("60plus",)


def test_threshold_table_by_date(make: Any, decide: Any) -> None:
    data = make.household("2020-06-01", make.person("p1", "1970-01-01", ("wages", "1250.00")))
    decision = decide(data)
    assert decision.rule_set == "ka-2020-01-01"
    assert decision.household.threshold == Decimal("1200.00")
    assert not decision.members[0].eligible
    data["application_date"] = "2021-06-01"
    decision = decide(data)
    assert decision.rule_set == "ka-2021-01-01"
    assert decision.household.threshold == Decimal("1300.00")
    assert decision.members[0].eligible


def test_section_2_open_ended_notice(make: Any, decide: Any) -> None:
    # "bis auf Weiteres": until null or absent, counts for every month from `from` on.
    for notice in ({"kind": "asylblg", "from": "2024-05-01"},
                   {"kind": "asylblg", "from": "2024-05-01", "until": None}):
        data = make.household("2026-03-15", make.person("p1", "1990-01-01", ("wages", "3000.00")),
                              benefits=[notice])
        member = decide(data).members[0]
        assert (member.eligible, member.basis) == (True, "asylblg")
    data["application_date"] = "2024-04-30"
    assert not decide(data).members[0].eligible


def test_section_4_notices_entered_as_income_and_the_uncounted_kinds(make: Any,
                                                                      decide: Any) -> None:
    data = make.household(
        "2026-03-15",
        make.person("p1", "1970-01-01", ("pension", "1000.00"), ("pflegegeld", "800.00"),
                    ("blindengeld", "400.00"), ("wohngeld", "300.00")),
        make.person("c1", "2012-01-01", ("pflegegeld_sgb8", "900.00")),
    )
    decision = decide(data)
    assert decision.household.net_income == Decimal("1000.00")
    assert [m.basis for m in decision.members] == ["income", "income"]
