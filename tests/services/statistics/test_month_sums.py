"""The monthly counts kept beside the statistics rows (``stat_month``) stay equal to the rows:
written by demo data past the ORM, by services on commit, not by a rolled-back unit of work,
rebuilt by the upgrade that created them and by ``kpass db refold`` after a hand repair."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import text

from kpass.cli import main
from kpass.models import StatRecord
from kpass.models.engine import Database
from kpass.models.migrate import migrate_to, upgrade
from kpass.services.admin import check_database
from kpass.services.month_counts import differences
from kpass.services.statistics.counts import count_rows
from kpass.services.statistics.month_series import count_series
from kpass.services.uow import UnitOfWork

AS_OF = date(2026, 11, 1)
MONTHS = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)][9:35]
DIMENSIONS = ("stadtteil", "age_group", "household_type", "basis", "pass_type")


def _over_rows(database: Database, months: list[str], dimensions: tuple[str, ...]) -> list:
    with UnitOfWork(database, write=False) as uow:
        return count_series(uow.session, months, dimensions, None)


def _stored_differences(database: Database) -> dict:
    with database.connect() as connection:
        return differences(connection)


def test_a_demo_register_counts_the_same_from_sums_and_from_rows(
    demo_register: Callable[[int, int, date], Database],
) -> None:
    database = demo_register(300, 7, AS_OF)
    assert _stored_differences(database) == {}
    for dimensions in [(), ("stadtteil", "age_group"), DIMENSIONS]:
        sums = count_rows(database, MONTHS, dimensions)
        assert sums == _over_rows(database, MONTHS, dimensions)
        assert sum(r.count for r in sums if r.measure == "active") > 1000
    assert check_database(database).ok


def test_the_upgrade_rebuilds_the_sums_of_an_earlier_register(
    demo_register: Callable[[int, int, date], Database],
) -> None:
    database = demo_register(300, 7, AS_OF)
    before = count_rows(database, MONTHS, DIMENSIONS)
    migrate_to(database, "downgrade", "0017")
    with database.connect() as connection:
        tables = connection.dialect.get_table_names(connection)
    assert "stat_month" not in tables
    upgrade(database, backup=False)
    assert count_rows(database, MONTHS, DIMENSIONS) == before
    assert _stored_differences(database) == {}


def _record(weight: int = 1) -> StatRecord:
    return StatRecord(
        record_kind="pass_validity", event="new", decided_on=date(2026, 3, 5),
        valid_from=date(2026, 3, 5), valid_until=date(2026, 8, 31), pass_type="kinderpass",
        basis="sgb2", stadtteil="03", household_type="single_parent", birth_year=2016,
        birth_month=5, weight=weight, issuer="ka",
    )


def test_only_committed_rows_are_counted(database: Database) -> None:
    with UnitOfWork(database) as uow:
        uow.session.add(_record())
        uow.session.flush()  # inserted, then the unit of work ends without commit
    assert count_rows(database, ["2026-04"], ("stadtteil",)) == []
    with UnitOfWork(database) as uow:
        uow.session.add_all([_record(), _record()])
        uow.commit()
    active = {(r.month, r.measure): r.count
              for r in count_rows(database, ["2026-03", "2026-08", "2026-09"], ())}
    assert active == {("2026-03", "active"): 2, ("2026-08", "active"): 2,
                      ("2026-03", "new"): 2}
    with UnitOfWork(database) as uow:  # a row taking one back
        uow.session.add(_record(weight=-1))
        uow.commit()
    assert [(r.month, r.measure, r.count) for r in count_rows(database, ["2026-05"], ())] == [
        ("2026-05", "active", 1)]
    assert _stored_differences(database) == {}


def test_check_finds_a_wrong_sum_and_refold_repairs_it(
    database: Database, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with UnitOfWork(database) as uow:
        uow.session.add_all([_record(), _record()])
        uow.commit()
    with database.engine.begin() as connection:  # a repair by hand gone wrong
        connection.execute(text("UPDATE stat_month SET total = total + 5 "
                                "WHERE measure = 'active' AND month = :m"),
                           {"m": date(2026, 6, 1)})
    report = check_database(database)
    assert not report.ok
    assert any("monthly statistics count differs" in p and "2026-06" in p
               and "kpass db refold" in p for p in report.problems), report.problems

    assert main(["--database", database_url, "db", "refold"]) == 0
    out = capsys.readouterr().out
    assert "rebuilt from the statistics rows: 7 keys" in out  # six months active, one new
    assert "neu berechnet: 7 Schlüssel" in out
    assert check_database(database).ok
    assert [r.count for r in count_rows(database, ["2026-06"], ())] == [2]


def test_savepoints_neither_lose_nor_add_rows(database: Database) -> None:
    with UnitOfWork(database) as uow:
        uow.session.add(_record())
        uow.session.flush()
        with pytest.raises(RuntimeError), uow.session.begin_nested():
            uow.session.add(_record())
            uow.session.flush()
            raise RuntimeError("a step inside fails")  # its row is rolled back
        with uow.session.begin_nested():  # released: its row stays
            uow.session.add(_record())
        uow.commit()
    assert [r.count for r in count_rows(database, ["2026-04"], ())] == [2]
    assert _stored_differences(database) == {}


def test_statistics_rows_cannot_bypass_the_monthly_counts(database: Database) -> None:
    from sqlalchemy import insert

    row = {c.name: getattr(_record(), c.name) for c in StatRecord.__table__.c if c.name != "id"}
    with UnitOfWork(database) as uow, pytest.raises(RuntimeError, match=r"session\.add"):
        uow.session.execute(insert(StatRecord), [row, row])
    assert count_rows(database, ["2026-04"], ()) == []


def test_a_seat_committing_during_the_check_is_no_difference(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check reads rows and sums in one snapshot while a seat commits in between."""
    import kpass.services.month_counts as month_counts

    with UnitOfWork(database) as uow:
        uow.session.add(_record())
        uow.commit()
    slices = month_counts.row_slices

    def slices_then_a_seat_commits(connection: Any) -> Iterator[Any]:
        yield from slices(connection)
        with UnitOfWork(database) as uow:
            uow.session.add(_record())
            uow.commit()

    monkeypatch.setattr(month_counts, "row_slices", slices_then_a_seat_commits)
    report = check_database(database)
    assert report.ok, report.problems


def test_a_seat_committing_during_refold_waits_and_is_counted(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refold takes the audit head before the sums, as every writer does: the seat waits
    (no deadlock) and its row is counted once."""
    import threading
    import time

    import kpass.services.admin.refold as refold_module
    from kpass.services.admin import refold_statistics

    with UnitOfWork(database) as uow:
        uow.session.add(_record())
        uow.commit()
    rebuild = refold_module.refold

    def slow_refold(connection: Any) -> int:
        keys = rebuild(connection)
        time.sleep(1.5)  # the seat below commits meanwhile
        return keys

    monkeypatch.setattr(refold_module, "refold", slow_refold)
    failures: list[BaseException] = []

    def seat() -> None:
        time.sleep(0.5)
        try:
            with UnitOfWork(database) as uow:
                uow.session.add(_record())
                uow.audit("lodge_objection", "objection", None)
                uow.commit()
        except BaseException as exc:  # reported by the assertion below
            failures.append(exc)

    other = threading.Thread(target=seat)
    other.start()
    refold_statistics(database)
    other.join()
    assert failures == []
    assert [r.count for r in count_rows(database, ["2026-04"], ())] == [2]
    assert _stored_differences(database) == {}


def test_a_validity_without_end_changed_by_hand_is_named_not_a_traceback(
    database: Database, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with UnitOfWork(database) as uow:
        uow.session.add(_record())
        uow.commit()
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE stat_record SET valid_until = NULL"))
    assert main(["--database", database_url, "db", "refold"]) != 0
    err = capsys.readouterr().err
    assert "pass validity without an end" in err and "Traceback" not in err
    assert [r.count for r in count_rows(database, ["2026-04"], ())] == [1]  # unchanged
