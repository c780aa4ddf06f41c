"""Person search over every way of reading it: the same persons, in name order, page by page.

The search picks which input drives the query (a short prefix read in name order, a
longer prefix sorted, a birth date, a birth year) from counts it takes first. Whatever
it picks, the pages must hold exactly the persons a plain reading of "every typed part
begins a word of the name, born on that day or in that year" finds, in name order.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from kpass.models import PersonSearchToken
from kpass.models.engine import Database
from kpass.models.person_keys import person_key_columns, search_words
from kpass.services.search import plan as person_search_plan
from kpass.services.search.persons import parse_query, search_persons
from kpass.services.search.plan import choose_drive
from kpass.text_keys import name_tokens
from tests.register_builder import add_household

FAMILIES = (
    "Müller", "Mueller-Schmidt", "Schmidt", "Schneider", "Schäfer", "Meier", "Mayer",
    "Anders", "Abel", "Kaya", "Öztürk", "Ma", "Li", "Zimmermann", "Ahmadi", "Lüdenscheidt",
)  # fmt: skip
GIVENS = (
    "Anna", "Anna-Lena", "Maria Magdalena", "Max", "Mia", "Sophie", "Jonas", "Ali", "Ümit",
    "Lea", "An",
)  # fmt: skip

QUERIES = (
    "m", "a", "s", "z", "l", "ma", "mu", "an", "sch", "schm", "muel", "mueller", "anna",
    "m a", "a m", "s a", "l a", "ma an", "sch an", "an sch", "m an ma", "mueller schmidt",
    "schmidt mueller", "anna m", "mueller a", "a mueller", "li an", "an li", "ma m",
    "m 1980", "mueller 1980", "sch an 1981", "1980", "a 12.03.1980", "12.03.1980",
    "ma 15.06.1981", "q", "m q", "mueller q", "zimmermann sophie", "ue", "m xy",
    "m 1950", "s 1950", "ma an 1950", "schmitt 1950",
)  # fmt: skip


@pytest.fixture
def register(database: Database) -> Database:
    """Every family with several given names, born on a few shared dates."""
    births = (date(1980, 3, 12), date(1981, 6, 15), date(1980, 11, 2), date(1999, 1, 1))
    n = 0
    for family in FAMILIES:
        members = []
        for given in GIVENS:
            n += 1
            if n % 3 == 0:
                continue  # not every combination: the counts differ per letter
            members.append((family, given, births[n % len(births)], "other"))
        members[0] = (*members[0][:3], "applicant")
        add_household(database, members)
    # A rare birth year: "m 1950" reads the year's two persons, not the m-names.
    add_household(database, [("Maier", "Anna", date(1950, 5, 5), "applicant")])
    add_household(database, [("Schmitt", "Max", date(1950, 8, 8), "applicant")])
    return database


def expected(database: Database, text: str) -> list[int]:
    """Ids a plain reading of the query finds, in name order."""
    from kpass.models import Person
    from kpass.services.uow import UnitOfWork

    query = parse_query(text)
    found: list[tuple[str, int]] = []
    with UnitOfWork(database, write=False) as uow:
        for person in uow.session.scalars(select(Person)):
            words = name_tokens(person.family_name, person.given_names)
            if not all(any(w.startswith(p) for w in words) for p in query.name_prefixes):
                continue
            if query.birth_date is not None and person.birth_date != query.birth_date:
                continue
            year = query.birth_year if query.birth_date is None else None
            if year is not None and person.birth_date.year != year:
                continue
            keys = person_key_columns(person.family_name, person.given_names, person.birth_date)
            found.append((keys["sort_key"], person.id))
    return [person_id for _, person_id in sorted(found)]


def paged(database: Database, text: str, limit: int) -> Iterator[int]:
    page = search_persons(database, text, limit=limit)
    yield from (hit.person_id for hit in page.hits)
    while page.has_more:
        assert len(page.hits) == limit
        page = search_persons(database, text, after=page.next_cursor, limit=limit)
        yield from (hit.person_id for hit in page.hits)


@pytest.fixture(params=["as shipped", "tiny estimates"])
def estimates(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The drivers chosen; "tiny estimates" caps the counts so the register looks big."""
    if request.param == "tiny estimates":
        monkeypatch.setattr(person_search_plan, "PROBE", 3)
        monkeypatch.setattr(person_search_plan, "ESTIMATE_CAP", 4)
    chosen: list[str] = []
    original = person_search_plan.plan

    def recording(*args: Any, **kwargs: Any) -> person_search_plan.Plan | None:
        result = original(*args, **kwargs)
        if result is None:
            chosen.append("nobody")
        else:  # "word" or "word, checking names" (the other typed parts)
            chosen.append(result.driver + (", checking names" if result.filters else ""))
        return result

    monkeypatch.setattr(person_search_plan, "plan", recording)
    return chosen


def test_every_plan_finds_exactly_the_matches_in_name_order_across_pages(
    register: Database, estimates: list[str]
) -> None:
    total = 0
    for text in QUERIES:
        wanted = expected(register, text)
        total += len(wanted)
        for limit in (50, 7):
            assert list(paged(register, text, limit)) == wanted, (text, limit)
    assert total > 500  # the queries do find persons, many of them across pages
    drivers = {"word", "range", "date", "year"}
    assert drivers | {f"{d}, checking names" for d in drivers} | {"nobody"} <= set(estimates)


def test_two_initials_find_the_persons_with_both_across_page_boundaries(
    register: Database,
) -> None:
    first = search_persons(register, "m a", limit=5)
    rest = list(paged(register, "m a", 5))
    assert [h.person_id for h in first.hits] == rest[:5]
    assert rest == expected(register, "m a") and len(rest) > 10  # several pages of 5
    for hit in first.hits:
        words = name_tokens(hit.family_name, hit.given_names)
        assert any(w.startswith("m") for w in words) and any(w.startswith("a") for w in words)
    # Both orders of typing find the same persons.
    assert list(paged(register, "a m", 5)) == rest


def test_search_rows_hold_words_and_short_prefixes(database: Database) -> None:
    assert search_words("Müller", "Anna-Lena") == {
        "m", "mu", "mue", "mueller", "a", "an", "ann", "anna", "l", "le", "len", "lena",
    }  # fmt: skip
    assert search_words("Ma", "Li") == {"m", "ma", "l", "li"}
    [person_id] = add_household(database, [("Schäfer", "Ümit", date(1990, 7, 7), "applicant")])
    from kpass.models import Person
    from kpass.services.uow import UnitOfWork

    def rows() -> set[str]:
        with UnitOfWork(database, write=False) as uow:
            return set(
                uow.session.scalars(
                    select(PersonSearchToken.token).where(PersonSearchToken.person_id == person_id)
                )
            )

    assert rows() == {"s", "sc", "sch", "schaefer", "u", "ue", "uem", "uemit"}
    with UnitOfWork(database) as uow:
        person = uow.session.get(Person, person_id)
        assert person is not None
        person.given_names = "Eva"
        uow.commit()
    assert rows() == {"s", "sc", "sch", "schaefer", "e", "ev", "eva"}
    assert [h.given_names for h in search_persons(database, "sch e").hits] == ["Eva"]
    assert search_persons(database, "sch u").hits == ()


def test_the_driver_is_the_prefix_that_reads_fewest_rows() -> None:
    # Both short; "sc" read in name order meets "an" often, "an" meets "sc" rarely
    # (the Sch families come late in name order): drive by "sc".
    assert choose_drive(["word", "word"], [2000, 2000], [0, 30], page=51) == 1
    # A rare short prefix is read whole rather than the frequent one.
    assert choose_drive(["word", "word"], [2000, 12], [1, 12], page=51) == 1
    # A full family name (a range of 1,500 rows) beats an initial whose first rows
    # hold nobody of that family.
    assert choose_drive(["range", "word"], [1500, 2000], [None, 0], page=51) == 0
    # ... but not when the initial's rows in name order pass nearly all.
    assert choose_drive(["range", "word"], [4000, 2000], [None, 380], page=51) == 1
    # No hit in either probe ("g o"): "o" read in name order meets the G families
    # early; "g" read in name order would pass all families from A to N first.
    assert choose_drive(["word", "word"], [2000, 2000], [0, 0], 51, ["g", "o"]) == 1
    assert choose_drive(["word", "word"], [2000, 2000], [0, 0], 51, ["o", "g"]) == 0
    # ... unless one was counted whole: "ole" (a given name, 1,316 persons) is read
    # through rather than "s" up to the S families.
    assert choose_drive(["word", "word"], [1316, 2000], [0, 0], 51, ["ole", "s"]) == 0
