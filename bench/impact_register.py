"""``kpass rules impact`` over the whole register: the supervisor's what-if.

value: seconds of :func:`kpass.services.statistics.policy_impact` (every household decided in
the last twelve months, evaluated twice: income limit in force and raised by 50 €);
baseline: seconds of fetching the same input snapshots through the raw driver (``sqlite3`` or
``psycopg``) in one query, in one process, without evaluating anything — the floor of reading
the register once (the service reads it in slices, in its worker processes). Budget for
the value: 5 s at a million persons; ``seconds_per_million_persons`` scales the quick run
linearly (it does not know the worker processes a larger register gets: ``workers``).
"""

from __future__ import annotations

import time
from decimal import Decimal

from bench.common import (
    AS_OF,
    RawConnection,
    demo_register,
    households_for,
    median,
    register_label,
    register_persons,
    result,
)
from kpass.rules import default_parameters
from kpass.services.statistics import policy_impact
from kpass.services.statistics.impact_batches import PARALLEL_FROM, worker_count

DATABASES = ("sqlite", "postgresql")
RAISE = Decimal("50.00")
# each household's latest decision in the twelve months up to the day, as the service reads
LATEST_SNAPSHOTS = """
SELECT CAST(input_snapshot AS TEXT) FROM decision WHERE id IN (
  SELECT max(d.id) FROM decision d JOIN application a ON a.id = d.application_id
  WHERE d.decided_on > ? AND d.decided_on <= ? GROUP BY a.household_id)
"""


def measure(quick: bool, database: str = "sqlite") -> list[dict[str, object]]:
    households = households_for(quick)
    register = demo_register(households, database=database)
    rule_set = default_parameters().rule_set_on(AS_OF)
    assert rule_set is not None
    threshold = Decimal(str(rule_set.threshold)) + RAISE
    since = AS_OF.replace(year=AS_OF.year - 1)
    report = policy_impact(register, threshold, AS_OF)  # warm caches
    raw = RawConnection(register)
    values, baselines = [], []
    for _ in range(1 if not quick else 3):
        started = time.perf_counter()
        report = policy_impact(register, threshold, AS_OF)
        values.append(time.perf_counter() - started)
        started = time.perf_counter()
        days = (since, AS_OF) if raw.postgresql else (since.isoformat(), AS_OF.isoformat())
        fetched = raw.execute(LATEST_SNAPSHOTS, days)
        snapshots = len(fetched.fetchall())
        baselines.append(time.perf_counter() - started)
        assert snapshots == report.households, (snapshots, report.households)
    raw.close()
    label = register_label(households, register)
    persons = register_persons(register)
    register.dispose()
    value = median(values)
    return [
        result(
            "impact_register", value, median(baselines), unit="s", database=database,
            register=label, households_evaluated=report.households,
            persons_evaluated=report.persons,
            gained=sum(report.gained.values()), lost=sum(report.lost.values()),
            seconds_per_million_persons=round(value * 1_000_000 / persons, 2),
            workers=worker_count() if report.households >= PARALLEL_FROM else 1,
        )
    ]


if __name__ == "__main__":
    import json

    for line in measure(quick=True):
        print(json.dumps(line))
