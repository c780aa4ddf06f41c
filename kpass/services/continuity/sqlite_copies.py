"""Copying a SQLite register with SQLite's online backup API, counting what a copy holds,
and putting a database into place.

The online backup reads one consistent state of the database while other connections keep
working: a write transaction the app has open is neither waited for nor copied half-done.
Everything here uses the standard library's ``sqlite3`` directly, since the copies are plain
files and must not be opened through the register's own engine (which would count them as
the register in use).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from pathlib import Path

from kpass.errors import DatabaseError
from kpass.models.engine import SQLITE_BUSY_TIMEOUT_MS, SQLITE_COMPANIONS
from kpass.settings import create_private_file

_TIMEOUT = SQLITE_BUSY_TIMEOUT_MS / 1000


def _connect(path: Path) -> sqlite3.Connection:
    # autocommit mode: the transactions below are begun and ended explicitly
    return sqlite3.connect(str(path), timeout=_TIMEOUT, isolation_level=None)


def table_counts(connection: sqlite3.Connection) -> tuple[str | None, dict[str, int]]:
    """The schema revision and the rows of every table (Alembic's included)."""
    names = [
        str(row[0])
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
        )
    ]
    counts = {}
    for name in names:
        quoted = name.replace('"', '""')
        counts[name] = int(connection.execute(f'SELECT COUNT(*) FROM "{quoted}"').fetchone()[0])
    revision = None
    if "alembic_version" in counts:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = None if row is None else str(row[0])
    return revision, counts


def counts_of_file(path: Path) -> tuple[str | None, dict[str, int]]:
    connection = _connect(path)
    try:
        return table_counts(connection)
    finally:
        connection.close()


def integrity_problems(path: Path) -> list[str]:
    """SQLite's own check of every page and index; empty when sound."""
    connection = _connect(path)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        connection.close()
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found


def snapshot(source: Path, target: Path) -> tuple[str | None, dict[str, int]]:
    """Copy ``source`` into ``target`` (an existing private file) as one consistent state,
    and count that same state: the counts are read in the read transaction the backup API
    copies from. The copy is a single file (rollback journal, not WAL)."""
    src = _connect(source)
    try:
        src.execute("BEGIN")
        revision, counts = table_counts(src)
        dst = _connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
        src.execute("COMMIT")
    except sqlite3.Error as exc:
        raise _database_error(source, exc) from exc
    finally:
        src.close()
    return revision, counts


def _database_error(path: Path, exc: sqlite3.Error) -> DatabaseError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return DatabaseError(
            f"The database is locked by another program ({path}); try again in a moment.",
            f"Die Datenbank ist von einem anderen Programm gesperrt ({path}); bitte gleich "
            "noch einmal versuchen.",
        )
    return DatabaseError(
        f"The database {path} cannot be used: {text}",
        f"Die Datenbank {path} kann nicht verwendet werden: {text}",
    )


def set_aside(path: Path, target: Path) -> None:
    """Keep the database as it is now in ``target`` (mode 0600): consistently through the
    backup API when SQLite can still read it, else byte for byte with its WAL file (a
    damaged register is kept as found, for whoever looks into what happened)."""
    create_private_file(target)
    try:
        src = _connect(path)
        try:
            dst = _connect(target)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        return
    except sqlite3.DatabaseError:
        pass
    shutil.copyfile(path, target)
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        copy = target.with_name(target.name + "-wal")
        create_private_file(copy)
        shutil.copyfile(wal, copy)


def install(copy: Path, path: Path) -> None:
    """Make ``path`` hold what ``copy`` holds.

    Through the backup API into the open database first: it takes SQLite's write lock, so a
    connection of another program sees the restored register at its next transaction and
    none writes into a file that was swapped away beneath it; a register locked longer than
    the busy timeout is refused. When ``path`` is no longer a database SQLite can open (its
    header destroyed), nothing can have it open usefully: the copy is renamed into place
    and the old WAL and shared-memory files are removed.
    """
    try:
        src = _connect(copy)
        try:
            dst = _connect(path)
            try:
                src.backup(dst)
                dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                dst.close()
        finally:
            src.close()
        return
    except sqlite3.OperationalError as exc:  # locked, read-only, a disk error
        raise _database_error(path, exc) from exc
    except sqlite3.DatabaseError:  # "file is not a database", "malformed": replaced below
        pass
    for suffix in SQLITE_COMPANIONS:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path.with_name(path.name + suffix))
    os.chmod(copy, 0o600)
    os.replace(copy, path)
