"""Finding persons by a pass number or by the street they live in.

A pass number is typed whole or in part: from four digits of the serial on ("KA-1034"
stands for the 100 numbers KA-103400-xx … KA-103499-xx), so the candidates are a short
list of exact numbers, each found by the unique index. A street is typed as it is spoken
("rheinstr 24", "Karl-Friedrich-Str. 7", "Am Fasanengarten 3") and matched on the folded
``street_key`` of the current addresses; the persons are the household's current members.
Both read in name order from ``(sort_key, id)`` and continue from a cursor, like the name
search.

The pass a search row shows (:func:`choose_passes`) is read with the page's names and
addresses, in the same statement: each pass of the page's persons with its latest
validity (:func:`with_passes`), both through indexes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    Join,
    Select,
    and_,
    bindparam,
    case,
    func,
    select,
    true,
    tuple_,
)

from kpass.models import HouseholdAddress, HouseholdMember, Pass, PassValidity, Person
from kpass.models.periods import valid_on
from kpass.rules import last_of_month
from kpass.rules.pass_number import MAX_SERIAL, SERIAL_DIGITS, format_pass_number
from kpass.services.passes.queries import covered_on, latest_valid_until, status_on
from kpass.services.search.id_lists import in_list, list_param
from kpass.text_keys import fold, prefix_upper_bound, street_key

Cursor = tuple[str, int]

#: Fewer serial digits than this would stand for more than a hundred numbers.
MIN_SERIAL_DIGITS = 4
_PASS = re.compile(r"^ka[\s\-‐‑–—]*(\d{1,6})(?:[\s\-‐‑–—]*(\d{0,2}))?$")
# "KA-": a pass number begun, before its first digit (a name part "Ka" has no hyphen)
_PASS_BEGUN = re.compile(r"^ka\s*[\-‐‑–—][\s\-‐‑–—]*$")
_BARE_PASS = re.compile(r"^(\d{6})(?:[\s\-‐‑–—]*(\d{0,2}))?$")
# 24, 24a, 24-26, 7/1 — never four digits, which would be a birth year
_HOUSE_NUMBER = re.compile(r"^\d{1,3}[a-z]?(?:[-/]\d{1,3}[a-z]?)?$")
_DATE_OR_YEAR = re.compile(r"[\d.]+")
_LETTER = re.compile(r"[A-Za-z]")
_SPACES = re.compile(r"\s+")
# Words that end a street name in Karlsruhe's directory and hardly ever a family name
# ("Döring" is a name, so "ring" is not here: with a house number it is found anyway).
_STREET_ENDINGS = ("str", "strasse", "allee", "platz", "weg", "gasse", "pfad", "steig", "ufer")


@dataclass(frozen=True)
class PassQuery:
    """Pass numbers whose serial lies in ``first…last`` and whose check digits start with
    ``check`` (empty: any)."""

    first: int
    last: int
    check: str

    def numbers(self) -> list[str]:
        candidates = (format_pass_number(serial)
                      for serial in range(max(self.first, 1), min(self.last, MAX_SERIAL) + 1))
        return [number for number in candidates if number[-2:].startswith(self.check)]


@dataclass(frozen=True)
class StreetQuery:
    key: str  # folded street prefix, see kpass.text_keys.street_key
    house_number: str | None  # lower case, "24a"


def parse_pass_query(text: str) -> PassQuery | None:
    """A pass number or its beginning, or None when ``text`` is not one (or too short:
    then it stands for no number yet)."""
    compact = text.strip().lower()
    match = _PASS.match(compact) or _BARE_PASS.match(compact)
    if match is None:
        return None
    digits, check = match.group(1), match.group(2) or ""
    if len(digits) < MIN_SERIAL_DIGITS or (len(digits) < SERIAL_DIGITS and check):
        return None  # too few digits yet; "KA-1234-5" is no beginning of a number
    scale = 10 ** (SERIAL_DIGITS - len(digits))
    first = int(digits) * scale
    return PassQuery(first, first + scale - 1, check)


def is_pass_query(text: str) -> bool:
    """Typed text that reads as a pass number, complete or begun (``KA-``, ``KA-1``,
    ``ka 10342``)."""
    compact = text.strip().lower()
    return bool(_PASS.match(compact) or _BARE_PASS.match(compact) or _PASS_BEGUN.match(compact))


def pass_query_too_short(text: str) -> bool:
    """A pass number begun with fewer than :data:`MIN_SERIAL_DIGITS` digits: it finds nobody
    yet, and the search says "at least four digits" ("KA-", "KA-1", "KA-103")."""
    return is_pass_query(text) and parse_pass_query(text) is None


def parse_street_query(text: str) -> StreetQuery | None:
    """A street with or without house number, or None when ``text`` reads as names."""
    words = [w for w in _SPACES.split(text.strip()) if w]
    if not words:
        return None
    number: str | None = None
    if len(words) > 2 and _LETTER.fullmatch(words[-1]) and words[-2].isdigit():
        words = [*words[:-2], words[-2] + words[-1]]  # "24 a" is house number 24a
    last = fold(words[-1]).rstrip(".")
    if len(words) > 1 and _HOUSE_NUMBER.match(last):
        number = last
        words = words[:-1]
    if any(_DATE_OR_YEAR.fullmatch(w) for w in words):
        return None  # a date or a year belongs to a name search
    # Most typed texts are names: they end here, before the whole street key is made.
    if number is None and not any(street_key(w).endswith(_STREET_ENDINGS) for w in words):
        return None
    key = street_key(" ".join(words))
    return StreetQuery(key, number) if key else None


def _after(sort_key: Any, person_id: Any) -> ColumnElement[bool]:
    return tuple_(sort_key, person_id) > tuple_(bindparam("after_key"), bindparam("after_id"))


def _current(valid_from: Any, valid_until: Any, on: Any) -> ColumnElement[bool]:
    return valid_on(valid_from, valid_until, on)


def _page_params(after: Cursor | None, limit: int) -> dict[str, Any]:
    params: dict[str, Any] = {"rows": limit + 1}
    if after is not None:
        params["after_key"], params["after_id"] = after
    return params


@functools.cache
def _holders_statement(dialect: str, paged: bool) -> Select[Any]:
    """Bound: ``numbers`` (see id_lists), ``rows``, with ``paged`` the cursor."""
    statement = (
        select(Person.id, Person.sort_key)
        .distinct()
        .join(Pass, Pass.person_id == Person.id)
        .where(in_list(Pass.number, "numbers", dialect))
    )
    if paged:
        statement = statement.where(_after(Person.sort_key, Person.id))
    return statement.order_by(Person.sort_key, Person.id).limit(bindparam("rows"))


def pass_page_ids(
    connection: Connection, numbers: Sequence[str], after: Cursor | None, limit: int
) -> list[tuple[int, str]]:
    """``limit + 1`` (id, sort key) pairs of the holders of the passes ``numbers`` (see
    :meth:`PassQuery.numbers`)."""
    if not numbers:
        return []
    dialect = connection.dialect.name
    statement = _holders_statement(dialect, after is not None)
    params = _page_params(after, limit)
    params["numbers"] = list_param(numbers, dialect)
    return [(row[0], row[1]) for row in connection.execute(statement, params).all()]


@functools.cache
def _residents_statement(dialect: str, house_number: bool, paged: bool) -> Select[Any]:
    """Bound: ``key``/``key_end`` the street prefix, ``on``, ``rows``; with ``house_number``
    ``number``, with ``paged`` the cursor.

    The street's current households are found first, then their members sorted. Given the
    join whole, PostgreSQL walked every person in name order looking for residents of the
    street, expecting them to come early (0.4 s for a street of a few hundred residents in
    a million persons); ``MATERIALIZED`` keeps the street's households a step of their own.
    SQLite plans it well either way (and ``MATERIALIZED`` needs 3.35)."""
    address = HouseholdAddress
    member = HouseholdMember
    on = bindparam("on", type_=Date)
    conditions = [
        address.street_key >= bindparam("key"),
        address.street_key < bindparam("key_end"),
        _current(address.valid_from, address.valid_until, on),
    ]
    if house_number:
        conditions.append(
            func.replace(func.lower(address.house_number), " ", "") == bindparam("number"))
    households = select(address.household_id).where(*conditions).cte("street_households")
    if dialect == "postgresql":
        households = households.prefix_with("MATERIALIZED")
    statement = (
        select(Person.id, Person.sort_key)
        .distinct()
        .select_from(households)
        .join(member, and_(member.household_id == households.c.household_id,
                           _current(member.valid_from, member.valid_until, on)))
        .join(Person, Person.id == member.person_id)
    )
    if paged:
        statement = statement.where(_after(Person.sort_key, Person.id))
    return statement.order_by(Person.sort_key, Person.id).limit(bindparam("rows"))


def street_page_ids(
    connection: Connection, query: StreetQuery, on: date, after: Cursor | None, limit: int
) -> list[tuple[int, str]]:
    """``limit + 1`` (id, sort key) pairs of the current members of households that live
    in the street (at the house number) on ``on``."""
    statement = _residents_statement(connection.dialect.name, query.house_number is not None,
                                     after is not None)
    params = _page_params(after, limit)
    params.update(key=query.key, key_end=prefix_upper_bound(query.key), on=on)
    if query.house_number is not None:
        params["number"] = query.house_number
    return [(row[0], row[1]) for row in connection.execute(statement, params).all()]


#: States of :class:`PassFacts` in which the pass is valid on the day.
VALID_STATES = ("active", "expiring", "ending")


class PassFacts(NamedTuple):
    """The pass a search row shows, as it stands on the search's day (a plain record, as
    persons.PersonHit).

    ``state``: ``active``; ``expiring`` (its latest validity ends this month or next);
    ``ending`` (valid, but revoked or replaced from a later day on: ``revoked_on``);
    ``revoked`` or ``replaced`` (since ``revoked_on``); ``expired``; ``upcoming`` (valid only
    from ``valid_from`` on). ``valid_from``/``valid_until`` are those of its latest validity.
    """

    number: str
    state: str
    status: str  # as stored: active | revoked | replaced
    revoked_on: date | None
    valid_from: date
    valid_until: date

    @property
    def last_day(self) -> date:
        """The last day the pass is valid: the day before its revocation, if it has one."""
        if self.revoked_on is not None:
            return min(self.valid_until, self.revoked_on - timedelta(days=1))
        return self.valid_until


def expiring_until(day: date) -> date:
    """The last day of the month after ``day``'s: a pass that ends by then is "expiring"."""
    return last_of_month(last_of_month(day) + timedelta(days=1))


def pass_state(
    status: str, revoked_on: date | None, valid_from: date, valid_until: date, covered: bool,
    day: date, horizon: date | None = None,
) -> str:
    """The :attr:`PassFacts.state` of a pass on ``day``; ``covered``: some validity period of it
    covers the day (see pass_queries.covered_on); ``horizon``: :func:`expiring_until` of the
    day (passed when known)."""
    if status_on(status, revoked_on, day) != "active":
        return status
    if revoked_on is not None:
        return "ending"
    if valid_until < day:
        return "expired"
    if not covered:
        return "upcoming"
    if valid_until <= (horizon or expiring_until(day)):
        return "expiring"
    return "active"


_latest = PassValidity.__table__.alias("latest")
_pass = Pass.__table__


def with_passes(persons: Any, person_id: Any) -> Join:
    """``persons`` outer-joined with each pass of ``person_id`` and its latest validity:
    the rows :func:`pass_columns` reads. A person without a pass has one row with the
    columns NULL; so has a pass without a validity, which shows as none (both joins are
    outer: SQLite would read every validity to build an inner join nested in an outer
    one)."""
    joined: Join = persons.outerjoin(_pass, _pass.c.person_id == person_id).outerjoin(
        _latest,
        and_(_latest.c.pass_id == _pass.c.id, _latest.c.valid_until == latest_valid_until()),
    )
    return joined


def pass_columns(on: Any) -> list[ColumnElement[Any]]:
    """Of a row of :func:`with_passes` on the day ``on`` (bound): the pass's latest
    validity (NULL: no pass to show), its id, number, status and revocation day, and
    whether some validity covers the day."""
    # Only a pass whose latest period begins later (renewed ahead) needs the other periods.
    covered = case((_latest.c.valid_from <= on, true()), else_=covered_on(on))
    return [
        _latest.c.valid_from,
        _latest.c.valid_until,
        _pass.c.id,
        _pass.c.number,
        _pass.c.status,
        _pass.c.revoked_on,
        covered.label("covered"),
    ]


#: (person id, *pass_columns) of a person's pass
PassRow = tuple[Any, ...]


def choose_passes(
    rows: Iterable[PassRow], on: date, numbers: Collection[str] = ()
) -> dict[int, PassFacts]:
    """Per person (of those with a pass), the pass to show: one of ``numbers`` (the typed
    pass numbers) when the person holds one, else the pass valid on ``on``, else the one
    whose validity ends last (the newer pass on the same end: a replacement)."""
    preferred = set(numbers)
    best: dict[int, tuple[bool, bool, date, int]] = {}
    chosen: dict[int, PassFacts] = {}
    horizon = expiring_until(on)
    for person_id, valid_from, valid_until, pass_id, number, status, revoked_on, covered in rows:
        state = pass_state(status, revoked_on, valid_from, valid_until, bool(covered), on,
                           horizon)
        rank = (number in preferred, state in VALID_STATES, valid_until, pass_id)
        other = best.get(person_id)
        if other is None or rank > other:
            best[person_id] = rank
            chosen[person_id] = PassFacts(number, state, status, revoked_on, valid_from,
                                          valid_until)
    return chosen
