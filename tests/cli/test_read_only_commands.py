"""Commands that only read write nothing but the audit trail's note that somebody logged in
(and read in bulk): not a signing key, not a user row, no other row changed.

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


AUDIT_TABLES = {"audit_event", "audit_head"}
#: what reading may add to the trail
READING_EVENTS = {"login", "bulk_read"}


def fingerprint(database: Database) -> tuple[str, list[str]]:
    """A hash of every row outside the audit trail, and the actions in the trail."""
    digest = hashlib.sha256()
    with database.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in AUDIT_TABLES:
                continue
            rows = connection.execute(table.select()).all()
            digest.update(table.name.encode())
            for row in sorted(repr(tuple(row)) for row in rows):
                digest.update(row.encode())
        actions = list(
            connection.execute(text("SELECT action FROM audit_event ORDER BY seq")).scalars()
        )
    return digest.hexdigest(), actions


def assert_only_reading_was_recorded(
    before: tuple[str, list[str]], after: tuple[str, list[str]]
) -> None:
    assert after[0] == before[0], "a reading command changed the register"
    assert after[1][: len(before[1])] == before[1], "the trail lost events"
    assert set(after[1][len(before[1]):]) <= READING_EVENTS


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
    assert_only_reading_was_recorded(before, fingerprint(register))


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
    assert_only_reading_was_recorded(before, fingerprint(register))


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
    assert_only_reading_was_recorded(before, fingerprint(register))


def test_search_by_a_name_starting_with_ka_still_finds_it(
    register: Database, database_url: str
) -> None:
    status, out, _ = run("--database", database_url, "search", "Kaya")
    assert status == 0 and "Kaya, Elif" in out and "Kaya, Can" in out
