"""Search as you type, measured where the caseworker sees it: in the Qt model.

value: the 95th percentile, in milliseconds, of one typed step — from
``PersonSearchModel.set_query(text)`` until the model holds the first page (up to 50
rows, ``rowCount()`` filled) — over the steps of bench/search_steps.py (family names
letter by letter, given names, birth dates, plus the hard steps: every single letter,
two initials, given name first, birth years). The search page's debounce delay is not
included: it is a wait, not work. The model runs the same search function as the search
page, under an offscreen QApplication. baseline: the 95th percentile of exactly the SQL
statements each step sent, replayed with the same parameters through the raw driver
(``sqlite3`` or ``psycopg``) directly; ratio: what SQLAlchemy, the service and the model
add. Budget for the value: 16 ms (one frame at 60 Hz) on a million persons, on both databases.

``search_max_step`` is the slowest single step against the slowest replay (aim: well
under 40 ms); the five slowest steps are named on stderr. Before measuring, a warm-up
pass over other persons' steps builds the statement caches, as a running counter
application has them.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from typing import Any

from bench.common import (
    RawConnection,
    demo_register,
    households_for,
    percentile,
    register_label,
    result,
)
from bench.search_steps import hard_steps, typed_queries, warm_up_steps
from kpass.models.engine import Database
from kpass.services.search.persons import Cursor, SearchPage, search_persons


def _model(database: Database) -> Any:
    from kpass.ui.search.model import PersonSearchModel

    def search(text: str, after: Cursor | None, limit: int) -> SearchPage:
        # What kpass.ui.search.page.PersonSearchPage._search does.
        return search_persons(database, text, after=after, limit=limit)

    return PersonSearchModel(search)


DATABASES = ("sqlite", "postgresql")


def measure(quick: bool, database_kind: str = "sqlite") -> list[dict[str, object]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    try:
        return _measure(quick, database_kind)
    finally:
        del app


def _check_references(model: Any, text: str) -> None:
    """Warn when model resets lose references to None, as in PySide6 6.12.0 (not 6.11.3):
    after some thousand of them the interpreter aborts ("deallocating None")."""
    import PySide6

    model.set_query(text)
    gc.collect()  # collected garbage frees references too: count only what stays
    before = sys.getrefcount(None)
    for _ in range(100):
        model.set_query(text)
    gc.collect()
    lost = before - sys.getrefcount(None)
    if lost >= 50:
        print(
            f"# search_p95: 100 model resets lost {lost} references to None "
            f"(PySide6 {PySide6.__version__}); this process may abort at exit",
            file=sys.stderr,
        )


def _measure(quick: bool, database_kind: str) -> list[dict[str, object]]:
    from sqlalchemy import event

    households = households_for(quick)
    database = demo_register(households, database=database_kind)
    label = register_label(households, database)
    raw = RawConnection(database)
    people = 10 if quick else 40
    steps = typed_queries(raw, people) + hard_steps(raw, people)
    model = _model(database)
    for text in warm_up_steps(raw):
        model.set_query(text)

    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    model_ms: list[float] = []
    raw_ms: list[float] = []
    for text in steps:
        sent.clear()
        event.listen(database.engine, "before_cursor_execute", record)
        started = time.perf_counter()
        model.set_query(text)
        rows = model.rowCount()
        elapsed = time.perf_counter() - started
        event.remove(database.engine, "before_cursor_execute", record)
        assert rows <= 50 and model.query() == text
        model_ms.append(elapsed * 1000)
        replay = list(sent)
        started = time.perf_counter()
        for statement, parameters in replay:
            raw.replay(statement, parameters)
        raw_ms.append((time.perf_counter() - started) * 1000)
    _check_references(model, steps[-1])
    raw.close()
    database.dispose()
    del model
    slowest = sorted(zip(model_ms, steps, strict=True), reverse=True)[:5]
    print(
        f"# search_p95 ({database_kind}): {len(steps)} steps; slowest: "
        + ", ".join(f"{text!r} {ms:.1f} ms" for ms, text in slowest),
        file=sys.stderr,
    )
    return [
        result("search_p95", percentile(model_ms, 0.95), percentile(raw_ms, 0.95), unit="ms",
               database=database_kind, register=label, steps=len(steps)),
        result("search_max_step", max(model_ms), max(raw_ms), unit="ms",
               database=database_kind, register=label, slowest=slowest[0][1]),
    ]


if __name__ == "__main__":
    import json

    for line in measure(quick=True):
        print(json.dumps(line))
