"""Person search as typed at the counter, against the same SQL through the raw driver.

value: mean milliseconds of one ``search_persons`` call (first page of 50) per keystroke,
over the steps of bench/search_steps.py (bench/search_p95.py measures the same steps in
the Qt model); baseline: mean milliseconds of exactly the SQL statements that call sent,
replayed with the same parameters through the raw driver (``sqlite3`` or ``psycopg``)
directly; ratio: the service's overhead factor (SQLAlchemy, session, row objects); budget
2.0. ``person_search_p95`` is the 95th percentile of the same calls, against the 95th
percentile of the replays. (Until issue 17 the first entry was named
``person_search_vs_sql``.)
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import event

from bench.common import (
    RawConnection,
    demo_register,
    households_for,
    percentile,
    register_label,
    result,
)
from bench.search_steps import hard_steps, typed_queries, warm_up_steps
from kpass.services.search.persons import search_persons

DATABASES = ("sqlite", "postgresql")


def measure(quick: bool, database_kind: str = "sqlite") -> list[dict[str, object]]:
    households = households_for(quick)
    database = demo_register(households, database=database_kind)
    label = register_label(households, database)
    raw = RawConnection(database)
    people = 10 if quick else 40
    queries = typed_queries(raw, people) + hard_steps(raw, people)
    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    for text in warm_up_steps(raw):
        search_persons(database, text)
    service_ms: list[float] = []
    raw_ms: list[float] = []
    for text in queries:
        sent.clear()
        event.listen(database.engine, "before_cursor_execute", record)
        started = time.perf_counter()
        search_persons(database, text)
        elapsed = time.perf_counter() - started
        event.remove(database.engine, "before_cursor_execute", record)
        service_ms.append(elapsed * 1000)
        replay = list(sent)
        started = time.perf_counter()
        for statement, parameters in replay:
            raw.replay(statement, parameters)
        raw_ms.append((time.perf_counter() - started) * 1000)
    raw.close()
    database.dispose()
    return [
        result(
            "search_vs_sql",
            sum(service_ms) / len(service_ms),
            sum(raw_ms) / len(raw_ms),
            unit="ms",
            database=database_kind,
            register=label,
            steps=len(queries),
        ),
        result(
            "person_search_p95", percentile(service_ms, 0.95), percentile(raw_ms, 0.95),
            unit="ms", database=database_kind, register=label,
        ),
    ]


if __name__ == "__main__":
    import json

    for line in measure(quick=True):
        print(json.dumps(line))
