"""The what-if over a large register is decided by worker processes: same answer, and a
broken snapshot still gives its clear message."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from kpass.errors import DatabaseError
from kpass.models import Decision
from kpass.models.engine import Database
from kpass.rules import InputError
from kpass.services.statistics import impact_batches, what_if

AS_OF = date(2026, 11, 1)


def in_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small batches and workers from the first household on, with two processes."""
    monkeypatch.setattr(impact_batches, "PARALLEL_FROM", 1)
    monkeypatch.setattr(impact_batches, "BATCH", 40)
    monkeypatch.setattr(impact_batches, "worker_count", lambda: 2)


def test_workers_count_exactly_what_one_process_counts(
    demo_register: Callable[[int, int, date], Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    register = demo_register(300, 7, AS_OF)
    alone = what_if.policy_impact(register, Decimal("1430.00"), AS_OF)
    assert alone.households > 100 and sum(alone.gained.values()) > 0
    in_workers(monkeypatch)
    shared = what_if.policy_impact(register, Decimal("1430.00"), AS_OF)
    assert shared == alone
    assert shared.as_json() == alone.as_json()


def test_a_broken_snapshot_in_a_worker_names_the_field(
    demo_register: Callable[[int, int, date], Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    register = demo_register(300, 7, AS_OF)
    with register.writer() as session:
        newest = session.scalar(select(func.max(Decision.id)))
        snapshot = dict(session.get(Decision, newest).input_snapshot)  # type: ignore[union-attr]
        snapshot["members"] = [{**snapshot["members"][0], "birth_date": "31.12.1980"}]
        session.execute(update(Decision).where(Decision.id == newest)
                        .values(input_snapshot=snapshot))
        session.commit()
    in_workers(monkeypatch)
    with pytest.raises(InputError) as raised:
        what_if.policy_impact(register, Decimal("1430.00"), AS_OF)
    assert raised.value.field == "members[0].birth_date"
    assert "JJJJ-MM-TT" in raised.value.message_de



def test_every_worker_reads_the_register_as_it_was_when_the_what_if_began(
    demo_register: Callable[[int, int, date], Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    register = demo_register(300, 7, AS_OF)
    if register.is_sqlite:
        pytest.skip("SQLite has no shared snapshots: each worker reads what is committed")
    alone = what_if.policy_impact(register, Decimal("1430.00"), AS_OF)
    exported = impact_batches.export_snapshot

    def export_then_change(session: Session) -> str:
        snapshot = exported(session)
        # another seat moves every decision out of the window and commits, before any
        # worker has read a slice
        with register.writer() as other:
            other.execute(update(Decision).values(decided_on=date(2000, 1, 1)))
            other.commit()
        return snapshot

    monkeypatch.setattr(impact_batches, "export_snapshot", export_then_change)
    in_workers(monkeypatch)
    assert what_if.policy_impact(register, Decimal("1430.00"), AS_OF) == alone
    monkeypatch.undo()
    assert what_if.policy_impact(register, Decimal("1430.00"), AS_OF).households == 0


def test_a_database_error_in_a_worker_reaches_the_caller_in_both_languages(
    demo_register: Callable[[int, int, date], Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    register = demo_register(300, 7, AS_OF)
    sliced = impact_batches.household_slices

    def slices_then_break(session: Session) -> list[tuple[int, int]]:
        found = sliced(session)
        with register.writer() as other:  # the table the workers read goes away
            other.execute(text("ALTER TABLE decision RENAME TO decision_gone"))
            other.commit()
        return found

    monkeypatch.setattr(impact_batches, "household_slices", slices_then_break)
    in_workers(monkeypatch)
    with pytest.raises(DatabaseError) as raised:
        what_if.policy_impact(register, Decimal("1430.00"), AS_OF)
    assert raised.value.message_de and raised.value.message_de != raised.value.message_en
