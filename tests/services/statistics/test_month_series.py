"""The monthly sums and a run of months counted in one pass over the rows both equal
counting each month on its own, row by row.

The reference below reads every row of the statistics table and applies the definitions
month by month in Python: active if valid on the month's last day, an event in the month
of its decision, the age at the month's last day, the sum of the weights, no zero sums.
"""

from __future__ import annotations

import calendar
import random
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from kpass.models import StatMonth, StatRecord
from kpass.models.engine import Database
from kpass.rules import AGE_GROUPS
from kpass.services.statistics.counts import count_rows
from kpass.services.statistics.month_series import count_series
from kpass.services.uow import UnitOfWork

EVENT_MEASURES = {("pass_validity", "new"): "new", ("pass_validity", "renewed"): "renewed",
                  ("pass_validity", "replaced"): "replaced",
                  ("decision_person", "rejected"): "rejected"}


def _month_end(month: str) -> date:
    year, number = int(month[:4]), int(month[5:7])
    return date(year, number, calendar.monthrange(year, number)[1])


def _label(age: int | None) -> str:
    if age is None:
        return AGE_GROUPS[-1][0]
    return next((label for label, _, high in AGE_GROUPS if high is not None and age <= high),
                AGE_GROUPS[-1][0])


def reference(
    database: Database, months: Sequence[str], dimensions: Sequence[str], issuer: str | None
) -> set[tuple[str, tuple[str, ...], str, int]]:
    with UnitOfWork(database, write=False) as uow:
        records = list(uow.session.execute(select(*StatRecord.__table__.c)))
    counts: dict[tuple[str, tuple[str, ...], str], int] = defaultdict(int)
    for month in sorted(set(months)):
        end = _month_end(month)
        for r in records:
            if issuer is not None and r.issuer != issuer:
                continue
            measures = []
            if (r.record_kind == "pass_validity" and r.valid_from is not None
                    and r.valid_from <= end and (r.valid_until is None or r.valid_until >= end)):
                measures.append("active")
            if r.decided_on.strftime("%Y-%m") == month:
                if r.record_kind == "application":
                    measures.append("applications")
                elif (r.record_kind, r.event) in EVENT_MEASURES:
                    measures.append(EVENT_MEASURES[(r.record_kind, r.event)])
            age = None
            if r.birth_year is not None:
                age = end.year - r.birth_year - (1 if (r.birth_month or 1) > end.month else 0)
            values = {"stadtteil": r.stadtteil, "household_type": r.household_type,
                      "basis": str(r.basis), "pass_type": str(r.pass_type),
                      "age_group": _label(age)}
            keys = tuple(values[d] for d in dimensions)
            for measure in measures:
                counts[(month, keys, measure)] += r.weight
    return {(m, k, measure, n) for (m, k, measure), n in counts.items() if n}


def counted(
    database: Database, months: Sequence[str], dimensions: Sequence[str],
    issuer: str | None = None,
) -> set[tuple[str, tuple[str, ...], str, int]]:
    rows = count_rows(database, months, dimensions, issuer=issuer)
    found = {(r.month, r.keys, r.measure, r.count) for r in rows}
    assert len(found) == len(rows)  # one row per month, keys and measure
    with UnitOfWork(database, write=False) as uow:  # the run over the rows agrees
        over_rows = count_series(uow.session, months, dimensions, issuer)
    assert over_rows == rows
    return found


def _row(kind: str, event: str, decided: date, valid: tuple[date, date | None] | None,
         birth: tuple[int, int] | None, *, stadtteil: str = "01", weight: int = 1,
         issuer: str = "ka", basis: str | None = "sgb2") -> StatRecord:
    return StatRecord(
        record_kind=kind, event=event, decided_on=decided,
        valid_from=valid[0] if valid else None, valid_until=valid[1] if valid else None,
        pass_type="karlsruher_pass" if kind == "pass_validity" else None, basis=basis,
        stadtteil=stadtteil, household_type="single",
        birth_year=birth[0] if birth else None, birth_month=birth[1] if birth else None,
        weight=weight, issuer=issuer,
    )


def _write(database: Database, records: list[StatRecord]) -> None:
    with UnitOfWork(database) as uow:
        uow.session.execute(delete(StatRecord))
        uow.session.execute(delete(StatMonth))
        uow.session.add_all(records)
        uow.commit()


MONTHS = [f"{y}-{m:02d}" for y, m in [(2025, 11), (2025, 12)] + [(2026, m) for m in range(1, 13)]]


def _hand_made() -> list[StatRecord]:
    return [
        # mid-month start and a period ending mid-month (not active at that month's end)
        _row("pass_validity", "new", date(2025, 11, 14), (date(2025, 11, 14),
             date(2026, 11, 30)), (2012, 4)),
        _row("pass_validity", "new", date(2025, 12, 3), (date(2025, 12, 3),
             date(2026, 5, 15)), (1961, 7), stadtteil="19"),
        # begun before the run, ending after it; 17 → 18 in March 2026 and 64 → 65 in June
        _row("pass_validity", "renewed", date(2025, 1, 20), (date(2025, 2, 1),
             date(2027, 3, 31)), (2008, 3), stadtteil="19"),
        _row("pass_validity", "renewed", date(2026, 1, 28), (date(2026, 2, 1),
             date(2027, 2, 28)), (1961, 6)),
        # a revocation takes back the days from 16 April on
        _row("pass_validity", "new", date(2026, 1, 5), (date(2026, 1, 5),
             date(2027, 1, 31)), (1990, 12)),
        _row("pass_validity", "revoked", date(2026, 4, 15), (date(2026, 4, 16),
             date(2027, 1, 31)), (1990, 12), weight=-1),
        _row("pass_validity", "replaced", date(2026, 7, 10), (date(2026, 7, 10),
             date(2027, 1, 31)), (2020, 7), issuer="et"),
        # decided in the run, valid only after it
        _row("pass_validity", "renewed", date(2026, 12, 20), (date(2027, 1, 1),
             date(2027, 12, 31)), (1950, 1)),
        # a second decision takes the first one back: the month's sum is 0
        _row("decision_person", "rejected", date(2026, 3, 3), None, (1980, 1),
             basis="abgelehnt"),
        _row("decision_person", "rejected", date(2026, 3, 3), None, (1980, 1),
             basis="abgelehnt", weight=-1),
        _row("decision_person", "rejected", date(2026, 9, 30), None, (2019, 10),
             basis="abgelehnt", issuer="et"),
        _row("decision_person", "eligible", date(2026, 9, 30), (date(2026, 9, 30),
             date(2027, 9, 30)), (2019, 10)),
        _row("application", "decided", date(2026, 2, 28), None, None, basis=None),
        _row("application", "decided", date(2025, 10, 31), None, (1970, 2)),  # before
        _row("pass_validity", "new", date(2026, 6, 1), (date(2026, 6, 1),
             date(2027, 6, 30)), (1990, None), stadtteil="außerhalb"),
    ]


DIMENSIONS: list[tuple[str, ...]] = [
    (), ("age_group",), ("stadtteil", "age_group"), ("age_group", "basis", "pass_type"),
    ("stadtteil", "age_group", "household_type", "basis"),
]


def test_a_run_of_months_equals_each_month_counted_alone(database: Database) -> None:
    _write(database, _hand_made())
    for dimensions in DIMENSIONS:
        for issuer in (None, "ka", "et"):
            assert counted(database, MONTHS, dimensions, issuer) == reference(
                database, MONTHS, dimensions, issuer), (dimensions, issuer)
            for month in ("2026-02", "2026-03", "2026-06", "2026-12"):
                alone = counted(database, [month], dimensions, issuer)
                assert alone == {row for row in counted(database, MONTHS, dimensions, issuer)
                                 if row[0] == month}
    scattered = ["2026-10", "2025-11", "2026-03"]  # unordered, with gaps
    assert counted(database, scattered, ("stadtteil", "age_group")) == reference(
        database, scattered, ("stadtteil", "age_group"), None)
    assert counted(database, [], ("stadtteil",)) == set()


def test_the_age_group_changes_inside_the_run(database: Database) -> None:
    _write(database, _hand_made())
    rows = counted(database, MONTHS, ("age_group",))
    assert ("2026-02", ("14–17",), "active", 1) in rows
    assert ("2026-03", ("18–24",), "active", 1) in rows
    assert ("2026-04", ("60–64",), "active", 2) in rows  # one ends on 15 May
    assert ("2026-05", ("60–64",), "active", 1) in rows
    assert ("2026-06", ("65–74",), "active", 1) in rows


def _random_records(seed: int, count: int) -> list[StatRecord]:
    chance = random.Random(seed)
    first = date(2024, 6, 1)
    records = []
    for _ in range(count):
        decided = first + timedelta(days=chance.randrange(1000))
        kind = chance.choice(["pass_validity"] * 3 + ["decision_person", "application"])
        birth = None if chance.random() < 0.05 else (chance.randrange(1935, 2027),
                                                     chance.randrange(1, 13))
        valid = None
        if kind != "application":
            begins = decided + timedelta(days=chance.randrange(-3, 40))
            valid = (begins, begins + timedelta(days=chance.randrange(0, 420)))
        event = {"pass_validity": chance.choice(["new", "renewed", "replaced", "revoked"]),
                 "decision_person": chance.choice(["rejected", "eligible"]),
                 "application": "decided"}[kind]
        records.append(_row(kind, event, decided, valid, birth,
                            stadtteil=chance.choice(["01", "02", "19"]),
                            weight=-1 if chance.random() < 0.1 else 1,
                            issuer=chance.choice(["ka", "ka", "et"]),
                            basis=chance.choice(["sgb2", "income", None])))
    return records


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), start=st.integers(0, 30), length=st.integers(1, 30),
       dimensions=st.sampled_from(DIMENSIONS), issuer=st.sampled_from([None, "et"]))
def test_random_registers_agree_with_the_reference(
    database: Database, seed: int, start: int, length: int, dimensions: tuple[str, ...],
    issuer: str | None,
) -> None:
    _write(database, _random_records(seed, 150))
    base = 2024 * 12 + 5 + start
    months = [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(base, base + length)]
    assert counted(database, months, dimensions, issuer) == reference(
        database, months, dimensions, issuer)
