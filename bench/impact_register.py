"""``kpass rules impact`` over the whole register: the supervisor's what-if.

value: seconds of :func:`kpass.services.statistics.policy_impact` (every household decided in
the last twelve months, evaluated twice: income limit in force and raised by 50 €);
baseline: seconds of fetching the same input snapshots through the raw driver (``sqlite3`` or
``psycopg``) without evaluating anything — the floor of reading the register once. Budget for
the value: 5 s at a million persons; ``seconds_per_million_persons`` scales the quick run
linearly (it does not know the worker processes a larger register gets: ``workers``).
"""

from __future__ import annotations

import time
from decimal import Decimal
from typing import Any

from sqlalchemy import event

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


def measure(quick: bool, database: str = "sqlite") -> list[dict[str, object]]:
    households = households_for(quick)
    register = demo_register(households, database=database)
    rule_set = default_parameters().rule_set_on(AS_OF)
    assert rule_set is not None
    threshold = Decimal(str(rule_set.threshold)) + RAISE
    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    report = policy_impact(register, threshold, AS_OF)  # warm caches
    raw = RawConnection(register)
    values, baselines = [], []
    for _ in range(1 if not quick else 3):
        sent.clear()
        event.listen(register.engine, "before_cursor_execute", record)
        started = time.perf_counter()
        report = policy_impact(register, threshold, AS_OF)
        values.append(time.perf_counter() - started)
        event.remove(register.engine, "before_cursor_execute", record)
        started = time.perf_counter()
        for statement, parameters in sent:
            raw.replay(statement, parameters)
        baselines.append(time.perf_counter() - started)
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
