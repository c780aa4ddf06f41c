"""Schema upgrades with Alembic; the SQLite file is copied aside before anything changes."""

from __future__ import annotations

import contextlib
import errno
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

from kpass.errors import DatabaseError
from kpass.models.engine import (
    SQLITE_BUSY_TIMEOUT_MS,
    SQLITE_COMPANIONS,
    UPGRADE_COPY_INFIX,
    Database,
    translate_errors,
)
from kpass.settings import create_private_file

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: The newest migration's revision. Every start compares the register with it; reading it
#: from the migration scripts meant importing Alembic (a tenth of the start) for a
#: comparison. A test holds it equal to the scripts' head.
HEAD_REVISION = "0018"


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return HEAD_REVISION


def current_revision(database: Database) -> str | None:
    """The register's schema revision (``None``: no schema yet), as Alembic records it."""
    with database.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return None if found is None else str(found)


#: Free space the copy before an upgrade must leave beyond its own size: the upgrade then
#: rewrites tables through the WAL, and the rest of the system needs room too.
COPY_MARGIN_BYTES = 32 * 1024 * 1024
COPY_MARGIN_SHARE = 0.10


@dataclass(frozen=True)
class VerifiedCopy:
    """A copy of the register that was read back: sound, and every table holds as many rows
    as the register did when it was copied."""

    path: Path
    tables: int
    rows: int


@dataclass(frozen=True)
class UpgradeResult:
    before: str | None
    after: str
    backup: Path | None
    copy: VerifiedCopy | None = None
    #: PostgreSQL: the row-level security of the Sozialregion was set (kpass.models.row_security)
    row_security: bool = False
    #: its group roles the upgrading role could not create (no CREATEROLE)
    missing_roles: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _megabytes(size: int) -> tuple[str, str]:
    text = f"{size / 1_000_000:,.1f} MB"
    return text, text.replace(",", " ").replace(".", ",")


def space_needed_for_copy(source: Path) -> int:
    """Bytes a copy of the SQLite file (its WAL included) needs, with the margin."""
    size = 0
    for file in (source, source.with_name(source.name + "-wal")):
        with contextlib.suppress(OSError):
            size += file.stat().st_size
    return size + max(COPY_MARGIN_BYTES, int(size * COPY_MARGIN_SHARE))


def check_space_for_copy(source: Path) -> None:
    """Refuse (:class:`DatabaseError`, nothing written) when the folder of ``source`` has
    less free space than a copy of it needs."""
    needed = space_needed_for_copy(source)
    try:
        free = shutil.disk_usage(source.parent).free
    except OSError:
        return  # unknown (a network drive may not say): the copy itself will tell
    if free >= needed:
        return
    need_en, need_de = _megabytes(needed)
    free_en, free_de = _megabytes(free)
    raise DatabaseError(
        f"Not enough free space for the copy of the database before the upgrade: {need_en} "
        f"needed, {free_en} free in {source.parent}. Nothing was changed. Free some space, "
        "then run kpass db upgrade again.",
        f"Nicht genug freier Platz für die Kopie der Datenbank vor der Aktualisierung: "
        f"{need_de} nötig, {free_de} frei in {source.parent}. Es wurde nichts geändert. Bitte "
        "Platz schaffen und dann kpass db upgrade noch einmal ausführen.",
    )


def _row_counts(connection: sqlite3.Connection) -> dict[str, int]:
    names = [
        str(row[0])
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    return {
        name: int(connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
        for name in names
    }


def _copy_failed(error: BaseException) -> DatabaseError:
    if isinstance(error, sqlite3.OperationalError) and "locked" in str(error).lower():
        return DatabaseError(
            "The database is locked by another program, so it could not be copied before "
            "the upgrade; nothing was changed. Try again in a moment.",
            "Die Datenbank ist von einem anderen Programm gesperrt und konnte vor der "
            "Aktualisierung nicht kopiert werden; es wurde nichts geändert. Bitte gleich noch "
            "einmal versuchen.",
        )
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EFBIG):
        reason_en, reason_de = "the disk is full", "der Datenträger ist voll"
    elif isinstance(error, OSError):
        reason_en = error.strerror or str(error)
        reason_de = f"Fehler des Betriebssystems: {reason_en}"
    elif isinstance(error, sqlite3.Error) and (
        "full" in str(error).lower() or getattr(error, "sqlite_errorcode", 0) & 0xFF == 13
    ):
        reason_en, reason_de = "the disk is full", "der Datenträger ist voll"
    elif isinstance(error, sqlite3.Error) and "i/o error" in str(error).lower():
        reason_en, reason_de = "disk I/O error", "Ein-/Ausgabefehler des Datenträgers"
    else:
        reason_en = str(error).strip().splitlines()[0] if str(error).strip() else type(
            error
        ).__name__
        reason_de = reason_en
    return DatabaseError(
        f"The copy of the database before the upgrade failed ({reason_en}); it was removed, "
        "and the database was not changed. Fix the cause, then run kpass db upgrade again.",
        f"Die Kopie der Datenbank vor der Aktualisierung ist fehlgeschlagen ({reason_de}); sie "
        "wurde entfernt, die Datenbank wurde nicht geändert. Bitte die Ursache beheben und "
        "dann kpass db upgrade noch einmal ausführen.",
    )


class _CopyMismatch(Exception):
    """The copy read back differs from the register."""


def _copy_into(source: Path, target: Path) -> VerifiedCopy:
    timeout = SQLITE_BUSY_TIMEOUT_MS / 1000
    # The write lock, taken before anything is copied: while another program writes, the
    # upgrade could not run either, and a copy made now would only be left behind. It is
    # held by a connection of its own: SQLite refuses to copy through a connection that
    # is writing (and Python's backup() would wait for that for ever).
    guard = sqlite3.connect(source, isolation_level=None, timeout=timeout)
    try:
        guard.execute("BEGIN IMMEDIATE")
        src = sqlite3.connect(source, isolation_level=None, timeout=timeout)
        try:
            # one read snapshot for the copy and the counts it is compared with
            src.execute("BEGIN")
            expected = _row_counts(src)
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
                # a copy set aside needs no WAL: read back read-only it leaves no -wal or -shm
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
            src.execute("COMMIT")
        finally:
            src.close()
    finally:
        guard.close()  # rolls back: nothing was written through it
    copy = sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True)
    try:
        check = [str(row[0]) for row in copy.execute("PRAGMA quick_check")]
        if check != ["ok"]:
            raise _CopyMismatch(f"integrity check of the copy: {'; '.join(check[:3])}")
        found = _row_counts(copy)
    finally:
        copy.close()
    if found != expected:
        differing = sorted(name for name in expected.keys() | found.keys()
                           if expected.get(name) != found.get(name))
        raise _CopyMismatch(f"the copy differs in the tables {', '.join(differing[:5])}")
    return VerifiedCopy(target, len(found), sum(found.values()))


def _remove_copy(target: Path) -> None:
    for suffix in ("", *SQLITE_COMPANIONS):
        with contextlib.suppress(OSError):
            target.with_name(target.name + suffix).unlink()


def copy_sqlite(source: Path, revision: str | None) -> VerifiedCopy:
    """Copy a SQLite database consistently (online backup API, safe with WAL) into a new
    file beside it, readable by its owner only (0600) like the register itself, and read
    the copy back. The free space is checked first; a copy that fails or does not match is
    removed (no empty or partial "copy" stays): :class:`DatabaseError` either way."""
    check_space_for_copy(source)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{source.stem}{UPGRADE_COPY_INFIX}{revision or 'leer'}-{stamp}"
    target = source.with_name(f"{name}.sqlite")
    attempt = 1
    try:
        # made empty first, so SQLite keeps its mode; a copy of the same second is not reused
        while not create_private_file(target):
            attempt += 1
            target = source.with_name(f"{name}-{attempt}.sqlite")
    except OSError as exc:
        raise _copy_failed(exc) from exc
    try:
        return _copy_into(source, target)
    except (OSError, sqlite3.Error, _CopyMismatch) as exc:
        _remove_copy(target)
        raise _copy_failed(exc) from exc
    except BaseException:
        _remove_copy(target)
        raise


def backup_sqlite(source: Path, revision: str | None) -> Path:
    """:func:`copy_sqlite`, for callers that want only the copy's path."""
    return copy_sqlite(source, revision).path


def upgrade(database: Database, *, backup: bool = True) -> UpgradeResult:
    """Bring the schema to the newest revision; a no-op when it is already there."""
    head = head_revision()
    before = current_revision(database)
    if before == head:
        return UpgradeResult(before, head, None)
    if before is not None and before not in _known_revisions():
        raise DatabaseError(
            f"The database has schema {before}, which this kpass version does not know "
            "(written by a newer kpass?).",
            f"Die Datenbank hat den Schemastand {before}, den diese kpass-Version nicht kennt "
            "(von einer neueren kpass-Version geschrieben?).",
        )
    copy: VerifiedCopy | None = None
    path = database.sqlite_path
    if backup and before is not None and path is not None and path.exists():
        copy = copy_sqlite(path, before)
    migrate_to(database, "upgrade", "head")
    return UpgradeResult(before, head, copy.path if copy is not None else None, copy)


def migrate_to(database: Database, direction: str, revision: str) -> None:
    """Run Alembic's ``upgrade`` or ``downgrade`` to ``revision`` in one transaction."""
    from alembic import command

    config = _config()
    with translate_errors(database), database.engine.connect() as connection:
        sqlite = database.is_sqlite
        raw = connection.connection.driver_connection
        assert raw is not None
        if sqlite:
            # Batch mode drops and re-creates tables that others refer to; with foreign
            # keys on, dropping one would cascade deletes into them. The pragma only
            # works outside a transaction; the references are checked before commit.
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                getattr(command, direction)(config, revision)
                if sqlite:
                    _refuse_broken_references(connection)
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys = ON")


def _refuse_broken_references(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        tables = ", ".join(sorted({str(row[0]) for row in broken}))
        raise DatabaseError(
            f"The upgrade would leave references to missing rows in: {tables}; nothing "
            "was changed.",
            f"Die Aktualisierung hinterließe Verweise auf fehlende Zeilen in: {tables}; es "
            "wurde nichts geändert.",
        )


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}


def ensure_current(database: Database) -> None:
    """Raise unless the schema is at head (used by commands that must not migrate)."""
    current = current_revision(database)
    if current != head_revision():
        raise DatabaseError(
            f"The database schema is {current or 'empty'}, expected {head_revision()}; "
            "run: kpass db upgrade",
            f"Der Schemastand der Datenbank ist {current or 'leer'}, erwartet "
            f"{head_revision()}; bitte ausführen: kpass db upgrade",
        )
