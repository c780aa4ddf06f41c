"""Finding persons as the caseworker types: name parts in any order, birth date, umlauts folded.

Two short queries per page: the first finds the ids of one page in name order, driven by
the most selective input (a birth date, else the longest typed word as a prefix range on
the token index, which yields rows already sorted); the second fetches names and current
addresses of just those ids. Pages continue from the last row seen (keyset paging), so
page 40 costs what page 1 costs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, exists, select, tuple_
from sqlalchemy.orm import Session, aliased

from kpass.models import HouseholdAddress, HouseholdMember, Person, PersonSearchToken, Stadtteil
from kpass.models.engine import Database
from kpass.services.uow import UnitOfWork
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
            try:
                birth = date(yr, month, day)
            except ValueError:
                pass  # 31.02. is no date; ignore it rather than find nothing
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


def _token_match(person_id: Any, prefix: str) -> Any:
    token = aliased(PersonSearchToken)
    return exists().where(
        token.person_id == person_id,
        token.token >= prefix,
        token.token < prefix_upper_bound(prefix),
    )


def _birth_filter(column: Any, query: SearchQuery) -> list[Any]:
    if query.birth_date is not None:
        return [column == query.birth_date]
    if query.birth_year is not None:
        return [column >= date(query.birth_year, 1, 1), column <= date(query.birth_year, 12, 31)]
    return []


def id_statement(query: SearchQuery, after: Cursor | None, rows: int) -> Select[Any]:
    """Ids and sort keys of the next ``rows`` matches in name order (may repeat an id)."""
    if query.name_prefixes and query.birth_date is None:
        driver = aliased(PersonSearchToken)
        first, *others = query.name_prefixes
        statement = select(driver.person_id, driver.sort_key).where(
            driver.token >= first, driver.token < prefix_upper_bound(first)
        )
        person_id, sort_key = driver.person_id, driver.sort_key
        birth = _birth_filter(Person.birth_date, query)
        if birth:
            statement = statement.where(
                exists().where(Person.id == driver.person_id, *birth)
            )
    else:
        statement = select(Person.id, Person.sort_key).where(
            *_birth_filter(Person.birth_date, query)
        )
        person_id, sort_key = Person.id, Person.sort_key
        others = list(query.name_prefixes)
    for prefix in others:
        statement = statement.where(_token_match(person_id, prefix))
    if after is not None:
        statement = statement.where(tuple_(sort_key, person_id) > tuple_(*after))
    return statement.order_by(sort_key, person_id).limit(rows)


def _page_ids(session: Session, query: SearchQuery, after: Cursor | None, limit: int) -> list[
    tuple[int, str]
]:
    """``limit + 1`` distinct (id, sort key) pairs; one more than asked tells "there is more"."""
    found: list[tuple[int, str]] = []
    cursor = after
    while len(found) <= limit:
        # A person matches a prefix through several words ("m": Müller, Maria); their
        # rows are adjacent in sort order, so dropping repeats keeps the order.
        wanted = limit + 1 - len(found)
        rows = session.execute(id_statement(query, cursor, wanted + 8)).all()
        for person_id, sort_key in rows:
            if not found or found[-1][0] != person_id:
                found.append((person_id, sort_key))
        if len(rows) < wanted + 8:
            break
        cursor = (rows[-1][1], rows[-1][0])
    return found[: limit + 1]


def _details(session: Session, ids: list[int], on: date) -> dict[int, PersonHit]:
    member = aliased(HouseholdMember)
    address = aliased(HouseholdAddress)
    statement = (
        select(
            Person.id,
            Person.family_name,
            Person.given_names,
            Person.birth_date,
            member.household_id,
            address.street,
            address.house_number,
            address.postcode,
            address.municipality,
            Stadtteil.name,
        )
        .outerjoin(
            member,
            and_(
                member.person_id == Person.id,
                member.valid_from <= on,
                (member.valid_until.is_(None)) | (member.valid_until >= on),
            ),
        )
        .outerjoin(
            address,
            and_(
                address.household_id == member.household_id,
                address.valid_from <= on,
                (address.valid_until.is_(None)) | (address.valid_until >= on),
            ),
        )
        .outerjoin(Stadtteil, Stadtteil.code == address.stadtteil_code)
        .where(Person.id.in_(ids))
    )
    return {row[0]: PersonHit(*row) for row in session.execute(statement)}


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
    with UnitOfWork(database, write=False) as uow:
        found = _page_ids(uow.session, query, after, limit)
        page = found[:limit]
        details = _details(uow.session, [person_id for person_id, _ in page], on or date.today())
    hits = tuple(details[person_id] for person_id, _ in page if person_id in details)
    more = len(found) > limit
    next_cursor = (page[-1][1], page[-1][0]) if more and page else None
    return SearchPage(hits, next_cursor)
