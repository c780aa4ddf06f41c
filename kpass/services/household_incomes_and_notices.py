"""Add and end a member's income; add or remove a household's benefit notice."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from kpass.models import BenefitNotice, Income
from kpass.models.engine import Database
from kpass.services.household_edit_steps import (
    Saved,
    income_row,
    lock_household,
    memberships_of,
    notice_row,
)
from kpass.services.household_validation import (
    INCOME,
    NOTICE,
    IncomeInput,
    InvalidField,
    NoticeInput,
    Place,
    check_date,
    check_income,
    check_notice,
    german_date,
)
from kpass.services.uow import UnitOfWork


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


def add_income(
    database: Database, household_id: int, expected_version: int, income: IncomeInput
) -> Saved:
    """A member's income (``person_ref`` = the person's id) from ``valid_from`` on."""
    income = check_income(INCOME, income)
    with UnitOfWork(database) as uow:
        household = lock_household(uow, household_id, expected_version)
        _refuse_non_member(uow, INCOME, "person_ref", household_id, [income.person_ref])
        row = income_row(income.person_ref, income)
        uow.session.add(row)
        uow.session.flush()
        uow.audit("add_income", "income", row.id, household_id=household_id,
                  person_id=income.person_ref, kind=income.kind, period=income.period,
                  valid_from=income.valid_from.isoformat())
        result = Saved(row.id, household.version)
        uow.commit()
    return result


def end_income(
    database: Database, household_id: int, expected_version: int, income_id: int, until: date
) -> Saved:
    """The income is paid until ``until`` (inclusive); the record stays for past decisions."""
    until = check_date(INCOME, "valid_until", until)
    with UnitOfWork(database) as uow:
        household = lock_household(uow, household_id, expected_version)
        income = uow.session.get(Income, income_id)
        if income is None:
            raise InvalidField("income_id", f"There is no income {income_id}.",
                               f"Es gibt kein Einkommen Nr. {income_id}.")
        _refuse_non_member(uow, INCOME, "person_ref", household_id, [income.person_id])
        if until < income.valid_from:
            began = german_date(income.valid_from)
            raise INCOME.fail("valid_until", f"lies before valid from ({began})",
                              f"liegt vor „Gültig ab“ ({began})")
        previous = income.valid_until
        income.valid_until = until
        uow.session.flush()
        uow.audit("end_income", "income", income_id, household_id=household_id,
                  until=until.isoformat(),
                  previous_until=previous.isoformat() if previous else None)
        result = Saved(income_id, household.version)
        uow.commit()
    return result


def add_notice(
    database: Database, household_id: int, expected_version: int, notice: NoticeInput
) -> Saved:
    """A benefit notice; ``person_refs`` are person ids of members (empty: everybody)."""
    notice = check_notice(NOTICE, notice)
    with UnitOfWork(database) as uow:
        household = lock_household(uow, household_id, expected_version)
        _refuse_non_member(uow, NOTICE, "person_refs", household_id, notice.person_refs)
        row = notice_row(household_id, notice, notice.person_refs)
        uow.session.add(row)
        uow.session.flush()
        uow.audit("add_notice", "benefit_notice", row.id, household_id=household_id,
                  kind=notice.kind, valid_from=notice.valid_from.isoformat(),
                  valid_until=_iso(notice.valid_until), persons=list(notice.person_refs))
        result = Saved(row.id, household.version)
        uow.commit()
    return result


def remove_notice(
    database: Database, household_id: int, expected_version: int, notice_id: int
) -> Saved:
    """Delete a notice entered by mistake.

    Deleting is safe even after decisions used it: a decision stores its complete input
    (``Decision.input_snapshot``) and never refers to the notice row. The audit event keeps
    what was deleted.
    """
    with UnitOfWork(database) as uow:
        household = lock_household(uow, household_id, expected_version)
        notice = uow.session.get(BenefitNotice, notice_id)
        if notice is None or notice.household_id != household_id:
            raise InvalidField(
                "notice_id", f"Household {household_id} has no benefit notice {notice_id}.",
                f"Der Haushalt {household_id} hat keinen Bescheid Nr. {notice_id}.",
            )
        uow.audit("remove_notice", "benefit_notice", notice_id, household_id=household_id,
                  kind=notice.kind, valid_from=notice.valid_from.isoformat(),
                  valid_until=_iso(notice.valid_until), reference=notice.reference,
                  persons=sorted(c.person_id for c in notice.covered))
        uow.session.delete(notice)
        uow.session.flush()
        result = Saved(None, household.version)
        uow.commit()
    return result
