"""``kill -9`` during a retention run: all of it or none of it, on SQLite and PostgreSQL.

A run is one transaction, so a killed run leaves the register exactly as it was (or, killed
after its commit, exactly as a finished run leaves it), sound for ``kpass db check`` and
``kpass audit verify``; started again, it deletes what is due.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import date

from sqlalchemy import func, select

from kpass.models import Household
from kpass.models.engine import Database
from kpass.services.retention import run_retention
from tests.faults.killing import assert_register_sound, kill_during, kpass_argv, run_kpass_to_end


def _households(database: Database) -> int:
    with database.reader() as session:
        return int(session.scalar(select(func.count()).select_from(Household)) or 0)


def test_a_killed_retention_run_deletes_all_or_nothing(
    demo_register: Callable[[int, int, date], Database],
) -> None:
    register = demo_register(600, 33, date(2021, 6, 30))
    before = _households(register)
    due = len(run_retention(register, dry_run=True).households)
    assert due > 100
    url = register.url.render_as_string(hide_password=False)
    env = dict(os.environ)
    args = ("--database", url, "retention", "run", "--outbox", "/nonexistent-kpass-outbox")

    started = time.monotonic()
    timing = run_kpass_to_end(*args, "--dry-run", env=env)
    assert timing.returncode == 0, timing.stderr
    took = time.monotonic() - started
    # from late in the start-up to the end of the work: most kills land inside the run
    for outcome in kill_during(kpass_argv(*args), env, [took * 0.6, took * 0.8, took * 0.95]):
        assert "Traceback" not in outcome.stderr
        left = _households(register)
        assert left in (before, before - due), (outcome.elapsed, left)
        assert_register_sound(url, env)
        if left != before:
            break  # that run got to its commit
    finished = run_kpass_to_end(*args, env=env)
    assert finished.returncode == 0, finished.stderr
    assert _households(register) == before - due
    assert_register_sound(url, env)
