"""``kpass restore FILE``: the register from a backup, the current one kept aside first.

The order protects what is there: the backup file is unpacked and checked completely
(:mod:`kpass.services.continuity.verification`) and, if it was made by an older kpass,
its copy brought to the current schema — all before the current register is touched. A
register that holds data is replaced only with ``force``, and only after it was kept:

* SQLite: the file is copied aside beside it (``kpass.vor-wiederherstellung-….sqlite``,
  0600; byte for byte when SQLite can no longer read it) and the checked copy is written
  into it with SQLite's backup API, both under one write lock (no seat commits in between;
  another program's connection sees the restored register, never half of it) — or, when
  the file is no database any more, renamed into its place.
* PostgreSQL: the database is dumped into a backup file in the backup folder
  (``<name>-vor-wiederherstellung-….kpassbackup``, restorable with ``kpass restore``), then
  schema ``public`` is dropped and the SQL ``pg_restore`` wrote beforehand (whole, or the
  restore stops there) is run in one ``psql`` transaction: if anything fails the database
  stays as it was.

Afterwards the row counts must equal the backup's, a restore event is appended to the
audit trail through the normal audit API (actor "system"; the chain is continued, never
rewritten, so ``kpass audit verify`` passes) and ``db check`` runs.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kpass.models.engine import Database, open_database, translate_errors
from kpass.models.migrate import head_revision, upgrade
from kpass.services.access.guard import owner_command
from kpass.services.admin import upgrade_register
from kpass.services.admin.check import check_database
from kpass.services.continuity import postgres_tools, sqlite_copies
from kpass.services.continuity.backup import make_backup, postgresql_counts
from kpass.services.continuity.backup_file import BackupManifest, read_manifest
from kpass.services.continuity.errors import BackupFailed, RestoreRefused, system_failures
from kpass.services.continuity.locations import (
    BEFORE_RESTORE_INFIX,
    aside_copy_path,
    new_backup_path,
    private_backup_folder,
)
from kpass.services.continuity.postgres_tools import display_url
from kpass.services.continuity.verification import unpack_and_verify, work_folder
from kpass.services.login_session import SYSTEM_USERNAME
from kpass.services.uow import UnitOfWork
from kpass.settings import PRIVATE_DIR_MODE, create_private_file


@dataclass(frozen=True)
class RestoreResult:
    manifest: BackupManifest
    #: the register as it was before (a SQLite file or a backup file), None if it was empty
    set_aside: Path | None
    #: rows of every table right after the restore (before the restore event was recorded)
    counts: dict[str, int]
    #: the backup's schema revision when it had to be upgraded, else None
    upgraded_from: str | None
    #: what ``db check`` found after the restore
    problems: tuple[str, ...]

    def as_json(self) -> dict[str, object]:
        return {
            "set_aside": None if self.set_aside is None else str(self.set_aside),
            "upgraded_from": self.upgraded_from,
            "counts": self.counts,
            "problems": list(self.problems),
            "manifest": self.manifest.as_json(),
        }


def _refuse_kind(database: Database, manifest: BackupManifest) -> None:
    kind = "sqlite" if database.is_sqlite else "postgresql"
    if manifest.database_kind != kind:
        names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
        raise RestoreRefused(
            f"The backup is of a {names[manifest.database_kind]} register; it can only be "
            f"restored into a {names[manifest.database_kind]} database, not into "
            f"{display_url(database.url)}.",
            f"Die Sicherung stammt von einem {names[manifest.database_kind]}-Register; sie "
            f"kann nur in eine {names[manifest.database_kind]}-Datenbank zurückgespielt "
            f"werden, nicht in {display_url(database.url)}.",
        )


def _needs_force(database: Database) -> RestoreRefused:
    return RestoreRefused(
        f"{display_url(database.url)} already holds a register; restoring replaces it. Give "
        "--force to restore anyway (the current register is kept aside first).",
        f"{display_url(database.url)} enthält schon ein Register; die Wiederherstellung ersetzt "
        "es. Mit --force wird trotzdem wiederhergestellt (das jetzige Register wird vorher "
        "beiseitegelegt).",
    )


def _upgraded(copy_url: str) -> str | None:
    """Bring a restored copy to the current schema; its old revision, or None."""
    copy = open_database(copy_url, create_dir=False)
    try:
        result = upgrade(copy, backup=False)
    finally:
        copy.dispose()
    return result.before if result.changed else None


def _count_mismatch(database: Database, expected: dict[str, int], found: dict[str, int],
                    aside: Path | None) -> BackupFailed:
    kept_en = f" The register as it was before is in {aside}." if aside else ""
    kept_de = f" Das Register, wie es vorher war, liegt in {aside}." if aside else ""
    differing = sorted(name for name in set(expected) | set(found)
                       if expected.get(name) != found.get(name))
    return BackupFailed(
        f"After restoring, {display_url(database.url)} does not hold the rows of the backup "
        f"(tables {', '.join(differing[:5])}).{kept_en}",
        f"Nach der Wiederherstellung enthält {display_url(database.url)} nicht die Zeilen der "
        f"Sicherung (Tabellen {', '.join(differing[:5])}).{kept_de}",
    )


def _restore_sqlite(database: Database, file: Path, passphrase: str | None, force: bool,
                    now: datetime) -> tuple[BackupManifest, Path | None, dict[str, int],
                                            str | None]:
    path = database.sqlite_path
    if path is None:
        raise RestoreRefused(
            "A backup can only be restored into a database file or a PostgreSQL database.",
            "Eine Sicherung kann nur in eine Datenbankdatei oder eine PostgreSQL-Datenbank "
            "zurückgespielt werden.",
        )
    holds_data = path.exists() and path.stat().st_size > 0
    if holds_data and not force:
        raise _needs_force(database)
    database.dispose()  # no pooled connection of ours reads the file while it changes
    unchanged_en, unchanged_de = _UNCHANGED
    with system_failures("Restoring", "Die Wiederherstellung", path.parent,
                         unchanged_en, unchanged_de):
        path.parent.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
        created = False
        aside: Path | None = None
        # the work folder lies beside the register: a copy renamed into place stays on its
        # disk
        with work_folder(path.parent) as work:
            try:
                verified = unpack_and_verify(file, passphrase, work, run_check=False)
                upgraded_from = _upgraded(f"sqlite:///{verified.payload}")
                _revision, expected = sqlite_copies.counts_of_file(verified.payload)
                # a register restored onto a new computer is 0600 too; made only now, so
                # that a backup that does not verify leaves no empty register behind
                created = create_private_file(path)
                aside = aside_copy_path(path, now) if holds_data else None
                sqlite_copies.replace(verified.payload, path, aside)
            except BaseException:
                _remove_if_empty(aside)
                if created:
                    _remove_if_empty(path)
                raise
    with system_failures("Checking the restored register", "Die Prüfung des "
                         "wiederhergestellten Registers", path):
        _revision, found = sqlite_copies.counts_of_file(path)
    if found != expected:
        raise _count_mismatch(database, expected, found, aside)
    return verified.manifest, aside, found, upgraded_from


#: what every failure before the register is replaced leaves behind
_UNCHANGED = ("The register was not changed.", "Das Register wurde nicht verändert.")


def _remove_if_empty(path: Path | None) -> None:
    if path is None:
        return
    with contextlib.suppress(OSError):
        if path.stat().st_size == 0:
            path.unlink()


def _pg_counts(database: Database) -> tuple[str | None, dict[str, int]]:
    with translate_errors(database), database.engine.connect() as connection, \
            connection.begin():
        return postgresql_counts(connection)


def _restore_postgresql(database: Database, file: Path, passphrase: str | None, force: bool,
                        now: datetime) -> tuple[BackupManifest, Path | None, dict[str, int],
                                                str | None]:
    for tool in ("pg_dump", "pg_restore", "psql"):
        postgres_tools.find_tool(tool)
    _revision, current = _pg_counts(database)
    holds_data = bool(current)
    if holds_data and not force:
        raise _needs_force(database)
    folder = private_backup_folder(database)
    unchanged_en, unchanged_de = _UNCHANGED
    with system_failures("Restoring", "Die Wiederherstellung", folder,
                         unchanged_en, unchanged_de), work_folder(folder) as work:
        verified = unpack_and_verify(file, passphrase, work, run_check=False)
        # the whole SQL is written (and pg_restore's exit checked) before anything changes
        script = postgres_tools.restore_script(verified.payload, work)
        aside: Path | None = None
        if holds_data:
            aside = new_backup_path(database, now, BEFORE_RESTORE_INFIX)
            try:
                make_backup(database, aside, None, "before-restore", require_register=False)
            except BaseException:
                aside.unlink(missing_ok=True)
                raise
        database.dispose()
        try:
            postgres_tools.run_restore_script(database.url, script)
        except BackupFailed as exc:
            # psql ran it all in one transaction, rolled back on the first error
            raise BackupFailed(
                f"{exc.message_en} The restore was rolled back: {display_url(database.url)} "
                "is unchanged.",
                f"{exc.message_de} Die Wiederherstellung wurde zurückgenommen: "
                f"{display_url(database.url)} ist unverändert.",
            ) from exc
    revision, found = _pg_counts(database)
    if found != verified.manifest.counts:
        raise _count_mismatch(database, verified.manifest.counts, found, aside)
    upgraded_from = None
    if revision != head_revision():
        # with the row-level security of what the upgrade added (a table newer than the
        # backup would otherwise have no policy and no grants for the seats' roles)
        upgrade_register(database)
        upgraded_from = revision
        _revision, found = _pg_counts(database)
    return verified.manifest, aside, found, upgraded_from


def _record(database: Database, file: Path, manifest: BackupManifest,
            aside: Path | None, upgraded_from: str | None) -> None:
    with UnitOfWork(database, user=SYSTEM_USERNAME) as uow:
        uow.audit(
            "restore_backup",
            "register",
            None,
            backup_file=file.name,
            backup_made_at=manifest.created_at.isoformat(),
            backup_trigger=manifest.trigger,
            backup_kpass_version=manifest.kpass_version,
            backup_schema_revision=manifest.schema_revision,
            upgraded_from=upgraded_from,
            set_aside=None if aside is None else aside.name,
        )
        uow.commit()


@owner_command
def restore_backup(
    database: Database,
    file: Path,
    passphrase: str | None = None,
    *,
    force: bool = False,
) -> RestoreResult:
    """``kpass restore FILE``: replace the register by the backup (see the module)."""
    manifest = read_manifest(file)
    _refuse_kind(database, manifest)
    if manifest.schema_revision is None:
        raise RestoreRefused(
            f"The backup {file} holds no kpass register.",
            f"Die Sicherung {file} enthält kein kpass-Register.",
        )
    now = datetime.now()
    # the steps name what they leave behind; this names whatever else the system refuses
    with system_failures("Restoring", "Die Wiederherstellung", file):
        if database.is_sqlite:
            manifest, aside, counts, upgraded_from = _restore_sqlite(
                database, file, passphrase, force, now)
        else:
            manifest, aside, counts, upgraded_from = _restore_postgresql(
                database, file, passphrase, force, now)
        _record(database, file, manifest, aside, upgraded_from)
        problems = tuple(check_database(database).problems)
    return RestoreResult(manifest, aside, counts, upgraded_from, problems)
