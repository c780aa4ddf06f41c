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


def _give_up_when_busy(status: int, _remaining: int, _pages: int) -> None:
    """Progress callback of a backup: Python's ``backup`` retries a locked database without
    end; once SQLite's busy timeout has passed in a step, the register counts as locked."""
    if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        raise sqlite3.OperationalError("database is locked")


def set_aside(path: Path, target: Path) -> None:
    """Keep the database as it is now in ``target`` (an existing private file): consistently
    through the backup API when SQLite can still read it, else byte for byte with its WAL
    file (a damaged register is kept as found, for whoever looks into what happened).

    Only a database SQLite calls damaged ("not a database", "malformed") is copied byte for
    byte: one that is locked or busy, or a disk error, is raised as such — a raw copy of a
    file another program is writing would be a torn copy."""
    try:
        src = _connect(path)
        try:
            dst = _connect(target)
            try:
                src.backup(dst, progress=_give_up_when_busy)
            finally:
                dst.close()
        finally:
            src.close()
        return
    except sqlite3.OperationalError as exc:  # locked, busy, I/O, disk full: no raw copy
        raise _database_error(path, exc) from exc
    except sqlite3.DatabaseError:  # "file is not a database", "malformed"
        pass
    shutil.copyfile(path, target)
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        copy = target.with_name(target.name + "-wal")
        create_private_file(copy)
        shutil.copyfile(wal, copy)


def replace(copy: Path, path: Path, aside: Path | None) -> None:
    """Make ``path`` hold what ``copy`` holds, after keeping what it holds now in ``aside``
    (when given; see :func:`set_aside`) — both under one write lock, so that no other
    program commits in between into the register that is about to be replaced (its change
    would end up in neither the copy set aside nor the restored register).

    The checked copy is written through the backup API into the open database: the backup
    takes SQLite's write lock at its first step and holds it until the last, and the copy
    aside is made right after that first step, while the lock is held, by a connection
    that reads the register as last committed (the backup's own pages are not committed
    yet). So another program's connection sees the register as it was, then the restored
    one, never half of it, and none writes into a file swapped away beneath it; a register
    locked longer than the busy timeout is refused, with nothing changed.

    When ``path`` is no longer a database SQLite can open (its header destroyed), nothing
    can have it open usefully: it is copied aside byte for byte, the copy is renamed into
    place and the old WAL and shared-memory files are removed.
    """
    kept = aside is None

    def after_step(status: int, remaining: int, pages: int) -> None:
        nonlocal kept
        _give_up_when_busy(status, remaining, pages)
        if status == sqlite3.SQLITE_OK and not kept:
            assert aside is not None
            kept = True
            set_aside(path, aside)

    try:
        src = _connect(copy)
        try:
            if aside is not None and _page_count(src) < 2:
                # the first step would already be the last: no moment to keep the register
                # under the lock (never a kpass register, which has many pages)
                set_aside(path, aside)
                kept = True
            dst = _connect(path)
            try:
                # one page a step: the copy aside is made after the first one, under the
                # lock the backup holds from then on
                src.backup(dst, pages=1 if not kept else -1, progress=after_step)
                dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                dst.close()
        finally:
            src.close()
        return
    except sqlite3.OperationalError as exc:  # locked, read-only, a disk error
        raise _database_error(path, exc) from exc
    except sqlite3.DatabaseError:  # "file is not a database", "malformed": replaced below
        if kept and aside is not None:
            raise  # the register opened for the copy aside; never swap it away then
    if aside is not None:
        set_aside(path, aside)
    for suffix in SQLITE_COMPANIONS:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path.with_name(path.name + suffix))
    os.chmod(copy, 0o600)
    os.replace(copy, path)


def _page_count(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA page_count").fetchone()[0])
