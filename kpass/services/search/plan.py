"""Which index a person search reads, and the statements that read it.

One input of the query *drives*: its rows are read from an index in name order, or few
enough to sort; every other input is checked on the driving row itself, never by a
further lookup:

- a typed birth date drives over ``ix_person_birth_date`` (a handful of persons a day,
  already in name order);
- a name prefix of up to three letters is an equality on the search rows (see
  kpass.models.person_keys), so its matches come in name order and reading stops after
  one page, however many there are ("m" matches 50,000 of 256,000 persons);
- a longer prefix is a range over at most a few thousand rows, sorted;
- a birth year drives over the persons born that year (a few thousand), sorted.

The other name prefixes are matched against the sort key of the driving row, which
holds the person's name words (``mueller\\x1fanna lena\\x1f1980-03-12``): a word starts
with ``p`` exactly when ``" " + words`` contains ``" " + p``. The birth year is the end
of the same key. With two or more inputs, one statement counts the rows of each (at
most :data:`ESTIMATE_CAP` read) and, for a short prefix, how many of its first rows in
name order pass the others (:data:`PROBE` read); the driver expected to read the fewest
rows for one page wins: "m x" drives by "x" (25 persons), "sc an" by "sc", "m 1944" by
the year.

Statements are built once per shape and then only bound: building SQLAlchemy statements
costs more than running these queries.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    Select,
    and_,
    bindparam,
    func,
    literal,
    select,
    tuple_,
)

from kpass.models import Person, PersonSearchToken
from kpass.models.person_keys import SHORT_PREFIX, SORT_KEY_DATE_LENGTH, SORT_KEY_SEPARATOR
from kpass.text_keys import prefix_upper_bound

# Rows of a longer prefix counted at most (a four-letter prefix has a few thousand).
ESTIMATE_CAP = 5000
# Rows of a short prefix read in name order to see how many pass the other inputs.
PROBE = 400
# Rows of a short prefix counted at most: a rare given name ("ole", 1,300 persons) is
# read whole rather than "s" (50,000), when neither probe meets the other.
WORD_CAP = 2000
# A row read from an unordered range is also sorted: weigh it against a row read in order.
SORT_WEIGHT = 2.0
# A count at the cap stands for this many times the cap.
UNKNOWN_WEIGHT = 2

_person = Person.__table__
_token = PersonSearchToken.__table__

Cursor = tuple[str, int]  # (sort_key, person_id) of the last row of the previous page


@dataclass(frozen=True)
class Plan:
    """``driver`` is "word", "range", "date" or "year"; ``drive`` the driving prefix."""

    driver: str
    drive: str | None
    filters: tuple[str, ...]
    year: int | None
    birth_date: date | None


def prefix_kind(prefix: str) -> str:
    """The driver for ``prefix``: "word" when it has search rows of its own, else "range"."""
    return "word" if len(prefix) <= SHORT_PREFIX else "range"


def _words(sort_key: Any) -> ColumnElement[Any]:
    """``" mueller anna lena"`` from the sort key: every name word after a space."""
    names = func.substr(sort_key, 1, func.length(sort_key) - SORT_KEY_DATE_LENGTH)
    spaced: ColumnElement[Any] = literal(" ") + func.replace(
        names, literal(SORT_KEY_SEPARATOR), literal(" ")
    )
    return spaced


@functools.cache
def id_statement(driver: str, filters: int, year: bool, paged: bool) -> Select[Any]:
    """Ids and sort keys of the next ``:rows`` matches in name order (may repeat an id).

    Bound: ``d`` (and ``d_end``) the driving prefix, ``birth`` or ``year_from``/``year_to``
    for the person drivers, ``f0``… the patterns of the other prefixes, ``year`` the
    birth year as text, ``after_key``/``after_id`` the cursor.
    """
    if driver in ("word", "range"):
        drive = _token.alias("drive")
        person_id, sort_key = drive.c.person_id, drive.c.sort_key
        statement = select(person_id, sort_key)
        if driver == "word":
            statement = statement.where(drive.c.token == bindparam("d"))
        else:
            statement = statement.where(
                drive.c.token >= bindparam("d"), drive.c.token < bindparam("d_end")
            )
        if year:
            statement = statement.where(_year_filter(sort_key))
    elif driver == "date":
        person_id, sort_key = _person.c.id, _person.c.sort_key
        statement = select(person_id, sort_key).where(
            _person.c.birth_date == bindparam("birth", type_=Date)
        )
    else:
        # The year's persons first, then sorted. OFFSET keeps the planner from reading
        # all persons in name order instead, hoping the names checked on each would soon
        # fill a page (PostgreSQL did: 100 ms for "w 1991").
        born = _person.c.birth_date
        in_year = (
            select(_person.c.id, _person.c.sort_key)
            .where(
                born >= bindparam("year_from", type_=Date), born <= bindparam("year_to", type_=Date)
            )
            .offset(0)
            .subquery("born")
        )
        person_id, sort_key = in_year.c.id, in_year.c.sort_key
        statement = select(person_id, sort_key)
    statement = statement.where(*_name_filters(sort_key, [f"f{n}" for n in range(filters)]))
    if paged:
        statement = statement.where(_after(sort_key, person_id))
    return statement.order_by(sort_key, person_id).limit(bindparam("rows"))


def _name_filters(sort_key: Any, names: list[str]) -> list[ColumnElement[bool]]:
    words = _words(sort_key)
    return [words.like(bindparam(name)) for name in names]


def _year_filter(sort_key: Any) -> ColumnElement[bool]:
    birth_year = func.substr(sort_key, func.length(sort_key) - 9, 4)
    return birth_year == bindparam("year")


def _after(sort_key: Any, person_id: Any) -> ColumnElement[bool]:
    return tuple_(sort_key, person_id) > tuple_(bindparam("after_key"), bindparam("after_id"))


@functools.cache
def estimate_statement(kinds: tuple[str, ...], year: bool, paged: bool) -> Select[Any]:
    """Per prefix: its rows counted up to ``:cap`` (``:word_cap`` for a short prefix); for
    a short prefix also how many of its first ``:probe`` rows in name order (after the
    cursor) pass the other inputs. Last, with a birth year: the persons born in it,
    counted up to ``:cap``."""
    columns: list[Any] = []
    for n, kind in enumerate(kinds):
        rows = _token.alias(f"e{n}")
        if kind == "word":
            condition = rows.c.token == bindparam(f"e{n}")
        else:
            condition = and_(
                rows.c.token >= bindparam(f"e{n}"), rows.c.token < bindparam(f"e{n}_end")
            )
        cap: Any = bindparam("word_cap" if kind == "word" else "cap")
        limited = select(rows.c.person_id).where(condition).limit(cap)
        columns.append(
            select(func.count()).select_from(limited.subquery(f"c{n}")).scalar_subquery()
        )
        if kind != "word":
            continue
        first = select(rows.c.sort_key).where(condition)
        if paged:
            first = first.where(_after(rows.c.sort_key, rows.c.person_id))
        first_rows = (
            first.order_by(rows.c.sort_key, rows.c.person_id)
            .limit(bindparam("probe"))
            .subquery(f"h{n}")
        )
        others = [f"g{m}" for m in range(len(kinds)) if m != n]
        passing = select(func.count()).where(*_name_filters(first_rows.c.sort_key, others))
        if year:
            passing = passing.where(_year_filter(first_rows.c.sort_key))
        columns.append(passing.select_from(first_rows).scalar_subquery())
    if year:
        born = _person.c.birth_date
        in_year = (
            select(_person.c.id)
            .where(
                born >= bindparam("year_from", type_=Date), born <= bindparam("year_to", type_=Date)
            )
            .limit(bindparam("cap"))
        )
        columns.append(select(func.count()).select_from(in_year.subquery("y")).scalar_subquery())
    return select(*columns)


def choose_drive(
    kinds: list[str],
    counts: list[int],
    passing: list[int | None],
    page: int,
    prefixes: list[str] | None = None,
) -> int:
    """Index of the input whose rows to read: the fewest expected rows for one page.

    A short prefix is read in name order and stops once ``page`` rows passed the other
    inputs: if ``passing`` of its first :data:`PROBE` rows did, after about
    ``page * PROBE / passing`` rows. Measured, not assumed: in name order the family
    names cluster, so "an" read in order meets "sc" (Schmidt, Anna) only after the
    families from A to R, while "sc" read in order meets "an" every twentieth row. A
    longer prefix, or a birth year ("year"), is read whole and sorted. A count at
    :data:`ESTIMATE_CAP` means "at least that many". Between equal costs (typically no
    hit in either probe: "o g") the prefix that sorts later drives: read in name order,
    it reaches the families of the earlier one sooner than the other way round.
    """
    names = prefixes or [""] * len(kinds)
    best, best_cost = 0, math.inf
    for i, kind in enumerate(kinds):
        count, hits = counts[i], passing[i]
        if kind == "word" and hits is not None:
            # One page needs about this many rows (no hit at all counts as half a hit),
            # and never more than all of them.
            cost = page * PROBE / max(hits, 0.5)
            if count < WORD_CAP:
                cost = min(cost, count)
        else:
            capped = count >= ESTIMATE_CAP
            cost = SORT_WEIGHT * count * (UNKNOWN_WEIGHT if capped else 1)
        if cost < best_cost or (cost == best_cost and names[i] > names[best]):
            best, best_cost = i, cost
    return best


def plan(
    connection: Connection,
    prefixes: tuple[str, ...],
    birth_date: date | None,
    year: int | None,
    after: Cursor | None,
    page: int,
) -> Plan | None:
    """How to read the matches; None when a prefix matches nobody at all."""
    if birth_date is not None:
        return Plan("date", None, prefixes, None, birth_date)
    if not prefixes:
        return Plan("year", None, (), year, None)
    kinds = [prefix_kind(p) for p in prefixes]
    drive = 0
    if len(prefixes) > 1 or year is not None:
        params: dict[str, Any] = {"cap": ESTIMATE_CAP, "word_cap": WORD_CAP, "probe": PROBE}
        for n, prefix in enumerate(prefixes):
            params[f"e{n}"] = prefix
            params[f"e{n}_end"] = prefix_upper_bound(prefix)
            params[f"g{n}"] = _pattern(prefix)
        if year is not None:
            params.update(_year_params(year))
        if after is not None:
            params["after_key"], params["after_id"] = after
        statement = estimate_statement(tuple(kinds), year is not None, after is not None)
        values = iter(connection.execute(statement, params).one())
        counts: list[int] = []
        passing: list[int | None] = []
        for kind in kinds:
            counts.append(int(next(values)))
            passing.append(int(next(values)) if kind == "word" else None)
        if year is not None:
            counts.append(int(next(values)))
            passing.append(None)
        if min(counts) == 0:
            return None
        inputs = [*kinds, "year"] if year is not None else kinds
        drive = choose_drive(inputs, counts, passing, page, [*prefixes, ""])
        if drive == len(prefixes):  # the birth year: few persons, the names checked on each
            return Plan("year", None, prefixes, year, None)
    others = prefixes[:drive] + prefixes[drive + 1 :]
    return Plan(kinds[drive], prefixes[drive], others, year, None)


def _pattern(prefix: str) -> str:
    return f"% {prefix}%"  # prefixes are [0-9a-z]+: no LIKE wildcards inside


def _year_params(year: int) -> dict[str, Any]:
    return {
        "year": f"{year:04d}",
        "year_from": date(year, 1, 1),
        "year_to": date(year, 12, 31),
    }


def page_ids(
    connection: Connection,
    prefixes: tuple[str, ...],
    birth_date: date | None,
    year: int | None,
    after: Cursor | None,
    limit: int,
) -> list[tuple[int, str]]:
    """``limit + 1`` distinct (id, sort key) pairs; one more than asked tells "there is more"."""
    chosen = plan(connection, prefixes, birth_date, year, after, limit + 1)
    if chosen is None:
        return []
    params: dict[str, Any] = {f"f{n}": _pattern(p) for n, p in enumerate(chosen.filters)}
    if chosen.drive is not None:
        params["d"] = chosen.drive
        params["d_end"] = prefix_upper_bound(chosen.drive)
    if chosen.birth_date is not None:
        params["birth"] = chosen.birth_date
    if chosen.year is not None:
        params.update(_year_params(chosen.year))
    name_driven = chosen.driver in ("word", "range")
    found: list[tuple[int, str]] = []
    cursor = after
    while len(found) <= limit:
        # A person matches a long prefix through several words ("anna" in "Anna
        # Annabell"); their rows are adjacent in sort order, so dropping repeats keeps
        # the order.
        wanted = limit + 1 - len(found) + 8
        statement = id_statement(
            chosen.driver,
            len(chosen.filters),
            name_driven and chosen.year is not None,
            cursor is not None,
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
