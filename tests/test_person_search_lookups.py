"""The counter's search also finds persons by a pass number (whole or begun) and by the
street they live in, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from alembic.config import Config

from kpass.models.engine import Database
from kpass.models.migrate import MIGRATIONS
from kpass.services.applications import apply, decide
from kpass.services.household_editing import AddressInput, move_household
from kpass.services.household_details import household_details
from kpass.services.passes import issue_passes
from kpass.services.person_search import search_persons
from kpass.services.person_search_lookups import parse_pass_query, parse_street_query
from tests.register_builder import add_household, add_notice, household_of

DAY = date(2026, 3, 16)


def names(database: Database, text: str, **kwargs: object) -> list[str]:
    page = search_persons(database, text, on=DAY, **kwargs)  # type: ignore[arg-type]
    return [f"{hit.given_names} {hit.family_name}" for hit in page.hits]


@pytest.mark.parametrize(("text", "found"), [
    ("KA-103424-85", (103424, 103424, "85")),
    ("ka 103424 85", (103424, 103424, "85")),
    ("103424-85", (103424, 103424, "85")),
    ("KA-1034", (103400, 103499, "")),
    ("KA10342", (103420, 103429, "")),
    ("KA-103424-8", (103424, 103424, "8")),
])
def test_pass_numbers_typed_in_any_spelling(text: str, found: tuple[int, int, str]) -> None:
    query = parse_pass_query(text)
    assert query is not None and (query.first, query.last, query.check) == found


@pytest.mark.parametrize("text", ["KA-1", "KA-103", "KA-1234-5", "müller", "12.03.1980"])
def test_not_yet_a_pass_number(text: str) -> None:
    assert parse_pass_query(text) is None


@pytest.mark.parametrize(("text", "key", "number"), [
    ("rheinstr 24", "rheinstr", "24"),
    ("Rheinstraße", "rheinstrasse", None),
    ("Karl-Friedrich-Str. 7a", "karlfriedrichstr", "7a"),
    ("Am Fasanengarten 3", "amfasanengarten", "3"),
    ("Kaiserallee", "kaiserallee", None),
])
def test_streets_typed_as_spoken(text: str, key: str, number: str | None) -> None:
    query = parse_street_query(text)
    assert query is not None and (query.key, query.house_number) == (key, number)


@pytest.mark.parametrize("text", ["Döring", "müller anna", "müller 1980", "müller 12.03.1980"])
def test_names_stay_names(text: str) -> None:
    assert parse_street_query(text) is None


def test_holders_are_found_by_pass_number(database: Database) -> None:
    mother, child = add_household(database, [
        ("Kaya", "Elif", date(1980, 1, 10), "applicant"),
        ("Kaya", "Can", date(2015, 9, 1), "child"),
    ])
    household = household_of(database, mother)
    add_notice(database, household, "sgb2", date(2026, 1, 1), date(2026, 12, 31))
    application = apply(database, household, DAY, today=DAY)
    issued = issue_passes(database, decide(database, application.application_id).decision_id)
    numbers = {i.person_id: i.number for i in issued if i.number}
    can = numbers[child]
    assert can is not None
    assert names(database, can) == ["Can Kaya"]
    assert names(database, can.lower().replace("-", " ")) == ["Can Kaya"]
    serial_start = can[:7]  # "KA-1000": both passes (serials follow each other)
    assert names(database, serial_start) == ["Can Kaya", "Elif Kaya"]
    wrong_check = can[:-2] + ("00" if can[-2:] != "00" else "01")
    assert names(database, wrong_check) == []
    assert names(database, "KA-1") == []  # too short to stand for numbers yet


def test_persons_are_found_by_the_street_they_live_in(database: Database) -> None:
    add_household(database, [("Weiß", "Jürgen", date(1950, 5, 5), "applicant")],
                  street="Rheinstraße", number="24a")
    add_household(database, [("Adler", "Anna", date(1960, 1, 1), "applicant"),
                             ("Adler", "Ben", date(2010, 1, 1), "child")],
                  street="Rheinstraße", number="7")
    add_household(database, [("Rhein", "Rita", date(1970, 1, 1), "applicant")],
                  street="Karl-Friedrich-Straße", number="7")
    moving = add_household(database, [("Umzug", "Uwe", date(1980, 1, 1), "applicant")],
                           street="Rheinstraße", number="1")
    assert names(database, "rheinstr") == ["Anna Adler", "Ben Adler", "Uwe Umzug",
                                           "Jürgen Weiß"]
    assert names(database, "Rheinstraße 24 A") == ["Jürgen Weiß"]
    assert names(database, "rheinstr. 24a") == ["Jürgen Weiß"]
    assert names(database, "karl-friedrich-str 7") == ["Rita Rhein"]
    assert names(database, "Rhein") == ["Rita Rhein"]  # a name, not a street
    # paging continues in name order
    first = search_persons(database, "rheinstr", limit=2, on=DAY)
    assert [h.given_names for h in first.hits] == ["Anna", "Ben"]
    rest = search_persons(database, "rheinstr", after=first.next_cursor, limit=2, on=DAY)
    assert [h.given_names for h in rest.hits] == ["Uwe", "Jürgen"] and rest.next_cursor is None

    # after a move the household is found at the new street only, from the day of the move
    household = household_of(database, moving[0])
    version = household_details(database, household, DAY).version
    move_household(database, household, version,
                   AddressInput("Waldstraße", "3", "76133", "Karlsruhe", "01"), date(2026, 3, 1))
    assert names(database, "waldstr") == ["Uwe Umzug"]
    assert "Uwe Umzug" not in names(database, "rheinstr")
    before = search_persons(database, "rheinstr 1", on=date(2026, 2, 28))
    assert [h.given_names for h in before.hits] == ["Uwe"]


def test_addresses_stored_before_the_street_key_are_found(database: Database) -> None:
    # Migration 0008 fills the key of the addresses already there.
    add_household(database, [("Weiß", "Jürgen", date(1950, 5, 5), "applicant")],
                  street="Karl-Friedrich-Straße", number="12")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    for direction, revision in (("downgrade", "0007"), ("upgrade", "head")):
        with database.engine.begin() as connection:
            config.attributes["connection"] = connection
            getattr(command, direction)(config, revision)
    assert names(database, "karl friedrich str 12") == ["Jürgen Weiß"]
