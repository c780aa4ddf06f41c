"""The counter's search also finds persons by a pass number (whole or begun) and by the
street they live in, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy.engine import make_url

from kpass.models.engine import Database
from kpass.models.migrate import migrate_to
from kpass.services.applications.deciding import apply, decide
from kpass.services.household import AddressInput, move_household
from kpass.services.household.details import household_details
from kpass.services.passes.actions import issue_passes, replace_pass, revoke_pass
from kpass.services.search.lookups import (
    parse_pass_query,
    parse_street_query,
    pass_state,
)
from kpass.services.search.persons import search_persons
from kpass.text_keys import prefix_upper_bound
from tests.logins import log_in_admin
from tests.register_builder import add_household, add_notice, household_of

DAY = date(2026, 3, 16)


@pytest.fixture
def pg_admin_url() -> Iterator[str | None]:
    yield os.environ.get("KPASS_TEST_PG_URL")


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
    ("rheinstr 24", "rheinstrasse", "24"),
    ("Rheinstraße", "rheinstrasse", None),
    ("Karl-Friedrich-Str. 7a", "karlfriedrichstrasse", "7a"),
    ("Rheinstraße 24-26", "rheinstrasse", "24-26"),
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
    for direction, revision in (("downgrade", "0007"), ("upgrade", "head")):
        migrate_to(database, direction, revision)
    assert names(database, "karl friedrich str 12") == ["Jürgen Weiß"]


def test_a_surname_like_a_street_and_a_name_with_a_number_stay_names(database: Database) -> None:
    # No street is called Steinweg or Müller…: the name search answers.
    add_household(database, [("Steinweg", "Jürgen", date(1950, 5, 5), "applicant")])
    add_household(database, [("Müller", "Anna", date(1980, 3, 12), "applicant")])
    assert names(database, "Steinweg") == ["Jürgen Steinweg"]
    assert names(database, "jürgen steinweg") == ["Jürgen Steinweg"]
    assert names(database, "Müller 1") == ["Anna Müller"]  # a birth date being typed
    assert names(database, "Müller 12.") == ["Anna Müller"]


def test_str_and_strasse_and_house_number_ranges(database: Database) -> None:
    add_household(database, [("Adler", "Anna", date(1960, 1, 1), "applicant")],
                  street="Kaiserstr.", number="3")
    add_household(database, [("Berg", "Bea", date(1961, 1, 1), "applicant")],
                  street="Kaiserstraße", number="24-26")
    assert names(database, "Kaiserstraße 3") == ["Anna Adler"]
    assert names(database, "kaiserstr") == ["Anna Adler", "Bea Berg"]
    assert names(database, "Kaiserstr. 24-26") == ["Bea Berg"]


@pytest.mark.parametrize(("prefix", "bound"), [
    ("schulz", "schum"), ("m", "n"), ("a9", "aa"), ("kaiserplatz", "kaiserplau"),
])
def test_prefix_bounds_step_through_letters(prefix: str, bound: str) -> None:
    assert prefix_upper_bound(prefix) == bound


def test_a_prefix_of_zs_has_a_bound_above_every_key() -> None:
    bound = prefix_upper_bound("zz")
    assert all("zz" + tail < bound for tail in ("", "z" * 150, "zzy9"))


def test_keys_ending_in_z_on_a_german_postgresql_database(pg_admin_url: str | None) -> None:
    # Under a German ICU collation "{" sorts before the letters: a bound made by adding one
    # to "z" found nothing for "Schulz" or "Kaiserplatz".
    if pg_admin_url is None:
        pytest.skip("PostgreSQL not available (run ./test.sh)")
    from sqlalchemy import create_engine, text

    from kpass.models.engine import open_database
    from kpass.models.migrate import upgrade

    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    name = f"kpass_de_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(
                f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
                "LOCALE_PROVIDER icu ICU_LOCALE 'de-DE' LOCALE 'C.UTF-8'"))
    except Exception as exc:  # a server without ICU cannot run this check
        pytest.skip(f"no ICU collation on this server: {exc}")
    try:
        database = open_database(make_url(pg_admin_url).set(database=name)
                                 .render_as_string(hide_password=False))
        upgrade(database, backup=False)
        log_in_admin(database)
        add_household(database, [("Schulz", "Zoe", date(1970, 1, 1), "applicant")],
                      street="Kaiserplatz", number="3")
        assert names(database, "Schulz") == ["Zoe Schulz"]
        assert names(database, "schulz zoe") == ["Zoe Schulz"]
        assert names(database, "Kaiserplatz 3") == ["Zoe Schulz"]
        database.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_an_unknown_pass_number_finds_nobody(database: Database) -> None:
    add_household(database, [("Kaiser", "Karl", date(1950, 5, 5), "applicant")])
    assert names(database, "KA-999999") == []  # not every "Ka…" person


# -- what a row says about the person's pass --------------------------------------------------

@pytest.mark.parametrize(("status", "revoked_on", "covered", "day", "state"), [
    ("active", None, True, date(2026, 3, 15), "active"),
    ("active", None, True, date(2026, 10, 31), "active"),  # ends in December: not yet
    ("active", None, True, date(2026, 11, 1), "expiring"),  # ends next month
    ("active", None, True, date(2026, 12, 31), "expiring"),  # its last day
    ("active", None, False, date(2027, 1, 1), "expired"),
    ("active", None, False, date(2025, 12, 31), "upcoming"),  # valid only from 1 January
    ("revoked", date(2026, 5, 1), True, date(2026, 4, 30), "ending"),  # revoked ahead
    ("revoked", date(2026, 5, 1), True, date(2026, 5, 1), "revoked"),
    ("replaced", date(2026, 5, 1), True, date(2026, 4, 30), "ending"),
    ("replaced", date(2026, 5, 1), False, date(2027, 2, 1), "replaced"),
])
def test_the_state_of_a_pass_on_a_day(
    status: str, revoked_on: date | None, covered: bool, day: date, state: str
) -> None:
    assert pass_state(status, revoked_on, date(2026, 1, 1), date(2026, 12, 31), covered,
                      day) == state


def _issued(database: Database) -> tuple[int, int, dict[int, str]]:
    mother, child = add_household(database, [
        ("Kaya", "Elif", date(1980, 1, 10), "applicant"),
        ("Kaya", "Can", date(2015, 9, 1), "child"),
    ])
    household = household_of(database, mother)
    add_notice(database, household, "sgb2", date(2026, 1, 1), date(2026, 12, 31))
    application = apply(database, household, DAY, today=DAY)
    issued = issue_passes(database, decide(database, application.application_id).decision_id)
    return mother, child, {i.person_id: i.number for i in issued if i.number}


def _facts(database: Database, text: str, on: date = DAY) -> dict[str, tuple[str, str]]:
    page = search_persons(database, text, on=on)
    return {hit.given_names: (hit.pass_facts.number, hit.pass_facts.state)
            for hit in page.hits if hit.pass_facts is not None}


def test_each_hit_shows_the_pass_that_counts_and_a_typed_one_as_it_is(database: Database) -> None:
    mother, child, numbers = _issued(database)
    elif_, can = numbers[mother], numbers[child]
    assert _facts(database, "kaya") == {"Elif": (elif_, "active"), "Can": (can, "active")}
    hit = search_persons(database, "kaya elif", on=DAY).hits[0]
    assert hit.pass_facts is not None and hit.household_id == household_of(database, mother)
    assert hit.pass_facts.valid_until == date(2027, 3, 31)
    later = date(2027, 2, 10)
    assert _facts(database, "kaya", later)["Elif"] == (elif_, "expiring")
    assert _facts(database, "kaya", date(2027, 4, 1))["Elif"] == (elif_, "expired")
    assert _facts(database, "kaya", date(2026, 3, 1))["Elif"] == (elif_, "upcoming")

    new = replace_pass(database, elif_, DAY, "verloren", today=DAY)
    assert new.number is not None
    revoke_pass(database, can, date(2026, 6, 1), "Wegzug", today=DAY)
    # by name: the pass valid today; the child's is revoked only from June
    assert _facts(database, "kaya") == {"Elif": (new.number, "active"), "Can": (can, "ending")}
    # by the old number: that card, as it is
    assert _facts(database, elif_) == {"Elif": (elif_, "replaced")}
    assert _facts(database, can, date(2026, 6, 1)) == {"Can": (can, "revoked")}
    assert _facts(database, new.number) == {"Elif": (new.number, "active")}


def test_the_passes_of_a_page_are_read_in_one_statement(database: Database) -> None:
    from sqlalchemy import event

    _issued(database)
    statements: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(statement)

    def sent(text: str, hits: int) -> list[str]:
        statements.clear()
        event.listen(database.engine, "before_cursor_execute", record)
        try:
            assert len(search_persons(database, text, on=DAY).hits) == hits
        finally:
            event.remove(database.engine, "before_cursor_execute", record)
        return list(statements)

    two = sent("kaya", 2)
    for i in range(5):
        add_household(database, [(f"Kayan{i}", "Ali", date(1990, 1, 1), "applicant")])
    seven = sent("kaya", 7)
    assert len(seven) == len(two)  # not one more per row
    assert sum("pass_validity" in s for s in seven) == 1
