"""The objections page's list: the open objections by what is due, and on request the
decided ones after them, each with its applicant and the day of the objected letter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from kpass.models import OBJECTION_OPEN_STATES, Application, Decision, Objection, Person
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.objections.records import posted_on
from kpass.services.objections.views import ObjectionView, view_of
from kpass.services.uow import UnitOfWork


@dataclass(frozen=True)
class ObjectionRow:
    """A row of the objections page."""

    objection: ObjectionView
    applicant: str  # "Weiß-Özdemir, Jürgen" (the objected application's applicant)
    decision_date: date  # the objected letter's day (its first print, else the decision's)
    due_on: date | None  # open: the Wiedervorlage, else the deadline; decided: None
    follow_up_due: bool  # the Wiedervorlage day has come (today or before)
    overdue: bool  # open three months and more (§ 75 VwGO)

    @property
    def is_open(self) -> bool:
        return self.objection.state in OBJECTION_OPEN_STATES

    def as_json(self) -> dict[str, Any]:
        return {
            **self.objection.as_json(),
            "applicant": self.applicant,
            "decision_date": self.decision_date.isoformat(),
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "follow_up_due": self.follow_up_due,
            "overdue": self.overdue,
        }


def _sort_key(row: ObjectionRow) -> tuple[Any, ...]:
    view = row.objection
    if row.due_on is not None:
        return (0, row.due_on.toordinal(), view.deadline.toordinal(), view.id)
    # decided ones after the open ones, the latest outcome first
    outcome = view.outcome_on or view.received_on
    return (1, -outcome.toordinal(), -view.id, 0)


@requires(Permission.READ_REGISTER)
def objection_register(
    database: Database, *, include_closed: bool = False, today: date | None = None
) -> list[ObjectionRow]:
    """The open objections by due day (as :func:`open_objections`), then, with
    ``include_closed``, the decided and withdrawn ones, the latest outcome first."""
    day = today or date.today()
    with UnitOfWork(database, write=False) as uow:
        query = (
            select(Objection, Decision, Person)
            .join(Decision, Decision.id == Objection.decision_id)
            .join(Application, Application.id == Decision.application_id)
            .join(Person, Person.id == Application.applicant_person_id)
        )
        if not include_closed:
            query = query.where(Objection.state.in_(OBJECTION_OPEN_STATES))
        found = uow.session.execute(query).all()
        rows = []
        for objection, decision, applicant in found:
            view = view_of(uow, objection)
            is_open = objection.state in OBJECTION_OPEN_STATES
            rows.append(ObjectionRow(
                view,
                f"{applicant.family_name}, {applicant.given_names}",
                posted_on(uow, decision),
                (view.follow_up_on or view.deadline) if is_open else None,
                is_open and view.follow_up_on is not None and view.follow_up_on <= day,
                is_open and day >= view.inaction_from,
            ))
    return sorted(rows, key=_sort_key)
