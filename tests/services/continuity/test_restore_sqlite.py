"""Restoring a SQLite register while the app may still have it open: no seat's commit falls
between the copy set aside and the restored register, a locked register is never copied
byte for byte, and a restore that fails leaves nothing behind."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from kpass.errors import DatabaseError, KpassError
from kpass.models.engine import Database
from kpass.services.continuity import create_backup, restore_backup, sqlite_copies
from tests.services.continuity.helpers import run_sql


def _setting(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return str(connection.execute(
            "SELECT value FROM register_setting WHERE key = 'seat'").fetchone()[0])


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_seat_committing_during_the_restore_is_in_the_copy_aside_or_the_register(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = database.sqlite_path
    assert path is not None
    run_sql(database, "INSERT INTO register_setting (key, value) VALUES ('seat', 'backup')")
    backup = create_backup(database, tmp_path / "b.kpassbackup")
    seat_done = threading.Event()

    def seat() -> None:  # another program saving, right after the copy aside was made
        connection = sqlite3.connect(path, timeout=20, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("UPDATE register_setting SET value = 'seat' WHERE key = 'seat'")
            connection.execute("COMMIT")
        finally:
            connection.close()
            seat_done.set()

    original = sqlite_copies.set_aside
    writer = threading.Thread(target=seat)

    def set_aside_then_a_seat_saves(source: Path, target: Path) -> None:
        original(source, target)
        writer.start()
        # enough for the seat to commit unless the register stays locked until restored
        seat_done.wait(0.5)

    monkeypatch.setattr(sqlite_copies, "set_aside", set_aside_then_a_seat_saves)
    result = restore_backup(database, backup.path, force=True)
    writer.join(20)
    assert seat_done.is_set()
    assert result.set_aside is not None
    # the seat waited for the restore and saved into the restored register
    assert "seat" in (_setting(path), _setting(result.set_aside))


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_locked_register_is_refused_not_copied_byte_for_byte(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = database.sqlite_path
    assert path is not None
    database.dispose()
    monkeypatch.setattr(sqlite_copies, "_TIMEOUT", 0.1)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")  # a rollback journal: readers wait too
    holder.execute("BEGIN EXCLUSIVE")
    target = tmp_path / "aside.sqlite"
    target.touch()
    try:
        with pytest.raises(DatabaseError, match="locked") as refused:
            sqlite_copies.set_aside(path, target)
    finally:
        holder.execute("ROLLBACK")
        holder.execute("PRAGMA journal_mode = WAL")
        holder.close()
    assert "gesperrt" in refused.value.message_de
    assert target.stat().st_size == 0


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_failed_restore_onto_a_new_computer_leaves_no_register_file(
    database: Database, tmp_path: Path
) -> None:
    from kpass.models.engine import open_database

    backup = create_backup(database, tmp_path / "b.kpassbackup")
    damaged = tmp_path / "damaged.kpassbackup"
    data = backup.path.read_bytes()
    damaged.write_bytes(data[:-1000])
    new_file = tmp_path / "neu" / "kpass.sqlite"
    target = open_database(f"sqlite:///{new_file}")
    try:
        with pytest.raises(KpassError):
            restore_backup(target, damaged)
    finally:
        target.dispose()
    assert not new_file.exists()
    assert [p.name for p in new_file.parent.iterdir()] == []
