"""The monthly counts (``stat_month``), kept in the transaction that writes statistics rows.

A statistics row adds its weight to every month it counts in: a validity row to each month
whose last day it covers (measure ``active``, the age group at that day), and its event to
the month of its decision (``new``, ``renewed``, ``replaced``; ``rejected`` for a rejected
person; ``applications`` for an application row). These are exactly the counts a run over
the rows gives (statistics/month_series.py, kept as the reference the tests compare with),
added up once when the row is written rather than at every reading: a month's breakdown
then reads a few thousand sums instead of every validity row active in it.

Every commit of a session that inserted statistics rows folds them in (a ``before_commit``
listener), whoever wrote them: a service, the register import, the CLI. The sums go in as
one upsert per key, sorted, so two seats adding to the same keys wait for each other in the
same order instead of deadlocking; the keys are locked only from there to the commit.
"""

from __future__ import annotations

import calendar
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from sys import intern
from typing import Any

from sqlalchemy import Date, bindparam, event, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapper, ORMExecuteState, Session, object_session

from kpass.errors import DatabaseError
from kpass.models import StatRecord
from kpass.models.statistics import NONE
from kpass.rules import AGE_GROUPS

#: month (first day), measure, Stadtteil, age group, household type, basis, pass type, issuer
Key = tuple[date, str, str, str, str, str, str, str]

PASS_EVENTS = frozenset(("new", "renewed", "replaced"))
_LABELS = [label for label, _, _ in AGE_GROUPS]
# age in months at which each group after the first begins
_BEGINS = [12 * low for _, low, _ in AGE_GROUPS[1:]]
_PENDING = "kpass_stat_month_pending"
_COLUMNS = ("month", "measure", "stadtteil", "age_group", "household_type", "basis",
            "pass_type", "issuer")


def measure_of(kind: str, event: str) -> str | None:
    """The event measure a row counts in, if any."""
    if kind == "pass_validity":
        return event if event in PASS_EVENTS else None
    if kind == "decision_person":
        return "rejected" if event == "rejected" else None
    return "applications" if kind == "application" else None


def _index(day: date) -> int:
    return day.year * 12 + day.month - 1


_FIRST_DAYS: dict[int, date] = {}


def _first_day(index: int) -> date:
    day = _FIRST_DAYS.get(index)
    if day is None:
        day = _FIRST_DAYS[index] = date(index // 12, index % 12 + 1, 1)
    return day


def _last_covered(valid_until: date) -> int:
    """The last month whose last day is on or before ``valid_until``."""
    last_day = calendar.monthrange(valid_until.year, valid_until.month)[1]
    return _index(valid_until) - (valid_until.day < last_day)


def _age_group(birth_year: int | None, birth_month: int | None, index: int) -> str:
    """The group at the last day of month ``index``: the year's difference, one less if the
    birth month is later in the year (a missing month counts as January, a missing year as
    the last group) — the condition of the month-series count."""
    if birth_year is None:
        return _LABELS[-1]
    months_old = index + 1 - birth_year * 12 - (birth_month or 1)
    return _LABELS[bisect_right(_BEGINS, months_old)]


def month_contributions(row: Mapping[str, Any]) -> Iterator[tuple[Key, int]]:
    """The keys a statistics row (its column values) adds its weight to."""
    kind, weight = str(row["record_kind"]), int(row["weight"])
    birth_year, birth_month = row.get("birth_year"), row.get("birth_month")
    # interned: the keys of a whole register (a rebuild holds them all) share their texts
    rest = tuple(map(intern, (
        str(row["stadtteil"]), str(row["household_type"]), str(row.get("basis") or NONE),
        str(row.get("pass_type") or NONE), str(row["issuer"]),
    )))
    stadtteil, household_type, basis, pass_type, issuer = rest
    measure = measure_of(kind, str(row["event"]))
    if measure is not None:
        index = _index(row["decided_on"])
        yield (_first_day(index), measure, stadtteil,
               _age_group(birth_year, birth_month, index), household_type, basis, pass_type,
               issuer), weight
    if kind == "pass_validity":
        valid_until = row["valid_until"]
        if valid_until is None:
            # kpass writes every validity with its end; only a row changed by hand has none
            which = row.get("id", "?")
            raise DatabaseError(
                f"Statistics row {which} is a pass validity without an end, which cannot be "
                "counted per month; give it its end (valid_until) and run the command again.",
                f"Statistikzeile {which} ist eine Passgültigkeit ohne Ende, die sich nicht "
                "monatlich zählen lässt; bitte ihr Ende (valid_until) eintragen und den "
                "Befehl erneut ausführen.")
        for index in range(_index(row["valid_from"]), _last_covered(valid_until) + 1):
            yield (_first_day(index), "active", stadtteil,
                   _age_group(birth_year, birth_month, index), household_type, basis,
                   pass_type, issuer), weight


def add_up(rows: Iterable[Mapping[str, Any]], totals: dict[Key, int]) -> None:
    """Add the contributions of ``rows`` to ``totals`` (a ``defaultdict(int)``)."""
    for row in rows:
        for key, weight in month_contributions(row):
            totals[key] += weight


def summed(rows: Iterable[Mapping[str, Any]]) -> dict[Key, int]:
    """The contributions of ``rows`` added up per key; keys summing to 0 are left out."""
    totals: dict[Key, int] = defaultdict(int)
    add_up(rows, totals)
    return {key: total for key, total in totals.items() if total}


_NAMES = ", ".join(_COLUMNS)
_VALUES = ", ".join(":" + c for c in _COLUMNS)
_INSERT = f"INSERT INTO stat_month ({_NAMES}, total) VALUES ({_VALUES}, :total)"


def _write(connection: Connection, totals: dict[Key, int], upsert: bool) -> None:
    statement = text(
        _INSERT + (f" ON CONFLICT ({_NAMES}) DO UPDATE SET total = stat_month.total + "
                   "excluded.total" if upsert else "")
    ).bindparams(bindparam("month", type_=Date()))
    ordered = sorted(totals.items())
    for start in range(0, len(ordered), 10_000):  # bounded parameter lists
        connection.execute(statement, [
            {**dict(zip(_COLUMNS, key, strict=True)), "total": total}
            for key, total in ordered[start:start + 10_000]
        ])


def add_to_months(connection: Connection, rows: Iterable[Mapping[str, Any]]) -> int:
    """Add the statistics rows ``rows`` to the monthly counts; returns the keys touched."""
    totals = summed(rows)
    if totals:
        _write(connection, totals, upsert=True)
    return len(totals)


_ROW_FIELDS = ("record_kind", "event", "decided_on", "valid_from", "valid_until", "pass_type",
               "basis", "stadtteil", "household_type", "birth_year", "birth_month", "weight",
               "issuer")


@event.listens_for(StatRecord, "after_insert")
def _remember(_mapper: Mapper[Any], _connection: Connection, target: StatRecord) -> None:
    session = object_session(target)
    assert session is not None
    session.info.setdefault(_PENDING, []).append(target)


@event.listens_for(Session, "before_commit")
def _fold(session: Session) -> None:
    if session.in_nested_transaction():  # a savepoint released: the outer commit folds
        return
    session.flush()  # rows still pending are inserted (and remembered) now
    pending = session.info.pop(_PENDING, None)
    if pending:
        # rows rolled back (the whole transaction before, or a savepoint) are no longer
        # persistent: kept only what this commit writes
        kept = [row for row in pending if inspect(row).persistent]
        add_to_months(session.connection(),
                      ({name: getattr(row, name) for name in _ROW_FIELDS} for row in kept))


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_rows(state: ORMExecuteState) -> None:
    """``session.execute(insert(StatRecord), rows)`` passes no mapper event: the rows would
    be missing from the monthly counts. Statistics rows go in with ``session.add``."""
    table = getattr(state.statement, "table", None)  # the mapped table, annotated
    if state.is_insert and getattr(table, "name", None) == StatRecord.__tablename__:
        raise RuntimeError("statistics rows are written with session.add/add_all, so that the "
                           "monthly counts take them in (kpass.services.month_counts)")


_SLICE = 50_000


def row_slices(connection: Connection) -> Iterator[list[Mapping[str, Any]]]:
    """Every statistics row, in slices by id: bounded memory at any register size."""
    columns = ", ".join(_ROW_FIELDS)
    last = 0
    while True:
        chunk = connection.execute(
            text(f"SELECT id, {columns} FROM stat_record WHERE id > :last ORDER BY id "
                 "LIMIT :size"), {"last": last, "size": _SLICE},
        ).mappings().all()
        if not chunk:
            return
        yield [_dated(dict(row)) for row in chunk]
        last = int(chunk[-1]["id"])


def _dated(row: dict[str, Any]) -> dict[str, Any]:
    # a text() query returns SQLite's dates as ISO strings
    if isinstance(row["decided_on"], str):
        for name in ("decided_on", "valid_from", "valid_until"):
            if row[name] is not None:
                row[name] = date.fromisoformat(row[name])
    return row


def refold(connection: Connection) -> int:
    """Rebuild the monthly counts from every statistics row; returns the keys written.

    Used by the upgrade that created them (schema 0018) and by ``kpass db refold`` after a
    repair by hand; run it while no seat writes (the upgrade's own transaction, or an
    office closed for maintenance)."""
    totals: dict[Key, int] = defaultdict(int)
    for rows in row_slices(connection):
        add_up(rows, totals)
    kept = {key: total for key, total in totals.items() if total}
    connection.execute(text("DELETE FROM stat_month"))
    _write(connection, kept, upsert=False)
    return len(kept)


def differences(connection: Connection) -> dict[Key, tuple[int, int]]:
    """Keys whose stored monthly count differs from the sum of the statistics rows:
    ``key → (stored, from the rows)``."""
    expected: dict[Key, int] = defaultdict(int)
    for rows in row_slices(connection):
        add_up(rows, expected)
    stored: dict[Key, int] = {}
    for row in connection.execute(text(
        f"SELECT {', '.join(_COLUMNS)}, total FROM stat_month WHERE total <> 0"
    )):
        month = row[0] if isinstance(row[0], date) else date.fromisoformat(row[0])
        stored[(month, *row[1:-1])] = int(row[-1])
    return {
        key: (stored.get(key, 0), expected.get(key, 0))
        for key in set(stored) | set(expected)
        if stored.get(key, 0) != expected.get(key, 0)
    }
