"""``kill -9`` in the middle of a bulk command loses nothing: the register passes ``kpass db
check`` and ``kpass audit verify``, and no half-written output file is left — on SQLite and
PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from kpass.models.engine import Database, parse_database_url
from kpass.services.admin.demo_data import BATCH_SIZE
from tests.faults.killing import (
    After,
    assert_complete_pdf_or_none,
    assert_no_half_written_files,
    assert_register_sound,
    kill_during,
    kpass_argv,
    run_kpass_to_end,
    temporaries,
)


def counter(url: str, sql: str) -> Callable[[], int]:
    """A quick count through a connection of the test's own (never a write lock)."""
    engine = create_engine(parse_database_url(url), poolclass=None)

    def count() -> int:
        try:
            with engine.connect() as connection:
                return int(connection.execute(text(sql)).scalar() or 0)
        except Exception:  # the table may not be readable yet: not there yet
            return 0

    return count


def test_demo_data_killed_leaves_whole_batches(database_url: str, tmp_path: Path) -> None:
    env = dict(os.environ)
    households = counter(database_url, "SELECT count(*) FROM household")
    argv = kpass_argv(
        "--database", database_url, "demo-data", "--households", str(BATCH_SIZE + 500),
        "--seed", "5", "--as-of", "2026-11-01", "--quiet",
    )
    seen: list[int] = []
    # the first batch committed, the second under way: one kill tries both at once
    moments = [After(lambda: households() >= BATCH_SIZE, 0.3)]
    for outcome in kill_during(argv, env, moments):
        assert outcome.killed, (outcome.moment, outcome.stderr[-2000:])
        assert "Traceback" not in outcome.stderr
        assert_register_sound(database_url, env)
        seen.append(households())
    # the whole first batch was kept, nothing of the second (db check above: each
    # household complete, each pass in the trail)
    assert seen == [BATCH_SIZE], seen
    # started again, demo data carries on after what the killed runs kept
    again = run_kpass_to_end(
        "--database", database_url, "demo-data", "--households", "20", "--seed", "5",
        "--as-of", "2026-11-01", "--quiet", env=env,
    )
    assert again.returncode == 0, again.stderr
    assert households() == seen[-1] + 20
    assert_register_sound(database_url, env)


def printable_numbers(database: Database, limit: int) -> list[str]:
    today = date.today().isoformat()
    with database.connect() as connection:
        return list(
            connection.execute(
                text(
                    "SELECT DISTINCT p.number FROM pass p "
                    "JOIN pass_validity v ON v.pass_id = p.id "
                    "WHERE p.status = 'active' AND v.valid_from <= :today "
                    "AND v.valid_until >= :today ORDER BY p.number LIMIT :limit"
                ),
                {"today": today, "limit": limit},
            ).scalars()
        )


@pytest.mark.parametrize("backend", ["sqlite"])  # the file is the point; the record is one
def test_a_sheet_of_cards_killed_leaves_no_half_pdf(  # short transaction, as on PostgreSQL
    demo_register: Callable[[int, int, date], Database], tmp_path: Path
) -> None:
    database = demo_register(400, 11, date.today())
    url = database.url.render_as_string(hide_password=False)
    numbers = printable_numbers(database, 150)
    assert len(numbers) >= 100
    database.dispose()
    folder = tmp_path / "Ausgabe"
    folder.mkdir(mode=0o700)
    out = folder / "bogen.pdf"
    env = dict(os.environ)
    argv = kpass_argv(
        "--database", url, "print", "sheet", "--passes", ",".join(numbers), "--out", str(out)
    )

    def drawing() -> bool:
        return bool(temporaries(folder))

    def drawn() -> bool:  # the sheet is in its temporary file: recording, renaming
        return any(part.stat().st_size > 0 for part in temporaries(folder) if part.exists())

    moments = [After(drawing, 0.0), After(drawing, 0.8), After(drawn, 0.0)]
    left: list[int] = []
    for number, outcome in enumerate(kill_during(argv, env, moments)):
        assert outcome.killed or outcome.returncode == 0, (outcome, outcome.stderr[-2000:])
        assert_no_half_written_files(folder, [out])
        if number < 2:
            assert not out.exists()  # killed while drawing: no card sheet at all
        assert_register_sound(url, env)
        left.append(len(temporaries(folder)))
    # a killed writer cannot remove its temporary file; the next one removes it before it
    # starts, so they never pile up
    assert left[:2] == [1, 1], left
    # the next print of the same file removes what the killed ones left
    done = run_kpass_to_end(*argv[3:], env=env)
    assert done.returncode == 0, done.stderr
    assert_complete_pdf_or_none(out)
    assert out.exists() and temporaries(folder) == []
    assert out.stat().st_mode & 0o777 == 0o600
    assert_register_sound(url, env)
