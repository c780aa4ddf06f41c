"""The decision objects, the reason sentences and the helpers the services use."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from kpass.rules import (
    Benefit,
    Decision,
    HouseholdFigures,
    Income,
    Member,
    MemberDecision,
    Outcome,
    Parameters,
    Reason,
    Residence,
    RuleInput,
    evaluate,
    render_reason,
)
from kpass.rules.benefit_route import qualifying_kind
from kpass.rules.income_test import first_adult, member_weights, net_monthly_income
from kpass.rules.model import REASON_PARAM_NAMES, make_decision, make_figures, make_reason
from kpass.vocabulary import format_euro, german_number


def _input(*members: Member, benefits: tuple[Benefit, ...] = (),
           applicant: str = "p1") -> RuleInput:
    return RuleInput(date(2026, 3, 15), Residence("Karlsruhe", "19"), applicant, members,
                     benefits)


def test_members_view_and_lookup(karlsruhe: Parameters) -> None:
    decision = evaluate(_input(
        Member("p1", date(1960, 1, 1), incomes=(Income("pension", Decimal("900.00")),)),
        Member("p2", date(2012, 1, 1)),
    ), karlsruhe)
    assert decision.member_ids == ("p1", "p2")
    first, second = decision.members
    assert isinstance(first, MemberDecision)
    assert (first.id, first.eligible, first.pass_type, first.basis) == (
        "p1", True, "karlsruher_pass", "income")
    assert first.extras == ("60plus",)
    assert second.pass_type == "kinderpass"
    assert decision.member("p2") == second
    assert decision.any_eligible
    with pytest.raises(ValueError):
        decision.member("p9")


def test_results_are_immutable(karlsruhe: Parameters) -> None:
    decision = evaluate(_input(Member("p1", date(1980, 1, 1))), karlsruhe)
    with pytest.raises(FrozenInstanceError):
        decision.rule_set = "x"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        decision.household.net_income = Decimal(0)  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        decision.outcomes[0].eligible = True  # type: ignore[misc]


def test_fast_constructors_build_the_same_objects() -> None:
    money = (Decimal("1.00"), Decimal("2.1"), Decimal("3.00"), Decimal("4.00"),
             Decimal("5.00"), Decimal("6.00"), Decimal("5.99"))
    assert make_figures(*money) == HouseholdFigures(*money)
    assert repr(make_figures(*money)) == repr(HouseholdFigures(*money))
    reason = make_reason("income_below", (Decimal("1.00"), Decimal("2.00"), Decimal("1.00")))
    assert reason == Reason("income_below", (Decimal("1.00"), Decimal("2.00"), Decimal("1.00")))
    outcome = Outcome(False, None, None, None, None)
    built = make_decision("ka-2021-01-01", HouseholdFigures(*money), ("p1",), (outcome,),
                          ((reason,),))
    assert built == Decision("ka-2021-01-01", HouseholdFigures(*money), ("p1",), (outcome,),
                             ((reason,),))
    assert hash(reason) == hash(Reason(reason.code, reason.params))


def test_an_input_moved_to_another_day_is_the_input_made_then() -> None:
    members = (Member("p1", date(1980, 1, 1)), Member("p2", date(2015, 5, 5)))
    made = RuleInput(date(2026, 3, 1), Residence("Karlsruhe", "01"), "p1", members,
                     (Benefit("wohngeld", date(2026, 1, 1), None),))
    moved = made.on_day(date(2026, 11, 1))
    assert moved == RuleInput(date(2026, 11, 1), made.residence, "p1", members, made.benefits)
    assert repr(moved) == repr(RuleInput(date(2026, 11, 1), made.residence, "p1", members,
                                         made.benefits))
    assert moved.member_ids == ("p1", "p2")
    assert made.application_date == date(2026, 3, 1)  # the stored input is left as it was
    with pytest.raises(FrozenInstanceError):
        moved.applicant = "p2"  # type: ignore[misc]


def test_reason_parameters_by_name() -> None:
    reason = Reason("income_above", (Decimal("1342.86"), Decimal("1300.00"), Decimal("-42.86"),
                                     Decimal("2729.98")))
    assert reason.param("margin") == Decimal("-42.86")
    assert reason.as_dict() == {"equivalised_income": Decimal("1342.86"),
                                "threshold": Decimal("1300.00"), "margin": Decimal("-42.86"),
                                "highest_eligible_income": Decimal("2729.98")}
    assert render_reason(reason) == reason.text()


def test_income_reasons_built_before_the_second_edition_still_render() -> None:
    old = Reason("income_above", (Decimal("1342.86"), Decimal("1300.00"), Decimal("-42.86")))
    assert old.param("highest_eligible_income") is None
    assert old.as_dict()["highest_eligible_income"] is None
    assert old.text() == (
        "Das Nettoäquivalenzeinkommen beträgt 1.342,86 € und liegt 42,86 € über der Grenze von "
        "1.300,00 €; berechtigt ist nur, wer unter der Grenze liegt."
    )


@pytest.mark.parametrize(
    ("amount", "text"),
    [("1342.86", "1.342,86 €"), ("0.01", "0,01 €"), ("1300", "1.300,00 €"),
     ("1234567.5", "1.234.567,50 €"), ("-42.86", "-42,86 €"), ("999.99", "999,99 €")],
)
def test_german_money(amount: str, text: str) -> None:
    assert format_euro(Decimal(amount)) == text


@pytest.mark.parametrize(
    ("reason", "text"),
    [
        (Reason("benefit", ("sgb2",)),
         "Ein Bescheid über Bürgergeld (SGB II) gilt im Antragsmonat; damit besteht die "
         "Berechtigung ohne Einkommensprüfung."),
        (Reason("benefit", ("wohngeld",)),
         "Ein Bescheid über Wohngeld gilt im Antragsmonat; damit besteht die Berechtigung ohne "
         "Einkommensprüfung."),
        (Reason("disability"),
         "Das Kind hat einen Schwerbehindertenausweis oder erhält Eingliederungshilfe; damit "
         "besteht die Berechtigung für den Kinderpass ohne Einkommensprüfung."),
        (Reason("foster_child"),
         "Das Kind ist ein Pflegekind; damit besteht die Berechtigung für den Kinderpass ohne "
         "Einkommensprüfung."),
        (Reason("large_family", (6, 5, 18)),
         "Im Haushalt leben fünf oder mehr Kinder unter 18 Jahren, nämlich sechs; damit besteht "
         "die Berechtigung für den Kinderpass ohne Einkommensprüfung."),
        (Reason("large_family", (13, 4, 16)),  # the numbers come from the parameters
         "Im Haushalt leben vier oder mehr Kinder unter 16 Jahren, nämlich 13; damit besteht "
         "die Berechtigung für den Kinderpass ohne Einkommensprüfung."),
        (Reason("no_adult", (14,)),
         "Im Haushalt ist niemand 14 Jahre oder älter; deshalb ist keine Einkommensprüfung "
         "möglich, und über das Einkommen besteht keine Berechtigung."),
        (Reason("residence", ("Karlsruhe", None, "Karlsruhe")),
         "Für den Hauptwohnsitz in Karlsruhe fehlt der Stadtteil; daher ist niemand im Haushalt "
         "berechtigt."),
        (Reason("residence", ("Rheinstetten", None, "Karlsruhe")),
         "Der Hauptwohnsitz liegt nach den Angaben in „Rheinstetten“ und damit nicht in der "
         "ausgebenden Gemeinde Karlsruhe; daher ist niemand im Haushalt berechtigt."),
        (Reason("residence", ("Karlsruhe", "28", "Karlsruhe")),
         "„28“ ist kein Stadtteil von Karlsruhe, der Hauptwohnsitz ist also nicht nachgewiesen; "
         "daher ist niemand im Haushalt berechtigt."),
        (Reason("age", (46, 60, "Ettlingen")),
         "Die Person ist 46 Jahre alt und damit jünger als das Mindestalter von 60 Jahren für "
         "den Karlsruher Pass in Ettlingen; sie ist daher nicht berechtigt."),
        (Reason("no_rule_set", (date(2019, 12, 31), date(2020, 1, 1))),
         "Für den Antragstag 31.12.2019 gibt es kein Regelwerk, denn die Regeln gelten erst ab "
         "dem 01.01.2020; daher ist niemand im Haushalt berechtigt."),
        (Reason("income_below", (Decimal("1242.86"), Decimal("1300.00"), Decimal("57.14"),
                                 Decimal("2729.98"))),
         "Das Nettoäquivalenzeinkommen beträgt 1.242,86 € und liegt 57,14 € unter der Grenze "
         "von 1.300,00 €; der Haushalt ist berechtigt bis zu einem Haushaltsnettoeinkommen von "
         "2.729,98 €."),
        (Reason("income_above", (Decimal("1342.86"), Decimal("1300.00"), Decimal("-42.86"),
                                 Decimal("2729.98"))),
         "Das Nettoäquivalenzeinkommen beträgt 1.342,86 € und liegt 42,86 € über der Grenze "
         "von 1.300,00 €; berechtigt wäre der Haushalt nur bis zu einem "
         "Haushaltsnettoeinkommen von 2.729,98 €."),
        (Reason("income_above", (Decimal("1300.00"), Decimal("1300.00"), Decimal("0.00"),
                                 Decimal("1299.99"))),
         "Das Nettoäquivalenzeinkommen beträgt 1.300,00 € und liegt genau auf der Grenze von "
         "1.300,00 €; berechtigt wäre der Haushalt nur bis zu einem Haushaltsnettoeinkommen "
         "von 1.299,99 €."),
    ],
)
def test_reason_sentences(reason: Reason, text: str) -> None:
    assert reason.text() == text


@pytest.mark.parametrize("code", sorted(REASON_PARAM_NAMES))
def test_every_reason_is_a_sentence_without_the_old_words(code: str) -> None:
    samples: dict[str, tuple[Any, ...]] = {
        "residence": ("Rheinstetten", None, "Karlsruhe"),
        "age": (19, 60, "Ettlingen"),
        "no_rule_set": (date(2019, 1, 1), date(2020, 1, 1)),
        "benefit": ("asylblg",),
        "disability": (),
        "foster_child": (),
        "large_family": (5, 5, 18),
        "no_adult": (14,),
        "income_below": (Decimal("1.00"), Decimal("1300.00"), Decimal("1299.00"),
                         Decimal("1299.99")),
        "income_above": (Decimal("2000.00"), Decimal("1300.00"), Decimal("-700.00"),
                         Decimal("1299.99")),
    }
    text = Reason(code, samples[code]).text()  # type: ignore[arg-type]
    assert text[0].isupper() or text.startswith("„")
    assert text.endswith(".") and text.count(";") <= 1
    assert "Regelsatz" not in text and "Grenze erreicht" not in text


@pytest.mark.parametrize(("number", "word"), [(0, "null"), (1, "eins"), (5, "fünf"),
                                              (12, "zwölf"), (13, "13"), (18, "18")])
def test_small_numbers_are_words(number: int, word: str) -> None:
    assert german_number(number) == word
    assert german_number(1, before_noun=True) == "ein"


def test_income_helpers_agree_with_evaluate(karlsruhe: Parameters) -> None:
    rule_input = _input(
        Member("p1", date(1970, 1, 1), incomes=(Income("wages", Decimal("1000.00")),
                                                Income("other", Decimal("0.06"), "year"))),
        Member("p2", date(1950, 1, 1), incomes=(Income("sgb2", Decimal("400.00")),)),
        Member("p3", date(2010, 1, 1)),
        Member("p4", date(2015, 1, 1)),
        applicant="p4",
    )
    rule_set = karlsruhe.rule_set_on(rule_input.application_date)
    assert rule_set is not None
    net = net_monthly_income(rule_input.members, rule_set.not_counted_income_kinds)
    assert net == evaluate(rule_input, karlsruhe).household.net_income == Decimal("1000.01")
    # The applicant is 11: the oldest member aged 18+ is the first adult.
    assert first_adult(rule_input.members, [56, 76, 16, 11], "p4", rule_set) == "p2"
    weights = dict(member_weights(rule_input, rule_set))
    assert weights == {"p1": Decimal("0.5"), "p2": Decimal("1.0"), "p3": Decimal("0.5"),
                       "p4": Decimal("0.3")}
    assert sum(weights.values()) == evaluate(rule_input, karlsruhe).household.weights


def test_qualifying_kind_for_one_person() -> None:
    notices = (
        Benefit("wohngeld", date(2026, 1, 1), date(2026, 12, 31)),
        Benefit("sgb2", date(2026, 3, 31), date(2026, 4, 30), ("p2",)),
        Benefit("asylblg", date(2026, 4, 1), date(2026, 4, 30), ("p1",)),
        Benefit("sgb12_hlu", date(2026, 12, 1), None, ("p2",)),  # open-ended
    )
    kinds = ("sgb2", "sgb12_hlu", "sgb12_grundsicherung", "asylblg", "wohngeld",
             "kinderzuschlag", "sgb8_stationaer")
    assert qualifying_kind("p1", notices, kinds, date(2026, 3, 15)) == "wohngeld"
    assert qualifying_kind("p2", notices, kinds, date(2026, 3, 15)) == "sgb2"
    assert qualifying_kind("p1", notices, kinds, date(2027, 1, 1)) is None
    assert qualifying_kind("p2", notices, kinds, date(2026, 11, 30)) == "wohngeld"
    assert qualifying_kind("p2", notices, kinds, date(2026, 12, 31)) == "sgb12_hlu"
    assert qualifying_kind("p2", notices, kinds, date(2040, 1, 1)) == "sgb12_hlu"


def test_what_if_parameters_decide_differently(karlsruhe: Parameters) -> None:
    household = _input(Member("p1", date(1980, 1, 1),
                              incomes=(Income("wages", Decimal("1350.00")),)))
    assert not evaluate(household, karlsruhe).members[0].eligible
    generous = karlsruhe.with_values("threshold", {date(2020, 1, 1): Decimal("1400.00")})
    decision = evaluate(household, generous)
    assert decision.members[0].eligible
    assert decision.rule_set == "ka-whatif-2020-01-01"


def test_many_application_dates_keep_the_cache_bounded(karlsruhe: Any) -> None:
    parameters = Parameters(karlsruhe.source, karlsruhe.issuer, karlsruhe.parameters)
    member = Member("p1", date(1950, 1, 1), incomes=(Income("pension", Decimal("800.00")),))
    day = date(2020, 1, 1)
    for offset in range(6_000):
        rule_input = RuleInput(date.fromordinal(day.toordinal() + offset),
                               Residence("Karlsruhe", "01"), "p1", (member,))
        assert evaluate(rule_input, parameters).members[0].eligible
    assert len(parameters.evaluation_cache) <= 5_000
