"""Automatic backups of a SQLite register: one a day at the app's start, rotated.

The policy lives in the register itself (table ``register_setting``), so it travels with
the register and is the same for everybody who opens it: ``backup_auto`` (``on``/``off``),
``backup_keep_daily`` (7) and ``backup_keep_weekly`` (4); ``kpass backup auto`` shows and
changes it. Rotation keeps, like borg's ``prune``, the newest backup of each of the last
``keep_daily`` days that have one, and then, among the older ones, the newest of each of
the last ``keep_weekly`` ISO weeks that have one: with a backup every day, 7 + 4 files that
reach back about five weeks. Only automatic backups are ever deleted.

Automatic backups are not encrypted: they lie in a folder only the register's owner may
enter (0700), each file 0600, beside the database file, which is not encrypted either. A
copy that leaves the computer is made with ``kpass backup --passphrase-file``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import inspect, select

from kpass.atomic_file import failure_reasons
from kpass.errors import InvalidInput, KpassError
from kpass.models import RegisterSetting
from kpass.models.engine import Database
from kpass.services.access.guard import owner_command
from kpass.services.continuity.backup import BackupResult, make_backup
from kpass.services.continuity.backup_file import read_manifest
from kpass.services.continuity.errors import AutomaticBackupFailed
from kpass.services.continuity.locations import (
    AUTO_INFIX,
    automatic_backups,
    new_backup_path,
)
from kpass.services.login_session import SYSTEM_USERNAME
from kpass.services.uow import UnitOfWork

T = TypeVar("T")

ENABLED_KEY = "backup_auto"
KEEP_DAILY_KEY = "backup_keep_daily"
KEEP_WEEKLY_KEY = "backup_keep_weekly"
MAX_KEEP = 1000


@dataclass(frozen=True)
class BackupPolicy:
    enabled: bool = True
    keep_daily: int = 7
    keep_weekly: int = 4

    def as_json(self) -> dict[str, object]:
        return {"enabled": self.enabled, "keep_daily": self.keep_daily,
                "keep_weekly": self.keep_weekly}


@dataclass(frozen=True)
class AutomaticBackup:
    result: BackupResult
    removed: tuple[Path, ...]


def kept_by_rotation(made: Mapping[T, datetime], keep_daily: int, keep_weekly: int) -> set[T]:
    """Which backups rotation keeps (see the module); ``made`` gives each one's time."""
    newest_first = sorted(made, key=lambda item: made[item], reverse=True)
    kept: set[T] = set()
    for count, period in ((keep_daily, _day), (keep_weekly, _week)):
        chosen = 0
        last: tuple[int, ...] | None = None
        for item in newest_first:
            if chosen >= count:
                break
            current = period(made[item])
            if current == last:
                continue
            last = current
            if item not in kept:  # a backup kept as a daily one does not count as weekly
                kept.add(item)
                chosen += 1
    return kept


def _day(moment: datetime) -> tuple[int, ...]:
    return (moment.year, moment.month, moment.day)


def _week(moment: datetime) -> tuple[int, ...]:
    year, week, _weekday = moment.isocalendar()
    return (year, week)


def _read_settings(database: Database) -> dict[str, str]:
    with UnitOfWork(database, write=False) as uow:
        if not inspect(uow.session.connection()).has_table(RegisterSetting.__tablename__):
            return {}
        rows = uow.session.scalars(select(RegisterSetting).where(
            RegisterSetting.key.in_((ENABLED_KEY, KEEP_DAILY_KEY, KEEP_WEEKLY_KEY))))
        return {row.key: row.value for row in rows}


def _number(value: str | None, default: int) -> int:
    try:
        number = int(value) if value is not None else default
    except ValueError:
        return default
    return number if 0 <= number <= MAX_KEEP else default


@owner_command
def backup_policy(database: Database) -> BackupPolicy:
    """The automatic-backup policy stored in the register (defaults where none is)."""
    settings = _read_settings(database)
    default = BackupPolicy()
    return BackupPolicy(
        enabled=settings.get(ENABLED_KEY, "on") != "off",
        keep_daily=max(1, _number(settings.get(KEEP_DAILY_KEY), default.keep_daily)),
        keep_weekly=_number(settings.get(KEEP_WEEKLY_KEY), default.keep_weekly),
    )


def _check_keep(value: int | None, low: int, option: str) -> None:
    if value is not None and not low <= value <= MAX_KEEP:
        raise InvalidInput(
            f"{option} must be a whole number from {low} to {MAX_KEEP}.",
            f"{option} muss eine ganze Zahl von {low} bis {MAX_KEEP} sein.",
        )


@owner_command
def set_backup_policy(
    database: Database,
    *,
    enabled: bool | None = None,
    keep_daily: int | None = None,
    keep_weekly: int | None = None,
) -> BackupPolicy:
    """Change the policy (what is None stays); recorded in the audit trail."""
    _check_keep(keep_daily, 1, "--keep-daily")
    _check_keep(keep_weekly, 0, "--keep-weekly")
    before = backup_policy(database)
    after = BackupPolicy(
        enabled=before.enabled if enabled is None else enabled,
        keep_daily=before.keep_daily if keep_daily is None else keep_daily,
        keep_weekly=before.keep_weekly if keep_weekly is None else keep_weekly,
    )
    if after == before:
        return after
    with UnitOfWork(database, user=SYSTEM_USERNAME) as uow:
        for key, value in ((ENABLED_KEY, "on" if after.enabled else "off"),
                           (KEEP_DAILY_KEY, str(after.keep_daily)),
                           (KEEP_WEEKLY_KEY, str(after.keep_weekly))):
            row = uow.session.get(RegisterSetting, key)
            if row is None:
                uow.session.add(RegisterSetting(key=key, value=value))
            else:
                row.value = value
        uow.audit("set_backup_policy", "register_setting", None,
                  before=before.as_json(), after=after.as_json())
        uow.commit()
    return after


def rotate(database: Database, policy: BackupPolicy) -> tuple[Path, ...]:
    """Delete the automatic backups the policy no longer keeps; the deleted files."""
    # the name alone does not make a file an automatic backup (a manual one may have been
    # renamed so, or copied in): only files whose own header says so are rotated
    made = {path: moment for path, moment in automatic_backups(database).items()
            if _is_automatic(path)}
    kept = kept_by_rotation(made, policy.keep_daily, policy.keep_weekly)
    removed = []
    for path in sorted(set(made) - kept):
        try:
            path.unlink()
        except FileNotFoundError:  # removed meanwhile (another seat rotating)
            continue
        removed.append(path)
    return tuple(removed)


def _is_automatic(path: Path) -> bool:
    try:
        return read_manifest(path).trigger == "automatic"
    except KpassError:  # gone meanwhile, unreadable, no backup: left alone
        return False


@owner_command
def backup_if_due(database: Database, now: datetime | None = None) -> AutomaticBackup | None:
    """The app's start: back up a SQLite register unless it was backed up automatically
    today already or the policy is off, then rotate; None when nothing was due. A
    PostgreSQL register is backed up by its server's administration (or ``kpass backup``).
    Whatever goes wrong is raised as :class:`AutomaticBackupFailed`, which says that the
    register itself is unchanged, so the app can tell it and go on."""
    if database.sqlite_path is None:
        return None
    try:
        return _back_up_if_due(database, now or datetime.now())
    except KpassError as exc:
        raise AutomaticBackupFailed(exc.message_en, exc.message_de) from exc
    except OSError as exc:
        why_en, why_de = failure_reasons(exc)
        raise AutomaticBackupFailed(f"{why_en}: {exc.filename}.",
                                    f"{why_de}: {exc.filename}.") from exc
    except sqlite3.Error as exc:
        raise AutomaticBackupFailed(f"SQLite reports: {exc}.",
                                    f"SQLite meldet: {exc}.") from exc


def _back_up_if_due(database: Database, moment: datetime) -> AutomaticBackup | None:
    policy = backup_policy(database)
    if not policy.enabled:
        return None
    if any(made.date() == moment.date() for made in automatic_backups(database).values()):
        return None
    target = new_backup_path(database, moment, AUTO_INFIX)
    try:
        result = make_backup(database, target, None, "automatic")
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return AutomaticBackup(result, rotate(database, policy))
