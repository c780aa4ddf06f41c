"""Finding persons as the caseworker types: name parts in any order, birth date, umlauts
folded; or a pass number, or a street (see lookups).

Two short queries per page: the first finds the ids of one page in name order, driven
by one input read from an index in name order (see plan: a birth date, a short prefix,
else the rarest longer prefix), the other inputs checked on the same index row; the
second fetches just those persons' names, current addresses and passes (number, state,
expiry: see lookups.choose_passes). With several name parts a bounded count of each
comes first, to pick the driving one. Pages continue from the last row seen (keyset
paging), so page 40 costs what page 1 costs. Each statement is built once per shape and
then only bound (see plan and id_lists)."""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import Connection, Date, Select, and_, bindparam, select

from kpass.models import HouseholdAddress, HouseholdMember, Person, Stadtteil
from kpass.models.engine import Database
from kpass.models.periods import valid_on
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.bulk_reads import record_bulk_read
from kpass.services.search.id_lists import in_list, list_param
from kpass.services.search.lookups import (
    PassFacts,
    choose_passes,
    is_pass_query,
    parse_pass_query,
    parse_street_query,
    pass_columns,
    pass_page_ids,
    street_page_ids,
    with_passes,
)
from kpass.services.search.plan import Cursor as Cursor  # re-exported for the UI
from kpass.services.search.plan import page_ids
from kpass.text_keys import fold

PAGE_SIZE = 50
_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_YEAR = re.compile(r"^(19|20)\d{2}$")
_WORD = re.compile(r"[0-9a-z]+")
_DATE_BEGUN = re.compile(r"[\d.]+")


@dataclass(frozen=True)
class SearchQuery:
    """What a typed search text means."""

    name_prefixes: tuple[str, ...] = ()
    birth_date: date | None = None
    birth_year: int | None = None

    @property
    def empty(self) -> bool:
        return not self.name_prefixes and self.birth_date is None and self.birth_year is None


def parse_query(text: str) -> SearchQuery:
    """Split the typed text into name prefixes and a birth date (``12.03.1980``) or year."""
    prefixes: list[str] = []
    birth: date | None = None
    year: int | None = None
    for part in text.split():
        match = _DATE.match(part)
        if match:
            day, month, yr = (int(g) for g in match.groups())
            # 31.02. is no date: ignore it rather than find nothing.
            with contextlib.suppress(ValueError):
                birth = date(yr, month, day)
            continue
        if _YEAR.match(part):
            year = int(part)
            continue
        if _DATE_BEGUN.fullmatch(part):
            continue  # a date still being typed
        prefixes.extend(_WORD.findall(fold(part)))
    # Longest first: the most selective prefix drives the index scan. A prefix that
    # another one extends ("mu" beside "mueller") adds nothing.
    unique = sorted(set(prefixes), key=lambda p: (-len(p), p))
    kept = [p for i, p in enumerate(unique) if not any(q.startswith(p) for q in unique[:i])]
    return SearchQuery(tuple(kept), birth, year)


class PersonHit(NamedTuple):
    """One row of the search. A plain record (as :class:`PassFacts`): a page builds 50 of
    them per keystroke, and a frozen dataclass takes four times as long to build."""

    person_id: int
    family_name: str
    given_names: str
    birth_date: date
    household_id: int | None
    street: str | None
    house_number: str | None
    postcode: str | None
    municipality: str | None
    stadtteil: str | None
    #: the person's pass valid on the search's day, else the latest (a typed number: that one)
    pass_facts: PassFacts | None = None


@dataclass(frozen=True)
class SearchPage:
    hits: tuple[PersonHit, ...]
    next_cursor: Cursor | None

    @property
    def has_more(self) -> bool:
        return self.next_cursor is not None


_person = Person.__table__
_member = HouseholdMember.__table__
_address = HouseholdAddress.__table__
_stadtteil = Stadtteil.__table__


@functools.cache
def _details_statement(dialect: str) -> Select[Any]:
    """Per person: name, birth date, household and current address, then the columns of
    each of its passes (see lookups.with_passes: one row per pass). Bound: ``on``, ``ids``
    (see id_lists)."""
    on = bindparam("on", type_=Date)
    people = (
        _person.outerjoin(
            _member,
            and_(
                _member.c.person_id == _person.c.id,
                valid_on(_member.c.valid_from, _member.c.valid_until, on),
            ),
        )
        .outerjoin(
            _address,
            and_(
                _address.c.household_id == _member.c.household_id,
                valid_on(_address.c.valid_from, _address.c.valid_until, on),
            ),
        )
        .outerjoin(_stadtteil, _stadtteil.c.code == _address.c.stadtteil_code)
    )
    return (
        select(
            _person.c.id,
            _person.c.family_name,
            _person.c.given_names,
            _person.c.birth_date,
            _member.c.household_id,
            _address.c.street,
            _address.c.house_number,
            _address.c.postcode,
            _address.c.municipality,
            _stadtteil.c.name,
            *pass_columns(on),
        )
        .select_from(with_passes(people, _person.c.id))
        .where(in_list(_person.c.id, "ids", dialect))
    )


_PERSON_COLUMNS = 10  # of _details_statement, before the pass's


def _details(
    connection: Connection, ids: list[int], on: date, numbers: tuple[str, ...]
) -> dict[int, PersonHit]:
    """The hits of ``ids`` with the pass each shows (one of the typed ``numbers`` first)."""
    dialect = connection.dialect.name
    params = {"on": on, "ids": list_param(ids, dialect)}
    rows = connection.execute(_details_statement(dialect), params).all()
    persons: dict[int, Sequence[Any]] = {}
    passes: list[tuple[Any, ...]] = []
    for row in rows:
        persons[row[0]] = row[:_PERSON_COLUMNS]
        if row[_PERSON_COLUMNS] is not None:  # a pass with its latest validity
            passes.append((row[0], *row[_PERSON_COLUMNS:]))
    facts = choose_passes(passes, on, numbers) if passes else {}
    return {
        person_id: PersonHit._make((*person, facts.get(person_id)))
        for person_id, person in persons.items()
    }


@requires(Permission.READ_REGISTER)
def search_persons(
    database: Database,
    text: str,
    *,
    after: Cursor | None = None,
    limit: int = PAGE_SIZE,
    on: date | None = None,
) -> SearchPage:
    """One page of persons matching the typed text, in name order, after ``after``."""
    day = on or date.today()
    page = _search(database, text, after, limit, day)
    if after is not None:  # scrolling on past the first page is reading in bulk
        record_bulk_read(database, "person", len(page.hits), query=text, next_page=True)
    return page


def _search(
    database: Database, text: str, after: Cursor | None, limit: int, day: date
) -> SearchPage:
    with database.connect() as connection:
        if not database.is_sqlite:
            # On PostgreSQL (read committed) each statement reads a snapshot of its own
            # inside a transaction as well: one would only add BEGIN and ROLLBACK, two
            # round trips to the server per keystroke.
            connection.execution_options(isolation_level="AUTOCOMMIT")
        if is_pass_query(text):
            pass_query = parse_pass_query(text)
            if pass_query is None:
                return SearchPage((), None)  # "KA-1": not yet enough digits for numbers
            numbers = tuple(pass_query.numbers())
            holders = pass_page_ids(connection, numbers, after, limit)
            return _page(connection, holders, limit, day, numbers)
        found = _street_ids(connection, text, day, after, limit)
        if found is None:
            query = parse_query(text)
            if query.empty:
                return SearchPage((), None)
            found = page_ids(connection, query.name_prefixes, query.birth_date,
                             query.birth_year, after, limit)
        return _page(connection, found, limit, day)


def _street_ids(
    connection: Connection, text: str, on: date, after: Cursor | None, limit: int
) -> list[tuple[int, str]] | None:
    """The page of a street search; None when ``text`` is none, or when no street matches at
    all: then it may be a name ("Steinweg", "Müller 1" while a birth date is being typed)
    and the name search answers. (A pass number that matches nothing finds nobody: persons
    whose names start with "Ka" would only mislead.)"""
    street = parse_street_query(text)
    if street is None:
        return None
    found = street_page_ids(connection, street, on, after, limit)
    if found or (after is not None and street_page_ids(connection, street, on, None, 1)):
        return found
    return None


def _page(
    connection: Connection, found: list[tuple[int, str]], limit: int, on: date,
    numbers: tuple[str, ...] = (),
) -> SearchPage:
    """The hits of the first ``limit`` ids (with names, current addresses and passes; of
    the typed pass ``numbers`` where they hold one) and the cursor after them when
    ``found`` holds one more."""
    page = found[:limit]
    if not page:
        return SearchPage((), None)
    details = _details(connection, [person_id for person_id, _ in page], on, numbers)
    hits = tuple(details[person_id] for person_id, _ in page if person_id in details)
    more = len(found) > limit
    next_cursor = (page[-1][1], page[-1][0]) if more and page else None
    return SearchPage(hits, next_cursor)
