"""A read-only database, a full disk and a failing drive each get one clear line in both
languages that says nothing was changed — not "cannot be reached", not a driver's text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from kpass.models.engine import describe_db_error


def wrapped(orig: Exception) -> OperationalError:
    return OperationalError("INSERT INTO person …", None, orig)


def sqlite_error(path: Path, sql: str, *setup: str) -> sqlite3.Error:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("CREATE TABLE IF NOT EXISTS t (x)")
    for statement in setup:
        connection.execute(statement)
    try:
        connection.execute(sql)
    except sqlite3.Error as exc:
        return exc
    finally:
        connection.close()
    raise AssertionError(f"{sql} went through")


def test_sqlite_readonly(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as raised:
        connection.execute("INSERT INTO t VALUES (1)")
    connection.close()
    message = describe_db_error(wrapped(raised.value))
    assert "read-only" in message.message_en and "nothing was changed" in message.message_en
    assert "schreibgeschützt" in message.message_de and "nichts geändert" in message.message_de


def test_sqlite_full(tmp_path: Path) -> None:
    # SQLITE_FULL for real: the database may not grow by another page, as on a full disk
    exc = sqlite_error(
        tmp_path / "k.sqlite",
        "INSERT INTO t VALUES (zeroblob(100000))",
        "PRAGMA max_page_count = 3",
    )
    assert "full" in str(exc)
    message = describe_db_error(wrapped(exc))
    assert message.message_en.startswith("The disk holding the database is full")
    assert message.message_de.startswith("Der Datenträger der Datenbank ist voll")
    assert "nichts geändert" in message.message_de


def test_sqlite_disk_io_error() -> None:
    exc = sqlite3.OperationalError("disk I/O error")
    exc.sqlite_errorcode = 778  # SQLITE_IOERR_WRITE
    message = describe_db_error(wrapped(exc))
    assert "disk I/O error" in message.message_en
    assert "Ein-/Ausgabefehler" in message.message_de


def test_postgresql_read_only_and_disk_full() -> None:
    errors = pytest.importorskip("psycopg.errors")
    read_only = describe_db_error(
        wrapped(errors.ReadOnlySqlTransaction("cannot execute INSERT in a read-only transaction"))
    )
    assert "schreibgeschützt" in read_only.message_de
    full = describe_db_error(
        wrapped(errors.DiskFull('could not extend file "base/16384/2619": No space left on device'))
    )
    # "could not …" is not "cannot be reached"
    assert full.message_de.startswith("Der Datenträger der Datenbank ist voll"), full.message_de
