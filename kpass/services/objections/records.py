"""Shared steps of the objection use cases: find and lock, check the version, dates, texts."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from kpass.errors import ConcurrentChange, InvalidInput
from kpass.models import Decision, Objection, PrintRecord, PrintReference
from kpass.rules import default_parameters
from kpass.services.objections.deadlines import bekanntgabe, objection_deadline
from kpass.services.uow import UnitOfWork

MAX_REASON = 5000
MAX_REPRESENTATIVE = 200
MAX_FOLLOW_UP_NOTE = 500


def locked_objection(
    uow: UnitOfWork, objection_id: int, expected_version: int | None = None
) -> Objection:
    """The objection, locked (PostgreSQL) and read afresh: another seat may have decided it
    while this one waited. ``expected_version``: the version the form showed."""
    objection = uow.session.scalars(
        select(Objection)
        .where(Objection.id == objection_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()
    if objection is None:
        raise InvalidInput(
            f"There is no objection {objection_id}.", f"Es gibt keinen Widerspruch {objection_id}."
        )
    if expected_version is not None and objection.version != expected_version:
        raise ConcurrentChange(
            f"Objection {objection_id} was changed by somebody else in the meantime; reload "
            "and try again.",
            f"Der Widerspruch {objection_id} wurde inzwischen von jemand anderem geändert; "
            "bitte neu laden und noch einmal versuchen.",
        )
    return objection


def checked_text(text: str | None, limit: int, what_en: str, what_de: str) -> str:
    value = (text or "").strip()
    if len(value) > limit:
        raise InvalidInput(
            f"The {what_en} is longer than {limit} characters.",
            f"{what_de} ist länger als {limit} Zeichen.",
        )
    if any(ord(c) < 32 and c not in "\n\t" for c in value):
        raise InvalidInput(
            f"The {what_en} contains control characters.",
            f"{what_de} enthält Steuerzeichen.",
        )
    return value


def required_text(text: str | None, limit: int, what_en: str, what_de: str) -> str:
    value = checked_text(text, limit, what_en, what_de)
    if not value:
        raise InvalidInput(f"The {what_en} is missing.", f"{what_de} fehlt.")
    return value


def not_in_future(day: date, today: date, what_en: str, what_de: str) -> None:
    if day > today:
        raise InvalidInput(
            f"The {what_en} {day:%d.%m.%Y} lies in the future.",
            f"{what_de} {day:%d.%m.%Y} liegt in der Zukunft.",
        )


def _local_day(moment: datetime) -> date:
    try:
        from zoneinfo import ZoneInfo

        return moment.astimezone(ZoneInfo("Europe/Berlin")).date()
    except Exception:  # no time zone database (Windows without tzdata): UTC is a day off at most
        return moment.astimezone(UTC).date()


def posted_on(uow: UnitOfWork, decision: Decision) -> date:
    """The day the decision letter went out: its first print, else the decision's day."""
    prints = uow.session.execute(
        select(PrintRecord.printed_at, PrintRecord.subject)
        .join(PrintReference, PrintReference.print_id == PrintRecord.id)
        .where(PrintReference.decision_id == decision.id, PrintRecord.kind == "letter")
        .order_by(PrintRecord.printed_at)
    ).all()
    for printed_at, subject in prints:
        if "objection" not in subject:  # an objection's own letter is not the decision's
            return _local_day(printed_at)
    return decision.decided_on


def notification_days(day: date) -> int:
    """The parameter in force on ``day`` (its first value for a day before it)."""
    parameter = default_parameters().parameters["notification_days"]
    _, value = parameter.value_on(day) or parameter.values[0]
    assert isinstance(value, int)
    return value


def deadline_of(uow: UnitOfWork, decision: Decision) -> tuple[date, date]:
    """(Bekanntgabe, last day to object) of a decision."""
    posted = posted_on(uow, decision)
    notified = bekanntgabe(posted, notification_days(posted))
    return notified, objection_deadline(notified)
