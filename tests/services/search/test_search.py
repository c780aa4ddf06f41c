"""Person search: name parts in any order, umlauts folded, birth dates, paging."""

from __future__ import annotations

from datetime import date

import pytest

from kpass.models.engine import Database
from kpass.services.search.persons import parse_query, search_persons
from kpass.text_keys import fold, name_key, name_tokens
from tests.register_builder import add_household


def test_fold_spells_out_umlauts_and_drops_accents() -> None:
    assert fold("Müller") == fold("Mueller") == fold("MÜLLER") == "mueller"
    assert fold("Weiß") == "weiss"
    assert fold("Dvořák") == "dvorak"
    assert fold("Łukasz") == "lukasz"
    assert name_key("  Meyer-Lüdenscheidt ") == "meyer luedenscheidt"
    assert name_tokens("Meyer-Lüdenscheidt", "Anna-Lena") == {
        "meyer",
        "luedenscheidt",
        "anna",
        "lena",
    }


def test_parse_query_reads_dates_and_years() -> None:
    query = parse_query("müller 12.03.1980 anna")
    assert query.birth_date == date(1980, 3, 12)
    assert query.name_prefixes == ("mueller", "anna")
    assert parse_query("mu mueller m").name_prefixes == ("mueller",)
    assert parse_query("Schulz 1955").birth_year == 1955
    assert parse_query("31.02.1980").empty  # no such day: ignored, not an error
    assert parse_query("12.03.").empty  # still being typed


@pytest.fixture
def register(database: Database) -> Database:
    add_household(
        database,
        [
            ("Müller", "Anna-Lena", date(1980, 3, 12), "applicant"),
            ("Müller", "Jonas", date(2012, 6, 1), "child"),
        ],
        street="Kaiserstraße",
        stadtteil="01",
    )
    add_household(
        database,
        [("Mueller", "Hans", date(1955, 1, 2), "applicant")],
        street="Pfinztalstraße",
        stadtteil="19",
    )
    add_household(
        database,
        [("Schäfer", "Anna", date(1990, 7, 7), "applicant")],
        street="Rheinstraße",
        stadtteil="08",
    )
    add_household(
        database,
        [("Öztürk", "Ümit", date(1975, 11, 30), "applicant")],
        municipality="Ettlingen",
        stadtteil=None,
    )
    return database


def names(database: Database, text: str) -> list[str]:
    return [f"{h.family_name}, {h.given_names}" for h in search_persons(database, text).hits]


def test_umlauts_match_both_spellings(register: Database) -> None:
    expected = ["Müller, Anna-Lena", "Mueller, Hans", "Müller, Jonas"]
    assert names(register, "Müller") == expected
    assert names(register, "mueller") == expected
    assert names(register, "MUEL") == expected
    assert names(register, "oeztuerk") == ["Öztürk, Ümit"]


def test_name_parts_in_any_order(register: Database) -> None:
    assert names(register, "anna müller") == ["Müller, Anna-Lena"]
    assert names(register, "Müller Anna") == ["Müller, Anna-Lena"]
    assert names(register, "lena") == ["Müller, Anna-Lena"]
    assert names(register, "an") == ["Müller, Anna-Lena", "Schäfer, Anna"]


def test_birth_date_and_year(register: Database) -> None:
    assert names(register, "12.03.1980") == ["Müller, Anna-Lena"]
    assert names(register, "müller 1955") == ["Mueller, Hans"]
    assert names(register, "müller 01.01.1900") == []


def test_hit_carries_the_current_address(register: Database) -> None:
    hit = search_persons(register, "schäfer").hits[0]
    assert (hit.street, hit.stadtteil) == ("Rheinstraße", "Mühlburg")
    outside = search_persons(register, "öztürk").hits[0]
    assert (outside.municipality, outside.stadtteil) == ("Ettlingen", None)


def test_paging(database: Database) -> None:
    add_household(
        database, [(f"Schmidt{i:02d}", "Eva", date(1970, 1, 1), "applicant") for i in range(1)]
    )
    add_household(
        database, [("Schmidt", f"Eva{i:02d}", date(1970, 1, 1), "other") for i in range(7)]
    )
    first = search_persons(database, "schmidt", limit=5)
    assert len(first.hits) == 5 and first.has_more
    rest = search_persons(database, "schmidt", after=first.next_cursor, limit=5)
    assert len(rest.hits) == 3 and not rest.has_more
    seen = [h.person_id for h in first.hits + rest.hits]
    assert len(set(seen)) == 8


def test_empty_query_finds_nothing(register: Database) -> None:
    assert search_persons(register, "   ").hits == ()


def test_a_person_matching_twice_is_listed_once(database: Database) -> None:
    add_household(database, [("Müller", "Maria Magdalena", date(1960, 1, 1), "applicant")])
    add_household(database, [("Meier", "Max", date(1961, 1, 1), "applicant")])
    assert names(database, "m") == ["Meier, Max", "Müller, Maria Magdalena"]
    first = search_persons(database, "m", limit=1)
    second = search_persons(database, "m", after=first.next_cursor, limit=1)
    assert [h.family_name for h in first.hits + second.hits] == ["Meier", "Müller"]
    assert not second.has_more


def test_renaming_a_person_updates_the_search(database: Database) -> None:
    from kpass.models import Person
    from kpass.services.uow import UnitOfWork

    [person_id] = add_household(database, [("Schulz", "Eva", date(1970, 1, 1), "applicant")])
    with UnitOfWork(database) as uow:
        person = uow.session.get(Person, person_id)
        assert person is not None
        person.family_name = "Schäfer-Schulz"
        uow.commit()
    assert names(database, "schaef") == ["Schäfer-Schulz, Eva"]
    assert names(database, "schulz eva") == ["Schäfer-Schulz, Eva"]


def test_a_write_after_a_search_is_still_all_or_nothing(database: Database) -> None:
    """On PostgreSQL the search reads outside a transaction; the connection it hands back
    to the pool must write in one again."""
    from kpass.models import Person
    from kpass.services.uow import UnitOfWork

    [person_id] = add_household(database, [("Schulz", "Eva", date(1970, 1, 1), "applicant")])
    assert names(database, "schulz") == ["Schulz, Eva"]
    assert database.engine.pool.checkedin() == 1  # the next write gets the search's connection
    with pytest.raises(RuntimeError), UnitOfWork(database) as uow:
        person = uow.session.get(Person, person_id)
        assert person is not None
        person.given_names = "Berta"
        uow.session.flush()
        raise RuntimeError("the use case fails after its first statement")
    assert names(database, "schulz") == ["Schulz, Eva"]
