"""The restore drill: a demo register is backed up, damaged and restored, and afterwards
every table holds what it held, ``db check`` passes and the audit trail verifies — with one
event more, the restore itself. On SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kpass.errors import KpassError
from kpass.models.engine import Database, open_database
from kpass.services.admin import check_database
from kpass.services.audit import verify_trail
from kpass.services.continuity import (
    RESTORE_COPY_INFIX,
    create_backup,
    read_manifest,
    restore_backup,
)
from tests.services.continuity.helpers import last_event, run_sql, table_counts, trail_events

AS_OF = date(2026, 11, 1)
Register = Callable[[int, int, date], Database]


def _restored_as_before(database: Database, before: dict[str, int], events: int) -> None:
    # the restore is recorded: one event more, written by the owner's "system" actor
    assert table_counts(database) == {**before, "audit_event": before["audit_event"] + 1}
    report = check_database(database)
    assert report.ok, report.problems
    assert trail_events(database) == events + 1
    action, entity, author, details = last_event(database)
    assert (action, entity, author) == ("restore_backup", "register", "system")
    assert details["backup_file"] == "drill.kpassbackup"


def _sqlite_counts(path: Path) -> dict[str, int]:
    copy = open_database(f"sqlite:///{path}")
    try:
        return table_counts(copy)
    finally:
        copy.dispose()


def test_drill_rows_deleted_behind_kpass_s_back(
    demo_register: Register, tmp_path: Path, data_folder: Path
) -> None:
    database = demo_register(300, 7, AS_OF)
    before = table_counts(database)
    events = trail_events(database)
    assert before["household"] == 300 and events > 300

    backup = create_backup(database, tmp_path / "drill.kpassbackup")
    assert backup.problems == ()
    assert backup.manifest.counts == before

    run_sql(database, "DELETE FROM stat_record", "DELETE FROM person_search_token",
            "DELETE FROM audit_event WHERE seq > 100")
    damaged = table_counts(database)
    assert not verify_trail(database).intact

    result = restore_backup(database, backup.path, force=True)

    _restored_as_before(database, before, events)
    assert result.problems == () and result.upgraded_from is None
    # what was there before the restore is kept, as it was
    assert result.set_aside is not None and result.set_aside.exists()
    assert result.set_aside.stat().st_mode & 0o777 == 0o600
    if database.sqlite_path is not None:
        assert RESTORE_COPY_INFIX in result.set_aside.name
        assert result.set_aside.parent == database.sqlite_path.parent
        assert _sqlite_counts(result.set_aside) == damaged
    else:
        assert result.set_aside.parent == data_folder / "Sicherungen"
        kept = read_manifest(result.set_aside)
        assert kept.trigger == "before-restore" and kept.counts == damaged


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("where", ["header", "pages"])
def test_drill_sqlite_file_overwritten(
    demo_register: Register, tmp_path: Path, where: str
) -> None:
    """Bytes of the database file overwritten: its header (SQLite no longer opens it) or
    pages in the middle (it opens, but is malformed)."""
    database = demo_register(300, 7, AS_OF)
    before = table_counts(database)
    events = trail_events(database)
    backup = create_backup(database, tmp_path / "drill.kpassbackup")
    path = database.sqlite_path
    assert path is not None
    database.dispose()  # the last connection folds the WAL into the file
    start, garbage = (0, b"\x5a" * 100) if where == "header" else (20 * 4096, b"\x5a" * 163840)
    with open(path, "r+b") as stream:
        stream.seek(start)
        stream.write(garbage)
    try:
        broken = not check_database(database).ok
    except KpassError:  # "file is not a database"
        broken = True
    assert broken

    result = restore_backup(database, backup.path, force=True)

    _restored_as_before(database, before, events)
    # the damaged file is kept as it was found, for whoever looks into what happened
    assert result.set_aside is not None
    kept = result.set_aside.read_bytes()
    assert kept[start:start + len(garbage)] == garbage


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("where", ["header", "pages"])
def test_drill_sqlite_damaged_with_a_stale_wal_in_place(
    demo_register: Register, tmp_path: Path, where: str
) -> None:
    """The file damaged while the app still had it open: its -wal (with commits not yet
    folded into the file) and -shm stay in place. The restored register must not take up
    any page of that old WAL."""
    database = demo_register(300, 7, AS_OF)
    before = table_counts(database)
    events = trail_events(database)
    backup = create_backup(database, tmp_path / "drill.kpassbackup")
    path = database.sqlite_path
    assert path is not None
    run_sql(database, "DELETE FROM stat_record", "DELETE FROM person_search_token")
    wal = path.with_name(path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # commits not yet in the file
    start, garbage = (0, b"\x5a" * 100) if where == "header" else (20 * 4096, b"\x5a" * 163840)
    with open(path, "r+b") as stream:  # no dispose: the pool's connections stay open
        stream.seek(start)
        stream.write(garbage)

    result = restore_backup(database, backup.path, force=True)

    _restored_as_before(database, before, events)
    assert result.set_aside is not None
