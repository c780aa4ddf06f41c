"""Row locks of the pass use cases (PostgreSQL; nothing on SQLite, whose writers serialize
at BEGIN).

After the application or decision, every use case locks the persons in ascending ids, then
the pass — one order everywhere, so that two seats wait for each other instead of
deadlocking.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from kpass.models import HouseholdMember, Pass, Person
from kpass.services.passes.pass_numbers import find_pass
from kpass.services.uow import UnitOfWork


def lock_persons(uow: UnitOfWork, person_ids: Iterable[int]) -> None:
    """Lock the persons' rows, in ascending order so that two seats cannot deadlock."""
    ids = sorted(set(person_ids))
    if ids:
        uow.session.execute(
            select(Person.id).where(Person.id.in_(ids)).order_by(Person.id).with_for_update()
        ).all()


def lock_pass(uow: UnitOfWork, card: Pass) -> Pass:
    """Lock the pass row (after its holder's) and read it afresh: another seat may have
    renewed, replaced or revoked it while this one waited."""
    return uow.session.scalars(
        select(Pass)
        .where(Pass.id == card.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()


def locked_pass(uow: UnitOfWork, number: str) -> Pass:
    """The pass with this number, locked together with its holder."""
    card = find_pass(uow, number)
    lock_persons(uow, [card.person_id])
    return lock_pass(uow, card)


def household_person_ids(uow: UnitOfWork, household_id: int) -> list[int]:
    return list(
        uow.session.scalars(
            select(HouseholdMember.person_id)
            .where(HouseholdMember.household_id == household_id)
            .distinct()
        )
    )
