"""``import_register`` with a progress callback and a cancel check (the wizard's "Abbrechen"):
all or nothing keeps nothing, --partial keeps exactly the households saved before — on
SQLite and PostgreSQL, with the audit trail and the serial counter as before."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kpass.models import AuditEvent, Counter, Decision, Household, Pass, Person, StatRecord
from kpass.models.engine import Database
from kpass.resource_files import resource_path
from kpass.services.audit import verify_trail
from kpass.services.register_import import (
    AUDIT_ACTION,
    IMPORTED,
    READY,
    SKIPPED,
    TO_CHECK,
    import_register,
    report_lines,
)
from kpass.services.search import import_directory
from kpass.services.uow import UnitOfWork

TODAY = date(2026, 12, 4)
SAMPLE = resource_path("import", "register-beispiel.csv")
GOOD = ("H001", "H002", "H003", "H004", "H005", "H012")


@pytest.fixture
def register(database: Database) -> Database:
    import_directory(database, resource_path("streets", "strassenverzeichnis-beispiel.csv"))
    return database


@pytest.fixture
def clean_file(tmp_path: Path) -> Path:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "gut.csv"
    path.write_text("\n".join([lines[0], *(line for line in lines[1:]
                                           if line.split(";")[0] in GOOD)]) + "\n",
                    encoding="utf-8")
    return path


def _state(database: Database) -> dict[str, int]:
    with UnitOfWork(database, write=False) as uow:
        counts = {model.__tablename__: int(uow.session.scalar(
            select(func.count()).select_from(model)) or 0)
            for model in (Household, Person, Pass, Decision, StatRecord)}
        counts["import_events"] = int(uow.session.scalar(
            select(func.count()).select_from(AuditEvent)
            .where(AuditEvent.action == AUDIT_ACTION)) or 0)
        counts["counter"] = int(uow.session.scalar(
            select(Counter.value).where(Counter.name == "pass_serial")) or 0)
    return counts


class _StopAfter:
    """The cancel check of a person who presses "Abbrechen" after ``households`` have been
    reported done."""

    def __init__(self, households: int) -> None:
        self.households = households
        self.reported: list[tuple[int, int]] = []

    def progress(self, done: int, total: int) -> None:
        self.reported.append((done, total))

    def cancelled(self) -> bool:
        return len(self.reported) >= self.households


def test_progress_counts_every_good_household(register: Database, clean_file: Path) -> None:
    seen = _StopAfter(10_000)
    report = import_register(register, clean_file, today=TODAY, progress=seen.progress,
                             cancelled=seen.cancelled)
    assert report.committed and not report.cancelled
    assert seen.reported == [(n, len(GOOD)) for n in range(1, len(GOOD) + 1)]


def test_cancel_all_or_nothing_keeps_nothing(register: Database, clean_file: Path) -> None:
    before = _state(register)
    stop = _StopAfter(3)
    report = import_register(register, clean_file, today=TODAY, progress=stop.progress,
                             cancelled=stop.cancelled)
    assert report.cancelled and not report.committed
    assert len(stop.reported) == 3  # it stopped there, the rest was not written
    assert _state(register) == before  # no household, no pass, no trail entry, no counter
    assert all(h.status == READY and h.household_id is None for h in report.households)
    text = "\n".join(report_lines(report, "de"))
    assert "Nichts wurde gespeichert." in text and "Abgebrochen." in text
    assert verify_trail(register).intact


def test_cancel_after_the_last_household_still_keeps_nothing(register: Database,
                                                             clean_file: Path) -> None:
    """"Abbrechen" pressed while the last household was written, before the commit."""
    before = _state(register)
    stop = _StopAfter(len(GOOD))
    report = import_register(register, clean_file, today=TODAY, progress=stop.progress,
                             cancelled=stop.cancelled)
    assert len(stop.reported) == len(GOOD)
    assert report.cancelled and not report.committed and report.count(IMPORTED) == 0
    assert _state(register) == before


def test_cancel_partial_keeps_exactly_the_households_saved(register: Database,
                                                           clean_file: Path) -> None:
    stop = _StopAfter(2)
    report = import_register(register, clean_file, partial=True, today=TODAY,
                             progress=stop.progress, cancelled=stop.cancelled)
    assert report.cancelled and report.committed
    statuses = {h.key: h.status for h in report.households}
    assert statuses == {"H001": IMPORTED, "H002": IMPORTED, "H003": READY, "H004": READY,
                        "H005": READY, "H012": READY}
    state = _state(register)
    # H001: 1 person, 1 pass; H002: 4 persons, 4 passes — nothing of the others
    assert (state["household"], state["person"], state["pass"]) == (2, 5, 5)
    assert state["counter"] >= 100105
    with UnitOfWork(register, write=False) as uow:
        numbers = set(uow.session.scalars(select(Pass.number)))
        ids = set(uow.session.scalars(select(Household.id)))
    assert numbers == {"KA-100101-63", "KA-100102-60", "KA-100103-57", "KA-100104-54",
                       "KA-100105-51"}
    assert {h.household_id for h in report.households if h.status == IMPORTED} == ids
    assert all(h.household_id is None for h in report.households if h.status == READY)
    assert verify_trail(register).intact
    # the rest follows in a second run; what was saved is found registered, not doubled
    rest = import_register(register, clean_file, partial=True, today=TODAY)
    again = {h.key: h.status for h in rest.households}
    assert again["H001"] in (TO_CHECK, SKIPPED) and again["H002"] in (TO_CHECK, SKIPPED)
    assert all(again[k] == IMPORTED for k in ("H003", "H004", "H005", "H012"))
    assert _state(register)["pass"] == 9


def test_cancel_at_once_in_partial_keeps_nothing(register: Database, clean_file: Path) -> None:
    before = _state(register)
    report = import_register(register, clean_file, partial=True, today=TODAY,
                             cancelled=lambda: True)
    assert report.cancelled and not report.committed
    assert _state(register) == before
