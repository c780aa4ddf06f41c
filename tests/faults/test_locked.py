"""A register locked by another program: every kpass command gives up within seconds with one
clear line in both languages (exit code 1, no traceback) — it never hangs.

tests/cli/test_cli_db.py holds the first case (demo data against an EXCLUSIVE lock) and
tests/services/passes/test_locks.py a save against another seat's row lock; here: the lock
held by another *process*, as another seat or an SQL client holds it, for writes, reads and
``db upgrade``, on SQLite and PostgreSQL, all timed.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from kpass.models.engine import PG_LOCK_TIMEOUT_MS, SQLITE_BUSY_TIMEOUT_MS, parse_database_url
from tests.faults.killing import kpass_argv

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
#: the busy or lock timeout, the start of Python and a loaded 2-core machine
LIMIT_SECONDS = max(SQLITE_BUSY_TIMEOUT_MS, PG_LOCK_TIMEOUT_MS) / 1000 + 8

# Another program holding SQLite's locks: ``mode`` "immediate" is another seat writing
# (WAL, readers go on), "exclusive" an SQL client or an older program in rollback-journal
# mode, which shuts out readers as well.
HOLDER = r"""
import sqlite3, sys, time
held = []
for path, mode in zip(sys.argv[1::2], sys.argv[2::2]):
    connection = sqlite3.connect(path, isolation_level=None)
    if mode == "exclusive":
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("BEGIN EXCLUSIVE")
    else:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("BEGIN IMMEDIATE")
    connection.execute("CREATE TABLE IF NOT EXISTS held_by_another (x)")
    held.append(connection)
print("held", flush=True)
time.sleep(120)
"""


@pytest.fixture
def hold_sqlite_locks() -> Iterator[Any]:
    started: list[subprocess.Popen[str]] = []

    def hold(locks: Sequence[tuple[Path, str]]) -> None:
        args = [str(part) for path, mode in locks for part in (path, mode)]
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLDER, *args], stdout=subprocess.PIPE, text=True
        )
        started.append(holder)
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"

    yield hold
    for holder in started:
        holder.kill()
        holder.wait()


def run_all_at_once(commands: dict[str, list[str]]) -> dict[str, tuple[int, str, float]]:
    """Start the commands together (they wait for the same lock) and collect them: exit
    code, standard error and seconds taken, by name."""
    env = dict(os.environ)
    started = time.monotonic()
    running = {
        name: subprocess.Popen(
            kpass_argv(*args), env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for name, args in commands.items()
    }
    results: dict[str, tuple[int, str, float]] = {}
    for name, process in running.items():
        try:
            _, stderr = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            for other in running.values():
                other.kill()
            pytest.fail(f"{name} hangs behind the lock")
        results[name] = (process.returncode, stderr, time.monotonic() - started)
    return results


def assert_refused_as_locked(results: dict[str, tuple[int, str, float]]) -> None:
    for name, (code, stderr, seconds) in results.items():
        assert code == 1, (name, code, stderr)
        assert "locked by another program" in stderr, (name, stderr)
        assert "von einem anderen Programm gesperrt" in stderr, (name, stderr)
        assert "Traceback" not in stderr, (name, stderr)
        assert seconds < LIMIT_SECONDS, (name, seconds)



def test_sqlite_locked_by_another_program(
    sqlite_template: Path, tmp_path: Path, hold_sqlite_locks: Any
) -> None:
    writing = tmp_path / "kpass.sqlite"  # another seat is writing
    shut = tmp_path / "gesperrt.sqlite"  # an SQL client holds it exclusively
    old = tmp_path / "alt.sqlite"  # to be upgraded, while another seat writes
    shutil.copyfile(sqlite_template, writing)
    shutil.copyfile(sqlite_template, shut)
    shutil.copyfile(FIXTURES / "schema-0001.sqlite", old)
    hold_sqlite_locks([(writing, "immediate"), (shut, "exclusive"), (old, "immediate")])
    results = run_all_at_once({
        "demo-data": ["--database", f"sqlite:///{writing}", "demo-data", "--households", "3"],
        # a login is recorded in the audit trail: a write as well
        "search": ["--database", f"sqlite:///{writing}", "search", "Müller"],
        "status (read)": ["--database", f"sqlite:///{shut}", "db", "status"],
        "db upgrade": ["--database", f"sqlite:///{old}", "db", "upgrade"],
    })
    assert_refused_as_locked(results)
    with sqlite3.connect(old) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0001",
        )
    # the write lock is taken before the copy: none is left behind by the refused upgrade
    assert not [p.name for p in tmp_path.iterdir() if ".vor-upgrade-" in p.name]


@pytest.mark.parametrize("backend", ["postgresql"])
def test_postgresql_locked_by_another_session(database_url: str) -> None:
    other = create_engine(parse_database_url(database_url))
    with other.connect() as session:
        session.execute(text("BEGIN"))
        # what a careless ALTER TABLE or a VACUUM FULL holds: nobody reads the table
        session.execute(text("LOCK TABLE household IN ACCESS EXCLUSIVE MODE"))
        try:
            results = run_all_at_once({
                "demo-data": ["--database", database_url, "demo-data", "--households", "3"],
                "status (read)": ["--database", database_url, "db", "status"],
            })
        finally:
            session.execute(text("ROLLBACK"))
    other.dispose()
    assert_refused_as_locked(results)
