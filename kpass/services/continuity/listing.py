"""``kpass backup list``: the backups in the register's backup folder and the copies set
aside beside a SQLite register, newest first, each described from its own header."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kpass.errors import KpassError
from kpass.models.engine import Database
from kpass.services.access.guard import owner_command
from kpass.services.continuity.backup_file import read_manifest
from kpass.services.continuity.locations import SUFFIX, backup_folder, copies_beside

#: what a listed file is
KINDS = ("manual", "automatic", "before-restore", "copy")


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    kind: str  # one of KINDS; "copy": a SQLite file set aside (upgrade, restore)
    made_at: datetime  # UTC
    size: int
    encrypted: bool
    schema_revision: str | None
    households: int | None
    #: why the header could not be read (the file is listed all the same)
    problem: str | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "file": str(self.path),
            "kind": self.kind,
            "made_at": self.made_at.isoformat(),
            "size": self.size,
            "encrypted": self.encrypted,
            "schema_revision": self.schema_revision,
            "households": self.households,
            "problem": self.problem,
        }


def _modified(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def _backup_entry(path: Path) -> BackupEntry:
    try:
        manifest = read_manifest(path)
    except KpassError as exc:
        return BackupEntry(path, "manual", _modified(path), path.stat().st_size, False, None,
                           None, exc.message_en)
    return BackupEntry(
        path,
        manifest.trigger,
        manifest.created_at,
        path.stat().st_size,
        manifest.encrypted,
        manifest.schema_revision,
        manifest.counts.get("household"),
    )


@owner_command
def list_backups(database: Database) -> list[BackupEntry]:
    """Every backup file in the backup folder and every copy beside the SQLite file."""
    entries: list[BackupEntry] = []
    folder = backup_folder(database)
    try:
        files = sorted(folder.glob(f"*{SUFFIX}"))
    except OSError:
        files = []
    for path in files:
        try:
            if path.is_file() and path.stat().st_size > 0:
                entries.append(_backup_entry(path))
        except OSError:
            continue
    if database.sqlite_path is not None:
        for path in copies_beside(database.sqlite_path):
            try:
                entries.append(BackupEntry(path, "copy", _modified(path), path.stat().st_size,
                                           False, None, None))
            except OSError:
                continue
    return sorted(entries, key=lambda entry: entry.made_at, reverse=True)
