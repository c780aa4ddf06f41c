"""Two seats at one register: row locks, lock timeouts and the last wall against overlapping
validity periods — on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select, text

from kpass.errors import ConcurrentChange, DatabaseError, InvalidInput, KpassError
from kpass.models import AuditEvent, Pass, PassValidity, StatRecord
from kpass.models.engine import PG_LOCK_TIMEOUT_MS, SQLITE_BUSY_TIMEOUT_MS, Database
from kpass.services.admin.check import check_database
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes import actions as pass_services
from kpass.services.passes.actions import IssuedPass, issue_passes, renew_pass, revoke_pass
from kpass.services.uow import UnitOfWork
from tests.register_builder import add_household, add_income, household_of

FUTURE = date(2030, 1, 1)


def pensioner(database: Database) -> int:
    [person] = add_household(database, [("Weiß", "Jürgen", date(1950, 5, 5), "applicant")])
    add_income(database, person, "pension", "1000.00")
    return household_of(database, person)


def issued_pass(database: Database, day: date = date(2026, 3, 15)) -> str:
    application = apply(database, pensioner(database), day, today=FUTURE)
    [card] = issue_passes(database, decide(database, application.application_id).decision_id)
    assert card.number is not None
    return card.number


def counts(database: Database) -> tuple[int, int, int]:
    with UnitOfWork(database, write=False) as uow:
        s = uow.session
        return (
            int(s.scalar(select(func.count()).select_from(PassValidity)) or 0),
            int(s.scalar(select(func.count()).select_from(StatRecord)) or 0),
            int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0),
        )


# -- timeouts ----------------------------------------------------------------------------------


def test_connections_wait_for_locks_only_a_few_seconds(database: Database) -> None:
    with database.connect() as connection:
        if database.is_sqlite:
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        else:
            lock = connection.execute(text("SHOW lock_timeout")).scalar()
            statement = connection.execute(text("SHOW statement_timeout")).scalar()
            assert lock == f"{PG_LOCK_TIMEOUT_MS // 1000}s" and statement == "5min"


def test_a_writer_blocked_by_another_session_gives_up_with_a_clear_message(
    database: Database,
) -> None:
    number = issued_pass(database)
    before = counts(database)
    blocker = database.writer()  # another seat, in the middle of changing this pass
    try:
        blocker.execute(select(Pass.id).where(Pass.number == number).with_for_update()).all()
        started = time.monotonic()
        with pytest.raises(DatabaseError) as refused:
            revoke_pass(database, number, date(2026, 10, 1), "Wegzug", today=FUTURE)
        waited = time.monotonic() - started
    finally:
        blocker.rollback()
        blocker.close()
    assert "locked by another program" in refused.value.message_en
    assert "von einem anderen Programm gesperrt" in refused.value.message_de
    limit = max(PG_LOCK_TIMEOUT_MS, SQLITE_BUSY_TIMEOUT_MS) / 1000
    assert limit - 1 <= waited < limit + 5
    # Nothing half-saved; once the other seat is done, the same step goes through.
    assert counts(database) == before
    with UnitOfWork(database, write=False) as uow:
        card = uow.session.scalars(select(Pass).where(Pass.number == number)).one()
        assert (card.status, card.revoked_on) == ("active", None)
    revoke_pass(database, number, date(2026, 10, 1), "Wegzug", today=FUTURE)


# -- the last wall -----------------------------------------------------------------------------


def test_an_overlapping_period_is_refused_as_a_concurrent_change(database: Database) -> None:
    number = issued_pass(database)
    before = counts(database)
    with pytest.raises(ConcurrentChange) as refused, UnitOfWork(database) as uow:
        # As if another seat had extended the pass between our check and our write.
        card = uow.session.scalars(select(Pass).where(Pass.number == number)).one()
        validity = card.validities[0]
        card.validities.append(
            PassValidity(
                decision_id=validity.decision_id,
                kind="renewal",
                valid_from=date(2027, 3, 1),
                valid_until=date(2028, 3, 31),
            )
        )
        uow.session.flush()
        uow.commit()
    assert "inzwischen von jemand anderem verlängert" in refused.value.message_de
    assert "renewed or issued by somebody else" in refused.value.message_en
    assert counts(database) == before
    assert check_database(database).ok


# -- a seat that waited for the lock looks again -------------------------------------------------


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], tuple[Any, Any]]]:
    """``gate(name)`` makes ``passes.<name>`` stop in thread "seat-a" until released; returns
    (reached, release) events."""
    events: list[threading.Event] = []

    def install(name: str) -> tuple[threading.Event, threading.Event]:
        reached, release = threading.Event(), threading.Event()
        events.append(release)
        original = getattr(pass_services, name)

        def stopping(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread().name == "seat-a" and not reached.is_set():
                reached.set()
                assert release.wait(30)
            return original(*args, **kwargs)

        monkeypatch.setattr(pass_services, name, stopping)
        return reached, release

    yield install
    for release in events:
        release.set()


def two_seats(
    first: Callable[[], Any], second: Callable[[], Any], reached: Any, release: Any
) -> tuple[dict[str, Any], float]:
    """Seat A runs ``first`` until the gate; seat B starts ``second`` and must wait for A."""
    results: dict[str, Any] = {}

    def run(name: str, step: Callable[[], Any]) -> None:
        try:
            results[name] = step()
        except KpassError as exc:
            results[name] = exc

    seat_a = threading.Thread(target=run, args=("a", first), name="seat-a")
    seat_b = threading.Thread(target=run, args=("b", second), name="seat-b")
    seat_a.start()
    assert reached.wait(30)
    started = time.monotonic()
    seat_b.start()
    time.sleep(1.0)
    assert seat_b.is_alive(), results.get("b")  # B waits for A's locks
    release.set()
    seat_a.join(30)
    seat_b.join(30)
    return results, time.monotonic() - started


def test_a_second_renewal_waits_and_is_refused(
    database: Database, gate: Callable[[str], tuple[Any, Any]]
) -> None:
    number = issued_pass(database)
    reached, release = gate("create_application")

    def renewal() -> Any:
        return renew_pass(database, number, date(2027, 3, 10), today=FUTURE)

    results, waited = two_seats(renewal, renewal, reached, release)
    assert waited >= 1.0
    holder = results["a"].holder_pass
    assert holder is not None and holder.valid_until == date(2028, 3, 31)
    refused = results["b"]
    assert isinstance(refused, InvalidInput), refused
    assert "bereits verlängert" in refused.message_de
    assert "gültig bis 31.03.2028" in refused.message_de
    with UnitOfWork(database, write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(PassValidity)) == 2
    assert check_database(database).ok


def test_a_second_issue_for_the_same_decision_waits_and_is_refused(
    database: Database, gate: Callable[[str], tuple[Any, Any]]
) -> None:
    application = apply(database, pensioner(database), date(2026, 3, 15), today=FUTURE)
    decision_id = decide(database, application.application_id).decision_id
    reached, release = gate("held_pass")
    results, _ = two_seats(
        lambda: issue_passes(database, decision_id),
        lambda: issue_passes(database, decision_id),
        reached,
        release,
    )
    [card] = results["a"]
    assert card.action == "new_pass"
    refused = results["b"]
    assert isinstance(refused, InvalidInput) and "bereits Pässe ausgestellt" in refused.message_de
    assert check_database(database).ok


def test_two_decisions_for_one_person_issue_one_pass(
    database: Database, gate: Callable[[str], tuple[Any, Any]]
) -> None:
    household = pensioner(database)
    decisions = [
        decide(database, apply(database, household, day, today=FUTURE).application_id).decision_id
        for day in (date(2026, 3, 15), date(2026, 3, 16))
    ]
    reached, release = gate("held_pass")
    results, _ = two_seats(
        lambda: issue_passes(database, decisions[0]),
        lambda: issue_passes(database, decisions[1]),
        reached,
        release,
    )
    [first] = results["a"]
    [second] = results["b"]
    assert isinstance(first, IssuedPass) and first.action == "new_pass"
    assert isinstance(second, IssuedPass)
    assert (second.action, second.held_until) == ("none", date(2027, 3, 31))
    with UnitOfWork(database, write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Pass)) == 1
    assert check_database(database).ok
