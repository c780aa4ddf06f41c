"""Finding persons as the caseworker types: name parts in any order, birth date, umlauts folded."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import aliased

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
                continue  # 31.02. is no date; ignore rather than find nothing
            continue
        if _YEAR.match(part):
            year = int(part)
            continue
        if re.fullmatch(r"[\d.]+", part):
            continue  # a date still being typed
        prefixes.extend(_WORD.findall(fold(part)))
    # Longest first: the most selective prefix drives the index scan.
    prefixes.sort(key=len, reverse=True)
    return SearchQuery(tuple(dict.fromkeys(prefixes)), birth, year)


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


@dataclass(frozen=True)
class SearchPage:
    hits: tuple[PersonHit, ...]
    has_more: bool


def _statement(query: SearchQuery, on: date) -> Select:  # type: ignore[type-arg]
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
    )
    for prefix in query.name_prefixes:
        statement = statement.where(
            Person.id.in_(
                select(PersonSearchToken.person_id).where(
                    PersonSearchToken.token >= prefix,
                    PersonSearchToken.token < prefix_upper_bound(prefix),
                )
            )
        )
    if query.birth_date is not None:
        statement = statement.where(Person.birth_date == query.birth_date)
    if query.birth_year is not None:
        statement = statement.where(
            Person.birth_date >= date(query.birth_year, 1, 1),
            Person.birth_date <= date(query.birth_year, 12, 31),
        )
    return statement.order_by(
        Person.family_name_key, Person.given_names_key, Person.birth_date, Person.id
    )


def search_persons(
    database: Database,
    text: str,
    *,
    offset: int = 0,
    limit: int = PAGE_SIZE,
    on: date | None = None,
) -> SearchPage:
    """One page of persons matching the typed text, sorted by name."""
    query = parse_query(text)
    if query.empty:
        return SearchPage((), False)
    statement = _statement(query, on or date.today()).offset(offset).limit(limit + 1)
    with UnitOfWork(database, write=False) as uow:
        rows = uow.session.execute(statement).all()
    hits = tuple(PersonHit(*row) for row in rows[:limit])
    return SearchPage(hits, len(rows) > limit)
