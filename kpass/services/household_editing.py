"""The household editor's use cases: record a household, show it, change it — one transaction each.

Input is checked first (:mod:`kpass.services.household_validation`, no database needed), then
inside one :class:`UnitOfWork` against the stored data; any refusal rolls the whole call back.

Every change to a stored household takes the ``version`` the editor read and bumps it, so a
second editor who saves on a stale screen gets :class:`~kpass.errors.ConcurrentChange`. The
bump is the UPDATE ``… SET version = v + 1 WHERE id = … AND version = v`` issued at the start of
the change: on PostgreSQL it also locks the row, so two saves of one household run one after
the other instead of both passing the check. Person data has its own version (a person is
edited in one place, whichever household shows them).

History is kept: a move closes the old address, leaving ends a membership, a death is dated;
nothing about where people lived is overwritten, since statistics count by the Stadtteil
of the day and decisions must be explainable later.

This module is the editor's single entry point; the use cases live in
:mod:`~kpass.services.household_creation`, :mod:`~kpass.services.household_changes` (every
change of a stored household), :mod:`~kpass.services.household_member_changes`,
:mod:`~kpass.services.household_moves`, :mod:`~kpass.services.household_incomes_and_notices`,
:mod:`~kpass.services.household_details` and :mod:`~kpass.services.household_photos`;
the refusal of likely duplicates in :mod:`~kpass.services.person_identity`.
"""

from __future__ import annotations

from kpass.services.household_changes import (
    ChangesSaved,
    HouseholdChange,
    add_income,
    add_member,
    add_notice,
    change_role,
    correct_income,
    correct_notice,
    end_income,
    end_membership,
    move_household,
    remove_income,
    remove_notice,
    save_household_changes,
)
from kpass.services.household_creation import HouseholdCreated, create_household
from kpass.services.household_details import (
    AddressDetails,
    HouseholdDetails,
    IncomeDetails,
    MemberDetails,
    NoticeDetails,
    household_details,
)
from kpass.services.household_edit_steps import Saved
from kpass.services.household_member_changes import (
    END_REASONS,
    EndReason,
    PersonMoved,
    move_person_to_household,
    update_person,
)
from kpass.services.household_photos import PhotoSaved, set_photo
from kpass.services.household_validation import (
    ADDRESS,
    INCOME,
    NOTICE,
    PERSON,
    ROLE_LABELS,
    AddressInput,
    IncomeInput,
    InvalidField,
    MemberInput,
    NoticeInput,
    PersonInput,
    Place,
    check_address,
    check_date,
    check_income,
    check_member,
    check_notice,
    check_person,
    check_role,
    income_place,
    member_place,
    notice_place,
)
from kpass.services.person_identity import LikelyDuplicate, record_distinction
from kpass.vocabulary import format_date

__all__ = [
    "ADDRESS",
    "END_REASONS",
    "INCOME",
    "NOTICE",
    "PERSON",
    "ROLE_LABELS",
    "AddressDetails",
    "AddressInput",
    "ChangesSaved",
    "EndReason",
    "HouseholdChange",
    "HouseholdCreated",
    "HouseholdDetails",
    "IncomeDetails",
    "IncomeInput",
    "InvalidField",
    "LikelyDuplicate",
    "MemberDetails",
    "MemberInput",
    "NoticeDetails",
    "NoticeInput",
    "PersonInput",
    "PersonMoved",
    "PhotoSaved",
    "Place",
    "Saved",
    "add_income",
    "add_member",
    "add_notice",
    "change_role",
    "check_address",
    "check_date",
    "check_income",
    "check_member",
    "check_notice",
    "check_person",
    "check_role",
    "correct_income",
    "correct_notice",
    "create_household",
    "end_income",
    "end_membership",
    "format_date",
    "household_details",
    "income_place",
    "member_place",
    "move_household",
    "move_person_to_household",
    "notice_place",
    "record_distinction",
    "remove_income",
    "remove_notice",
    "save_household_changes",
    "set_photo",
    "update_person",
]
