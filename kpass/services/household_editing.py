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
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from sqlalchemy import or_, select

from kpass.models import (
    BenefitNotice,
    BenefitNoticePerson,
    Household,
    HouseholdAddress,
    HouseholdMember,
    Income,
    Person,
)
from kpass.models.engine import Database
from kpass.rules import completed_years, default_parameters
from kpass.services.household_details import (  # noqa: F401  (part of the editor's API)
    AddressDetails,
    HouseholdDetails,
    IncomeDetails,
    MemberDetails,
    NoticeDetails,
    household_details,
)
from kpass.services.household_photos import PhotoSaved, set_photo  # noqa: F401
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
    german_date,
    income_place,
    member_place,
    notice_place,
)
from kpass.services.uow import UnitOfWork
from kpass.text_keys import name_key

EndReason = Literal["moved_out", "died"]
END_REASONS: tuple[EndReason, ...] = ("moved_out", "died")
_HOUSEHOLD = Place("", "Haushalt", "Household")


@dataclass(frozen=True)
class HouseholdCreated:
    household_id: int
    person_ids: tuple[int, ...]  # in the order of the members given
    version: int


@dataclass(frozen=True)
class Saved:
    """Result of a change: the record it made or touched, and the new version to edit on
    (the household's; the person's for :func:`update_person`)."""

    record_id: int | None
    version: int














# ---------------------------------------------------------------------------------------------
# Shared steps


def _covers(valid_from: date, valid_until: date | None, day: date) -> bool:
    return valid_from <= day and (valid_until is None or day <= valid_until)


def _lock(uow: UnitOfWork, household_id: int, expected_version: int) -> Household:
    """The household, refused if changed since the editor read it, its version bumped now."""
    household = uow.get_versioned(Household, household_id, expected_version)
    household.version = expected_version + 1
    uow.session.flush()
    return household


def _memberships(uow: UnitOfWork, household_id: int) -> list[HouseholdMember]:
    return list(uow.session.scalars(
        select(HouseholdMember)
        .where(HouseholdMember.household_id == household_id)
        .order_by(HouseholdMember.valid_from, HouseholdMember.id)
    ))


def _display(person: Person) -> str:
    return f"{person.given_names} {person.family_name}"


def _existing_person(uow: UnitOfWork, place: Place, person_id: int, since: date) -> Person:
    """A stored person who may join a household on ``since``."""
    person = uow.session.get(Person, person_id)
    if person is None:
        raise place.fail("person_id", f"no. {person_id} does not exist",
                         f"Nr. {person_id} gibt es nicht")
    if person.died_on is not None and person.died_on <= since:
        raise place.fail("person_id", f"{_display(person)} died on {german_date(person.died_on)}",
                         f"{_display(person)} ist am {german_date(person.died_on)} verstorben")
    return person


def _refuse_other_household(
    uow: UnitOfWork, place: Place, person: Person, household_id: int | None, since: date
) -> None:
    """A person lives in one household at a time: the old membership must be ended first."""
    query = select(HouseholdMember.household_id).where(
        HouseholdMember.person_id == person.id,
        or_(HouseholdMember.valid_until.is_(None), HouseholdMember.valid_until >= since),
    )
    if household_id is not None:
        query = query.where(HouseholdMember.household_id != household_id)
    other = uow.session.scalar(query.limit(1))
    if other is not None:
        raise place.fail(
            "person_id",
            f"{_display(person)} belongs to household {other} on {german_date(since)}; "
            "end that membership first",
            f"{_display(person)} gehört am {german_date(since)} zum Haushalt {other}; "
            "bitte dort zuerst austragen",
        )


def _refuse_second_applicant(
    place: Place, memberships: Sequence[HouseholdMember], since: date, person_id: int
) -> None:
    for m in memberships:
        if m.role == "applicant" and m.person_id != person_id and (
            m.valid_until is None or m.valid_until >= since
        ):
            raise place.fail(
                "role", f"the household already has an applicant from {german_date(since)} on",
                f"„Antragsteller/in“ ist ab {german_date(since)} schon vergeben; "
                "bitte zuerst die Rolle der bisherigen Person ändern",
            )


def _refuse_child_applicant(
    place: Place, applicant: date, others: Sequence[date], day: date
) -> None:
    """A child applies only for a household without adults (e.g. a youth in SGB VIII care):
    otherwise the roles were surely mixed up."""
    parameters = default_parameters()
    adult_age = (parameters.rule_set_on(day) or parameters.rule_sets[0]).adult_age

    def adult(birth: date) -> bool:
        return birth <= day and completed_years(birth, day) >= adult_age

    if not adult(applicant) and any(adult(b) for b in others):
        raise place.fail(
            "role", "must be an adult when an adult lives in the household",
            "„Antragsteller/in“ muss volljährig sein, wenn eine volljährige Person "
            "im Haushalt lebt",
        )


def _births_of_others(
    memberships: Sequence[HouseholdMember], person_id: int, since: date
) -> list[date]:
    """Birth dates of the other members living in the household from ``since`` on."""
    return [
        m.person.birth_date for m in memberships
        if m.person_id != person_id
        and (m.valid_until is None or m.valid_until >= since)
        and (m.person.died_on is None or m.person.died_on > since)
    ]


def _new_person(person: PersonInput) -> Person:
    return Person(
        family_name=person.family_name,
        given_names=person.given_names,
        birth_date=person.birth_date,
        sex=person.sex,
        disability=person.disability,
        foster_child=person.foster_child,
    )


def _address_row(household_id: int, address: AddressInput, since: date) -> HouseholdAddress:
    return HouseholdAddress(
        household_id=household_id,
        street=address.street,
        house_number=address.house_number,
        postcode=address.postcode,
        municipality=address.municipality,
        stadtteil_code=address.stadtteil_code,
        valid_from=since,
    )


def _income_row(person_id: int, income: IncomeInput) -> Income:
    return Income(
        person_id=person_id,
        kind=income.kind,
        amount=income.amount,
        period=income.period,
        valid_from=income.valid_from,
        evidence=income.evidence,
    )


def _notice_row(household_id: int, notice: NoticeInput, person_ids: Sequence[int]) -> BenefitNotice:
    row = BenefitNotice(
        household_id=household_id,
        kind=notice.kind,
        valid_from=notice.valid_from,
        valid_until=notice.valid_until,
        reference=notice.reference,
    )
    row.covered = [BenefitNoticePerson(person_id=p) for p in sorted(set(person_ids))]
    return row


# ---------------------------------------------------------------------------------------------
# Create


def _checked_members(
    members: Sequence[MemberInput], today: date
) -> list[tuple[MemberInput, PersonInput | None]]:
    if not members:
        raise InvalidField("members", "The household needs at least one person.",
                           "Der Haushalt braucht mindestens eine Person.")
    checked: list[tuple[MemberInput, PersonInput | None]] = []
    seen_ids: dict[int, int] = {}
    seen_new: dict[tuple[str, str, date], int] = {}
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
        checked.append((member, person))
    applicants = sum(1 for m in members if m.role == "applicant")
    if applicants != 1:
        raise InvalidField(
            "members",
            f"Exactly one person must be the applicant (given: {applicants}).",
            f"Genau eine Person muss Antragsteller/in sein (angegeben: {applicants}).",
        )
    return checked


def _index_refs(place: Place, field: str, refs: Sequence[int], count: int) -> None:
    for ref in refs:
        if isinstance(ref, bool) or not isinstance(ref, int) or not 0 <= ref < count:
            raise place.fail(field, f"refers to no member ({ref!r})",
                             f"verweist auf keine Person des Haushalts ({ref!r})")


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
        household = Household()
        uow.session.add(household)
        uow.session.flush()
        persons: list[Person] = []
        for i, (member, person_input) in enumerate(checked):
            if person_input is not None:
                person = _new_person(person_input)
                uow.session.add(person)
            else:
                assert member.person_id is not None
                person = _existing_person(uow, member_place(i), member.person_id, since)
                _refuse_other_household(uow, member_place(i), person, None, since)
            persons.append(person)
        uow.session.flush()
        applicant_index = next(i for i, (m, _) in enumerate(checked) if m.role == "applicant")
        _refuse_child_applicant(
            member_place(applicant_index),
            persons[applicant_index].birth_date,
            [p.birth_date for i, p in enumerate(persons) if i != applicant_index],
            max(since, today),
        )
        uow.session.add(_address_row(household.id, address, since))
        for (member, _), person in zip(checked, persons, strict=True):
            uow.session.add(HouseholdMember(
                household_id=household.id, person_id=person.id, role=member.role,
                valid_from=max(since, person.birth_date),
            ))
        for income in incomes:
            uow.session.add(_income_row(persons[income.person_ref].id, income))
        for notice in notices:
            covered = [persons[ref].id for ref in notice.person_refs]
            uow.session.add(_notice_row(household.id, notice, covered))
        uow.session.flush()
        uow.audit("create_household", "household", household.id, since=since.isoformat(),
                  persons=[p.id for p in persons], incomes=len(incomes), notices=len(notices))
        result = HouseholdCreated(household.id, tuple(p.id for p in persons), household.version)
        uow.commit()
    return result


# ---------------------------------------------------------------------------------------------
# Read




# ---------------------------------------------------------------------------------------------
# Change persons and members


def update_person(
    database: Database,
    person_id: int,
    expected_version: int,
    person: PersonInput,
    *,
    today: date | None = None,
) -> Saved:
    """Correct a person's data (checked against the person's own version).

    When a corrected birth date lies after the start of a membership, the membership starts
    at birth instead (nobody belongs to a household before being born).
    """
    person = check_person(PERSON, person, today or date.today())
    with UnitOfWork(database) as uow:
        stored = uow.get_versioned(Person, person_id, expected_version)
        birth = person.birth_date
        if stored.died_on is not None and birth > stored.died_on:
            raise PERSON.fail("birth_date", f"lies after the death ({german_date(stored.died_on)})",
                              f"liegt nach dem Todestag ({german_date(stored.died_on)})")
        for membership in stored.memberships:
            if membership.valid_from >= birth:
                continue
            if membership.valid_until is not None and membership.valid_until < birth:
                raise PERSON.fail(
                    "birth_date",
                    f"lies after the membership of household {membership.household_id} ended",
                    f"liegt nach dem Ende der Zugehörigkeit zum Haushalt "
                    f"{membership.household_id} ({german_date(membership.valid_until)})",
                )
            membership.valid_from = birth
            membership.household.version += 1  # its members' dates changed under its editors
        changed = [f for f in ("family_name", "given_names", "birth_date", "sex", "disability",
                               "foster_child") if getattr(stored, f) != getattr(person, f)]
        for field in changed:
            setattr(stored, field, getattr(person, field))
        uow.session.flush()
        uow.audit("update_person", "person", person_id, fields=changed)
        result = Saved(person_id, stored.version)
        uow.commit()
    return result


def add_member(
    database: Database,
    household_id: int,
    expected_version: int,
    member: MemberInput,
    since: date,
    *,
    today: date | None = None,
) -> Saved:
    """A new or registered person joins the household on ``since`` (a baby: from birth)."""
    today = today or date.today()
    place = Place("member", "Person hinzufügen", "Adding a person")
    since = check_date(place, "since", since)
    person_input = check_member(place, member, today)
    with UnitOfWork(database) as uow:
        household = _lock(uow, household_id, expected_version)
        memberships = _memberships(uow, household_id)
        if person_input is not None:
            person = _new_person(person_input)
            uow.session.add(person)
            uow.session.flush()
        else:
            assert member.person_id is not None
            person = _existing_person(uow, place, member.person_id, since)
            if any(m.person_id == person.id and (m.valid_until is None or m.valid_until >= since)
                   for m in memberships):
                raise place.fail("person_id",
                                 f"{_display(person)} already belongs to the household",
                                 f"{_display(person)} gehört bereits zum Haushalt")
            _refuse_other_household(uow, place, person, household_id, since)
        if member.role == "applicant":
            _refuse_second_applicant(place, memberships, since, person.id)
            _refuse_child_applicant(place, person.birth_date,
                                    _births_of_others(memberships, person.id, since),
                                    max(since, today))
        uow.session.add(HouseholdMember(
            household_id=household_id, person_id=person.id, role=member.role,
            valid_from=max(since, person.birth_date),
        ))
        uow.session.flush()
        uow.audit("add_member", "household", household_id, person_id=person.id,
                  role=member.role, since=since.isoformat(), new_person=person_input is not None)
        result = Saved(person.id, household.version)
        uow.commit()
    return result


def _membership_on(
    uow: UnitOfWork, place: Place, household_id: int, person_id: int, day: date
) -> HouseholdMember:
    for membership in _memberships(uow, household_id):
        if membership.person_id == person_id and _covers(
            membership.valid_from, membership.valid_until, day
        ):
            return membership
    raise place.fail("person_id",
                     f"no. {person_id} does not belong to the household on {german_date(day)}",
                     f"Nr. {person_id} gehört am {german_date(day)} nicht zum Haushalt")


def end_membership(
    database: Database,
    household_id: int,
    expected_version: int,
    person_id: int,
    until: date,
    reason: EndReason,
    *,
    today: date | None = None,
) -> Saved:
    """A person leaves the household: ``until`` is the last day (moved out) or the day of
    death (died: also recorded on the person; they count as absent from that day on,
    as in :func:`kpass.services.household_facts.members_on`). The membership is kept."""
    place = Place("", "Austragen", "Ending the membership")
    if reason not in END_REASONS:
        raise place.fail("reason", f"{reason!r} is unknown (moved_out, died)",
                         f"„{reason}“ ist unbekannt (Wegzug oder Tod)")
    until = check_date(place, "until", until)
    if reason == "died" and until > (today or date.today()):
        raise place.fail("until", "(day of death) lies in the future",
                         "(Todestag) liegt in der Zukunft")
    with UnitOfWork(database) as uow:
        household = _lock(uow, household_id, expected_version)
        membership = _membership_on(uow, place, household_id, person_id, until)
        if any(m.person_id == person_id and m.valid_from > until
               for m in _memberships(uow, household_id)):
            raise place.fail("until", "lies before a later entry of this person (role change)",
                             "liegt vor einem späteren Eintrag dieser Person (Rollenwechsel)")
        previous = membership.valid_until
        membership.valid_until = until
        if reason == "died":
            membership.person.died_on = until
        uow.session.flush()
        uow.audit("end_membership", "household", household_id, person_id=person_id,
                  until=until.isoformat(), reason=reason,
                  previous_until=previous.isoformat() if previous else None)
        result = Saved(membership.id, household.version)
        uow.commit()
    return result


def change_role(
    database: Database,
    household_id: int,
    expected_version: int,
    person_id: int,
    role: str,
    since: date,
) -> Saved:
    """A member's role changes from ``since`` (e.g. the partner applies after the applicant
    died); the old role stays on record until the day before."""
    place = Place("", "Rolle ändern", "Changing the role")
    role = check_role(place, role)
    since = check_date(place, "since", since)
    with UnitOfWork(database) as uow:
        household = _lock(uow, household_id, expected_version)
        membership = _membership_on(uow, place, household_id, person_id, since)
        if membership.role == role:
            raise place.fail("role", f"is already {role}", f"ist bereits {ROLE_LABELS[role]}")
        if role == "applicant":
            memberships = _memberships(uow, household_id)
            _refuse_second_applicant(place, memberships, since, person_id)
            _refuse_child_applicant(place, membership.person.birth_date,
                                    _births_of_others(memberships, person_id, since), since)
        old_role = membership.role
        if membership.valid_from == since:
            membership.role = role  # a correction from the first day: nothing to keep
        else:
            uow.session.add(HouseholdMember(
                household_id=household_id, person_id=person_id, role=role,
                valid_from=since, valid_until=membership.valid_until,
            ))
            membership.valid_until = since - timedelta(days=1)
        uow.session.flush()
        uow.audit("change_role", "household", household_id, person_id=person_id,
                  role=role, previous_role=old_role, since=since.isoformat())
        result = Saved(person_id, household.version)
        uow.commit()
    return result


# ---------------------------------------------------------------------------------------------
# Address, incomes, notices, photo


def move_household(
    database: Database,
    household_id: int,
    expected_version: int,
    address: AddressInput,
    since: date,
) -> Saved:
    """The household lives at ``address`` from ``since``; the current address ends the day
    before. A move must be dated after the current address began (corrections of the current
    address are not moves)."""
    address = check_address(address)
    since = check_date(ADDRESS, "since", since)
    with UnitOfWork(database) as uow:
        household = _lock(uow, household_id, expected_version)
        current = uow.session.scalars(
            select(HouseholdAddress).where(HouseholdAddress.household_id == household_id)
            .order_by(HouseholdAddress.valid_from.desc(), HouseholdAddress.id.desc()).limit(1)
        ).first()
        if current is not None:
            if since <= current.valid_from:
                began = german_date(current.valid_from)
                raise ADDRESS.fail(
                    "since",
                    f"of the move must lie after the current address began ({began})",
                    f"des Umzugs muss nach dem Beginn der bisherigen Anschrift liegen ({began})",
                )
            same = (current.street, current.house_number, current.postcode,
                    current.municipality, current.stadtteil_code) == (
                address.street, address.house_number, address.postcode,
                address.municipality, address.stadtteil_code)
            if same:
                raise ADDRESS.fail("street", "is the current address",
                                   "ist die bisherige Anschrift")
            if current.valid_until is None or current.valid_until >= since:
                current.valid_until = since - timedelta(days=1)
        row = _address_row(household_id, address, since)
        uow.session.add(row)
        uow.session.flush()
        uow.audit("move_household", "household", household_id, address_id=row.id,
                  previous_address_id=current.id if current else None, since=since.isoformat(),
                  stadtteil=address.stadtteil_code)
        result = Saved(row.id, household.version)
        uow.commit()
    return result


def _refuse_non_member(
    uow: UnitOfWork, place: Place, field: str, household_id: int, person_ids: Sequence[int]
) -> None:
    members = {m.person_id for m in _memberships(uow, household_id)}
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
        household = _lock(uow, household_id, expected_version)
        _refuse_non_member(uow, INCOME, "person_ref", household_id, [income.person_ref])
        row = _income_row(income.person_ref, income)
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
        household = _lock(uow, household_id, expected_version)
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
        household = _lock(uow, household_id, expected_version)
        _refuse_non_member(uow, NOTICE, "person_refs", household_id, notice.person_refs)
        row = _notice_row(household_id, notice, notice.person_refs)
        uow.session.add(row)
        uow.session.flush()
        uow.audit("add_notice", "benefit_notice", row.id, household_id=household_id,
                  kind=notice.kind, valid_from=notice.valid_from.isoformat(),
                  valid_until=notice.valid_until.isoformat(), persons=list(notice.person_refs))
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
        household = _lock(uow, household_id, expected_version)
        notice = uow.session.get(BenefitNotice, notice_id)
        if notice is None or notice.household_id != household_id:
            raise InvalidField(
                "notice_id", f"Household {household_id} has no benefit notice {notice_id}.",
                f"Der Haushalt {household_id} hat keinen Bescheid Nr. {notice_id}.",
            )
        uow.audit("remove_notice", "benefit_notice", notice_id, household_id=household_id,
                  kind=notice.kind, valid_from=notice.valid_from.isoformat(),
                  valid_until=notice.valid_until.isoformat(), reference=notice.reference,
                  persons=sorted(c.person_id for c in notice.covered))
        uow.session.delete(notice)
        uow.session.flush()
        result = Saved(None, household.version)
        uow.commit()
    return result




