"""A household's history for the counter: applications with their decisions, passes (with
the changes of pass type that kept the number), and what was printed for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, union

from kpass.models import (
    Application,
    AppUser,
    AuditEvent,
    Decision,
    HouseholdMember,
    Pass,
    PassValidity,
    PrintRecord,
    PrintReference,
)
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.household.facts import member_key
from kpass.services.uow import UnitOfWork

if TYPE_CHECKING:
    from kpass.services.passes.queries import PassRow


@dataclass(frozen=True)
class DecisionSummary:
    decision_id: int
    decided_on: date
    rule_set: str
    output: dict[str, Any]


@dataclass(frozen=True)
class ApplicationSummary:
    application_id: int
    application_date: date
    kind: str
    proofs: tuple[str, ...]
    decisions: tuple[DecisionSummary, ...]


@dataclass(frozen=True)
class PassTypeChange:
    """A pass that went on with another type under the same number: a Kinderpass holder
    turned 18 and the next period is a Karlsruher Pass (eligibility-rules.md section 5)."""

    number: str
    person_id: int
    since: date  # first day of the period with the new type
    decision_id: int  # the decision that granted that period
    old_type: str
    new_type: str


@dataclass(frozen=True)
class HouseholdHistory:
    applications: tuple[ApplicationSummary, ...]  # newest first
    passes: tuple[PassRow, ...]  # of everybody who ever belonged to the household
    type_changes: tuple[PassTypeChange, ...] = ()  # oldest first


def _granted_type(output: dict[str, Any] | None, person_id: int) -> str | None:
    """The pass type a stored decision granted the person (``None`` if none is recorded)."""
    for member in (output or {}).get("members", []):
        if member.get("id") == member_key(person_id):
            pass_type = member.get("pass_type")
            return str(pass_type) if pass_type else None
    return None


def pass_type_changes(
    uow: UnitOfWork, person_ids: list[int], outputs: dict[int, dict[str, Any]]
) -> tuple[PassTypeChange, ...]:
    """Where a pass's validity periods, each granted by a decision, change the pass type.

    The type of a period is the one its decision granted the holder (the pass row holds only
    the current type). ``outputs`` are decision outputs already read (by id); others are read
    here, in one query.
    """
    periods = uow.session.execute(
        select(Pass.id, Pass.number, Pass.person_id, PassValidity.valid_from,
               PassValidity.decision_id)
        .join(PassValidity, PassValidity.pass_id == Pass.id)
        .where(Pass.person_id.in_(person_ids))
        .order_by(Pass.id, PassValidity.valid_from)
    ).tuples().all()
    missing = sorted({row[4] for row in periods} - set(outputs))
    if missing:
        outputs = {**outputs, **dict(uow.session.execute(
            select(Decision.id, Decision.output).where(Decision.id.in_(missing))
        ).tuples().all())}
    changes: list[PassTypeChange] = []
    previous: tuple[int, str] | None = None  # (pass id, type of its last period)
    for pass_id, number, person_id, valid_from, decision_id in periods:
        pass_type = _granted_type(outputs.get(decision_id), person_id)
        if pass_type is None:
            continue
        if previous is not None and previous[0] == pass_id and previous[1] != pass_type:
            changes.append(PassTypeChange(number, person_id, valid_from, decision_id,
                                          previous[1], pass_type))
        previous = (pass_id, pass_type)
    return tuple(changes)


@requires(Permission.READ_REGISTER)
def household_history(
    database: Database, household_id: int, on: date | None = None
) -> HouseholdHistory:
    """Everything decided and issued for a household, newest first (five queries).

    Each pass's ``status`` is its state on ``on`` (today): a pass revoked from a later day is
    still active then, its ``revoked_on`` saying from when it is not.
    """
    with UnitOfWork(database, write=False) as uow:
        applications = list(
            uow.session.scalars(
                select(Application)
                .where(Application.household_id == household_id)
                .order_by(Application.application_date.desc(), Application.id.desc())
            )
        )
        decisions: dict[int, list[DecisionSummary]] = {}
        # Columns only: the input snapshot of a decision is large and not shown here.
        for decision_id, application_id, decided_on, rule_set, output in uow.session.execute(
            select(Decision.id, Decision.application_id, Decision.decided_on, Decision.rule_set,
                   Decision.output)
            .where(Decision.application_id.in_([a.id for a in applications]))
            .order_by(Decision.id.desc())
        ).tuples():
            decisions.setdefault(application_id, []).append(
                DecisionSummary(decision_id, decided_on, rule_set, output)
            )
        person_ids = sorted(
            set(
                uow.session.scalars(
                    select(HouseholdMember.person_id).where(
                        HouseholdMember.household_id == household_id
                    )
                )
            )
        )
        summaries = tuple(
            ApplicationSummary(
                a.id, a.application_date, a.kind, tuple(a.proofs), tuple(decisions.get(a.id, ()))
            )
            for a in applications
        )
        known = {d.decision_id: d.output for found in decisions.values() for d in found}
        type_changes = pass_type_changes(uow, person_ids, known)
    # imported here: passes' package imports applications, which imports this package
    from kpass.services.passes.queries import list_passes

    passes = list_passes(database, active_on=on, every_status=True, person_ids=person_ids,
                         limit=10_000)
    return HouseholdHistory(summaries, tuple(passes), type_changes)


@dataclass(frozen=True)
class PrintSummary:
    """One print (a PDF made for printing) that concerns the household."""

    print_id: int
    printed_at: datetime  # aware, UTC
    kind: str  # card, sheet, letter, renewals, application_form
    passes: tuple[str, ...]  # the household's pass numbers on it (a sheet may hold others)
    decision_id: int | None  # letter
    application_id: int | None  # application form
    month: str | None  # renewals: the month of expiry, "YYYY-MM"
    pages: int
    user: str  # display name of who printed it


PASS_PRINT_KINDS = ("card", "sheet", "renewals")


@requires(Permission.READ_REGISTER)
def household_prints(database: Database, household_id: int) -> tuple[PrintSummary, ...]:
    """Every print of the household's pass cards, decision letters, application forms and
    renewal reminders, newest first.

    Prints are found through what they show (:class:`PrintReference`: passes, a decision,
    an application), each by index.
    """
    with UnitOfWork(database, write=False) as uow:
        session = uow.session
        applications = select(Application.id).where(Application.household_id == household_id)
        decisions = select(Decision.id).where(Decision.application_id.in_(applications))
        members = select(HouseholdMember.person_id).where(
            HouseholdMember.household_id == household_id
        )
        passes = dict(
            session.execute(select(Pass.id, Pass.number).where(Pass.person_id.in_(members)))
            .tuples()
            .all()
        )
        found = union(
            select(PrintReference.print_id).where(PrintReference.pass_id.in_(list(passes))),
            select(PrintReference.print_id).where(PrintReference.decision_id.in_(decisions)),
            select(PrintReference.print_id).where(
                PrintReference.application_id.in_(applications)
            ),
        ).subquery()
        rows = session.execute(
            select(PrintRecord, AppUser.display_name, AppUser.username)
            .join(found, found.c.print_id == PrintRecord.id)
            .join(AppUser, AppUser.id == PrintRecord.user_id)
            .order_by(PrintRecord.printed_at.desc(), PrintRecord.id.desc())
        ).tuples().all()
        numbers_on: dict[int, list[str]] = {}
        if rows and passes:
            for print_id, pass_id in session.execute(
                select(PrintReference.print_id, PrintReference.pass_id)
                .where(PrintReference.print_id.in_([r[0].id for r in rows]),
                       PrintReference.pass_id.in_(list(passes)))
                .order_by(PrintReference.id)
            ).tuples():
                assert pass_id is not None
                numbers_on.setdefault(print_id, []).append(passes[pass_id])
        return tuple(
            PrintSummary(
                print_id=record.id,
                printed_at=record.printed_at,
                kind=record.kind,
                passes=tuple(numbers_on.get(record.id, ())),
                decision_id=record.subject.get("decision"),
                application_id=record.subject.get("application"),
                month=record.subject.get("month"),
                pages=record.pages,
                user=display_name or username,
            )
            for record, display_name, username in rows
        )


@dataclass(frozen=True)
class DataChange:
    """One save of the household's data: when, by whom, and each change as the audit trail
    keeps it (``{"change": "correct_income", …, "reason": …, "before": {…}}``)."""

    at: datetime  # aware, UTC
    user: str
    changes: tuple[dict[str, Any], ...]


#: The audit events of a household that say what happened to its data: the saves at the
#: counter, its creation, and a member moving to another household (saved there).
DATA_CHANGE_ACTIONS = ("create_household", "save_household_changes", "move_person_out")


@requires(Permission.READ_REGISTER)
def household_data_changes(
    database: Database, household_id: int, limit: int = 500
) -> tuple[DataChange, ...]:
    """The saves of the household's data, newest first (the Verlauf's "Änderungen")."""
    with UnitOfWork(database, write=False) as uow:
        rows = uow.session.execute(
            select(AuditEvent.at, AuditEvent.action, AuditEvent.details, AppUser.display_name,
                   AppUser.username)
            .join(AppUser, AppUser.id == AuditEvent.user_id)
            .where(AuditEvent.entity == "household", AuditEvent.entity_id == household_id,
                   AuditEvent.action.in_(DATA_CHANGE_ACTIONS))
            .order_by(AuditEvent.id.desc())
            .limit(limit)
        ).tuples().all()
    found = []
    for at, action, details, display_name, username in rows:
        if action == "save_household_changes":
            changes = tuple(details.get("changes", ()))
        else:
            changes = ({"change": action, **details},)
        found.append(DataChange(at, display_name or username, changes))
    return tuple(found)
