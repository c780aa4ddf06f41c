"""Reading objections: one, a household's, and the list of open ones by due day."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from kpass.errors import InvalidInput
from kpass.models import OBJECTION_OPEN_STATES, Objection
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.objections.views import ObjectionView, OpenObjection, view_of
from kpass.services.uow import UnitOfWork


@requires(Permission.READ_REGISTER)
def objection_details(database: Database, objection_id: int) -> ObjectionView:
    with UnitOfWork(database, write=False) as uow:
        objection = uow.session.get(Objection, objection_id)
        if objection is None:
            raise InvalidInput(
                f"There is no objection {objection_id}.",
                f"Es gibt keinen Widerspruch {objection_id}.",
            )
        return view_of(uow, objection)


@requires(Permission.READ_REGISTER)
def household_objections(database: Database, household_id: int) -> list[ObjectionView]:
    """A household's objections, newest first (the household's objection tab)."""
    with UnitOfWork(database, write=False) as uow:
        rows = uow.session.scalars(
            select(Objection)
            .where(Objection.household_id == household_id)
            .order_by(Objection.received_on.desc(), Objection.id.desc())
        ).all()
        return [view_of(uow, row) for row in rows]


@requires(Permission.READ_REGISTER)
def open_objections(database: Database, today: date | None = None) -> list[OpenObjection]:
    """The objections not yet decided, by due day: the Wiedervorlage where one is set,
    else the deadline; ``follow_up_due`` from the Wiedervorlage day on, ``overdue`` three
    months after receipt (§ 75 VwGO: the objector may sue for a decision)."""
    day = today or date.today()
    with UnitOfWork(database, write=False) as uow:
        rows = uow.session.scalars(
            select(Objection).where(Objection.state.in_(OBJECTION_OPEN_STATES))
        ).all()
        views = [view_of(uow, row) for row in rows]
    listed = [
        OpenObjection(
            view,
            view.follow_up_on or view.deadline,
            view.follow_up_on is not None and view.follow_up_on <= day,
            day >= view.inaction_from,
        )
        for view in views
    ]
    return sorted(listed, key=lambda o: (o.due_on, o.objection.deadline, o.objection.id))
