"""Names look like Karlsruhe: German with umlauts, double names, and many origins."""

from __future__ import annotations

import csv
from collections import defaultdict
from random import Random

import pytest

from kpass.demo.generator import DemoHousehold
from kpass.demo.names import (
    FIRST_NAME_YEAR,
    LAST_NAME_YEAR,
    ORIGINS,
    family_name_form,
    family_name_pool,
    given_name_pool,
    pick_given_names,
)
from kpass.resource_files import resource_path

UMLAUTS = set("äöüÄÖÜß")


def given_name_years() -> dict[tuple[str, str], list[tuple[int, int]]]:
    """(name, sex) -> birth-year ranges in which given_names.csv lists it."""
    ranges: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    with resource_path("demo", "given_names.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            ranges[(row["name"], row["sex"])].append(
                (int(row["born_from"]), int(row["born_until"]))
            )
    return ranges


def test_names_contain_umlauts(sample: list[DemoHousehold]) -> None:
    persons = [p for h in sample[:500] for p in h.persons]
    assert any(UMLAUTS & set(p.family_name) for p in persons)
    assert any(UMLAUTS & set(p.given_names) for p in persons)


def test_double_names_occur(sample: list[DemoHousehold]) -> None:
    persons = [p for h in sample for p in h.persons]
    assert any("-" in p.family_name for p in persons), "double family names"
    assert any("-" in p.given_names for p in persons), "double given names like Anna-Lena"
    assert any(" " in p.given_names for p in persons), "two given names"


def test_names_of_several_origins(sample: list[DemoHousehold]) -> None:
    family_names = {p.family_name for h in sample for p in h.persons}
    for origin in ORIGINS:
        assert family_names & set(family_name_pool(origin).items), origin


def test_given_names_match_sex_and_birth_year(sample: list[DemoHousehold]) -> None:
    years = given_name_years()
    for household in sample[:5000]:
        for person in household.persons:
            year = min(max(person.birth_date.year, FIRST_NAME_YEAR), LAST_NAME_YEAR)
            sexes = ("f", "m") if person.sex == "d" else (person.sex,)
            for name in person.given_names.split(" "):
                spans = [span for sex in sexes for span in years.get((name, sex), [])]
                assert spans, (name, person.sex)
                assert any(low <= year <= high for low, high in spans), (name, year)


def test_gendered_family_names(sample: list[DemoHousehold]) -> None:
    persons = [p for h in sample for p in h.persons]
    assert any(p.sex == "f" and p.family_name.endswith("ska") for p in persons)
    assert not any(p.sex == "m" and p.family_name.endswith(("ska", "cka", "owa")) for p in persons)


@pytest.mark.parametrize(
    ("base", "origin", "sex", "expected"),
    [
        ("Kowalski", "pl", "f", "Kowalska"),
        ("Kowalski", "pl", "m", "Kowalski"),
        ("Nowak", "pl", "f", "Nowak"),
        ("Iwanow", "ua", "f", "Iwanowa"),
        ("Melnyk", "ua", "f", "Melnyk"),
        ("Papadopoulos", "gr", "f", "Papadopoulou"),
        ("Nikolaidis", "gr", "f", "Nikolaidou"),
        ("Papadakis", "gr", "f", "Papadaki"),
        ("Georgiou", "gr", "f", "Georgiou"),
        ("Müller", "de", "f", "Müller"),
        ("Kowalski", "pl", "d", "Kowalski"),
    ],
)
def test_family_name_form(base: str, origin: str, sex: str, expected: str) -> None:
    assert family_name_form(base, origin, sex) == expected


def test_every_origin_has_names_for_every_year() -> None:
    for origin in ORIGINS:
        assert family_name_pool(origin).items
        for sex in ("f", "m", "d"):
            for year in range(FIRST_NAME_YEAR, LAST_NAME_YEAR + 1):
                assert given_name_pool(origin, sex, year).items


def test_pick_given_names_is_deterministic() -> None:
    first = [pick_given_names(Random(1), "de", "f", 1990) for _ in range(3)]
    assert len(set(first)) == 1
