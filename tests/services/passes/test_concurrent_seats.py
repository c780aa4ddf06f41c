"""Two seats (two OS processes) working on the same passes at the same moment, on SQLite and
PostgreSQL: every pass is extended once, every person gets one pass, the other seat is told
why not, and the register and its statistics stay consistent."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from kpass.models import Application, Pass, PassValidity
from kpass.models.engine import Database
from kpass.services.admin.check import check_database
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes
from kpass.services.passes.queries import count_pass_holders
from kpass.services.uow import UnitOfWork
from tests.logins import ROLE_PASSWORD
from tests.register_builder import add_household, add_income, household_of

FUTURE = date(2030, 1, 1)
PASSES = 20
SEATS = ("platz-1", "platz-2")

Job = tuple[str, Any]


@pytest.fixture(autouse=True)
def seat_users(database: Database) -> None:
    """The two caseworkers at the two seats."""
    from kpass.services.access import add_user

    for name in SEATS:
        add_user(database, name, "caseworker", ROLE_PASSWORD)
  # ("renew", number) | ("issue", decision id)


def seat(
    url: str, user: str, jobs: Sequence[Job], day: str, barrier: Any, out: str
) -> None:
    """One seat: waits for the other, then works through ``jobs``; writes what happened."""
    from kpass.errors import KpassError
    from kpass.models.engine import open_database
    from kpass.services.access import log_in
    from kpass.services.passes.actions import issue_passes, renew_pass

    database = open_database(url)
    log_in(database, user, ROLE_PASSWORD)
    results: list[dict[str, Any]] = []
    barrier.wait(60)
    for kind, arg in jobs:
        try:
            if kind == "renew":
                renewed = renew_pass(database, arg, date.fromisoformat(day), today=FUTURE)
                holder = renewed.holder_pass
                results.append({"job": arg, "ok": holder is not None and holder.action})
            else:
                [issued] = issue_passes(database, arg)
                results.append({"job": arg, "ok": issued.action})
        except KpassError as exc:
            results.append(
                {"job": arg, "error": type(exc).__name__, "de": exc.message_de}
            )
    database.dispose()
    Path(out).write_text(json.dumps(results), encoding="utf-8")


def seat_processes() -> Any:
    """Processes forked from a fresh server process that has imported kpass and this module
    (about a second less for each seat than "spawn", which starts Python and imports all of
    it again); as with "spawn", nothing of the test's own process (connections, threads) is
    inherited."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def run_two_seats(
    url: str, jobs: tuple[Sequence[Job], Sequence[Job]], day: date, tmp_path: Path
) -> list[list[dict[str, Any]]]:
    context = seat_processes()
    barrier = context.Barrier(2)
    outs = [tmp_path / f"{name}.json" for name in SEATS]
    processes = [
        context.Process(
            target=seat, args=(url, name, seat_jobs, day.isoformat(), barrier, str(out))
        )
        for name, seat_jobs, out in zip(SEATS, jobs, outs, strict=True)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(120)
        assert process.exitcode == 0
    return [json.loads(out.read_text(encoding="utf-8")) for out in outs]


def pensioners(database: Database, count: int) -> list[int]:
    households = []
    for i in range(count):
        [person] = add_household(
            database, [(f"Weiß{i}", "Jürgen", date(1930 + i, 5, 5), "applicant")], number=str(i + 1)
        )
        add_income(database, person, "pension", "1000.00")
        households.append(household_of(database, person))
    return households


def decided(database: Database, household: int, day: date) -> int:
    application = apply(database, household, day, today=FUTURE)
    return decide(database, application.application_id).decision_id


def stat_sums(database: Database) -> dict[tuple[str, str], int]:
    with database.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT record_kind, event, sum(weight) FROM stat_record "
                "GROUP BY record_kind, event"
            )
        ).all()
    return {(kind, event): int(total) for kind, event, total in rows}


def outcome(results: list[list[dict[str, Any]]]) -> dict[Any, list[dict[str, Any]]]:
    by_job: dict[Any, list[dict[str, Any]]] = {}
    for seat_results in results:
        for result in seat_results:
            by_job.setdefault(result["job"], []).append(result)
    return by_job


def test_two_seats_renew_the_same_passes_at_once(database: Database, tmp_path: Path) -> None:
    numbers = []
    for household in pensioners(database, PASSES):
        [card] = issue_passes(database, decided(database, household, date(2026, 3, 15)))
        assert card.number is not None
        numbers.append(card.number)
    jobs = [("renew", number) for number in numbers]
    url = database.url.render_as_string(hide_password=False)
    results = run_two_seats(url, (jobs, jobs), date(2027, 3, 10), tmp_path)

    for number, attempts in outcome(results).items():
        assert len(attempts) == 2, number
        done = [a for a in attempts if "ok" in a]
        refused = [a for a in attempts if "error" in a]
        assert [a["ok"] for a in done] == ["extend"], attempts
        assert len(refused) == 1, attempts
        assert refused[0]["error"] in ("InvalidInput", "ConcurrentChange"), attempts
        assert "verlängert" in refused[0]["de"], attempts
    with UnitOfWork(database, write=False) as uow:
        s = uow.session
        periods = s.execute(
            select(PassValidity.pass_id, func.count()).group_by(PassValidity.pass_id)
        ).all()
        assert sorted(n for _, n in periods) == [2] * PASSES
        kinds = {
            kind: int(n)
            for kind, n in s.execute(
                select(Application.kind, func.count()).group_by(Application.kind)
            )
        }
        assert kinds == {"new": PASSES, "renewal": PASSES}  # refused attempts left nothing
    sums = stat_sums(database)
    assert sums[("pass_validity", "renewed")] == PASSES
    assert sums[("pass_validity", "new")] == PASSES
    assert sums[("application", "decided")] == 2 * PASSES
    assert count_pass_holders(database, date(2027, 4, 1)) == PASSES
    assert check_database(database).ok


def test_two_seats_issue_for_the_same_decisions_and_persons_at_once(
    database: Database, tmp_path: Path
) -> None:
    households = pensioners(database, PASSES)
    # Seat 1 and seat 2 issue for the same decisions; then for two decisions of one person.
    same = [decided(database, h, date(2026, 3, 15)) for h in households[: PASSES // 2]]
    firsts = [decided(database, h, date(2026, 3, 15)) for h in households[PASSES // 2:]]
    seconds = [decided(database, h, date(2026, 3, 16)) for h in households[PASSES // 2:]]
    jobs = (
        [("issue", d) for d in same] + [("issue", d) for d in firsts],
        [("issue", d) for d in same] + [("issue", d) for d in seconds],
    )
    results = run_two_seats(
        database.url.render_as_string(hide_password=False), jobs, date(2026, 3, 15), tmp_path
    )
    by_job = outcome(results)
    for decision_id in same:
        attempts = by_job[decision_id]
        assert sorted(str(a.get("ok", a.get("error"))) for a in attempts) == [
            "InvalidInput", "new_pass"
        ], attempts
        refused = next(a for a in attempts if "error" in a)
        assert "bereits Pässe ausgestellt" in refused["de"]
    for first, second in zip(firsts, seconds, strict=True):
        actions = sorted(a["ok"] for a in by_job[first] + by_job[second])
        assert actions == ["new_pass", "none"]
    with UnitOfWork(database, write=False) as uow:
        s = uow.session
        per_person = s.execute(select(Pass.person_id, func.count()).group_by(Pass.person_id))
        assert sorted(n for _, n in per_person) == [1] * PASSES
        assert s.scalar(select(func.count()).select_from(PassValidity)) == PASSES
    assert stat_sums(database)[("pass_validity", "new")] == PASSES
    assert count_pass_holders(database, date(2026, 6, 1)) == PASSES
    assert check_database(database).ok


# -- the command line ----------------------------------------------------------------------------

# argv: <start file> <ready file> <kpass arguments …>; the seat says it has loaded kpass, then
# waits for the start, so that both commands begin at the same moment.
CLI_SEAT = """
import os, sys, time
from pathlib import Path
from kpass.cli import main
import kpass.services.passes.actions
start = Path(sys.argv[1])
Path(sys.argv[2]).touch()
while not start.exists():
    time.sleep(0.005)
sys.exit(main(sys.argv[3:]))
"""


def test_two_kpass_renew_commands_at_once(database: Database, tmp_path: Path) -> None:
    [household] = pensioners(database, 1)
    [card] = issue_passes(database, decided(database, household, date(2025, 12, 10)))
    assert card.number is not None and card.valid_until == date(2026, 12, 31)
    start = tmp_path / "start"
    ready = [tmp_path / f"{name}.ready" for name in SEATS]
    url = database.url.render_as_string(hide_password=False)
    commands = [
        subprocess.Popen(
            [sys.executable, "-c", CLI_SEAT, str(start), str(marker), "--database", url,
             "renew", "--pass", card.number, "--date", "2026-12-01"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "KPASS_USER": name, "KPASS_PASSWORD": ROLE_PASSWORD},
        )
        for name, marker in zip(SEATS, ready, strict=True)
    ]
    # Both have loaded kpass and wait for the start (a seat that failed to load says why in
    # its output below). Waiting for their word, not a fixed 2.5 s, is shorter and sure.
    deadline = time.monotonic() + 120
    while not all(marker.exists() for marker in ready) and time.monotonic() < deadline:
        if any(command.poll() is not None for command in commands):
            break
        time.sleep(0.01)
    start.touch()
    finished = [command.communicate(timeout=120) for command in commands]
    codes = sorted(command.returncode for command in commands)
    outputs = [out + err for out, err in finished]
    assert codes in ([0, 1], [0, 2]), outputs
    refused = next(o for c, o in zip(commands, outputs, strict=True) if c.returncode != 0)
    assert "verlängert" in refused and "Traceback" not in refused, refused
    done = next(o for c, o in zip(commands, outputs, strict=True) if c.returncode == 0)
    assert f"extended {card.number}" in done and "31.12.2027" in done, done
    with UnitOfWork(database, write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(PassValidity)) == 2
    assert check_database(database).ok

