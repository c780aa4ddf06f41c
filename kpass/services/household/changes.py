"""Save what a caseworker changed in a stored household, all of it in one transaction.

The household page collects the changes (a person added, an income corrected, a notice
removed, a move …) and "Speichern" (Ctrl+S) sends them here in the order they were made.
Either every change is kept or none: the first refusal rolls everything back and names the
change it refused (``KpassError.change_index``), so the form points at that entry and keeps
all input. The household's version is checked and bumped once (optimistic locking: a second
seat saving on a stale screen gets :class:`~kpass.errors.ConcurrentChange`), and one audit
event ``save_household_changes`` lists what was changed, with each reason, beside the events
of the single changes — the Verlauf shows it.

Persons added in the same save have negative keys until saved; later changes (their
incomes, a notice naming them) refer to them by that key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from kpass.errors import KpassError
from kpass.models import BenefitNotice, Income
from kpass.models.engine import Database
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
    EndReason,
    add_member_step,
    change_role_step,
    end_membership_step,
    move_person_in_step,
    update_person_step,
)
from kpass.services.household.moves import move_household_step
from kpass.services.household.photos import set_photo_step
from kpass.services.household.steps import Saved, lock_household
from kpass.services.household.validation import (
    AddressInput,
    IncomeInput,
    InvalidField,
    MemberInput,
    NoticeInput,
    PersonInput,
)
from kpass.services.uow import UnitOfWork


# -- the changes ------------------------------------------------------------------------------
@dataclass(frozen=True)
class AddMember:
    """A new person (or one registered who lives in no household) joins on ``since``;
    ``key`` (negative) names them in later changes."""

    key: int
    member: MemberInput
    since: date


@dataclass(frozen=True)
class MovePersonIn:
    """A registered person moves in on ``since`` (their membership elsewhere ends before)."""

    person_id: int
    role: str
    since: date


@dataclass(frozen=True)
class UpdatePerson:
    """A stored person's data corrected (``version``: the person's, as read)."""

    person_id: int
    version: int
    person: PersonInput


@dataclass(frozen=True)
class EndMembership:
    person: int
    until: date
    reason: EndReason


@dataclass(frozen=True)
class ChangeRole:
    person: int
    role: str
    since: date


@dataclass(frozen=True)
class SetPhoto:
    person: int
    image: bytes


@dataclass(frozen=True)
class AddIncome:
    """``income.person_ref``: the person's id, or the key of a person added in this save."""

    key: int
    income: IncomeInput


@dataclass(frozen=True)
class EndIncome:
    income_id: int
    until: date


@dataclass(frozen=True)
class CorrectIncome:
    income_id: int
    income: IncomeInput
    reason: str


@dataclass(frozen=True)
class RemoveIncome:
    income_id: int
    reason: str


@dataclass(frozen=True)
class AddNotice:
    key: int
    notice: NoticeInput


@dataclass(frozen=True)
class CorrectNotice:
    notice_id: int
    notice: NoticeInput
    reason: str


@dataclass(frozen=True)
class RemoveNotice:
    notice_id: int
    reason: str


@dataclass(frozen=True)
class MoveHousehold:
    address: AddressInput
    since: date


HouseholdChange = (AddMember | MovePersonIn | UpdatePerson | EndMembership | ChangeRole
                   | SetPhoto | AddIncome | EndIncome | CorrectIncome | RemoveIncome
                   | AddNotice | CorrectNotice | RemoveNotice | MoveHousehold)


@dataclass(frozen=True)
class ChangesSaved:
    """The household's new version to edit on; ``persons``: key → id of each person added;
    ``records``: per change, the record it made or touched (``None``: deleted)."""

    household_id: int
    version: int
    persons: dict[int, int]
    records: tuple[int | None, ...]


# -- saving -----------------------------------------------------------------------------------
def save_household_changes(
    database: Database,
    household_id: int,
    expected_version: int,
    changes: Sequence[HouseholdChange],
    *,
    today: date | None = None,
) -> ChangesSaved:
    """Apply ``changes`` in order in one transaction (see the module's docstring)."""
    today = today or date.today()
    if not changes:
        raise InvalidField("changes", "There is nothing to save.",
                           "Es gibt nichts zu speichern.")
    with UnitOfWork(database) as uow:
        result, before = _apply_all(uow, household_id, expected_version, changes, today)
        uow.audit("save_household_changes", "household", household_id,
                  changes=[describe(change, result.persons) | before.get(index, {})
                           for index, change in enumerate(changes)])
        uow.session.flush()
        uow.commit()
    return result


def check_household_changes(
    database: Database,
    household_id: int,
    expected_version: int,
    changes: Sequence[HouseholdChange],
    *,
    today: date | None = None,
) -> None:
    """Refuse ``changes`` exactly as :func:`save_household_changes` would, then roll back.

    The counter asks this after each change a caseworker makes, so a refusal (a second
    applicant, a day of death ahead, a likely duplicate, a stale screen) comes at once and
    at the entry, not minutes later at "Speichern" — where the same rules run again.
    """
    today = today or date.today()
    if not changes:
        return
    with UnitOfWork(database) as uow:
        _apply_all(uow, household_id, expected_version, changes, today)
        # leaving without commit rolls everything back


def _apply_all(
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


# -- one change alone (the command line, scripts, tests) -------------------------------------
def _one(database: Database, household_id: int, expected_version: int,
         change: HouseholdChange, today: date | None = None) -> Saved:
    saved = save_household_changes(database, household_id, expected_version, [change],
                                   today=today)
    return Saved(saved.records[0], saved.version)


def add_member(database: Database, household_id: int, expected_version: int,
               member: MemberInput, since: date, *, today: date | None = None) -> Saved:
    """A new or registered person joins the household on ``since`` (a baby: from birth)."""
    return _one(database, household_id, expected_version, AddMember(-1, member, since), today)


def end_membership(database: Database, household_id: int, expected_version: int,
                   person_id: int, until: date, reason: EndReason, *,
                   today: date | None = None) -> Saved:
    """A person leaves: ``until`` is the last day (moved out) or the day of death (died:
    also recorded on the person). The membership is kept."""
    return _one(database, household_id, expected_version,
                EndMembership(person_id, until, reason), today)


def change_role(database: Database, household_id: int, expected_version: int,
                person_id: int, role: str, since: date) -> Saved:
    """A member's role from ``since`` on; the old role stays on record until the day before."""
    return _one(database, household_id, expected_version, ChangeRole(person_id, role, since))


def add_income(database: Database, household_id: int, expected_version: int,
               income: IncomeInput) -> Saved:
    """A member's income (``person_ref`` = the person's id) from ``valid_from`` on."""
    return _one(database, household_id, expected_version, AddIncome(-1, income))


def end_income(database: Database, household_id: int, expected_version: int, income_id: int,
               until: date) -> Saved:
    """The income is paid until ``until`` (inclusive); the record stays for past decisions."""
    return _one(database, household_id, expected_version, EndIncome(income_id, until))


def correct_income(database: Database, household_id: int, expected_version: int,
                   income_id: int, income: IncomeInput, reason: str) -> Saved:
    return _one(database, household_id, expected_version,
                CorrectIncome(income_id, income, reason))


def remove_income(database: Database, household_id: int, expected_version: int,
                  income_id: int, reason: str) -> Saved:
    return _one(database, household_id, expected_version, RemoveIncome(income_id, reason))


def add_notice(database: Database, household_id: int, expected_version: int,
               notice: NoticeInput) -> Saved:
    """A benefit notice; ``person_refs`` are person ids of members (empty: everybody)."""
    return _one(database, household_id, expected_version, AddNotice(-1, notice))


def correct_notice(database: Database, household_id: int, expected_version: int,
                   notice_id: int, notice: NoticeInput, reason: str) -> Saved:
    return _one(database, household_id, expected_version,
                CorrectNotice(notice_id, notice, reason))


def remove_notice(database: Database, household_id: int, expected_version: int,
                  notice_id: int, reason: str = "irrtümlich erfasst") -> Saved:
    """Delete a notice entered by mistake; the audit trail keeps what was deleted."""
    return _one(database, household_id, expected_version, RemoveNotice(notice_id, reason))


def move_household(database: Database, household_id: int, expected_version: int,
                   address: AddressInput, since: date) -> Saved:
    """The household lives at ``address`` from ``since``; the current address ends the day
    before. A move must be dated after the current address began."""
    return _one(database, household_id, expected_version, MoveHousehold(address, since))
