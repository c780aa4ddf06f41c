"""One save of a household's changes, carried out inside its unit of work: each change handed
to its step in order, and each described for the audit trail.

Apart from :mod:`~kpass.services.household.changes` (the use cases: save, check, one change
alone) because this is the dispatch over every kind of change, twice — once to carry it
out, once to describe it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from kpass.errors import KpassError
from kpass.models import BenefitNotice, Income
from kpass.services.household.change_kinds import (
    AddIncome,
    AddMember,
    AddNotice,
    ChangeRole,
    ChangesSaved,
    CorrectIncome,
    CorrectNotice,
    EndIncome,
    EndMembership,
    HouseholdChange,
    MovePersonIn,
    RemoveIncome,
    RemoveNotice,
    SetPhoto,
    UpdatePerson,
)
from kpass.services.household.incomes_notices import (
    add_income_step,
    add_notice_step,
    correct_income_step,
    correct_notice_step,
    end_income_step,
    income_values,
    notice_values,
    remove_income_step,
    remove_notice_step,
)
from kpass.services.household.members import (
    add_member_step,
    change_role_step,
    end_membership_step,
    move_person_in_step,
    update_person_step,
)
from kpass.services.household.moves import move_household_step
from kpass.services.household.photos import set_photo_step
from kpass.services.household.steps import lock_household
from kpass.services.household.validation import IncomeInput, InvalidField, NoticeInput
from kpass.services.uow import UnitOfWork


def apply_all(
    uow: UnitOfWork, household_id: int, expected_version: int,
    changes: Sequence[HouseholdChange], today: date,
) -> tuple[ChangesSaved, dict[int, dict[str, Any]]]:
    """Apply ``changes``; also returns, per change that ends, corrects or removes a saved
    entry, the entry as it was (the history says what was ended or removed)."""
    household = lock_household(uow, household_id, expected_version)
    run = _Run(uow, household_id, today)
    records: list[int | None] = []
    before: dict[int, dict[str, Any]] = {}
    for index, change in enumerate(changes):
        try:
            was = _entry_before(uow, change)
            if was is not None:
                before[index] = {"before": was}
            records.append(run.apply(change))
        except KpassError as exc:
            exc.change_index = index
            raise
    saved = ChangesSaved(household_id, household.version, dict(run.persons), tuple(records))
    return saved, before


def _entry_before(uow: UnitOfWork, change: HouseholdChange) -> dict[str, Any] | None:
    if isinstance(change, (EndIncome, CorrectIncome, RemoveIncome)):
        income = uow.session.get(Income, change.income_id)
        return None if income is None else income_values(income)
    if isinstance(change, (CorrectNotice, RemoveNotice)):
        notice = uow.session.get(BenefitNotice, change.notice_id)
        return None if notice is None else notice_values(notice)
    return None


class _Run:
    """One save: the unit of work and the ids of the persons added so far."""

    def __init__(self, uow: UnitOfWork, household_id: int, today: date) -> None:
        self.uow = uow
        self.household_id = household_id
        self.today = today
        self.persons: dict[int, int] = {}

    def person(self, key: int) -> int:
        if key > 0:
            return key
        if key not in self.persons:
            raise InvalidField("person_ref", f"No person was added under key {key}.",
                               f"Unter dem Schlüssel {key} wurde keine Person hinzugefügt.")
        return self.persons[key]

    def apply(self, change: HouseholdChange) -> int | None:
        uow, household_id = self.uow, self.household_id
        if isinstance(change, AddMember):
            person_id = add_member_step(uow, household_id, change.member, change.since,
                                        self.today)
            self.persons[change.key] = person_id
            return person_id
        if isinstance(change, MovePersonIn):
            move_person_in_step(uow, change.person_id, household_id, change.role,
                                change.since, self.today)
            return change.person_id
        if isinstance(change, UpdatePerson):
            update_person_step(uow, change.person_id, change.version, change.person,
                               self.today)
            return change.person_id
        if isinstance(change, EndMembership):
            return end_membership_step(uow, household_id, self.person(change.person),
                                       change.until, change.reason, self.today)
        if isinstance(change, ChangeRole):
            change_role_step(uow, household_id, self.person(change.person), change.role,
                             change.since)
            return self.person(change.person)
        if isinstance(change, SetPhoto):
            return set_photo_step(uow, self.person(change.person), change.image).person_id
        if isinstance(change, AddIncome):
            income = replace(change.income, person_ref=self.person(change.income.person_ref))
            return add_income_step(uow, household_id, income)
        if isinstance(change, EndIncome):
            return end_income_step(uow, household_id, change.income_id, change.until)
        if isinstance(change, CorrectIncome):
            income = replace(change.income, person_ref=self.person(change.income.person_ref))
            return correct_income_step(uow, household_id, change.income_id, income,
                                       change.reason)
        if isinstance(change, RemoveIncome):
            remove_income_step(uow, household_id, change.income_id, change.reason)
            return None
        if isinstance(change, AddNotice):
            return add_notice_step(uow, household_id, self._notice(change.notice))
        if isinstance(change, CorrectNotice):
            return correct_notice_step(uow, household_id, change.notice_id,
                                       self._notice(change.notice), change.reason)
        if isinstance(change, RemoveNotice):
            remove_notice_step(uow, household_id, change.notice_id, change.reason)
            return None
        return move_household_step(uow, household_id, change.address, change.since)

    def _notice(self, notice: NoticeInput) -> NoticeInput:
        return replace(notice, person_refs=tuple(self.person(k) for k in notice.person_refs))


def describe(change: HouseholdChange, persons: dict[int, int]) -> dict[str, Any]:
    """A change as the audit trail and the Verlauf keep it: no names (those stay in the
    person table), ids, dates, amounts and the reason."""

    def person(key: int) -> int:
        return persons.get(key, key)

    if isinstance(change, AddMember):
        return {"change": "add_member", "person_id": person(change.key), "role": change.member.role,
                "since": change.since.isoformat()}
    if isinstance(change, MovePersonIn):
        return {"change": "move_person_in", "person_id": change.person_id,
                "role": change.role, "since": change.since.isoformat()}
    if isinstance(change, UpdatePerson):
        return {"change": "update_person", "person_id": change.person_id}
    if isinstance(change, EndMembership):
        return {"change": "end_membership", "person_id": person(change.person),
                "until": change.until.isoformat(), "reason": change.reason}
    if isinstance(change, ChangeRole):
        return {"change": "change_role", "person_id": person(change.person),
                "role": change.role, "since": change.since.isoformat()}
    if isinstance(change, SetPhoto):
        return {"change": "set_photo", "person_id": person(change.person)}
    if isinstance(change, AddIncome):
        return {"change": "add_income", "person_id": person(change.income.person_ref),
                **_income(change.income)}
    if isinstance(change, EndIncome):
        return {"change": "end_income", "income_id": change.income_id,
                "until": change.until.isoformat()}
    if isinstance(change, CorrectIncome):
        return {"change": "correct_income", "income_id": change.income_id,
                "person_id": person(change.income.person_ref), **_income(change.income),
                "reason": change.reason}
    if isinstance(change, RemoveIncome):
        return {"change": "remove_income", "income_id": change.income_id,
                "reason": change.reason}
    if isinstance(change, AddNotice):
        return {"change": "add_notice", **_notice(change.notice)}
    if isinstance(change, CorrectNotice):
        return {"change": "correct_notice", "notice_id": change.notice_id,
                **_notice(change.notice), "reason": change.reason}
    if isinstance(change, RemoveNotice):
        return {"change": "remove_notice", "notice_id": change.notice_id,
                "reason": change.reason}
    return {"change": "move_household", "since": change.since.isoformat(),
            "stadtteil": change.address.stadtteil_code}


def _income(income: IncomeInput) -> dict[str, Any]:
    return {"kind": income.kind, "amount": f"{income.amount:.2f}", "period": income.period,
            "valid_from": income.valid_from.isoformat()}


def _notice(notice: NoticeInput) -> dict[str, Any]:
    return {"kind": notice.kind, "valid_from": notice.valid_from.isoformat(),
            "valid_until": None if notice.valid_until is None
            else notice.valid_until.isoformat()}

