"""Every measure of a run of months from one pass over the statistics table.

Joining each month to the table re-read every validity row once per month (24 months: 24
reads of nearly the same rows). Here one ``GROUP BY`` reads each row once and groups it by
where it falls in the run (month_positions.py): the first and last month it is active on,
the month of its decision, and, for the age group, its group at the run's start and the
month that group ends. The few thousand groups are then spread over the months in Python:
an active row adds its weight to each month from its first to its last (a difference array
summed up), an event to the month of its decision. Counts are sums of weights as before;
a month and key whose sum is 0 is left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from kpass.models import StatRecord
from kpass.reporting import MEASURES, CountRow
from kpass.rules import AGE_GROUPS
from kpass.services.month_counts import PASS_EVENTS, measure_of
from kpass.services.statistics.month_positions import (
    MonthRun,
    age_group_at,
    age_segments,
    month_index,
    month_name,
    split_phase,
)

S = StatRecord
_COLUMNS = {
    "stadtteil": S.stadtteil,
    "household_type": S.household_type,
    "basis": S.basis,
    "pass_type": S.pass_type,
}
_LABELS = [label for label, _, _ in AGE_GROUPS]

Keys = tuple[str, ...]


def _rows_of_the_run(run: MonthRun, issuer: str | None) -> Any:
    """Validity rows that may be active in the run, and the events decided in it.

    One condition per index range: the validity rows by their end (ix_stat_record_until,
    a range scan from the run's first month on), the events by their day
    (ix_stat_record_decided). An ``OR`` inside one term made SQLite read every validity
    row through the index.
    """
    decided = and_(S.decided_on >= run.first_day, S.decided_on <= run.last_day)
    validity = S.record_kind == "pass_validity"
    condition = or_(
        and_(validity, S.valid_until >= run.month_ends[0], S.valid_from <= run.last_day),
        and_(validity, S.valid_until.is_(None), S.valid_from <= run.last_day),
        and_(validity, S.event.in_(sorted(PASS_EVENTS)), decided),
        and_(S.record_kind == "decision_person", S.event == "rejected", decided),
        and_(S.record_kind == "application", decided),
    )
    return condition if issuer is None else and_(condition, S.issuer == issuer)


def count_series(
    session: Session, months: Sequence[str], dimensions: Sequence[str], issuer: str | None
) -> list[CountRow]:
    """Exact counts per month of ``months``, measure and values of ``dimensions``."""
    if not months:
        return []
    run = MonthRun.covering(months)
    ages = "age_group" in dimensions
    plain = [name for name in dimensions if name != "age_group"]
    inner = select(
        S.record_kind.label("kind"),
        S.event.label("event"),
        run.first_active(S.valid_from).label("first"),
        run.end_active(S.valid_until).label("end"),
        run.decided_position(S.decided_on).label("decided"),
        *([run.age_phase(S.birth_year, S.birth_month).label("phase")] if ages else []),
        *[_COLUMNS[name].label(f"d{i}") for i, name in enumerate(plain)],
        S.weight.label("weight"),
    ).where(_rows_of_the_run(run, issuer)).subquery("rows_of_the_run")
    keys = [c for c in inner.c if c.name != "weight"]
    statement = select(*keys, func.sum(inner.c.weight)).group_by(*keys)

    active: dict[Keys, list[int]] = defaultdict(lambda: [0] * (run.length + 1))
    events: dict[tuple[str, int, Keys], int] = defaultdict(int)
    keys_cache: dict[tuple[tuple[Any, ...], int], Keys] = {}

    def keys_of(values: tuple[Any, ...], age: int) -> Keys:
        found = keys_cache.get((values, age))
        if found is None:
            named = dict(zip(plain, (str(v) for v in values), strict=True))
            found = keys_cache[(values, age)] = _keys(dimensions, named, age)
        return found

    # Core rows through the session's connection: no ORM row processing for a plain count
    for row in session.connection().execute(statement):
        kind, event, first, end, decided = row[:5]
        phase = row[5] if ages else 0
        values = tuple(row[5 + ages: -1])
        weight = int(row[-1])
        if not weight:
            continue
        group, change = split_phase(phase, run.length)
        if kind == "pass_validity" and first < end:
            if ages:
                for start, stop, age in age_segments(group, change, first, end - 1):
                    counts = active[keys_of(values, age)]
                    counts[start] += weight
                    counts[stop + 1] -= weight
            else:
                counts = active[keys_of(values, 0)]
                counts[first] += weight
                counts[end] -= weight
        measure = measure_of(kind, event)
        if measure is not None and 1 <= decided <= run.length:
            position = decided - 1
            age = age_group_at(group, change, position) if ages else 0
            events[(measure, position, keys_of(values, age))] += weight
    return _rows(run, months, active, events)


def _keys(dimensions: Sequence[str], named: dict[str, str], age: int) -> Keys:
    return tuple(_LABELS[age] if name == "age_group" else named[name] for name in dimensions)


def _rows(
    run: MonthRun, months: Sequence[str], active: dict[Keys, list[int]],
    events: dict[tuple[str, int, Keys], int],
) -> list[CountRow]:
    wanted = sorted({month_index(m) - run.start for m in months})
    names = [month_name(run.start + p) for p in range(run.length)]
    rows: list[CountRow] = []
    for keys, differences in sorted(active.items()):
        total, position_total = 0, {}
        for position, difference in enumerate(differences[: run.length]):
            total += difference
            position_total[position] = total
        rows.extend(
            CountRow(names[p], keys, "active", position_total[p])
            for p in wanted if position_total[p]
        )
    wanted_set = set(wanted)
    rows.extend(
        CountRow(names[position], keys, measure, count)
        for (measure, position, keys), count in sorted(events.items())
        if count and position in wanted_set
    )
    order = {measure: i for i, measure in enumerate(MEASURES)}
    rows.sort(key=lambda r: (order[r.measure], r.month, r.keys))
    return rows
