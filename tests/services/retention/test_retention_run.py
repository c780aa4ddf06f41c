"""The Löschkonzept over a demo register with two years of history, on both databases.

What a data protection officer relies on: what is due goes (persons, households, incomes,
notices, photos, passes, decisions, prints and their PDFs), what a kept household needs
stays, statistics do not move by a single count, the audit trail still verifies and records
the rule and counts but nothing deleted, and a dry run changes nothing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kpass.models import (
    Application,
    AuditEvent,
    BenefitNotice,
    Decision,
    Household,
    HouseholdMember,
    Income,
    Pass,
    PassValidity,
    PersonPhoto,
    StatRecord,
)
from kpass.models.engine import Database
from kpass.models.register import Person
from kpass.services.admin import check_database
from kpass.services.audit import verify_trail
from kpass.services.retention import run_retention
from kpass.services.statistics import count_rows

AS_OF = date(2024, 6, 30)
MONTHS = [f"{year}-{month:02d}" for year in (2022, 2023, 2024) for month in range(1, 13)]
TABLES = (Person, Household, HouseholdMember, Income, BenefitNotice, PersonPhoto,
          Application, Decision, Pass, PassValidity, StatRecord, AuditEvent)


def _counts(database: Database) -> dict[str, int]:
    with database.reader() as session:
        return {t.__tablename__: session.scalar(select(func.count()).select_from(t)) or 0
                for t in TABLES}


def _statistics(database: Database) -> list[tuple[object, ...]]:
    rows = []
    for dimensions in ([], ["stadtteil", "age_group"], ["household_type", "basis"]):
        rows += [(r.month, r.keys, r.measure, r.count)
                 for r in count_rows(database, MONTHS, dimensions)]
    return sorted(rows, key=repr)


@pytest.fixture
def register(demo_register: Callable[[int, int, date], Database]) -> Database:
    return demo_register(300, 15, AS_OF)


def test_a_dry_run_counts_what_a_run_deletes_and_changes_nothing(register: Database,
                                                                 tmp_path: Path) -> None:
    before = _counts(register)
    today = date(2029, 1, 1)
    dry = run_retention(register, today=today, dry_run=True, outbox=tmp_path)
    assert _counts(register) == before
    assert dry.households, "a demo register from 2024 has case files due in 2029"
    real = run_retention(register, today=today, outbox=tmp_path)
    assert real.as_json() | {"dry_run": True} == dry.as_json()


def test_what_is_due_goes_and_statistics_and_trail_stay(register: Database,
                                                        tmp_path: Path) -> None:
    statistics = _statistics(register)
    before = _counts(register)
    with register.reader() as session:
        events_before = session.scalar(select(func.max(AuditEvent.seq)))
    # one year after the last demo events: only the households that stopped early are due
    report = run_retention(register, today=date(2027, 1, 1), outbox=tmp_path)
    after = _counts(register)
    case_file = report.of("household_file")
    assert case_file.counts["households"] == len(report.households) > 0
    assert after["household"] == before["household"] - len(report.households)
    assert after["person"] == before["person"] - case_file.counts["persons"]
    assert after["stat_record"] == before["stat_record"]
    assert _statistics(register) == statistics, "deleting never changes a statistic"

    with register.reader() as session:
        assert not set(session.scalars(select(Household.id))) & set(report.households)
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.seq > events_before)).all()
    assert [e.action for e in events] == ["retention"]
    recorded = json.dumps(events[0].details)
    assert set(events[0].details["classes"]) == {"household_file", "proofs", "photos",
                                                 "printed_files"}
    assert "family_name" not in recorded and "birth" not in recorded

    trail = verify_trail(register)
    assert trail.intact, [p.message_en for p in (*trail.chain_problems, *trail.pass_problems)]
    assert check_database(register).ok

    # everything left is due later: a second run the same day deletes nothing more
    again = run_retention(register, today=date(2027, 1, 1), outbox=tmp_path)
    assert again.total == 0, [(r.rule.key, r.counts) for r in again.classes]


def test_a_household_with_a_valid_pass_is_never_due(register: Database) -> None:
    with register.reader() as session:
        holders = set(session.scalars(
            select(HouseholdMember.household_id)
            .join(Pass, Pass.person_id == HouseholdMember.person_id)
            .join(PassValidity, PassValidity.pass_id == Pass.id)
            .where(PassValidity.valid_until >= AS_OF, Pass.status == "active")))
    assert holders
    report = run_retention(register, today=AS_OF, dry_run=True)
    assert not holders & set(report.households)


def test_photos_and_ended_proofs_go_before_the_case_file(register: Database) -> None:
    today = AS_OF + timedelta(days=1)
    with register.reader() as session:
        ended_incomes = session.scalar(select(func.count()).select_from(Income).where(
            Income.valid_until < date(today.year - 1, 1, 1))) or 0
    report = run_retention(register, today=today)
    assert report.of("proofs").counts["incomes"] >= ended_incomes - \
        report.of("household_file").counts["incomes"]
    with register.reader() as session:
        assert session.scalar(select(func.count()).select_from(Income).where(
            Income.valid_until < report.of("proofs").cutoff)) == 0
        assert session.scalar(select(func.count()).select_from(BenefitNotice).where(
            BenefitNotice.valid_until < report.of("proofs").cutoff)) == 0
    assert verify_trail(register).intact


def test_old_pdfs_in_the_outbox_go_and_new_ones_stay(register: Database,
                                                     tmp_path: Path) -> None:
    old, new, other = (tmp_path / "karte-old.pdf", tmp_path / "bescheid-new.pdf",
                       tmp_path / "notes.txt")
    for path in (old, new, other):
        path.write_bytes(b"%PDF-1.4\n")
    long_ago = (date.today() - timedelta(days=45)).strftime("%s")
    os.utime(old, (int(long_ago), int(long_ago)))
    os.utime(other, (int(long_ago), int(long_ago)))
    dry = run_retention(register, dry_run=True, outbox=tmp_path)
    assert dry.files == ["karte-old.pdf"] and old.exists()
    run_retention(register, outbox=tmp_path)
    assert not old.exists() and new.exists() and other.exists()
