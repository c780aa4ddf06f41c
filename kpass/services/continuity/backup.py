"""``kpass backup``: a copy of the whole register while it is in use, checked before it
counts as written.

SQLite is copied with its online backup API, PostgreSQL with ``pg_dump -Fc`` in the
snapshot its row counts were read in. The copy goes into a private work folder, the backup
file is written beside its target under a temporary name (0600), unpacked again and checked
(:mod:`kpass.services.continuity.verification`), and only then renamed into place: a backup
file that exists is one that was read back whole.

The copy itself writes nothing into the register: it must work while the app holds a write
transaction open, and on a register the owner may only read. Once the file is in place, one
short transaction records the backup in the audit trail (a backup is the bulkiest read of
all); when that cannot be written — the register is busy beyond the lock timeout, or
read-only — the backup stands and the result says it was not recorded.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Connection, text

from kpass import __version__
from kpass.atomic_file import OutputRefused, failure_reasons, prepare_file
from kpass.errors import KpassError
from kpass.models.engine import Database, translate_errors
from kpass.services.access.guard import owner_command
from kpass.services.continuity import postgres_tools, sqlite_copies
from kpass.services.continuity.backup_file import (
    BackupManifest,
    check_new_passphrase,
    file_digest,
    new_encryption,
    starts_like_a_backup,
    write_backup,
)
from kpass.services.continuity.errors import BackupFailed, system_failures
from kpass.services.continuity.locations import new_backup_path, private_backup_folder
from kpass.services.continuity.postgres_tools import display_url
from kpass.services.continuity.verification import (
    PAYLOAD_NAMES,
    unpack_and_verify,
    work_folder,
)
from kpass.services.uow import UnitOfWork
from kpass.settings import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, create_private_file

BACKUP_ACTION = "backup"
#: How long recording a backup waits for a seat that is saving (a save takes milliseconds).
RECORD_WAIT_SECONDS = 0.5


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: BackupManifest
    #: what ``db check`` found in the copy: findings about the register itself (they are
    #: in the database too), not damage of the backup
    problems: tuple[str, ...]
    seconds: float
    #: whether the audit trail holds the "backup" event of this file
    recorded: bool = False

    def as_json(self) -> dict[str, object]:
        return {
            "file": str(self.path),
            "size": self.path.stat().st_size if self.path.exists() else None,
            "seconds": round(self.seconds, 3),
            "problems": list(self.problems),
            "recorded_in_audit_trail": self.recorded,
            "manifest": self.manifest.as_json(),
        }


def _no_register(database: Database) -> BackupFailed:
    return BackupFailed(
        f"The database {display_url(database.url)} holds no kpass register (no schema); there "
        "is nothing to back up.",
        f"Die Datenbank {display_url(database.url)} enthält kein kpass-Register (kein Schema); "
        "es gibt nichts zu sichern.",
    )


def _copy_sqlite(database: Database, payload: Path) -> tuple[str | None, dict[str, int]]:
    path = database.sqlite_path
    if path is None or not path.exists() or path.stat().st_size == 0:
        raise _no_register(database)
    return sqlite_copies.snapshot(path, payload)


def postgresql_counts(connection: Connection) -> tuple[str | None, dict[str, int]]:
    """Schema revision and rows of every table in schema ``public`` (in the connection's
    transaction)."""
    names = list(connection.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
    )).scalars())
    counts: dict[str, int] = {}
    for name in names:
        quoted = str(name).replace('"', '""')
        counts[str(name)] = int(
            connection.execute(text(f'SELECT COUNT(*) FROM public."{quoted}"')).scalar_one()
        )
    revision = None
    if "alembic_version" in counts:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return (None if revision is None else str(revision)), counts


def _copy_postgresql(database: Database, payload: Path) -> tuple[str | None, dict[str, int]]:
    postgres_tools.find_tool("pg_dump")  # before anything: say at once what is missing
    with translate_errors(database), database.engine.connect() as connection:
        snapshot_connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with snapshot_connection.begin():
            # pg_dump reads the very state the counts are read in
            snapshot = str(snapshot_connection.execute(
                text("SELECT pg_export_snapshot()")).scalar_one())
            revision, counts = postgresql_counts(snapshot_connection)
            postgres_tools.dump(database.url, payload, snapshot)
    return revision, counts


def _refuse_other_file(out: Path) -> None:
    """``--out`` replaces only an earlier backup (or an empty file)."""
    try:
        size = out.stat().st_size
    except OSError:
        return
    if out.is_dir():
        raise OutputRefused(
            f"{out} is a folder; name the backup file (e.g. {out / 'kpass.kpassbackup'}).",
            f"{out} ist ein Ordner; bitte die Sicherungsdatei nennen (z. B. "
            f"{out / 'kpass.kpassbackup'}).",
        )
    if size > 0 and not starts_like_a_backup(out):
        raise OutputRefused(
            f"Will not replace {out}: it is not a kpass backup. Choose another file name.",
            f"{out} wird nicht ersetzt: das ist keine kpass-Sicherung. Bitte einen anderen "
            "Dateinamen wählen.",
        )


def make_backup(
    database: Database,
    target: Path,
    passphrase: str | None,
    trigger: str,
    *,
    require_register: bool = True,
) -> BackupResult:
    """Write a checked backup of ``database`` to ``target`` (see the module)."""
    started = time.monotonic()
    encryption, key = new_encryption(passphrase) if passphrase is not None else (None, None)
    kind = "sqlite" if database.is_sqlite else "postgresql"
    created_at = datetime.now(UTC)
    with work_folder(private_backup_folder(database)) as work:
        payload = work / PAYLOAD_NAMES[kind]
        create_private_file(payload)
        if kind == "sqlite":
            revision, counts = _copy_sqlite(database, payload)
        else:
            revision, counts = _copy_postgresql(database, payload)
        if revision is None and require_register:
            raise _no_register(database)
        size, digest = file_digest(payload)
        manifest = BackupManifest(
            kpass_version=__version__,
            database_kind=kind,
            schema_revision=revision,
            created_at=created_at,
            trigger=trigger,
            source=display_url(database.url),
            counts=counts,
            payload_size=size,
            payload_sha256=digest,
            encryption=encryption,
        )

        def produce(stream: BinaryIO) -> None:
            write_backup(stream, manifest, payload, key)

        try:
            prepared = prepare_file(target, produce, None, mode=PRIVATE_FILE_MODE)
        except OSError as exc:
            why_en, why_de = failure_reasons(exc)
            raise BackupFailed(
                f"Cannot write the backup {target}: {why_en}.",
                f"Die Sicherung {target} kann nicht geschrieben werden: {why_de}.",
            ) from exc
        with prepared:
            payload.unlink()  # the check unpacks the file as written, not this copy
            assert prepared.temporary is not None
            checked = work / "check"
            checked.mkdir(mode=PRIVATE_DIR_MODE)
            verified = unpack_and_verify(prepared.temporary, passphrase, checked)
            prepared.install()
    recorded = revision is not None and _record(database, target, manifest)
    return BackupResult(target, manifest, verified.problems, time.monotonic() - started,
                        recorded)


def _write_lock_free(path: Path) -> bool:
    """Whether SQLite's write lock can be had within a moment (taken and given back)."""
    try:
        probe = sqlite3.connect(path, timeout=RECORD_WAIT_SECONDS, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return True
    except sqlite3.Error:
        return False
    finally:
        probe.close()


def _record(database: Database, target: Path, manifest: BackupManifest) -> bool:
    """The "backup" event: which file, how made, how many rows — never a path outside the
    file's name (it may name a person's home folder) or anything of the content."""
    if database.sqlite_path is not None and not _write_lock_free(database.sqlite_path):
        return False  # a seat is saving: the backup does not wait for it (see the module)
    try:
        with UnitOfWork(database) as uow:
            uow.audit(BACKUP_ACTION, "register", None, file=target.name,
                      trigger=manifest.trigger, encrypted=manifest.encrypted,
                      rows=sum(manifest.counts.values()))
            uow.commit()
    except KpassError:
        return False  # busy or read-only: the backup is good, only its record is missing
    return True


@owner_command
def create_backup(
    database: Database, out: Path | None = None, passphrase: str | None = None
) -> BackupResult:
    """``kpass backup``: the register into ``out`` (else a new file in the backup folder),
    encrypted when a passphrase is given."""
    # a full disk, a folder that cannot be made: a message naming the file, no traceback
    with system_failures("Making the backup", "Das Erstellen der Sicherung",
                         out.parent if out is not None else None,
                         "No backup file was left behind.",
                         "Es wurde keine Sicherungsdatei hinterlassen."):
        if out is not None:
            _refuse_other_file(out)
            return make_backup(database, out, passphrase, "manual")
        if passphrase is not None:
            check_new_passphrase(passphrase)  # refused before a file is named
        target = new_backup_path(database, datetime.now())
        try:
            return make_backup(database, target, passphrase, "manual")
        except BaseException:
            _remove_if_empty(target)
            raise


def _remove_if_empty(path: Path) -> None:
    try:
        if path.stat().st_size == 0:
            path.unlink()
    except OSError:
        pass
