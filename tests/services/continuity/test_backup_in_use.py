"""A backup while the app is in use: another seat's open write transaction is neither
waited for nor copied half-done."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from kpass.models import RegisterSetting
from kpass.models.engine import Database
from kpass.services.continuity import create_backup, verify_backup
from tests.services.continuity.helpers import table_counts

Register = Callable[[int, int, date], Database]


def test_backup_while_another_connection_holds_a_write_transaction(
    demo_register: Register, tmp_path: Path
) -> None:
    database = demo_register(300, 7, date(2026, 11, 1))
    before = table_counts(database)
    with database.writer() as seat:  # the app, in the middle of saving
        seat.add(RegisterSetting(key="mitten_im_speichern", value="ja"))
        seat.flush()  # SQLite: BEGIN IMMEDIATE taken, the write lock is held
        started = time.monotonic()
        backup = create_backup(database, tmp_path / "in-use.kpassbackup")
        elapsed = time.monotonic() - started
        seat.commit()
    # it did not wait for the write lock (SQLite's busy timeout is 5 s) …
    assert elapsed < 4, elapsed
    # SQLite: the seat holds the one write lock, and the record is not waited for;
    # PostgreSQL: the seat's open transaction does not stand in the record's way
    assert backup.recorded == (not database.is_sqlite)
    # … and holds the register as committed before the seat's transaction
    assert backup.manifest.counts == before
    assert verify_backup(backup.path).manifest.counts["register_setting"] == \
        before["register_setting"]
    assert table_counts(database)["register_setting"] == before["register_setting"] + 1


def test_a_backup_is_recorded_in_the_audit_trail(
    demo_register: Register, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from kpass.models import AuditEvent
    from kpass.services.audit import verify_trail

    database = demo_register(50, 7, date(2026, 11, 1))
    backup = create_backup(database, tmp_path / "protokolliert.kpassbackup")
    assert backup.recorded
    with database.reader() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    assert event is not None and event.action == "backup"
    assert event.details["file"] == "protokolliert.kpassbackup"
    assert event.details["rows"] == sum(backup.manifest.counts.values())
    assert str(tmp_path) not in str(event.details)  # no folder (it may name a home)
    assert verify_trail(database).intact
