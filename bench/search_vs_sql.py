"""Person search as typed at the counter, against the same SQL through the raw driver.

value: mean milliseconds of one ``search_persons`` call (first page of 50) per keystroke,
over the steps of bench/search_steps.py (bench/search_p95.py measures the same steps in
the Qt model); baseline: mean milliseconds of exactly the SQL statements that call sent,
replayed with the same parameters through ``sqlite3`` directly; ratio: the service's
overhead factor (SQLAlchemy, session, row objects). ``person_search_p95`` is the 95th
percentile of the same calls, against the 95th percentile of the replays.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from sqlalchemy import event

from bench.common import demo_register, percentile, result
from bench.search_steps import hard_steps, typed_queries, warm_up_steps
from kpass.services.search.persons import search_persons


def measure(quick: bool) -> list[dict[str, object]]:
    households = 20_000 if quick else 120_000
    database = demo_register(households)
    path = database.sqlite_path
    assert path is not None
    raw = sqlite3.connect(path)
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
            raw.execute(statement, parameters).fetchall()
        raw_ms.append((time.perf_counter() - started) * 1000)
    raw.close()
    database.dispose()
    return [
        result(
            "person_search_vs_sql",
            sum(service_ms) / len(service_ms),
            sum(raw_ms) / len(raw_ms),
            unit="ms",
        ),
        result(
            "person_search_p95", percentile(service_ms, 0.95), percentile(raw_ms, 0.95), unit="ms"
        ),
    ]


if __name__ == "__main__":
    import json

    for line in measure(quick=True):
        print(json.dumps(line))
