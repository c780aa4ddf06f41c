"""Commands that only read write nothing: not a signing key, not a user row, not a byte.

``kpass verify`` on a database without a signing key says so (exit 1) instead of making
one; ``kpass search "KA-"`` finds nobody and asks for at least four digits, as the search
field does, instead of listing everybody called "Ka…".
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
from datetime import date

import pytest
from sqlalchemy import text

from kpass.cli import main
from kpass.models import Base
from kpass.models.engine import Database
from kpass.services.search.persons import search_persons
from tests.register_builder import add_household


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    # Whatever lived before the command is none of its garbage: frozen, the collection below
    # looks at the command's objects only, not at everything the session holds (late in the
    # whole suite a full collection took ~0.7 s).
    gc.freeze()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(list(argv))
            except SystemExit as exc:
                status = int(exc.code or 0)
        gc.collect()  # the command's engine closes its connections (SQLite: its WAL)
    finally:
        gc.unfreeze()
    return status, out.getvalue(), err.getvalue()


def row_counts(database: Database) -> dict[str, int]:
    with database.connect() as connection:
        return {
            table.name: int(
                connection.execute(text(f'SELECT count(*) FROM "{table.name}"')).scalar_one()
            )
            for table in Base.metadata.sorted_tables
        }


def fingerprint(database: Database) -> tuple[dict[str, int], str | None]:
    """Rows per table and, on SQLite, a hash of the database file once all is written."""
    counts = row_counts(database)
    database.dispose()  # the last connection checkpoints the WAL into the file
    path = database.sqlite_path
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path is not None else None
    return counts, digest


@pytest.fixture
def register(database: Database) -> Database:
    add_household(database, [
        ("Kaya", "Elif", date(1980, 1, 10), "applicant"),
        ("Kaya", "Can", date(2015, 9, 1), "child"),
    ])
    add_household(database, [("Kaiser", "Anna", date(1962, 3, 12), "applicant")])
    return database


def test_verify_without_a_key_says_so_and_makes_none(
    register: Database, database_url: str
) -> None:
    before = fingerprint(register)
    status, out, err = run("--database", database_url, "verify", "KP1*P*KA-123456-78*x*y")
    assert status == 1, (out, err)
    assert "no signing key" in err and "keinen Signaturschlüssel" in err
    assert "--public-key" in err
    assert fingerprint(register) == before


@pytest.mark.parametrize("typed", ["KA-", "KA-1", "ka 103", "KA–"])
def test_search_for_a_begun_pass_number_finds_nobody_and_asks_for_four_digits(
    register: Database, database_url: str, typed: str
) -> None:
    assert [hit.family_name for hit in search_persons(register, "Ka").hits]  # Kaya, Kaiser
    assert search_persons(register, typed).hits == ()
    before = fingerprint(register)
    status, out, err = run("--database", database_url, "search", typed)
    assert status == 2 and out == ""
    assert "at least four digits" in err and "mindestens vier Ziffern" in err
    assert fingerprint(register) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["verify", "KP1*garbage"],
        ["search", "Kaya"],
        ["search", "Kaiserstraße 1"],
        ["passes", "list", "--all", "--json"],
        ["passes", "count", "--active-on", "2026-06-01"],
        ["db", "status", "--json"],
        ["db", "check"],
        ["rules", "impact", "--threshold", "1430.00", "--on", "2026-06-01"],
    ],
)
def test_reading_commands_leave_the_database_as_it_was(
    register: Database, database_url: str, argv: list[str]
) -> None:
    before = fingerprint(register)
    status, _out, err = run("--database", database_url, *argv)
    assert status in (0, 1), err
    assert "Traceback" not in err
    assert fingerprint(register) == before


def test_search_by_a_name_starting_with_ka_still_finds_it(
    register: Database, database_url: str
) -> None:
    status, out, _ = run("--database", database_url, "search", "Kaya")
    assert status == 0 and "Kaya, Elif" in out and "Kaya, Can" in out
