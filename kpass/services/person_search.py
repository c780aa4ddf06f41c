"""Finding persons as the caseworker types: name parts in any order, birth date, umlauts folded.

Two short queries per page: the first finds the ids of one page in name order, driven by
the most selective input (a birth date, else the longest typed word as a prefix range on
the token index, which yields rows already sorted); the second fetches names and current
addresses of just those ids. Pages continue from the last row seen (keyset paging), so
page 40 costs what page 1 costs.
"""

from __future__ import annotations

import contextlib
import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Date, Select, and_, bindparam, exists, or_, select, tuple_

from kpass.models import HouseholdAddress, HouseholdMember, Person, PersonSearchToken, Stadtteil
from kpass.models.engine import Database
from kpass.text_keys import fold, prefix_upper_bound

PAGE_SIZE = 50
_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_YEAR = re.compile(r"^(19|20)\d{2}$")
_WORD = re.compile(r"[0-9a-z]+")


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
        if re.fullmatch(r"[\d.]+", part):
            continue  # a date still being typed
        prefixes.extend(_WORD.findall(fold(part)))
    # Longest first: the most selective prefix drives the index scan. A prefix that
    # another one extends ("mu" beside "mueller") adds nothing.
    unique = sorted(set(prefixes), key=lambda p: (-len(p), p))
    kept = [p for i, p in enumerate(unique) if not any(q.startswith(p) for q in unique[:i])]
    return SearchQuery(tuple(kept), birth, year)


@dataclass(frozen=True)
class PersonHit:
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


Cursor = tuple[str, int]  # (sort_key, person_id) of the last row of the previous page


@dataclass(frozen=True)
class SearchPage:
    hits: tuple[PersonHit, ...]
    next_cursor: Cursor | None

    @property
    def has_more(self) -> bool:
        return self.next_cursor is not None


_person = Person.__table__
_token = PersonSearchToken.__table__
_member = HouseholdMember.__table__
_address = HouseholdAddress.__table__
_stadtteil = Stadtteil.__table__


@functools.cache
def id_statement(others: int, birth: str, driver: str, paged: bool) -> Select[Any]:
    """Ids and sort keys of the next ``:rows`` matches in name order (may repeat an id).

    Built once per shape of query — ``others`` further prefixes beyond the driving one,
    ``birth`` "" / "date" / "year", ``driver`` "token" or "person", ``paged`` with a
    cursor — and then only bound: building SQLAlchemy statements costs more than running
    these queries.
    """
    if driver == "token":
        drive = _token.alias("drive")
        statement = select(drive.c.person_id, drive.c.sort_key).where(
            drive.c.token >= bindparam("p0"), drive.c.token < bindparam("p0_end")
        )
        person_id, sort_key = drive.c.person_id, drive.c.sort_key
        first_other = 1
        if birth:
            statement = statement.where(
                exists().where(_person.c.id == person_id, *_birth_filter(birth))
            )
    else:
        statement = select(_person.c.id, _person.c.sort_key).where(*_birth_filter(birth))
        person_id, sort_key = _person.c.id, _person.c.sort_key
        first_other = 0
    for n in range(first_other, first_other + others):
        other = _token.alias(f"t{n}")
        statement = statement.where(
            exists().where(
                other.c.person_id == person_id,
                other.c.token >= bindparam(f"p{n}"),
                other.c.token < bindparam(f"p{n}_end"),
            )
        )
    if paged:
        statement = statement.where(
            tuple_(sort_key, person_id) > tuple_(bindparam("after_key"), bindparam("after_id"))
        )
    return statement.order_by(sort_key, person_id).limit(bindparam("rows"))


def _birth_filter(birth: str) -> list[Any]:
    column = _person.c.birth_date
    if birth == "date":
        return [column == bindparam("birth", type_=Date)]
    if birth == "year":
        return [
            column >= bindparam("year_from", type_=Date),
            column <= bindparam("year_to", type_=Date),
        ]
    return []


def _page_ids(
    connection: Connection, query: SearchQuery, after: Cursor | None, limit: int
) -> list[tuple[int, str]]:
    """``limit + 1`` distinct (id, sort key) pairs; one more than asked tells "there is more"."""
    by_token = bool(query.name_prefixes) and query.birth_date is None
    params: dict[str, Any] = {}
    for n, prefix in enumerate(query.name_prefixes):
        params[f"p{n}"] = prefix
        params[f"p{n}_end"] = prefix_upper_bound(prefix)
    birth = ""
    if query.birth_date is not None:
        birth, params["birth"] = "date", query.birth_date
    elif query.birth_year is not None:
        birth = "year"
        params["year_from"] = date(query.birth_year, 1, 1)
        params["year_to"] = date(query.birth_year, 12, 31)
    others = len(query.name_prefixes) - (1 if by_token else 0)
    found: list[tuple[int, str]] = []
    cursor = after
    while len(found) <= limit:
        # A person matches a prefix through several words ("m": Müller, Maria); their
        # rows are adjacent in sort order, so dropping repeats keeps the order.
        wanted = limit + 1 - len(found) + 8
        statement = id_statement(
            others, birth, "token" if by_token else "person", cursor is not None
        )
        if cursor is not None:
            params["after_key"], params["after_id"] = cursor
        params["rows"] = wanted
        rows = connection.execute(statement, params).all()
        for person_id, sort_key in rows:
            if not found or found[-1][0] != person_id:
                found.append((person_id, sort_key))
        if len(rows) < wanted:
            break
        cursor = (rows[-1][1], rows[-1][0])
    return found[: limit + 1]


@functools.cache
def _details_statement() -> Select[Any]:
    on = bindparam("on", type_=Date)
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
        )
        .select_from(
            _person.outerjoin(
                _member,
                and_(
                    _member.c.person_id == _person.c.id,
                    _member.c.valid_from <= on,
                    or_(_member.c.valid_until.is_(None), _member.c.valid_until >= on),
                ),
            )
            .outerjoin(
                _address,
                and_(
                    _address.c.household_id == _member.c.household_id,
                    _address.c.valid_from <= on,
                    or_(_address.c.valid_until.is_(None), _address.c.valid_until >= on),
                ),
            )
            .outerjoin(_stadtteil, _stadtteil.c.code == _address.c.stadtteil_code)
        )
        .where(_person.c.id.in_(bindparam("ids", expanding=True)))
    )


def _details(connection: Connection, ids: list[int], on: date) -> dict[int, PersonHit]:
    rows = connection.execute(_details_statement(), {"ids": ids, "on": on})
    return {row[0]: PersonHit(*row) for row in rows}


def search_persons(
    database: Database,
    text: str,
    *,
    after: Cursor | None = None,
    limit: int = PAGE_SIZE,
    on: date | None = None,
) -> SearchPage:
    """One page of persons matching the typed text, in name order, after ``after``."""
    query = parse_query(text)
    if query.empty:
        return SearchPage((), None)
    with database.connect() as connection:
        found = _page_ids(connection, query, after, limit)
        page = found[:limit]
        details = _details(connection, [person_id for person_id, _ in page], on or date.today())
    hits = tuple(details[person_id] for person_id, _ in page if person_id in details)
    more = len(found) > limit
    next_cursor = (page[-1][1], page[-1][0]) if more and page else None
    return SearchPage(hits, next_cursor)
