"""Bildung und Teilhabe: a household with Wohngeld or Kinderzuschlag on the application day
and somebody under 25 is pointed to it; the pass decision does not change."""

from __future__ import annotations

from datetime import date

from kpass.rules import Benefit, Member, Residence, RuleInput, education_benefits

DAY = date(2026, 6, 1)


def _household(*births: date, benefits: tuple[Benefit, ...]) -> RuleInput:
    members = tuple(Member(f"p{i}", born) for i, born in enumerate(births))
    return RuleInput(application_date=DAY, residence=Residence("Karlsruhe", "01"),
                     applicant="p0", members=members, benefits=benefits)


def test_wohngeld_with_a_child_opens_bildung_und_teilhabe() -> None:
    wohngeld = Benefit("wohngeld", date(2026, 1, 1), date(2026, 12, 31))
    assert education_benefits(_household(date(1980, 1, 1), date(2015, 5, 5),
                                          benefits=(wohngeld,))) == ("wohngeld",)


def test_both_benefits_in_the_order_of_the_law() -> None:
    both = (Benefit("kinderzuschlag", date(2026, 1, 1), None),
            Benefit("wohngeld", date(2025, 1, 1), None))
    assert education_benefits(_household(date(1980, 1, 1), date(2002, 6, 2),
                                         benefits=both)) == ("wohngeld", "kinderzuschlag")


def test_nobody_under_25_an_ended_notice_or_another_benefit_give_no_hint() -> None:
    wohngeld = Benefit("wohngeld", date(2026, 1, 1), None)
    assert education_benefits(_household(date(1950, 1, 1), date(2001, 6, 1),
                                         benefits=(wohngeld,))) == ()
    ended = Benefit("wohngeld", date(2025, 1, 1), date(2026, 5, 31))
    assert education_benefits(_household(date(1980, 1, 1), date(2015, 1, 1),
                                         benefits=(ended,))) == ()
    sgb2 = Benefit("sgb2", date(2026, 1, 1), None)
    assert education_benefits(_household(date(1980, 1, 1), date(2015, 1, 1),
                                         benefits=(sgb2,))) == ()
