"""Checking a backup file completely: that it opens, is whole, and holds what it says.

Used after writing each backup (before it is renamed into place) and before each restore
(before the current register is touched), and by ``kpass backup verify``. The payload is
unpacked into a private work folder: a SQLite copy must pass SQLite's integrity check and
hold exactly the rows the header counts; a PostgreSQL archive must list and its data must
read to the end with exactly those rows.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kpass.models.engine import open_database
from kpass.models.migrate import head_revision
from kpass.services.access.guard import owner_command
from kpass.services.admin.check import check_database
from kpass.services.continuity import postgres_tools, sqlite_copies
from kpass.services.continuity.backup_file import BackupManifest, extract_payload, read_manifest
from kpass.services.continuity.errors import BackupDamaged, BackupFailed, system_failures
from kpass.services.continuity.locations import BACKUP_FOLDER
from kpass.settings import PRIVATE_DIR_MODE, create_private_file, data_dir, private_dir

PAYLOAD_NAMES = {"sqlite": "register.sqlite", "postgresql": "register.dump"}


@dataclass(frozen=True)
class VerifiedBackup:
    """A backup file that was found whole; ``payload`` is its unpacked content (in the work
    folder, gone when that is removed), ``problems`` what ``db check`` found in it (the
    register's own findings, not damage of the file)."""

    file: Path
    manifest: BackupManifest
    payload: Path
    problems: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {"file": str(self.file), "manifest": self.manifest.as_json(),
                "problems": list(self.problems)}


@contextmanager
def work_folder(parent: Path) -> Iterator[Path]:
    """A folder only this user may enter, for unpacked copies; removed with its content."""
    folder = Path(tempfile.mkdtemp(prefix=".kpass-sicherung-", dir=parent))
    try:
        folder.chmod(PRIVATE_DIR_MODE)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _mismatch(file: Path, counts: dict[str, int], manifest: BackupManifest) -> BackupDamaged:
    differing = sorted(name for name in set(counts) | set(manifest.counts)
                       if counts.get(name) != manifest.counts.get(name))
    shown = ", ".join(f"{name} {manifest.counts.get(name, '–')}→{counts.get(name, '–')}"
                      for name in differing[:5])
    return BackupDamaged(
        f"The backup {file} does not hold what its header says (rows: {shown}); nothing was "
        "restored or changed.",
        f"Die Sicherung {file} enthält nicht, was ihr Kopf angibt (Zeilen: {shown}); es "
        "wurde nichts wiederhergestellt oder geändert.",
    )


def _verify_sqlite(file: Path, manifest: BackupManifest, payload: Path,
                   run_check: bool) -> tuple[str, ...]:
    found = sqlite_copies.integrity_problems(payload)
    if found:
        raise BackupDamaged(
            f"The database in the backup {file} is damaged ({found[0]}); nothing was "
            "restored or changed.",
            f"Die Datenbank in der Sicherung {file} ist beschädigt ({found[0]}); es wurde "
            "nichts wiederhergestellt oder geändert.",
        )
    revision, counts = sqlite_copies.counts_of_file(payload)
    if counts != manifest.counts or revision != manifest.schema_revision:
        raise _mismatch(file, counts, manifest)
    if not run_check or revision != head_revision():
        return ()
    copy = open_database(f"sqlite:///{payload}", create_dir=False)
    try:
        return tuple(check_database(copy).problems)
    finally:
        copy.dispose()


def _verify_postgresql(file: Path, manifest: BackupManifest, payload: Path) -> None:
    try:
        postgres_tools.list_archive(payload)
        counts = postgres_tools.archive_counts(payload)
    except BackupFailed as exc:
        raise BackupDamaged(
            f"The archive in the backup {file} cannot be read: {exc.message_en}",
            f"Das Archiv in der Sicherung {file} kann nicht gelesen werden: {exc.message_de}",
        ) from exc
    if counts != manifest.counts:
        raise _mismatch(file, counts, manifest)


def unpack_and_verify(file: Path, passphrase: str | None, work: Path, *,
                      run_check: bool = True) -> VerifiedBackup:
    """Unpack ``file`` into ``work`` and check it completely; raises on anything wrong.
    ``run_check``: also run ``db check`` on a SQLite copy of the current schema."""
    kind = read_manifest(file).database_kind
    payload = work / PAYLOAD_NAMES[kind]
    create_private_file(payload)
    manifest = extract_payload(file, passphrase, payload)
    problems: tuple[str, ...] = ()
    if kind == "sqlite":
        problems = _verify_sqlite(file, manifest, payload, run_check)
    else:
        _verify_postgresql(file, manifest, payload)
    return VerifiedBackup(file, manifest, payload, problems)


def _private_folder_of(file: Path) -> Path | None:
    """The folder of ``file`` when only this user may enter it, else None."""
    try:
        status = file.resolve().parent.stat()
    except OSError:
        return None
    if status.st_uid != os.geteuid() or stat.S_IMODE(status.st_mode) & 0o077:
        return None
    return file.resolve().parent


@owner_command
def verify_backup(file: Path, passphrase: str | None = None) -> VerifiedBackup:
    """``kpass backup verify FILE``: check a backup completely without restoring it.

    The unpacked register is personal data in plain text: it goes into the backup file's
    own folder when only this user may enter it (there is room for it beside the file,
    too), else into the user's private backup folder (0700) — never into /tmp, which
    others share and which is often a small RAM disk."""
    read_manifest(file)  # a file that is no backup is refused before a folder is made
    with system_failures("Checking the backup", "Die Prüfung der Sicherung", file):
        parent = _private_folder_of(file) or private_dir(data_dir() / BACKUP_FOLDER)
        with work_folder(parent) as work:
            return unpack_and_verify(file, passphrase, work)
