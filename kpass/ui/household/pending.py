"""A stored household's changes not saved yet, and how each looks on the screen.

The editor keeps the household as it was loaded and the list of changes made since; the
draft on the screen is the loaded household with the changes replayed onto it
(:func:`replay`). So an edit of a change not saved yet just edits the list, and after
another seat saved the same household the changes are replayed onto the fresh version
instead of being lost.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import replace
from datetime import date, timedelta

from kpass.services.household import (
    AddIncome,
    AddMember,
    AddNotice,
    ChangeRole,
    CorrectIncome,
    CorrectNotice,
    EndIncome,
    EndMembership,
    HouseholdChange,
    MoveHousehold,
    MovePersonIn,
    PersonInput,
    RemoveIncome,
    RemoveNotice,
    SetPhoto,
    UpdatePerson,
)
from kpass.ui.household.draft import (
    DraftAddress,
    DraftIncome,
    DraftMember,
    DraftNotice,
    HouseholdDraft,
)


def replay(stored: HouseholdDraft, changes: list[HouseholdChange],
           registered: dict[int, DraftMember], today: date) -> HouseholdDraft:
    """The draft ``stored`` with ``changes`` applied in order, as on ``today``;
    ``registered``: the persons moving in (their names are not in the stored household)."""
    draft = deepcopy(stored)
    for change in changes:
        apply_change(draft, change, registered, today)
    return draft


def apply_change(draft: HouseholdDraft, change: HouseholdChange,
                 registered: dict[int, DraftMember], today: date) -> None:
    if isinstance(change, AddMember):
        person = change.member.person
        assert person is not None
        draft.members.append(_member(change.key, person, change.member.role, change.since))
    elif isinstance(change, MovePersonIn):
        known = registered[change.person_id]
        draft.members.append(replace(known, role=change.role, valid_from=change.since,
                                     valid_until=None, membership_id=None))
    elif isinstance(change, UpdatePerson):
        for member in draft.members:
            if member.key == change.person_id:
                set_person(member, change.person)
    elif isinstance(change, EndMembership):
        row = draft.membership_on(change.person, change.until)
        row.valid_until = change.until
        if change.reason == "died":
            for member in draft.members:
                if member.key == change.person:
                    member.died_on = change.until
    elif isinstance(change, ChangeRole):
        row = draft.membership_on(change.person, change.since)
        if row.valid_from is None or row.valid_from >= change.since:
            row.role = change.role
        else:
            draft.members.insert(draft.members.index(row) + 1, replace(
                row, role=change.role, valid_from=change.since, membership_id=None))
            row.valid_until = change.since - timedelta(days=1)
    elif isinstance(change, SetPhoto):
        for member in draft.members:
            if member.key == change.person:
                member.has_photo, member.photo = True, change.image
    elif isinstance(change, AddIncome):
        i = change.income
        draft.incomes.append(DraftIncome(change.key, i.person_ref, i.kind, i.amount, i.period,
                                         i.valid_from, None, i.evidence))
    elif isinstance(change, EndIncome):
        _income(draft, change.income_id).valid_until = change.until
    elif isinstance(change, CorrectIncome):
        income, i = _income(draft, change.income_id), change.income
        income.person_key, income.kind, income.amount = i.person_ref, i.kind, i.amount
        income.period, income.valid_from, income.evidence = i.period, i.valid_from, i.evidence
    elif isinstance(change, RemoveIncome):
        draft.incomes = [i for i in draft.incomes if i.key != change.income_id]
    elif isinstance(change, AddNotice):
        n = change.notice
        draft.notices.append(DraftNotice(change.key, n.kind, n.valid_from, n.valid_until,
                                         n.reference, n.person_refs))
    elif isinstance(change, CorrectNotice):
        notice, n = _notice(draft, change.notice_id), change.notice
        notice.kind, notice.reference = n.kind, n.reference
        notice.valid_from, notice.valid_until = n.valid_from, n.valid_until
        notice.person_keys = n.person_refs
    elif isinstance(change, RemoveNotice):
        draft.notices = [n for n in draft.notices if n.key != change.notice_id]
    elif isinstance(change, MoveHousehold) and change.since <= today:
        # a move dated ahead leaves today's address on the screen (as after saving)
        a = change.address
        draft.address = DraftAddress(a.street, a.house_number, a.postcode, a.municipality,
                                     a.stadtteil_code)
        draft.stored_address = DraftAddress(**vars(draft.address))


def _member(key: int, person: PersonInput, role: str, since: date) -> DraftMember:
    return DraftMember(key, person.family_name, person.given_names, person.birth_date, role,
                       person.disability, person.foster_child, person.sex,
                       valid_from=max(since, person.birth_date), salutation=person.salutation,
                       distinct_from_reason=person.distinct_from_reason)


def set_person(member: DraftMember, person: PersonInput) -> None:
    member.family_name, member.given_names = person.family_name, person.given_names
    member.birth_date, member.salutation = person.birth_date, person.salutation
    member.disability, member.foster_child = person.disability, person.foster_child


def _income(draft: HouseholdDraft, key: int) -> DraftIncome:
    return next(i for i in draft.incomes if i.key == key)


def _notice(draft: HouseholdDraft, key: int) -> DraftNotice:
    return next(n for n in draft.notices if n.key == key)


def refers_to(change: HouseholdChange, key: int) -> bool:
    """Whether ``change`` concerns person ``key`` (to drop with a person not saved yet)."""
    if isinstance(change, AddMember):
        return change.key == key
    if isinstance(change, (EndMembership, ChangeRole, SetPhoto)):
        return change.person == key
    if isinstance(change, (AddIncome, CorrectIncome)):
        return change.income.person_ref == key
    return False


def concerns_income(change: HouseholdChange, key: int) -> bool:
    if isinstance(change, AddIncome):
        return change.key == key
    return isinstance(change, (EndIncome, CorrectIncome, RemoveIncome)) \
        and change.income_id == key


def concerns_notice(change: HouseholdChange, key: int) -> bool:
    if isinstance(change, AddNotice):
        return change.key == key
    return isinstance(change, (CorrectNotice, RemoveNotice)) and change.notice_id == key
