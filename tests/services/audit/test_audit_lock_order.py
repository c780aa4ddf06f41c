"""The audit trail's head is locked last, when a unit of work commits: a seat working on
its own rows never holds the one row every seat needs, so two seats cannot deadlock over it
(a seat extending a pass and then issuing a new one against a seat doing the reverse)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from kpass.errors import KpassError
from kpass.models.engine import Database
from kpass.services.audit import verify_trail
from kpass.services.uow import UnitOfWork
from tests.services.audit.trail_helpers import one


def head(database: Database) -> tuple[int, str]:
    seq, link = one(database, "SELECT seq, hash FROM audit_head WHERE id = 1")
    return int(seq), str(link)


def test_events_join_the_chain_at_commit_in_the_order_recorded(database: Database) -> None:
    before, _ = head(database)
    with UnitOfWork(database) as uow:
        uow.audit("read_audit", "audit", None, step=1)
        uow.audit("read_audit", "audit", None, step=2)
        uow.commit()
    after, _ = head(database)
    assert after == before + 2
    steps = one(database, "SELECT min(seq), max(seq) FROM audit_event WHERE action = 'read_audit'")
    assert tuple(steps) == (before + 1, before + 2)
    assert verify_trail(database).intact


def test_without_commit_nothing_joins_the_chain(database: Database) -> None:
    before = head(database)
    with UnitOfWork(database) as uow:
        uow.audit("read_audit", "audit", None)
    assert head(database) == before


def test_a_detail_that_cannot_be_stored_fails_where_it_is_recorded(database: Database) -> None:
    with UnitOfWork(database) as uow, pytest.raises(ValueError):
        uow.audit("read_audit", "audit", None, share=float("nan"))


def test_a_working_seat_does_not_hold_the_head(database: Database, backend: str) -> None:
    if backend != "postgresql":
        pytest.skip("SQLite has one writer at a time anyway")
    other = create_engine(database.url.render_as_string(hide_password=False))
    with UnitOfWork(database) as uow:
        uow.audit("read_audit", "audit", None)
        uow.session.execute(text("SELECT 1"))
        with other.connect() as seat:
            # another seat can take the head now (NOWAIT: refused at once if it could not)
            seat.execute(text("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE NOWAIT"))
            seat.rollback()
        uow.flush_audit()
        with other.connect() as seat, pytest.raises(Exception, match="lock"):
            seat.execute(text("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE NOWAIT"))
        uow.commit()
    other.dispose()
    assert verify_trail(database).intact


def test_a_failing_unit_of_work_leaves_the_chain_as_it_was(database: Database) -> None:
    before = head(database)
    with pytest.raises(KpassError), UnitOfWork(database) as uow:
        uow.audit("read_audit", "audit", None)
        uow.session.execute(text("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, 'x')"))
        uow.commit()
    assert head(database) == before
