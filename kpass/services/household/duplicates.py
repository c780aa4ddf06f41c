"""Is this person already registered? Possible duplicates before a new person is saved.

Two indexed queries fetch the few candidates, and the comparison happens in Python:

* everybody born on the same day (``ix_person_birth_date``: a handful of rows per day even
  with 250,000 persons), compared by folded names: same names → "exact"; a family name one or
  two letters off (Meier/Meyer), names in another order, or the same first given name under
  another family name (marriage) → "similar";
* persons with the same folded family name born on a day that is the birth date with day and
  month swapped or with one digit mistyped (``ix_person_family_key_birth``: one index range
  per date) whose given names agree → "similar".

:func:`find_duplicates` runs on a connection or session given to it, so that a write
transaction asks inside itself (the refusal at save and at issuing,
:mod:`kpass.services.household.identity`); :func:`find_possible_duplicates` opens its own
connection for the editor's warning while typing. :func:`match_keys` is the same definition
for two persons already in hand (``kpass db check``, members of one new household).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import Connection, Row, and_, select
from sqlalchemy.orm import Session

from kpass.models import HouseholdAddress, HouseholdMember, Person
from kpass.models.engine import Database
from kpass.models.periods import valid_on
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.text_keys import name_key

MatchKind = Literal["exact", "similar"]
#: Where the finder may run: its own connection or the unit of work's session.
Executor = Connection | Session

_person = Person.__table__
_member = HouseholdMember.__table__
_address = HouseholdAddress.__table__


@dataclass(frozen=True)
class DuplicateCandidate:
    """A registered person who may be the one being entered, with where they live now."""

    person_id: int
    family_name: str
    given_names: str
    birth_date: date
    died_on: date | None
    household_id: int | None
    street: str | None
    house_number: str | None
    postcode: str | None
    municipality: str | None
    reason: MatchKind
    explanation: str  # German, for the caseworker: why this person was suggested


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a swap of neighbours counts once), capped at
    ``limit + 1`` so that long, unrelated names cost little."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def _allowed_typos(a: str, b: str) -> int:
    # Two letters off in "li"/"wu" is a different name; in "Schmidt"/"Schmitt" a typo.
    return 1 if min(len(a), len(b)) <= 4 else 2


def _close(a: str, b: str) -> bool:
    if a == b:
        return False
    limit = _allowed_typos(a, b)
    # Cheap refusals first: an edit changes the length by at most one and the set of letters
    # used by at most two (a substitution drops one, brings one).
    return (
        abs(len(a) - len(b)) <= limit
        and len(set(a).symmetric_difference(b)) <= 2 * limit
        and edit_distance(a, b, limit) <= limit
    )


def _first(key: str) -> str:
    return key.split(" ", 1)[0]


def _same_birth_day(family: str, given: str, row_family: str, row_given: str) -> str | None:
    """Why a person born on the same day may be the one entered (German), or ``None``."""
    if family == row_family and given == row_given:
        return "Name und Geburtsdatum stimmen überein"
    if family == row_given and given == row_family:
        return "Familienname und Vornamen vertauscht"
    if family == row_family and sorted(given.split()) == sorted(row_given.split()):
        return "Vornamen in anderer Reihenfolge"
    same_first = _first(given) == _first(row_given)
    # Every reason below needs given names alike: most persons born on the day end here.
    if not (same_first or given == row_given or _close(given, row_given)):
        return None
    if _close(family, row_family):
        return "Familienname ähnlich geschrieben, gleiches Geburtsdatum"
    if family == row_family:
        return "Vornamen ähnlich geschrieben, gleiches Geburtsdatum"
    if set(family.split()) & set(row_family.split()):
        return "Doppelname, gleiches Geburtsdatum"
    if same_first:
        return "Gleicher Vorname und Geburtsdatum, anderer Familienname (Namensänderung?)"
    return None


def nearby_birth_dates(birth: date) -> dict[date, str]:
    """Days a mistyped birth date may have become: day and month swapped, one digit off."""
    found: dict[date, str] = {}
    if birth.day <= 12 and birth.day != birth.month:
        swapped = date(birth.year, birth.day, birth.month)
        found[swapped] = "Tag und Monat im Geburtsdatum vertauscht"
    digits = f"{birth:%d%m%Y}"
    for position in range(len(digits)):
        for digit in "0123456789":
            if digit == digits[position]:
                continue
            text = digits[:position] + digit + digits[position + 1 :]
            try:
                day = date(int(text[4:]), int(text[2:4]), int(text[:2]))
            except ValueError:
                continue  # 31.02. or month 13: no date anyone stored
            if day.year >= 1900:
                found.setdefault(day, "Geburtsdatum weicht in einer Ziffer ab")
    return found


def _given_close(given: str, other: str) -> bool:
    return given == other or _first(given) == _first(other) or _close(given, other)


def match_keys(
    family: str, given: str, birth: date, other_family: str, other_given: str, other_birth: date
) -> tuple[MatchKind, str] | None:
    """Whether two persons, given by folded names (:func:`kpass.text_keys.name_key`) and
    birth dates, may be one: ``("exact" | "similar", why in German)`` or ``None`` — the
    definition :func:`find_duplicates` applies, for two persons already in hand."""
    if birth == other_birth:
        why = _same_birth_day(family, given, other_family, other_given)
        if why is None:
            return None
        exact = family == other_family and given == other_given
        return ("exact" if exact else "similar"), why
    if not family or family != other_family or not _given_close(given, other_given):
        return None
    why = nearby_birth_dates(birth).get(other_birth)
    if why is None:
        return None
    return "similar", f"{why} ({other_birth:%d.%m.%Y})"


def _person_columns() -> list[Any]:
    return [
        _person.c.id,
        _person.c.family_name,
        _person.c.given_names,
        _person.c.family_name_key,
        _person.c.given_names_key,
        _person.c.birth_date,
        _person.c.died_on,
    ]


def _candidates(
    connection: Executor, family: str, given: str, birth: date
) -> Iterator[tuple[Row[Any], MatchKind, str]]:
    same_day = connection.execute(
        select(*_person_columns()).where(_person.c.birth_date == birth)
    ).all()
    for row in same_day:
        why = _same_birth_day(family, given, row.family_name_key, row.given_names_key)
        if why is not None:
            exact = row.family_name_key == family and row.given_names_key == given
            yield row, ("exact" if exact else "similar"), why
    nearby = nearby_birth_dates(birth)
    if not family or not nearby:
        return
    other_days = connection.execute(
        select(*_person_columns()).where(
            _person.c.family_name_key == family, _person.c.birth_date.in_(sorted(nearby))
        )
    ).all()
    for row in other_days:
        if _given_close(given, row.given_names_key):
            yield row, "similar", f"{nearby[row.birth_date]} ({row.birth_date:%d.%m.%Y})"


def _where_they_live(connection: Executor, ids: list[int], on: date) -> dict[int, Row[Any]]:
    rows = connection.execute(
        select(
            _member.c.person_id,
            _member.c.household_id,
            _address.c.street,
            _address.c.house_number,
            _address.c.postcode,
            _address.c.municipality,
        )
        .select_from(
            _member.outerjoin(
                _address,
                and_(
                    _address.c.household_id == _member.c.household_id,
                    valid_on(_address.c.valid_from, _address.c.valid_until, on),
                ),
            )
        )
        .where(
            _member.c.person_id.in_(ids),
            valid_on(_member.c.valid_from, _member.c.valid_until, on),
        )
    ).all()
    return {row.person_id: row for row in rows}


def find_duplicates(
    connection: Executor,
    family_name: str,
    given_names: str,
    birth_date: date,
    *,
    exclude_person_ids: Collection[int] = (),
    on: date | None = None,
) -> list[DuplicateCandidate]:
    """Registered persons who may be the person being entered, exact matches first, read
    through ``connection`` (a connection, or a unit of work's session: then inside its
    transaction, seeing what it wrote).

    Names are compared folded ("Müller" = "Mueller" = "MUELLER"). ``exclude_person_ids``
    leaves out the person being edited (and persons recorded as different); the household
    and address shown are those on ``on`` (default today).
    """
    family, given = name_key(family_name), name_key(given_names)
    if not family and not given:
        return []
    found: dict[int, tuple[Row[Any], MatchKind, str]] = {}
    for row, kind, why in _candidates(connection, family, given, birth_date):
        if row.id not in exclude_person_ids and (
            row.id not in found or (kind == "exact" and found[row.id][1] != "exact")
        ):
            found[row.id] = (row, kind, why)
    homes = _where_they_live(connection, list(found), on or date.today()) if found else {}
    result = []
    for person_id, (row, kind, why) in found.items():
        home = homes.get(person_id)
        result.append(
            DuplicateCandidate(
                person_id=person_id,
                family_name=row.family_name,
                given_names=row.given_names,
                birth_date=row.birth_date,
                died_on=row.died_on,
                household_id=home.household_id if home else None,
                street=home.street if home else None,
                house_number=home.house_number if home else None,
                postcode=home.postcode if home else None,
                municipality=home.municipality if home else None,
                reason=kind,
                explanation=why,
            )
        )
    result.sort(key=lambda c: (c.reason != "exact", name_key(c.family_name),
                               name_key(c.given_names), c.person_id))
    return result


@requires(Permission.READ_REGISTER)
def find_possible_duplicates(
    database: Database,
    family_name: str,
    given_names: str,
    birth_date: date,
    *,
    exclude_person_ids: Collection[int] = (),
    on: date | None = None,
) -> list[DuplicateCandidate]:
    """:func:`find_duplicates` on a connection of its own (the editor's warning while
    typing; saving asks again inside its transaction)."""
    with database.connect() as connection:
        return find_duplicates(connection, family_name, given_names, birth_date,
                               exclude_person_ids=exclude_person_ids, on=on)
