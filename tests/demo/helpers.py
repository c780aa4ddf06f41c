"""Shared helpers for the demo generator tests."""

from __future__ import annotations

from datetime import date

from kpass.demo.generator import DemoHousehold, DemoPerson

AS_OF = date(2026, 10, 15)
SAMPLE_SEED = 20261015
SAMPLE_SIZE = 20_000


def age_on(person: DemoPerson, day: date) -> int:
    """Completed years on ``day`` (born 29 February: a year older on 1 March)."""
    born = person.birth_date
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def derived_household_type(household: DemoHousehold, day: date) -> str:
    """The household type as statistics.md derives it from roles and ages."""
    persons = household.persons
    if len(persons) == 1:
        return "single"
    adults = [p for p in persons if age_on(p, day) >= 18]
    children = [p for p in persons if p.role == "child" and age_on(p, day) < 18]
    partners = [p for p in persons if p.role == "partner"]
    if len(adults) == 1 and children and len(children) == len(persons) - 1:
        return "single_parent"
    if len(persons) == 2 and len(partners) == 1:
        return "couple"
    if len(partners) == 1 and children and len(children) == len(persons) - 2:
        return "couple_children"
    return "other"


def covers_month(household: DemoHousehold, day: date) -> bool:
    """Whether a benefit notice is valid on at least one day of ``day``'s month."""
    first = day.replace(day=1)
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return any(b.valid_from < following and b.valid_until >= first for b in household.benefits)
