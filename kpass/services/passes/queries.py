"""Reading passes: the lists and counts of ``kpass passes`` and the counter's pass view."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import aliased

from kpass.models import HouseholdAddress, HouseholdMember, Pass, PassValidity, Person, Stadtteil
from kpass.models.engine import Database
from kpass.models.periods import valid_on
from kpass.rules import last_of_month
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.bulk_reads import record_bulk_read
from kpass.services.uow import UnitOfWork
from kpass.text_keys import name_key

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


def latest_valid_until() -> Any:
    """SQL, correlated to ``Pass``: the end of the pass's latest validity period.

    Looked up per pass through ix_pass_validity_pass; a grouped subquery over all validities
    would be built whole before any filter applies.
    """
    later = aliased(PassValidity)
    return (
        select(func.max(later.valid_until))
        .where(later.pass_id == Pass.id)
        .correlate(Pass)
        .scalar_subquery()
    )


def covered_on(day: Any) -> Any:
    """SQL, correlated to ``Pass``: some validity period covers ``day`` (a date or a bound
    parameter) — not necessarily the latest: a renewed pass is valid through its old period
    too. Whether it is revoked by then is :func:`not_revoked_on`'s question."""
    period = aliased(PassValidity)
    return (
        select(period.id)
        .where(period.pass_id == Pass.id, valid_on(period.valid_from, period.valid_until, day))
        .correlate(Pass)
        .exists()
    )


@requires(Permission.READ_REGISTER)
def list_passes(
    database: Database,
    *,
    active_on: date | None = None,
    every_status: bool = False,
    expiring_in: tuple[int, int] | None = None,
    person_ids: Sequence[int] | None = None,
    limit: int = DEFAULT_LIMIT,
    issuer: str | None = None,
) -> list[PassRow]:
    """Passes, newest validity first.

    By default those valid on ``active_on`` (today); ``every_status`` lists all passes
    whatever their state; ``expiring_in`` (year, month) those whose latest validity ends in
    that month and that are not revoked on ``active_on`` (today) — the renewal queue, where a
    pass revoked from a later day stays until that day. Each row's ``status`` is its state
    on ``active_on`` (today). ``issuer`` (a code): only that issuing municipality's passes.
    """
    day = active_on or date.today()
    latest_until = latest_valid_until()
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
    if issuer is not None:
        statement = statement.where(Pass.issuer == issuer)
    if expiring_in is not None:
        first = date(expiring_in[0], expiring_in[1], 1)
        statement = statement.where(
            current.valid_until.between(first, last_of_month(first)),
            not_revoked_on(day),
        )
    elif not every_status:
        # Valid on the day: some validity period covers it, not necessarily the latest.
        statement = statement.where(covered_on(day), not_revoked_on(day))
    statement = statement.order_by(current.valid_from.desc(), Pass.number).limit(limit)
    with UnitOfWork(database, write=False) as uow:
        rows = uow.session.execute(statement).all()
    if person_ids is None:  # a list across the register, not one household's passes
        record_bulk_read(
            database,
            "pass",
            len(rows),
            active_on=day.isoformat(),
            every_status=every_status,
            expiring_in=list(expiring_in) if expiring_in else None,
            issuer=issuer,
        )
    return [
        PassRow(
            r[0], r[1], f"{r[2]} {r[3]}", r[4], r[5], r[6], status_on(r[7], r[9], day), r[8],
            r[9], r[10],
        )
        for r in rows
    ]


@requires(Permission.READ_REGISTER)
def count_pass_holders(database: Database, on: date) -> int:
    """Persons holding a pass valid (not revoked, or revoked only from a later day) on
    ``on``."""
    statement = (
        select(func.count(func.distinct(Pass.person_id)))
        .select_from(Pass)
        .join(PassValidity, PassValidity.pass_id == Pass.id)
        .where(valid_on(PassValidity.valid_from, PassValidity.valid_until, on), not_revoked_on(on))
    )
    with UnitOfWork(database, write=False) as uow:
        return int(uow.session.scalar(statement) or 0)


@dataclass(frozen=True)
class RenewalRow:
    """A pass of the renewal queue with its holder's household and Stadtteil on the queue's
    day (None: the holder belongs to no household then)."""

    pass_row: PassRow
    family_name: str
    given_names: str
    household_id: int | None
    stadtteil: str | None
    words: tuple[str, ...]  # folded: name, pass number, household number, Stadtteil

    @property
    def month(self) -> tuple[int, int]:
        return self.pass_row.valid_until.year, self.pass_row.valid_until.month

    def matches(self, typed: Sequence[str]) -> bool:
        """Every typed word (:func:`filter_words`) begins one of the row's words."""
        return all(any(word.startswith(t) for word in self.words) for t in typed)


def filter_words(text: str) -> tuple[str, ...]:
    """The words of a filter as typed ("Müller ka-1234" → ``("mueller", "ka", "1234")``)."""
    return tuple(name_key(text).split())


@requires(Permission.READ_REGISTER)
def renewal_queue(
    database: Database,
    months: Sequence[tuple[int, int]],
    *,
    on: date | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[RenewalRow]:
    """The passes of ``list_passes(expiring_in=…)`` for each of ``months`` (at most ``limit``
    each), with their holders' households on ``on`` (today); by expiry, family name, given
    names."""
    day = on or date.today()
    passes = [row for month in months
              for row in list_passes(database, active_on=day, expiring_in=month, limit=limit)]
    holders = _holders(database, sorted({p.person_id for p in passes}), day)
    rows: list[tuple[tuple[date, str, str, str], RenewalRow]] = []
    for p in passes:
        family, given, family_key, given_key, household, stadtteil = holders[p.person_id]
        words = name_key(f"{family} {given} {p.number} {household or ''} {stadtteil or ''}")
        row = RenewalRow(p, family, given, household, stadtteil, tuple(words.split()))
        rows.append(((p.valid_until, family_key, given_key, p.number), row))
    rows.sort(key=lambda keyed: keyed[0])
    return [row for _key, row in rows]


def _holders(database: Database, person_ids: list[int], day: date) -> dict[int, Any]:
    """Names, sort keys, household and Stadtteil on ``day`` of each person."""
    member, address = HouseholdMember, HouseholdAddress
    statement = (
        select(Person.id, Person.family_name, Person.given_names, Person.family_name_key,
               Person.given_names_key, member.household_id, Stadtteil.name)
        .select_from(Person)
        .outerjoin(member, and_(member.person_id == Person.id,
                                valid_on(member.valid_from, member.valid_until, day)))
        .outerjoin(address, and_(address.household_id == member.household_id,
                                 valid_on(address.valid_from, address.valid_until, day)))
        .outerjoin(Stadtteil, Stadtteil.code == address.stadtteil_code)
    )
    found: dict[int, Any] = {}
    with UnitOfWork(database, write=False) as uow:
        for start in range(0, len(person_ids), 500):  # SQLite binds at most 32766 values
            chunk = person_ids[start:start + 500]
            for person_id, *facts in uow.session.execute(statement.where(Person.id.in_(chunk))):
                found[person_id] = tuple(facts)
    return found
