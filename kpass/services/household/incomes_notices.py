"""A member's incomes and a household's benefit notices: add, end, correct, remove.

Each ``*_step`` runs inside a unit of work whose household is already locked (see
:func:`kpass.services.household.changes.save_household_changes`, which saves the editor's
changes in one transaction); the functions without ``_step`` are the same change alone.

A correction overwrites the entry (the amount was mistyped: it was never true) and keeps
the values before it and the reason in the audit trail; a removal deletes an entry entered
by mistake, likewise kept in the audit trail. Decisions are not affected either way: each
stores its complete input (``Decision.input_snapshot``) and never refers to these rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from kpass.models import BenefitNotice, BenefitNoticePerson, Income
from kpass.services.household.steps import (
    income_row,
    memberships_of,
    notice_row,
)
from kpass.services.household.validation import (
    INCOME,
    NOTICE,
    IncomeInput,
    InvalidField,
    NoticeInput,
    Place,
    check_date,
    check_income,
    check_notice,
    check_reason,
)
from kpass.services.uow import UnitOfWork
from kpass.vocabulary import format_date


def _iso(day: date | None) -> str | None:
    """A date for the audit trail; ``None`` for a notice granted "bis auf Weiteres"."""
    return None if day is None else day.isoformat()


def _refuse_non_member(
    uow: UnitOfWork, place: Place, field: str, household_id: int, person_ids: Sequence[int]
) -> None:
    members = {m.person_id for m in memberships_of(uow, household_id)}
    for person_id in person_ids:
        if person_id not in members:
            raise place.fail(field, f"no. {person_id} does not belong to the household",
                             f"Nr. {person_id} gehört nicht zum Haushalt")


def _income_of(uow: UnitOfWork, household_id: int, income_id: int) -> Income:
    income = uow.session.get(Income, income_id)
    if income is None:
        raise InvalidField("income_id", f"There is no income {income_id}.",
                           f"Es gibt kein Einkommen Nr. {income_id}.")
    _refuse_non_member(uow, INCOME, "person_ref", household_id, [income.person_id])
    return income


def _notice_of(uow: UnitOfWork, household_id: int, notice_id: int) -> BenefitNotice:
    notice = uow.session.get(BenefitNotice, notice_id)
    if notice is None or notice.household_id != household_id:
        raise InvalidField(
            "notice_id", f"Household {household_id} has no benefit notice {notice_id}.",
            f"Der Haushalt {household_id} hat keinen Bescheid Nr. {notice_id}.",
        )
    return notice


def income_values(income: Income) -> dict[str, Any]:
    """An income as the audit trail keeps it."""
    return {"person_id": income.person_id, "kind": income.kind, "amount": str(income.amount),
            "period": income.period, "valid_from": income.valid_from.isoformat(),
            "valid_until": _iso(income.valid_until)}


def notice_values(notice: BenefitNotice) -> dict[str, Any]:
    """A notice as the audit trail keeps it."""
    return {"kind": notice.kind, "valid_from": notice.valid_from.isoformat(),
            "valid_until": _iso(notice.valid_until), "reference": notice.reference,
            "persons": sorted(c.person_id for c in notice.covered)}


# -- steps (the household is locked by the caller) ------------------------------------------
def add_income_step(uow: UnitOfWork, household_id: int, income: IncomeInput) -> int:
    income = check_income(INCOME, income)
    _refuse_non_member(uow, INCOME, "person_ref", household_id, [income.person_ref])
    row = income_row(income.person_ref, income)
    uow.session.add(row)
    uow.session.flush()
    uow.audit("add_income", "income", row.id, household_id=household_id,
              person_id=income.person_ref, kind=income.kind, period=income.period,
              valid_from=income.valid_from.isoformat())
    return row.id


def end_income_step(uow: UnitOfWork, household_id: int, income_id: int, until: date) -> int:
    until = check_date(INCOME, "valid_until", until)
    income = _income_of(uow, household_id, income_id)
    if until < income.valid_from:
        began = format_date(income.valid_from)
        raise INCOME.fail("valid_until", f"lies before valid from ({began})",
                          f"liegt vor „Gültig ab“ ({began})")
    previous = income.valid_until
    income.valid_until = until
    uow.session.flush()
    uow.audit("end_income", "income", income_id, household_id=household_id,
              until=until.isoformat(), previous_until=_iso(previous))
    return income_id


def correct_income_step(uow: UnitOfWork, household_id: int, income_id: int,
                        corrected: IncomeInput, reason: str) -> int:
    """The income as it should have been entered (``person_ref``: the person's id); an end
    already recorded stays and must not lie before the corrected start."""
    corrected = check_income(INCOME, corrected)
    reason = check_reason(INCOME, reason)
    income = _income_of(uow, household_id, income_id)
    _refuse_non_member(uow, INCOME, "person_ref", household_id, [corrected.person_ref])
    if income.valid_until is not None and income.valid_until < corrected.valid_from:
        ended = format_date(income.valid_until)
        raise INCOME.fail("valid_from", f"lies after the recorded end ({ended})",
                          f"liegt nach dem erfassten Ende ({ended})")
    before = income_values(income)
    income.person_id = corrected.person_ref
    income.kind, income.amount = corrected.kind, corrected.amount
    income.period, income.valid_from = corrected.period, corrected.valid_from
    income.evidence = corrected.evidence
    uow.session.flush()
    uow.audit("correct_income", "income", income_id, household_id=household_id,
              reason=reason, before=before, after=income_values(income))
    return income_id


def remove_income_step(uow: UnitOfWork, household_id: int, income_id: int,
                       reason: str) -> None:
    """Delete an income entered by mistake (it was never paid)."""
    reason = check_reason(INCOME, reason)
    income = _income_of(uow, household_id, income_id)
    uow.audit("remove_income", "income", income_id, household_id=household_id,
              reason=reason, before=income_values(income))
    uow.session.delete(income)
    uow.session.flush()


def add_notice_step(uow: UnitOfWork, household_id: int, notice: NoticeInput) -> int:
    notice = check_notice(NOTICE, notice)
    _refuse_non_member(uow, NOTICE, "person_refs", household_id, notice.person_refs)
    row = notice_row(household_id, notice, notice.person_refs)
    uow.session.add(row)
    uow.session.flush()
    uow.audit("add_notice", "benefit_notice", row.id, household_id=household_id,
              kind=notice.kind, valid_from=notice.valid_from.isoformat(),
              valid_until=_iso(notice.valid_until), persons=list(notice.person_refs))
    return row.id


def correct_notice_step(uow: UnitOfWork, household_id: int, notice_id: int,
                        corrected: NoticeInput, reason: str) -> int:
    corrected = check_notice(NOTICE, corrected)
    reason = check_reason(NOTICE, reason)
    notice = _notice_of(uow, household_id, notice_id)
    _refuse_non_member(uow, NOTICE, "person_refs", household_id, corrected.person_refs)
    before = notice_values(notice)
    notice.kind, notice.reference = corrected.kind, corrected.reference
    notice.valid_from, notice.valid_until = corrected.valid_from, corrected.valid_until
    covered = sorted(set(corrected.person_refs))
    if covered != before["persons"]:
        notice.covered = [BenefitNoticePerson(person_id=p) for p in covered]
    uow.session.flush()
    uow.audit("correct_notice", "benefit_notice", notice_id, household_id=household_id,
              reason=reason, before=before, after=notice_values(notice))
    return notice_id


def remove_notice_step(uow: UnitOfWork, household_id: int, notice_id: int,
                       reason: str | None = None) -> None:
    notice = _notice_of(uow, household_id, notice_id)
    if reason is not None:
        reason = check_reason(NOTICE, reason)
    values = notice_values(notice)
    uow.audit("remove_notice", "benefit_notice", notice_id, household_id=household_id,
              reason=reason, **values)
    uow.session.delete(notice)
    uow.session.flush()


