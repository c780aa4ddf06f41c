"""The what-if over a large register is decided by worker processes: same answer, and a
broken snapshot still gives its clear message."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update

from kpass.models import Decision
from kpass.models.engine import Database
from kpass.rules import InputError
from kpass.services.statistics import impact_batches, what_if

AS_OF = date(2026, 11, 1)


def in_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small batches and workers from the first household on, with two processes."""
    monkeypatch.setattr(impact_batches, "PARALLEL_FROM", 1)
    monkeypatch.setattr(what_if, "BATCH", 40)
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

