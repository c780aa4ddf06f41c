"""Record a new household with its members, incomes and notices in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kpass.models import Household, HouseholdMember, Person
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.household.identity import (
    record_distinctions,
    refuse_likely_duplicate,
    same_as_earlier,
)
from kpass.services.household.member_checks import (
    refuse_child_applicant,
    refuse_other_household,
)
from kpass.services.household.steps import (
    address_row,
    existing_person,
    income_row,
    new_person,
    notice_row,
)
from kpass.services.household.validation import (
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
    income_place,
    member_place,
    notice_place,
)
from kpass.services.issuers import issuer_code
from kpass.services.uow import UnitOfWork
from kpass.text_keys import name_key

_HOUSEHOLD = Place("", "Haushalt", "Household")


@dataclass(frozen=True)
class HouseholdCreated:
    household_id: int
    person_ids: tuple[int, ...]  # in the order of the members given
    version: int


def _checked_members(
    members: Sequence[MemberInput], today: date
) -> list[tuple[MemberInput, PersonInput | None]]:
    if not members:
        raise InvalidField("members", "The household needs at least one person.",
                           "Der Haushalt braucht mindestens eine Person.")
    checked: list[tuple[MemberInput, PersonInput | None]] = []
    seen_ids: dict[int, int] = {}
    seen_new: dict[tuple[str, str, date], int] = {}
    partner: int | None = None
    for i, member in enumerate(members):
        place = member_place(i)
        person = check_member(place, member, today)
        if person is not None:
            key = (name_key(person.family_name), name_key(person.given_names), person.birth_date)
            twin = seen_new.setdefault(key, i)
        else:
            assert member.person_id is not None
            twin = seen_ids.setdefault(member.person_id, i)
        if twin != i:
            raise place.fail("person_id", f"is the same as person {twin + 1}",
                             f"ist dieselbe wie Person {twin + 1}")
        if member.role == "partner":
            if partner is not None:
                raise place.fail(
                    "role", f"partner is given to person {partner + 1} already; a household "
                    "has at most one partner",
                    f"„{ROLE_LABELS['partner']}“ ist schon an Person {partner + 1} vergeben; "
                    "ein Haushalt hat höchstens eine Partnerin oder einen Partner")
            partner = i
        checked.append((member, person))
    applicants = sum(1 for m in members if m.role == "applicant")
    if applicants != 1:
        raise InvalidField(
            "members",
            f"Exactly one person must be the applicant (given: {applicants}).",
            f"Genau eine Person muss Antragsteller/in sein (angegeben: {applicants}).",
        )
    return checked


def _refuse_likely_duplicates(
    uow: UnitOfWork, checked: Sequence[tuple[MemberInput, PersonInput | None]], today: date
) -> dict[int, tuple[list[int], list[int]]]:
    """Refuse new persons who may be registered ones or earlier members of this input,
    unless a reason says otherwise. Per member index with a reason: the registered persons
    (ids) and earlier members (indices) to record them as different from."""
    inputs = [person for _, person in checked]
    different: dict[int, tuple[list[int], list[int]]] = {}
    for i, person in enumerate(inputs):
        if person is None:
            continue
        earlier = same_as_earlier(inputs, i)
        registered = refuse_likely_duplicate(uow, member_place(i), person, on=today,
                                             member_index=i, same_as_members=earlier)
        if registered or earlier:
            different[i] = (registered, [j for j, _ in earlier])
    return different


def _index_refs(place: Place, field: str, refs: Sequence[int], count: int) -> None:
    for ref in refs:
        if isinstance(ref, bool) or not isinstance(ref, int) or not 0 <= ref < count:
            raise place.fail(field, f"refers to no member ({ref!r})",
                             f"verweist auf keine Person des Haushalts ({ref!r})")


@requires(Permission.EDIT_REGISTER)
def create_household(
    database: Database,
    address: AddressInput,
    members: Sequence[MemberInput],
    incomes: Sequence[IncomeInput] = (),
    notices: Sequence[NoticeInput] = (),
    *,
    since: date,
    today: date | None = None,
) -> HouseholdCreated:
    """Record a new household at ``address`` from ``since``, with its members, incomes and
    notices (``person_ref`` = index into ``members``).

    Exactly one member is the applicant. A member born after ``since`` belongs to the
    household from birth. Registered persons (``person_id``) must not live in another
    household on ``since``.
    """
    today = today or date.today()
    since = check_date(_HOUSEHOLD, "since", since)
    address = check_address(address)
    checked = _checked_members(members, today)
    incomes = [check_income(income_place(k), income) for k, income in enumerate(incomes)]
    for k, income in enumerate(incomes):
        _index_refs(income_place(k), "person_ref", [income.person_ref], len(checked))
    notices = [check_notice(notice_place(k), notice) for k, notice in enumerate(notices)]
    for k, notice in enumerate(notices):
        _index_refs(notice_place(k), "person_refs", notice.person_refs, len(checked))

    with UnitOfWork(database) as uow:
        # the issuer of the residence from the first row on (row-level security checks it)
        household = Household(issuer=issuer_code(address.municipality))
        uow.session.add(household)
        uow.session.flush()
        persons: list[Person] = []
        for i, (member, person_input) in enumerate(checked):
            if person_input is not None:
                # added once the checks passed
                persons.append(new_person(person_input, household.issuer))
            else:
                assert member.person_id is not None
                person = existing_person(uow, member_place(i), member.person_id, since)
                refuse_other_household(uow, member_place(i), person, None, since)
                persons.append(person)
        applicant_index = next(i for i, (m, _) in enumerate(checked) if m.role == "applicant")
        refuse_child_applicant(
            member_place(applicant_index),
            persons[applicant_index].birth_date,
            [p.birth_date for i, p in enumerate(persons) if i != applicant_index],
            max(since, today),
        )
        # Last, so that the caseworker decides "another person?" only on otherwise good input.
        different = _refuse_likely_duplicates(uow, checked, today)
        for person, (_, person_input) in zip(persons, checked, strict=True):
            if person_input is not None:
                uow.session.add(person)
        uow.session.flush()
        for i, (registered, earlier) in different.items():
            stated = checked[i][1]
            assert stated is not None and stated.distinct_from_reason is not None
            others = [*registered, *(persons[j].id for j in earlier)]
            record_distinctions(uow, persons[i].id, others, stated.distinct_from_reason)
        uow.session.add(address_row(household.id, address, since))
        for (member, _), person in zip(checked, persons, strict=True):
            uow.session.add(HouseholdMember(
                household_id=household.id, person_id=person.id, role=member.role,
                valid_from=max(since, person.birth_date),
            ))
        for income in incomes:
            uow.session.add(income_row(persons[income.person_ref].id, income))
        for notice in notices:
            covered = [persons[ref].id for ref in notice.person_refs]
            uow.session.add(notice_row(household.id, notice, covered))
        uow.session.flush()
        uow.audit("create_household", "household", household.id, since=since.isoformat(),
                  persons=[p.id for p in persons], incomes=len(incomes), notices=len(notices))
        result = HouseholdCreated(household.id, tuple(p.id for p in persons), household.version)
        uow.commit()
    return result
