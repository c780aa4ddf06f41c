"""Schema upgrades with Alembic; the SQLite file is copied aside before anything changes."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from kpass.errors import DatabaseError
from kpass.models.engine import UPGRADE_COPY_INFIX, Database, translate_errors
from kpass.settings import create_private_file

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(database: Database) -> str | None:
    with database.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@dataclass(frozen=True)
class UpgradeResult:
    before: str | None
    after: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def backup_sqlite(source: Path, revision: str | None) -> Path:
    """Copy a SQLite database consistently (online backup API, safe with WAL) into a new
    file beside it, readable by its owner only (0600) like the register itself."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{source.stem}{UPGRADE_COPY_INFIX}{revision or 'leer'}-{stamp}"
    target = source.with_name(f"{name}.sqlite")
    attempt = 1
    # made empty first, so SQLite keeps its mode; a copy of the same second is not reused
    while not create_private_file(target):
        attempt += 1
        target = source.with_name(f"{name}-{attempt}.sqlite")
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


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
    copy: Path | None = None
    path = database.sqlite_path
    if backup and before is not None and path is not None and path.exists():
        copy = backup_sqlite(path, before)
    migrate_to(database, "upgrade", "head")
    return UpgradeResult(before, head, copy)


def migrate_to(database: Database, direction: str, revision: str) -> None:
    """Run Alembic's ``upgrade`` or ``downgrade`` to ``revision`` in one transaction."""
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
