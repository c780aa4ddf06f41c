"""Every household is consistent in itself, whatever the as_of date."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

import pytest

from kpass.demo.generator import (
    BENEFIT_KINDS,
    HOUSEHOLD_TYPES,
    INCOME_KINDS,
    INCOME_PERIODS,
    PERSON_FLAGS,
    ROLES,
    SEXES,
    DemoHousehold,
    generate_households,
)
from kpass.demo.places import KARLSRUHE, stadtteil_codes, streets_by_stadtteil
from tests.demo.helpers import AS_OF, age_on, derived_household_type

HOUSE_NUMBER = re.compile(r"^([1-9][0-9]{0,2})([a-c]?)$")


def month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def check_household(household: DemoHousehold, as_of: date) -> None:
    persons = household.persons
    assert household.household_type in HOUSEHOLD_TYPES
    assert [p.key for p in persons] == list(range(len(persons)))
    assert [p.role for p in persons].count("applicant") == 1
    assert persons[0].role == "applicant"
    assert age_on(persons[0], as_of) >= 18
    # the type is what statistics.md derives from roles and ages
    assert derived_household_type(household, as_of) == household.household_type
    partners = [p for p in persons if p.role == "partner"]
    children = [p for p in persons if p.role == "child"]
    if household.household_type == "single":
        assert len(persons) == 1
    if household.household_type in ("couple", "couple_children"):
        assert len(partners) == 1
    if household.household_type == "single_parent":
        assert not partners
        assert children
    if household.household_type in ("single_parent", "couple_children"):
        assert all(age_on(c, as_of) < 18 for c in children)
    for partner in partners:
        assert age_on(partner, as_of) >= 18

    addresses = household.addresses
    assert 1 <= len(addresses) <= 2
    assert all(a.valid_from < b.valid_from for a, b in pairwise(addresses))
    assert addresses[-1].valid_from <= as_of
    if len(addresses) > 1:
        assert addresses[-1].valid_from >= as_of - timedelta(days=731)
    founded = addresses[0].valid_from
    assert persons[0].member_since == founded
    for address in addresses:
        match = HOUSE_NUMBER.match(address.house_number)
        assert match is not None and 1 <= int(match.group(1)) <= 120
        assert re.fullmatch(r"7[0-9]{4}", address.postcode)
        if address.municipality == KARLSRUHE:
            assert address.stadtteil_code in stadtteil_codes()
            streets = {(s.name, s.postcode) for s in streets_by_stadtteil()[address.stadtteil_code]}
            assert (address.street, address.postcode) in streets
            assert address.postcode.startswith(("761", "762"))
        else:
            assert address.stadtteil_code is None
            assert address.municipality

    for person in persons:
        assert person.role in ROLES
        assert person.sex in SEXES
        assert person.family_name.strip() and person.given_names.strip()
        assert person.birth_date <= person.member_since <= as_of
        assert founded <= person.member_since
        assert set(person.flags) <= set(PERSON_FLAGS)
        assert len(set(person.flags)) == len(person.flags)
        if person.flags:
            assert age_on(person, as_of) < 18
        for income in person.incomes:
            assert income.kind in INCOME_KINDS
            assert income.period in INCOME_PERIODS
            assert isinstance(income.amount, Decimal)
            assert income.amount.as_tuple().exponent == -2
            assert income.amount >= 0
            assert person.member_since <= income.valid_from <= as_of
            assert income.evidence

    keys = {p.key for p in persons}
    for benefit in household.benefits:
        assert benefit.kind in BENEFIT_KINDS
        assert benefit.valid_from <= benefit.valid_until
        assert benefit.valid_from <= as_of
        assert founded <= benefit.valid_from
        # a Bewilligungszeitraum ends on the last day of a month
        assert (benefit.valid_until + timedelta(days=1)).day == 1
        # notices reach back about 24 months, no further
        assert month_index(benefit.valid_until) >= month_index(as_of) - 24
        assert set(benefit.member_keys) <= keys
        assert list(benefit.member_keys) == sorted(set(benefit.member_keys))
        assert f"{household.index:07d}" in benefit.reference
        if benefit.kind == "kinderzuschlag":
            assert any(age_on(p, as_of) < 18 for p in persons)
    references = [b.reference for b in household.benefits]
    assert len(references) == len(set(references))
    # notices for the same members never overlap (consecutive Bewilligungszeiträume)
    by_members: dict[tuple[int, ...], list[tuple[date, date]]] = {}
    for benefit in household.benefits:
        if benefit.kind != "sgb8_stationaer":
            by_members.setdefault(benefit.member_keys, []).append(
                (benefit.valid_from, benefit.valid_until)
            )
    for periods in by_members.values():
        periods.sort()
        assert all(a[1] < b[0] for a, b in pairwise(periods))


def test_sample_households_are_consistent(sample: list[DemoHousehold]) -> None:
    for household in sample:
        check_household(household, AS_OF)


def test_references_are_unique_across_households(sample: list[DemoHousehold]) -> None:
    references = [b.reference for h in sample for b in h.benefits]
    assert len(references) == len(set(references))


@pytest.mark.parametrize(
    "as_of",
    [date(2021, 1, 1), date(2024, 2, 29), date(2025, 12, 31), date(2028, 2, 29), date(2030, 7, 1)],
)
def test_other_as_of_dates(as_of: date) -> None:
    for household in generate_households(1500, 99, as_of):
        check_household(household, as_of)
