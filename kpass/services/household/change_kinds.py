"""The changes a caseworker makes to a stored household, one frozen dataclass each, and what
saving them returns.

The household page builds these while the caseworker works and keeps them until
"Speichern"; :mod:`~kpass.services.household.changes` saves them,
:mod:`~kpass.services.household.change_run` carries each one out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kpass.services.household.inputs import (
    AddressInput,
    IncomeInput,
    MemberInput,
    NoticeInput,
    PersonInput,
)
from kpass.services.household.members import EndReason


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

