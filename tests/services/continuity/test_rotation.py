"""Automatic backups: one a day at the app's start, 7 daily and 4 weekly kept, the policy
stored in the register."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kpass.errors import InvalidInput
from kpass.models.engine import Database
from kpass.services.continuity import (
    BACKUP_FOLDER,
    BackupPolicy,
    backup_if_due,
    backup_policy,
    list_backups,
    set_backup_policy,
)
from kpass.services.continuity.rotation import kept_by_rotation
from tests.services.continuity.helpers import last_event


def _days(first: date, last: date, hour: int = 8) -> dict[str, datetime]:
    made = {}
    day = first
    while day <= last:
        made[day.isoformat()] = datetime(day.year, day.month, day.day, hour)
        day += timedelta(days=1)
    return made


def test_a_backup_every_day_keeps_7_daily_and_4_weekly() -> None:
    made = _days(date(2026, 1, 1), date(2026, 3, 1))  # 1 March 2026 is a Sunday
    kept = kept_by_rotation(made, 7, 4)
    daily = {f"2026-02-{day}" for day in range(23, 29)} | {"2026-03-01"}
    # the newest backup of each of the four ISO weeks before them (their Sundays)
    weekly = {"2026-02-22", "2026-02-15", "2026-02-08", "2026-02-01"}
    assert kept == daily | weekly


def test_rotation_keeps_the_newest_of_a_day_and_counts_days_that_have_backups() -> None:
    made = {
        "mon-early": datetime(2026, 3, 2, 7), "mon-late": datetime(2026, 3, 2, 18),
        # a week of holidays: no backups
        "fri": datetime(2026, 2, 20, 8), "thu": datetime(2026, 2, 19, 8),
        "older": datetime(2026, 2, 12, 8), "oldest": datetime(2026, 2, 5, 8),
    }
    assert kept_by_rotation(made, 2, 0) == {"mon-late", "fri"}
    # "thu" shares its week with "fri" (kept as a daily one): the weekly ones are older
    assert kept_by_rotation(made, 2, 2) == {"mon-late", "fri", "older", "oldest"}
    assert kept_by_rotation(made, 7, 4) == set(made) - {"mon-early"}
    assert kept_by_rotation({}, 7, 4) == set()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_backup_if_due_makes_one_a_day_and_rotates(database: Database) -> None:
    assert database.sqlite_path is not None
    folder = database.sqlite_path.parent / BACKUP_FOLDER
    set_backup_policy(database, keep_daily=3, keep_weekly=1)
    start = datetime(2026, 11, 2, 8, 15)  # a Monday
    made = backup_if_due(database, start)
    assert made is not None and made.result.path.parent == folder
    assert made.result.manifest.trigger == "automatic"
    assert backup_if_due(database, start + timedelta(hours=9)) is None  # the same day
    assert len(list(folder.iterdir())) == 1
    for day in range(1, 10):
        backup_if_due(database, start + timedelta(days=day))
    names = sorted(path.name for path in folder.iterdir())
    # 3 daily (11–9 Nov.) and the newest of the week before (Sunday 8 Nov.)
    assert [name.split("-auto-")[1][:10] for name in names] == [
        "2026-11-08", "2026-11-09", "2026-11-10", "2026-11-11"]
    assert folder.stat().st_mode & 0o777 == 0o700
    assert {path.stat().st_mode & 0o777 for path in folder.iterdir()} == {0o600}
    listed = list_backups(database)
    assert [entry.kind for entry in listed] == ["automatic"] * 4
    assert listed[0].made_at > listed[-1].made_at


@pytest.mark.parametrize("backend", ["sqlite"])
def test_manual_backups_are_never_rotated_away(database: Database) -> None:
    from kpass.services.continuity import create_backup

    manual = create_backup(database)
    set_backup_policy(database, keep_daily=1, keep_weekly=0)
    for day in range(3):
        backup_if_due(database, datetime(2026, 11, 2 + day, 8))
    assert manual.path.exists()
    assert [entry.kind for entry in list_backups(database)].count("automatic") == 1


def test_the_policy_lives_in_the_register_and_is_recorded(database: Database) -> None:
    assert backup_policy(database) == BackupPolicy(True, 7, 4)
    changed = set_backup_policy(database, enabled=False, keep_weekly=8)
    assert changed == BackupPolicy(False, 7, 8) == backup_policy(database)
    action, entity, author, details = last_event(database)
    assert (action, entity, author) == ("set_backup_policy", "register_setting", "system")
    assert details["after"] == {"enabled": False, "keep_daily": 7, "keep_weekly": 8}
    assert backup_if_due(database, datetime(2026, 11, 2, 8)) is None  # switched off
    with pytest.raises(InvalidInput):
        set_backup_policy(database, keep_daily=0)


@pytest.mark.parametrize("backend", ["postgresql"])
def test_no_automatic_backups_of_a_postgresql_register(
    database: Database, data_folder: Path
) -> None:
    assert backup_if_due(database, datetime(2026, 11, 2, 8)) is None
    assert not (data_folder / BACKUP_FOLDER).exists()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_rotation_deletes_only_what_its_header_calls_automatic(database: Database) -> None:
    from kpass.services.continuity import create_backup

    assert database.sqlite_path is not None
    folder = database.sqlite_path.parent / BACKUP_FOLDER
    set_backup_policy(database, keep_daily=1, keep_weekly=0)
    # a manual backup that merely carries an automatic one's name (renamed by somebody)
    manual = create_backup(database)
    named_auto = manual.path.rename(folder / "kpass-auto-2026-10-01-080000.kpassbackup")
    # an automatic one that went away while the folder was read (another seat rotating)
    (folder / "kpass-auto-2026-10-02-080000.kpassbackup").symlink_to(folder / "gone")
    made = backup_if_due(database, datetime(2026, 11, 2, 8))
    assert made is not None and made.removed == ()
    assert named_auto.exists()
    backup_if_due(database, datetime(2026, 11, 3, 8))
    assert named_auto.exists()
    assert [path.name for path in folder.glob("kpass-auto-2026-11-*")] == [
        "kpass-auto-2026-11-03-080000.kpassbackup"]
