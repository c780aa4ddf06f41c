"""The day of each household's last event: where the period of its case file starts.

Every trace of the office's work on a household counts — a decision, an application, the
end of a pass validity it granted, a print of its letters or cards, a change of address or
membership, a benefit notice or a photo entered, an objection received or decided. The
periods of incomes and notices are facts of the applicant's life, not the office's work, and
do not count. Each source is one grouped query; the days are merged here, so the queries stay
simple on both databases (no UNION of dates with timestamps).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from kpass.models import (
    Application,
    BenefitNotice,
    Decision,
    Household,
    HouseholdAddress,
    HouseholdMember,
    Objection,
    PassValidity,
    PersonPhoto,
    PrintRecord,
    PrintReference,
)
from kpass.models.objections import OBJECTION_OPEN_STATES


def _day(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def _sources() -> list[Select[Any]]:
    by_application = Application.household_id
    decided = (
        select(by_application, func.max(Decision.decided_on))
        .join(Decision, Decision.application_id == Application.id)
        .group_by(by_application)
    )
    applied = select(by_application, func.max(Application.application_date)).group_by(
        by_application)
    valid = (
        select(by_application, func.max(PassValidity.valid_until))
        .join(Decision, Decision.application_id == Application.id)
        .join(PassValidity, PassValidity.decision_id == Decision.id)
        .group_by(by_application)
    )
    printed_decision = (
        select(by_application, func.max(PrintRecord.printed_at))
        .join(Decision, Decision.application_id == Application.id)
        .join(PrintReference, PrintReference.decision_id == Decision.id)
        .join(PrintRecord, PrintRecord.id == PrintReference.print_id)
        .group_by(by_application)
    )
    printed_application = (
        select(by_application, func.max(PrintRecord.printed_at))
        .join(PrintReference, PrintReference.application_id == Application.id)
        .join(PrintRecord, PrintRecord.id == PrintReference.print_id)
        .group_by(by_application)
    )
    printed_pass = (
        select(by_application, func.max(PrintRecord.printed_at))
        .join(Decision, Decision.application_id == Application.id)
        .join(PassValidity, PassValidity.decision_id == Decision.id)
        .join(PrintReference, PrintReference.pass_id == PassValidity.pass_id)
        .join(PrintRecord, PrintRecord.id == PrintReference.print_id)
        .group_by(by_application)
    )
    address = HouseholdAddress.household_id
    moved_in = select(address, func.max(HouseholdAddress.valid_from)).group_by(address)
    moved_out = select(address, func.max(HouseholdAddress.valid_until)).group_by(address)
    member = HouseholdMember.household_id
    joined = select(member, func.max(HouseholdMember.valid_from)).group_by(member)
    left = select(member, func.max(HouseholdMember.valid_until)).group_by(member)
    notice = BenefitNotice.household_id
    noticed = select(notice, func.max(BenefitNotice.created_at)).group_by(notice)
    photo = (
        select(member, func.max(PersonPhoto.updated_at))
        .join(PersonPhoto, PersonPhoto.person_id == HouseholdMember.person_id)
        .group_by(member)
    )
    created = select(Household.id, Household.created_at)
    objection = Objection.household_id
    objected = select(objection, func.max(Objection.received_on)).group_by(objection)
    objection_ended = select(objection, func.max(Objection.outcome_on)).group_by(objection)
    return [decided, applied, valid, printed_decision, printed_application, printed_pass,
            moved_in, moved_out, joined, left, noticed, photo, created, objected,
            objection_ended]


def open_objection_households(session: Session) -> set[int]:
    """Households with an objection still open: its procedure keeps the file, whatever the
    dates (Art. 17 Abs. 3 lit. e DSGVO)."""
    return set(session.scalars(
        select(Objection.household_id).where(Objection.state.in_(OBJECTION_OPEN_STATES))))


def last_events(session: Session, households: Iterable[int] | None = None) -> dict[int, date]:
    """The last event's day of every household (of ``households`` only, when given)."""
    wanted = None if households is None else sorted(set(households))
    last: dict[int, date] = {}
    for source in _sources():
        if wanted is None:
            rows = session.execute(source).all()
        else:
            rows = []
            key = source.selected_columns[0]
            for start in range(0, len(wanted), 500):
                rows.extend(session.execute(
                    source.where(key.in_(wanted[start:start + 500]))
                ).all())
        for household_id, value in rows:
            day = _day(value)
            if day is not None and (household_id not in last or day > last[household_id]):
                last[household_id] = day
    return last
