"""The household editor's use cases: record a household, show it, change it — one transaction each.

Input is checked first (:mod:`kpass.services.household.validation`, no database needed), then
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
:mod:`~kpass.services.household.creation`, :mod:`~kpass.services.household.changes` (every
change of a stored household), :mod:`~kpass.services.household.members`,
:mod:`~kpass.services.household.moves`, :mod:`~kpass.services.household.incomes_notices`,
:mod:`~kpass.services.household.details` and :mod:`~kpass.services.household.photos`;
the refusal of likely duplicates in :mod:`~kpass.services.household.identity`.
"""

from __future__ import annotations

from kpass.services.household.changes import (
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
    MoveHousehold,
    MovePersonIn,
    RemoveIncome,
    RemoveNotice,
    SetPhoto,
    UpdatePerson,
    add_income,
    add_member,
    add_notice,
    change_role,
    check_household_changes,
    correct_income,
    correct_notice,
    end_income,
    end_membership,
    move_household,
    remove_income,
    remove_notice,
    save_household_changes,
)
from kpass.services.household.creation import HouseholdCreated, create_household
from kpass.services.household.details import (
    AddressDetails,
    HouseholdDetails,
    IncomeDetails,
    MemberDetails,
    NoticeDetails,
    household_details,
)
from kpass.services.household.duplicates import DuplicateCandidate, find_possible_duplicates
from kpass.services.household.facts import (
    AddressFact,
    HouseholdFacts,
    IncomeFact,
    MemberFact,
    NoticeFact,
    build_rule_input,
    member_key,
)
from kpass.services.household.history import (
    DataChange,
    PassTypeChange,
    PrintSummary,
    household_data_changes,
    household_history,
    household_prints,
)
from kpass.services.household.identity import (
    DuplicatePassHolder,
    LikelyDuplicate,
    record_distinction,
)
from kpass.services.household.members import (
    END_REASONS,
    EndReason,
    PersonMoved,
    check_end,
    move_person_to_household,
    update_person,
)
from kpass.services.household.photos import PhotoSaved, set_photo
from kpass.services.household.steps import Saved
from kpass.services.household.validation import (
    ADDRESS,
    INCOME,
    NOTICE,
    PERIOD_LABELS,
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
    check_place,
    check_reason,
    check_role,
    income_place,
    member_place,
    notice_place,
)
from kpass.vocabulary import format_date

__all__ = [
    "ADDRESS",
    "END_REASONS",
    "INCOME",
    "NOTICE",
    "PERIOD_LABELS",
    "PERSON",
    "ROLE_LABELS",
    "AddIncome",
    "AddMember",
    "AddNotice",
    "AddressDetails",
    "AddressFact",
    "AddressInput",
    "ChangeRole",
    "ChangesSaved",
    "CorrectIncome",
    "CorrectNotice",
    "DataChange",
    "DuplicateCandidate",
    "DuplicatePassHolder",
    "EndIncome",
    "EndMembership",
    "EndReason",
    "HouseholdChange",
    "HouseholdCreated",
    "HouseholdDetails",
    "HouseholdFacts",
    "IncomeDetails",
    "IncomeFact",
    "IncomeInput",
    "InvalidField",
    "LikelyDuplicate",
    "MemberDetails",
    "MemberFact",
    "MemberInput",
    "MoveHousehold",
    "MovePersonIn",
    "NoticeDetails",
    "NoticeFact",
    "NoticeInput",
    "PassTypeChange",
    "PersonInput",
    "PersonMoved",
    "PhotoSaved",
    "Place",
    "PrintSummary",
    "RemoveIncome",
    "RemoveNotice",
    "Saved",
    "SetPhoto",
    "UpdatePerson",
    "add_income",
    "add_member",
    "add_notice",
    "build_rule_input",
    "change_role",
    "check_address",
    "check_date",
    "check_end",
    "check_household_changes",
    "check_income",
    "check_member",
    "check_notice",
    "check_person",
    "check_place",
    "check_reason",
    "check_role",
    "correct_income",
    "correct_notice",
    "create_household",
    "end_income",
    "end_membership",
    "find_possible_duplicates",
    "format_date",
    "household_data_changes",
    "household_details",
    "household_history",
    "household_prints",
    "income_place",
    "member_key",
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
