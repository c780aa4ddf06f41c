"""``kpass db …`` and bad input on the command line: one clear line, no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from kpass.cli import main
from kpass.models.engine import Database
from tests.cli_process import run_kpass


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m kpass`` in a process of its own, forked from one that imported kpass."""
    return run_kpass(*args, timeout=120, env={**os.environ, **(env or {})})


def run_python_m_kpass(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m kpass`` from the interpreter's start: this proves the real start works."""
    return subprocess.run(
        [sys.executable, "-m", "kpass", *args], capture_output=True, text=True, timeout=120
    )


def test_status_json_on_a_fresh_database(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", database_url, "db", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["revision"]
    assert status["demo_register"] is False
    assert status["counts"] == {
        "households": 0,
        "persons": 0,
        "applications": 0,
        "decisions": 0,
        "passes": 0,
        "active_passes": 0,
    }
    assert "password" not in status["database"]


def test_database_url_from_the_environment(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'env.sqlite'}"
    upgraded = run_cli("db", "upgrade", env={"KPASS_DATABASE_URL": url})
    assert upgraded.returncode == 0, upgraded.stderr
    status = run_cli("db", "status", "--json", env={"KPASS_DATABASE_URL": url})
    assert json.loads(status.stdout)["database"] == url


def test_check_passes_on_a_sound_database(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", database_url, "db", "check"]) == 0
    assert "no problems" in capsys.readouterr().out


def test_check_finds_broken_rows(
    database: Database, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with database.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO household (id, issuer, created_at, version) "
                 "VALUES (7, 'ka', CURRENT_TIMESTAMP, 1)")
        )
        connection.execute(
            text(
                "INSERT INTO person (id, family_name, given_names, family_name_key,"
                " given_names_key, sort_key, birth_date, disability, foster_child, created_at,"
                " version, issuer) VALUES "
                "(5, 'Weiß', 'Jörg', 'weiss', 'joerg', 'weiss', :b, false, false,"
                " CURRENT_TIMESTAMP, 1, 'ka')"
            ),
            {"b": date(1970, 1, 1)},
        )
        connection.execute(
            text(
                "INSERT INTO pass (id, number, person_id, pass_type, status, created_at, version,"
                " issuer) VALUES (3, 'KA-000001-23', 5, 'kinderpass', 'active',"
                " CURRENT_TIMESTAMP, 1, 'ka')"
            )
        )
    assert main(["--database", database_url, "db", "check"]) == 1
    out = capsys.readouterr().out
    assert "household without any member: 1 × — ids 7" in out
    assert "person who never belonged to a household: 1 × — ids 5" in out
    assert "pass without a validity period" in out
    assert "pass number with wrong check digits: 1 × — KA-000001-23 (id 3)" in out


def test_check_finds_a_dangling_foreign_key_in_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fk.sqlite'}"
    assert run_cli("--database", url, "db", "upgrade").returncode == 0
    import sqlite3

    with sqlite3.connect(tmp_path / "fk.sqlite") as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute(
            "INSERT INTO household_member (household_id, person_id, role, "
            "valid_from) VALUES (99, 98, 'applicant', '2026-01-01')"
        )
    result = run_cli("--database", url, "db", "check")
    assert result.returncode == 1
    assert "foreign key: household_member" in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--database", "nonsense:x", "db", "status"], "Not a database URL"),
        (["--database", "mysql://u@h/db", "db", "status"], "Nicht unterstützte Datenbank"),
        (
            ["--database", "postgresql://kpass@127.0.0.1:9/none", "db", "status"],
            "cannot be reached",
        ),
        (
            ["--database", "sqlite:////nonexistent-kpass-dir/x.sqlite", "db", "check"],
            "There is no database",
        ),
        (["demo-data", "--households", "-5"], "--households: '-5' is not a whole number from 0"),
        (["demo-data", "--as-of", "2026-13-01"], "ist kein Datum"),
    ],
)
def test_bad_input_gives_one_clear_message(args: list[str], expected: str, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    run_cli("--database", url, "db", "upgrade")
    result = run_cli(*args, env={"KPASS_DATABASE_URL": url})
    assert result.returncode != 0
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert not Path("/nonexistent-kpass-dir").exists()


def test_locked_database_is_reported(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "locked.sqlite"
    url = f"sqlite:///{path}"
    assert run_cli("--database", url, "db", "upgrade").returncode == 0
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run_cli("--database", url, "demo-data", "--households", "1")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 1
    assert "locked" in result.stderr and "gesperrt" in result.stderr
    assert "Traceback" not in result.stderr


def test_schema_missing_is_reported(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "plain.sqlite"
    sqlite3.connect(path).close()
    result = run_cli("--database", f"sqlite:///{path}", "db", "check")
    assert result.returncode == 1
    assert "kpass db upgrade" in result.stderr


def test_version_and_help() -> None:
    from kpass import __version__

    assert run_python_m_kpass("--version").stdout.strip() == f"kpass {__version__}"
    help_text = run_cli("--help").stdout
    for command in ("db", "demo-data", "search", "gui"):
        assert command in help_text
