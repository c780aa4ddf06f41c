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

The kinds of change are in :mod:`~kpass.services.household.change_kinds` (re-exported here),
carrying each one out and describing it for the audit trail in
:mod:`~kpass.services.household.change_run`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.household.change_kinds import AddIncome as AddIncome
from kpass.services.household.change_kinds import AddMember as AddMember
from kpass.services.household.change_kinds import AddNotice as AddNotice
from kpass.services.household.change_kinds import ChangeRole as ChangeRole
from kpass.services.household.change_kinds import ChangesSaved as ChangesSaved
from kpass.services.household.change_kinds import CorrectIncome as CorrectIncome
from kpass.services.household.change_kinds import CorrectNotice as CorrectNotice
from kpass.services.household.change_kinds import EndIncome as EndIncome
from kpass.services.household.change_kinds import EndMembership as EndMembership
from kpass.services.household.change_kinds import HouseholdChange as HouseholdChange
from kpass.services.household.change_kinds import MoveHousehold as MoveHousehold
from kpass.services.household.change_kinds import MovePersonIn as MovePersonIn
from kpass.services.household.change_kinds import RemoveIncome as RemoveIncome
from kpass.services.household.change_kinds import RemoveNotice as RemoveNotice
from kpass.services.household.change_kinds import SetPhoto as SetPhoto
from kpass.services.household.change_kinds import UpdatePerson as UpdatePerson
from kpass.services.household.change_run import apply_all, describe
from kpass.services.household.members import EndReason
from kpass.services.household.steps import Saved
from kpass.services.household.validation import (
    AddressInput,
    IncomeInput,
    InvalidField,
    MemberInput,
    NoticeInput,
)
from kpass.services.uow import UnitOfWork


# -- saving -----------------------------------------------------------------------------------
@requires(Permission.EDIT_REGISTER)
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
        result, before = apply_all(uow, household_id, expected_version, changes, today)
        uow.audit("save_household_changes", "household", household_id,
                  changes=[describe(change, result.persons) | before.get(index, {})
                           for index, change in enumerate(changes)])
        uow.session.flush()
        uow.commit()
    return result


@requires(Permission.READ_REGISTER)
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
        apply_all(uow, household_id, expected_version, changes, today)
        # leaving without commit rolls everything back


# -- one change alone (the command line, scripts, tests) -------------------------------------
def _one(database: Database, household_id: int, expected_version: int,
         change: HouseholdChange, today: date | None = None) -> Saved:
    saved = save_household_changes(database, household_id, expected_version, [change],
                                   today=today)
    return Saved(saved.records[0], saved.version)


@requires(Permission.EDIT_REGISTER)
def add_member(database: Database, household_id: int, expected_version: int,
               member: MemberInput, since: date, *, today: date | None = None) -> Saved:
    """A new or registered person joins the household on ``since`` (a baby: from birth)."""
    return _one(database, household_id, expected_version, AddMember(-1, member, since), today)


@requires(Permission.EDIT_REGISTER)
def end_membership(database: Database, household_id: int, expected_version: int,
                   person_id: int, until: date, reason: EndReason, *,
                   today: date | None = None) -> Saved:
    """A person leaves: ``until`` is the last day (moved out) or the day of death (died:
    also recorded on the person). The membership is kept."""
    return _one(database, household_id, expected_version,
                EndMembership(person_id, until, reason), today)


@requires(Permission.EDIT_REGISTER)
def change_role(database: Database, household_id: int, expected_version: int,
                person_id: int, role: str, since: date) -> Saved:
    """A member's role from ``since`` on; the old role stays on record until the day before."""
    return _one(database, household_id, expected_version, ChangeRole(person_id, role, since))


@requires(Permission.EDIT_REGISTER)
def add_income(database: Database, household_id: int, expected_version: int,
               income: IncomeInput) -> Saved:
    """A member's income (``person_ref`` = the person's id) from ``valid_from`` on."""
    return _one(database, household_id, expected_version, AddIncome(-1, income))


@requires(Permission.EDIT_REGISTER)
def end_income(database: Database, household_id: int, expected_version: int, income_id: int,
               until: date) -> Saved:
    """The income is paid until ``until`` (inclusive); the record stays for past decisions."""
    return _one(database, household_id, expected_version, EndIncome(income_id, until))


@requires(Permission.EDIT_REGISTER)
def correct_income(database: Database, household_id: int, expected_version: int,
                   income_id: int, income: IncomeInput, reason: str) -> Saved:
    return _one(database, household_id, expected_version,
                CorrectIncome(income_id, income, reason))


@requires(Permission.EDIT_REGISTER)
def remove_income(database: Database, household_id: int, expected_version: int,
                  income_id: int, reason: str) -> Saved:
    return _one(database, household_id, expected_version, RemoveIncome(income_id, reason))


@requires(Permission.EDIT_REGISTER)
def add_notice(database: Database, household_id: int, expected_version: int,
               notice: NoticeInput) -> Saved:
    """A benefit notice; ``person_refs`` are person ids of members (empty: everybody)."""
    return _one(database, household_id, expected_version, AddNotice(-1, notice))


@requires(Permission.EDIT_REGISTER)
def correct_notice(database: Database, household_id: int, expected_version: int,
                   notice_id: int, notice: NoticeInput, reason: str) -> Saved:
    return _one(database, household_id, expected_version,
                CorrectNotice(notice_id, notice, reason))


@requires(Permission.EDIT_REGISTER)
def remove_notice(database: Database, household_id: int, expected_version: int,
                  notice_id: int, reason: str = "irrtümlich erfasst") -> Saved:
    """Delete a notice entered by mistake; the audit trail keeps what was deleted."""
    return _one(database, household_id, expected_version, RemoveNotice(notice_id, reason))


@requires(Permission.EDIT_REGISTER)
def move_household(database: Database, household_id: int, expected_version: int,
                   address: AddressInput, since: date) -> Saved:
    """The household lives at ``address`` from ``since``; the current address ends the day
    before. A move must be dated after the current address began."""
    return _one(database, household_id, expected_version, MoveHousehold(address, since))
