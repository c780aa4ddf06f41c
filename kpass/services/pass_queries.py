"""Reading passes: the lists and counts of ``kpass passes`` and the counter's pass view."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import aliased

from kpass.models import Pass, PassValidity, Person
from kpass.models.engine import Database
from kpass.rules import last_of_month
from kpass.services.uow import UnitOfWork

DEFAULT_LIMIT = 50


@dataclass(frozen=True)
class PassRow:
    """A pass with its current (latest) validity period.

    ``status`` is the pass's state on the day the list was made for (``active_on``, else
    today): a pass revoked from a later day is still ``active`` then, with ``revoked_on``
    telling from when it is not (:attr:`revocation_pending`).
    """

    number: str
    person_id: int
    name: str
    type: str
    valid_from: date
    valid_until: date
    status: str
    decision_id: int
    revoked_on: date | None
    pass_id: int

    @property
    def revocation_pending(self) -> bool:
        """Active on the list's day, but revoked from a later day on."""
        return self.status == "active" and self.revoked_on is not None

    def as_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "person_id": self.person_id,
            "name": self.name,
            "type": self.type,
            "valid_from": self.valid_from.isoformat(),
            "valid_until": self.valid_until.isoformat(),
            "status": self.status,
            "decision_id": self.decision_id,
        }


def not_revoked_on(day: date) -> Any:
    """SQL: the pass is active on ``day``: not revoked or replaced on or before it.

    A revocation may be dated in the future (spec 5): the stored status is then already
    ``revoked``, so "active on a day" must be asked of ``revoked_on``, never of ``status``.
    """
    return or_(Pass.revoked_on.is_(None), Pass.revoked_on > day)


def status_on(status: str, revoked_on: date | None, day: date) -> str:
    """The state of a pass on ``day``: ``active`` until its revocation day, then ``status``."""
    return "active" if revoked_on is None or revoked_on > day else status


def list_passes(
    database: Database,
    *,
    active_on: date | None = None,
    every_status: bool = False,
    expiring_in: tuple[int, int] | None = None,
    person_ids: Sequence[int] | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[PassRow]:
    """Passes, newest validity first.

    By default those valid on ``active_on`` (today); ``every_status`` lists all passes
    whatever their state; ``expiring_in`` (year, month) those whose latest validity ends in
    that month and that are not revoked on ``active_on`` (today) — the renewal queue, where a
    pass revoked from a later day stays until that day. Each row's ``status`` is its state
    on ``active_on`` (today).
    """
    day = active_on or date.today()
    # The latest validity of each pass, looked up per pass through ix_pass_validity_pass;
    # a grouped subquery over all validities would be built whole before any filter applies.
    later = aliased(PassValidity)
    latest_until = (
        select(func.max(later.valid_until))
        .where(later.pass_id == Pass.id)
        .correlate(Pass)
        .scalar_subquery()
    )
    current = PassValidity
    statement = (
        select(
            Pass.number,
            Pass.person_id,
            Person.given_names,
            Person.family_name,
            Pass.pass_type,
            current.valid_from,
            current.valid_until,
            Pass.status,
            current.decision_id,
            Pass.revoked_on,
            Pass.id,
        )
        .select_from(Pass)
        .join(current, and_(current.pass_id == Pass.id, current.valid_until == latest_until))
        .join(Person, Person.id == Pass.person_id)
    )
    if person_ids is not None:
        statement = statement.where(Pass.person_id.in_(list(person_ids)))
    if expiring_in is not None:
        first = date(expiring_in[0], expiring_in[1], 1)
        statement = statement.where(
            current.valid_until >= first,
            current.valid_until <= last_of_month(first),
            not_revoked_on(day),
        )
    elif not every_status:
        # Valid on the day: some validity period covers it, not necessarily the latest.
        period = aliased(PassValidity)
        covering = (
            select(period.id)
            .where(
                period.pass_id == Pass.id,
                period.valid_from <= day,
                period.valid_until >= day,
            )
            .correlate(Pass)
            .exists()
        )
        statement = statement.where(covering, not_revoked_on(day))
    statement = statement.order_by(current.valid_from.desc(), Pass.number).limit(limit)
    with UnitOfWork(database, write=False) as uow:
        rows = uow.session.execute(statement).all()
    return [
        PassRow(
            r[0], r[1], f"{r[2]} {r[3]}", r[4], r[5], r[6], status_on(r[7], r[9], day), r[8],
            r[9], r[10],
        )
        for r in rows
    ]


def count_pass_holders(database: Database, on: date) -> int:
    """Persons holding a pass valid (not revoked, or revoked only from a later day) on
    ``on``."""
    statement = (
        select(func.count(func.distinct(Pass.person_id)))
        .select_from(Pass)
        .join(PassValidity, PassValidity.pass_id == Pass.id)
        .where(PassValidity.valid_from <= on, PassValidity.valid_until >= on, not_revoked_on(on))
    )
    with UnitOfWork(database, write=False) as uow:
        return int(uow.session.scalar(statement) or 0)
