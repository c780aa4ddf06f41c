"""Where backups go and how their files are named.

A SQLite register's backups go into the folder ``Sicherungen`` beside the database file
(for the default register: ``<data dir>/Sicherungen``); a PostgreSQL register's into
``<data dir>/Sicherungen``. The folder is made 0700 and every file in it 0600.

Names: ``kpass-2026-11-25-083000.kpassbackup`` (``kpass backup`` without ``--out``),
``kpass-auto-2026-11-25-083000.kpassbackup`` (made at the app's start),
``kpass.vor-wiederherstellung-20261125-083000.sqlite`` (the SQLite register as it was
before a restore, beside it, like the copies ``kpass db upgrade`` sets aside) and
``kpass-vor-wiederherstellung-2026-11-25-083000.kpassbackup`` (a PostgreSQL register
before a restore, in the backup folder).
"""

from __future__ import annotations

import glob
import re
from datetime import datetime
from pathlib import Path

from kpass.models.engine import RESTORE_COPY_INFIX as RESTORE_COPY_INFIX
from kpass.models.engine import UPGRADE_COPY_INFIX, Database
from kpass.settings import create_private_file, data_dir, private_dir

BACKUP_FOLDER = "Sicherungen"
SUFFIX = ".kpassbackup"
AUTO_INFIX = "-auto-"
BEFORE_RESTORE_INFIX = "-vor-wiederherstellung-"
_STAMP = "%Y-%m-%d-%H%M%S"
_AUTO_NAME = re.compile(r".+-auto-(\d{4}-\d{2}-\d{2}-\d{6})(?:-\d+)?\.kpassbackup")


def register_name(database: Database) -> str:
    """The name backups of ``database`` start with: the file's stem or the database's."""
    path = database.sqlite_path
    if path is not None:
        return path.stem
    return database.url.database or "kpass"


def backup_folder(database: Database) -> Path:
    path = database.sqlite_path
    return (path.parent if path is not None else data_dir()) / BACKUP_FOLDER


def private_backup_folder(database: Database) -> Path:
    return private_dir(backup_folder(database))


def new_backup_path(database: Database, now: datetime, infix: str = "-") -> Path:
    """A file name in the backup folder not used yet (reserved empty, 0600)."""
    folder = private_backup_folder(database)
    name = f"{register_name(database)}{infix}{now.strftime(_STAMP)}"
    path = folder / f"{name}{SUFFIX}"
    attempt = 1
    while not create_private_file(path):
        attempt += 1
        path = folder / f"{name}-{attempt}{SUFFIX}"
    return path


def automatic_backups(database: Database) -> dict[Path, datetime]:
    """The automatic backups of this register and when each was made (from its name)."""
    folder = backup_folder(database)
    pattern = f"{glob.escape(register_name(database))}{AUTO_INFIX}*{SUFFIX}"
    found: dict[Path, datetime] = {}
    try:
        candidates = sorted(folder.glob(pattern))
    except OSError:
        return found
    for path in candidates:
        match = _AUTO_NAME.fullmatch(path.name)
        if not match:
            continue
        try:
            size = path.stat().st_size
        except OSError:  # removed since the folder was read (another seat rotating)
            continue
        if size > 0:
            found[path] = datetime.strptime(match.group(1), _STAMP)
    return found


def aside_copy_path(path: Path, now: datetime) -> Path:
    """A new name beside the SQLite file for the register as it is before a restore."""
    name = f"{path.stem}{RESTORE_COPY_INFIX}{now.strftime('%Y%m%d-%H%M%S')}"
    target = path.with_name(f"{name}.sqlite")
    attempt = 1
    while not create_private_file(target):
        attempt += 1
        target = path.with_name(f"{name}-{attempt}.sqlite")
    return target


def copies_beside(path: Path) -> list[Path]:
    """The copies set aside beside a SQLite register (before upgrades and restores)."""
    found: list[Path] = []
    for infix in (UPGRADE_COPY_INFIX, RESTORE_COPY_INFIX):
        try:
            found += path.parent.glob(f"{glob.escape(path.stem)}{infix}*.sqlite")
        except OSError:
            continue
    return sorted(found)
