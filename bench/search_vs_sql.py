"""Person search as typed at the counter, against the same SQL through the raw driver.

value: mean milliseconds of ``search_persons`` per keystroke query (first page of 50);
baseline: mean milliseconds of the identical SQL text run through ``sqlite3`` directly;
ratio: the service's overhead factor (SQLAlchemy, session, row objects).
"""

from __future__ import annotations

import random
import sqlite3
import time

from sqlalchemy.dialects import sqlite as sqlite_dialect

from bench.common import demo_register, percentile, result
from kpass.services.person_search import search_persons, search_statement


def _typed_queries(connection: sqlite3.Connection, count: int) -> list[str]:
    """What a caseworker types, keystroke by keystroke, for ``count`` random persons."""
    rng = random.Random(11)
    ids = [row[0] for row in connection.execute("SELECT id FROM person")]
    queries: list[str] = []
    for person_id in rng.sample(ids, min(count, len(ids))):
        family, given, birth = connection.execute(
            "SELECT family_name, given_names, birth_date FROM person WHERE id = ?", (person_id,)
        ).fetchone()
        for end in range(1, len(family) + 1):
            queries.append(family[:end])
        first_given = given.split()[0]
        for end in range(1, min(4, len(first_given)) + 1):
            queries.append(f"{family} {first_given[:end]}")
        year, month, day = birth.split("-")
        queries.append(f"{family} {day}.{month}.{year}")
    return queries


def measure(quick: bool) -> list[dict[str, object]]:
    households = 20_000 if quick else 120_000
    database = demo_register(households)
    path = database.sqlite_path
    assert path is not None
    raw = sqlite3.connect(path)
    queries = _typed_queries(raw, 10 if quick else 40)
    dialect = sqlite_dialect.dialect(paramstyle="qmark")
    search_persons(database, "warm up")

    service_ms: list[float] = []
    raw_ms: list[float] = []
    for text in queries:
        started = time.perf_counter()
        search_persons(database, text)
        service_ms.append((time.perf_counter() - started) * 1000)

        statement = search_statement(text)
        assert statement is not None
        compiled = statement.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
        params = [compiled.params[name] for name in compiled.positiontup or ()]
        params = [p.isoformat() if hasattr(p, "isoformat") else p for p in params]
        sql = str(compiled)
        started = time.perf_counter()
        raw.execute(sql, params).fetchall()
        raw_ms.append((time.perf_counter() - started) * 1000)
    raw.close()
    database.dispose()
    mean_service = sum(service_ms) / len(service_ms)
    mean_raw = sum(raw_ms) / len(raw_ms)
    return [
        result("person_search_vs_sql", mean_service, "ms", mean_raw),
        result("person_search_p95", percentile(service_ms, 0.95), "ms",
               percentile(raw_ms, 0.95)),
    ]


if __name__ == "__main__":
    import json

    for line in measure(quick=True):
        print(json.dumps(line))
