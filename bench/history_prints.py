"""A household's prints for its Verlauf, with years of print records in the register.

value: median seconds of ``household_prints`` for a sample of households; baseline: median
seconds of ``household_history`` (applications, decisions, passes: the rest of the Verlauf)
for the same households. The register copy gets synthetic print records — cards,
sheets, letters and application forms of real passes, decisions and applications — about
five years of a city office (300,000; 60,000 with ``--quick``). All are dated after the
households were created, so the time bound of the query helps nothing: the worst case, as
for a household known for years.
"""

from __future__ import annotations

import random
import shutil
import statistics
import tempfile
import time
from datetime import UTC, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select

from bench.common import demo_register, logged_in, percentile, result
from kpass.models import Application, Decision, Pass, PrintRecord, PrintReference
from kpass.models.engine import Database, open_database
from kpass.services.household.history import household_history, household_prints
from kpass.services.uow import UnitOfWork


def _add_prints(database: Database, count: int, rng: random.Random) -> None:
    with UnitOfWork(database) as uow:
        session = uow.session
        passes = session.execute(select(Pass.id, Pass.number)).tuples().all()
        decisions = list(session.scalars(select(Decision.id)))
        applications = list(session.scalars(select(Application.id)))
        newest = session.scalar(select(func.max(Pass.created_at)))
        assert newest is not None
        user = uow.user_id()
        start = newest.replace(tzinfo=UTC) if newest.tzinfo is None else newest
        first_id = (session.scalar(select(func.max(PrintRecord.id))) or 0) + 1
        rows: list[dict[str, object]] = []
        references: list[dict[str, object]] = []
        subject: dict[str, object]
        for i in range(count):
            print_id = first_id + i
            roll = rng.random()
            # what printing.py records: the subject for reading, a reference row per item
            if roll < 0.5:
                kind = "card" if roll < 0.45 else "sheet"
                shown = [rng.choice(passes)] if kind == "card" else rng.sample(passes, 10)
                subject = {"passes": [number for _, number in shown]}
                references += [{"print_id": print_id, "pass_id": pass_id,
                                "decision_id": None, "application_id": None}
                               for pass_id, _ in shown]
            elif roll < 0.8:
                kind, decision = "letter", rng.choice(decisions)
                subject = {"decision": decision}
                references.append({"print_id": print_id, "pass_id": None,
                                   "decision_id": decision, "application_id": None})
            else:
                kind, application = "application_form", rng.choice(applications)
                subject = {"application": application}
                references.append({"print_id": print_id, "pass_id": None,
                                   "decision_id": None, "application_id": application})
            rows.append({"id": print_id, "user_id": user, "kind": kind, "subject": subject,
                         "pages": 1, "file_name": f"{kind}-{i}.pdf",
                         "printed_at": start + timedelta(seconds=i + 1)})
        session.execute(insert(PrintRecord), rows)
        session.execute(insert(PrintReference), references)
        uow.commit()


def measure(quick: bool) -> list[dict[str, object]]:
    source = demo_register(20_000 if quick else 120_000)
    path = source.sqlite_path
    assert path is not None
    source.dispose()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "register.sqlite"
        shutil.copyfile(path, copy)
        database = logged_in(open_database(f"sqlite:///{copy}"))
        _add_prints(database, 60_000 if quick else 300_000, rng)
        database.dispose()  # the last connection checkpoints the WAL, as in daily use
        database = logged_in(open_database(f"sqlite:///{copy}"))
        with UnitOfWork(database, write=False) as uow:
            households = sorted(set(uow.session.scalars(select(Application.household_id))))
        sample = rng.sample(households, 40)
        household_prints(database, sample[0])  # warm the page cache
        household_history(database, sample[0])
        prints, history, found = [], [], 0
        for household in sample:
            started = time.perf_counter()
            found += len(household_prints(database, household))
            prints.append(time.perf_counter() - started)
            started = time.perf_counter()
            household_history(database, household)
            history.append(time.perf_counter() - started)
        database.dispose()
    assert found > 0, "the synthetic prints were not found"
    return [
        result("history_prints_median", statistics.median(prints), statistics.median(history),
               unit="s"),
        result("history_prints_p95", percentile(prints, 0.95), percentile(history, 0.95),
               unit="s"),
    ]


if __name__ == "__main__":
    import json
    import sys

    for line in measure(quick="--quick" in sys.argv):
        print(json.dumps(line))
