"""Change a household's people: correct a person, add a member, end a membership, change a role.

History is kept: leaving ends a membership, a death is dated, a role change keeps the old role
on record; person data has its own version (a person is edited in one place, whichever
household shows them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from sqlalchemy import select

from kpass.models import Household, HouseholdMember, Person
from kpass.models.engine import Database
from kpass.models.periods import not_ended_before
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.household.identity import (
    record_distinctions,
    refuse_corrected_duplicate,
    refuse_likely_duplicate,
)
from kpass.services.household.member_checks import (
    births_of_others,
    refuse_child_applicant,
    refuse_other_household,
    refuse_second_applicant,
    refuse_second_partner,
)
from kpass.services.household.steps import (
    Saved,
    display_name,
    existing_person,
    lock_household,
    memberships_of,
    new_person,
)
from kpass.services.household.validation import (
    PERSON,
    ROLE_LABELS,
    MemberInput,
    PersonInput,
    Place,
    check_date,
    check_member,
    check_person,
    check_role,
)
from kpass.services.uow import UnitOfWork
from kpass.text_keys import name_key
from kpass.vocabulary import format_date

EndReason = Literal["moved_out", "died"]
END_REASONS: tuple[EndReason, ...] = ("moved_out", "died")


def _covers(valid_from: date, valid_until: date | None, day: date) -> bool:
    return valid_from <= day and (valid_until is None or day <= valid_until)


@requires(Permission.EDIT_REGISTER)
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
    at birth instead (nobody belongs to a household before being born). A corrected name or
    birth date that makes the person a likely duplicate of a registered one is refused
    (:class:`~kpass.services.household.identity.LikelyDuplicate`) unless
    ``person.distinct_from_reason`` says why they are different people.
    """
    today = today or date.today()
    with UnitOfWork(database) as uow:
        version = update_person_step(uow, person_id, expected_version, person, today)
        uow.commit()
    return Saved(person_id, version)


def update_person_step(uow: UnitOfWork, person_id: int, expected_version: int,
                       person: PersonInput, today: date) -> int:
    """:func:`update_person` inside a unit of work; returns the person's new version."""
    person = check_person(PERSON, person, today)
    stored = uow.get_versioned(Person, person_id, expected_version)
    identity_changed = (name_key(stored.family_name), name_key(stored.given_names),
                        stored.birth_date) != (name_key(person.family_name),
                                               name_key(person.given_names),
                                               person.birth_date)
    birth = person.birth_date
    if stored.died_on is not None and birth > stored.died_on:
        raise PERSON.fail("birth_date", f"lies after the death ({format_date(stored.died_on)})",
                          f"liegt nach dem Todestag ({format_date(stored.died_on)})")
    for membership in stored.memberships:
        if membership.valid_from >= birth:
            continue
        if membership.valid_until is not None and membership.valid_until < birth:
            raise PERSON.fail(
                "birth_date",
                f"lies after the membership of household {membership.household_id} ended",
                f"liegt nach dem Ende der Zugehörigkeit zum Haushalt "
                f"{membership.household_id} ({format_date(membership.valid_until)})",
            )
        membership.valid_from = birth
        membership.household.version += 1  # its members' dates changed under its editors
    changed = [f for f in ("family_name", "given_names", "birth_date", "sex", "disability",
                           "foster_child", "salutation")
               if getattr(stored, f) != getattr(person, f)]
    for field in changed:
        setattr(stored, field, getattr(person, field))
    uow.session.flush()
    if identity_changed:
        refuse_corrected_duplicate(uow, PERSON, person_id, person, today)
    uow.audit("update_person", "person", person_id, fields=changed)
    return stored.version


def add_member_step(uow: UnitOfWork, household_id: int, member: MemberInput, since: date,
                    today: date) -> int:
    """:func:`add_member` inside a unit of work that locked the household; the person's id."""
    place = Place("member", "Person hinzufügen", "Adding a person")
    since = check_date(place, "since", since)
    person_input = check_member(place, member, today)
    memberships = memberships_of(uow, household_id)
    if person_input is not None:
        household = uow.session.get(Household, household_id)
        assert household is not None
        person = new_person(person_input, household.issuer)  # added once the checks passed
    else:
        assert member.person_id is not None
        person = existing_person(uow, place, member.person_id, since)
        if any(m.person_id == person.id and (m.valid_until is None or m.valid_until >= since)
               for m in memberships):
            raise place.fail("person_id",
                             f"{display_name(person)} already belongs to the household",
                             f"{display_name(person)} gehört bereits zum Haushalt")
        refuse_other_household(uow, place, person, household_id, since)
    if member.role == "applicant":
        refuse_second_applicant(place, memberships, since, person.id)
        refuse_child_applicant(place, person.birth_date,
                                births_of_others(memberships, person.id, since),
                                max(since, today))
    if member.role == "partner":
        refuse_second_partner(place, memberships, since, person.id)
    if person_input is not None:
        others = refuse_likely_duplicate(uow, place, person_input, on=today)
        uow.session.add(person)
        uow.session.flush()
        if others and person_input.distinct_from_reason is not None:
            record_distinctions(uow, person.id, others, person_input.distinct_from_reason)
    uow.session.add(HouseholdMember(
        household_id=household_id, person_id=person.id, role=member.role,
        valid_from=max(since, person.birth_date),
    ))
    uow.session.flush()
    uow.audit("add_member", "household", household_id, person_id=person.id,
              role=member.role, since=since.isoformat(), new_person=person_input is not None)
    return person.id


def _membership_on(
    uow: UnitOfWork, place: Place, household_id: int, person_id: int, day: date
) -> HouseholdMember:
    for membership in memberships_of(uow, household_id):
        if membership.person_id == person_id and _covers(
            membership.valid_from, membership.valid_until, day
        ):
            return membership
    raise place.fail("person_id",
                     f"no. {person_id} does not belong to the household on {format_date(day)}",
                     f"Nr. {person_id} gehört am {format_date(day)} nicht zum Haushalt")


_END_PLACE = Place("", "Austragen", "Ending the membership")


def check_end(until: date, reason: str, today: date | None) -> None:
    if reason not in END_REASONS:
        raise _END_PLACE.fail("reason", f"{reason!r} is unknown (moved_out, died)",
                              f"„{reason}“ ist unbekannt (Wegzug oder Tod)")
    check_date(_END_PLACE, "until", until)
    if reason == "died" and until > (today or date.today()):
        raise _END_PLACE.fail("until", "(day of death) lies in the future",
                              "(Todestag) liegt in der Zukunft")


def end_membership_step(uow: UnitOfWork, household_id: int, person_id: int, until: date,
                        reason: EndReason, today: date | None = None) -> int:
    """:func:`end_membership` inside a unit of work that locked the household."""
    place = _END_PLACE
    check_end(until, reason, today)
    membership = _membership_on(uow, place, household_id, person_id, until)
    if any(m.person_id == person_id and m.valid_from > until
           for m in memberships_of(uow, household_id)):
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
    return membership.id


def change_role_step(uow: UnitOfWork, household_id: int, person_id: int, role: str,
                     since: date) -> None:
    """:func:`change_role` inside a unit of work that locked the household."""
    place = Place("", "Rolle ändern", "Changing the role")
    role = check_role(place, role)
    since = check_date(place, "since", since)
    membership = _membership_on(uow, place, household_id, person_id, since)
    if membership.role == role:
        raise place.fail("role", f"is already {role}", f"ist bereits {ROLE_LABELS[role]}")
    if role == "applicant":
        memberships = memberships_of(uow, household_id)
        refuse_second_applicant(place, memberships, since, person_id)
        refuse_child_applicant(place, membership.person.birth_date,
                                births_of_others(memberships, person_id, since), since)
    if role == "partner":
        refuse_second_partner(place, memberships_of(uow, household_id), since, person_id,
                              membership.valid_until)
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


@dataclass(frozen=True)
class PersonMoved:
    """A registered person moved into a household: the household's new version to edit on,
    and where the person lived until the day before (``None``: in no household then)."""

    person_id: int
    household_id: int
    version: int
    previous_household_id: int | None
    previous_until: date | None


def _bump(uow: UnitOfWork, household_id: int) -> None:
    """Raise the version of a household changed as a side effect (its open editors reload)."""
    household = uow.session.get(Household, household_id)
    assert household is not None
    household.version += 1
    uow.session.flush()


def _open_memberships(uow: UnitOfWork, person_id: int, since: date) -> list[HouseholdMember]:
    """The person's memberships that reach ``since`` or later, read afresh."""
    return list(uow.session.scalars(
        select(HouseholdMember)
        .where(HouseholdMember.person_id == person_id,
               not_ended_before(HouseholdMember.valid_until, since))
        .order_by(HouseholdMember.valid_from, HouseholdMember.id)
        .execution_options(populate_existing=True)
    ))


def _refuse_leaving_applicant(
    uow: UnitOfWork, place: Place, membership: HouseholdMember, since: date
) -> None:
    """The applicant may not leave a household where others go on living without one."""
    if membership.role != "applicant":
        return
    staying = [
        m for m in memberships_of(uow, membership.household_id)
        if m.person_id != membership.person_id and _covers(m.valid_from, m.valid_until, since)
        and (m.person.died_on is None or m.person.died_on > since)
    ]
    if staying:
        name = display_name(membership.person)
        raise place.fail(
            "person_id",
            f"{name} is the applicant of household {membership.household_id}, where "
            f"{len(staying)} more persons live on {format_date(since)}; first make one of "
            "them the applicant there",
            f"{name} ist Antragsteller/in im Haushalt {membership.household_id}, wo am "
            f"{format_date(since)} noch {len(staying)} weitere Person(en) leben; bitte dort "
            "zuerst einer anderen Person die Rolle „Antragsteller/in“ geben",
        )


@requires(Permission.EDIT_REGISTER)
def move_person_to_household(
    database: Database,
    person_id: int,
    household_id: int,
    expected_version: int,
    role: str,
    since: date,
    *,
    today: date | None = None,
) -> PersonMoved:
    """A registered person moves into this household on ``since``, with ``role``.

    Their membership in the household they lived in ends the day before and stays on record
    (a household change that keeps history); both happen in one transaction, both
    households are audited and their versions go up (``expected_version`` is this
    household's, as the editor read it). Refused: the applicant of a household where others
    stay, a membership starting on or after ``since``, a person who already belongs here, a
    second applicant or partner. A person who lives in no household on ``since`` just joins.
    """
    with UnitOfWork(database) as uow:
        moved = move_person_in_step(uow, person_id, household_id, role, since,
                                    today or date.today(), expected_version=expected_version)
        uow.commit()
    return moved


def move_person_in_step(uow: UnitOfWork, person_id: int, household_id: int, role: str,
                        since: date, today: date, *,
                        expected_version: int | None = None) -> PersonMoved:
    """:func:`move_person_to_household` inside a unit of work; ``expected_version`` ``None``:
    the caller locked this household already."""
    place = Place("member", "Person übernehmen", "Taking a person over")
    role = check_role(place, role)
    since = check_date(place, "since", since)
    person = existing_person(uow, place, person_id, since)
    previous = {m.household_id for m in _open_memberships(uow, person_id, since)}
    # Both households locked in ascending order: two moves in opposite directions wait
    # for each other instead of deadlocking.
    for locked in sorted(previous | {household_id}):
        if locked == household_id:
            if expected_version is not None:
                lock_household(uow, household_id, expected_version)
        else:
            _bump(uow, locked)
    leaving = _open_memberships(uow, person_id, since)
    if any(m.household_id == household_id for m in leaving):
        raise place.fail("person_id",
                         f"{display_name(person)} already belongs to the household",
                         f"{display_name(person)} gehört bereits zum Haushalt")
    last_day = since - timedelta(days=1)
    for membership in leaving:
        if membership.valid_from > last_day:
            raise place.fail(
                "since",
                f"must lie after {format_date(membership.valid_from)}, when "
                f"{display_name(person)} joined household {membership.household_id}",
                f"muss nach dem {format_date(membership.valid_from)} liegen, an dem "
                f"{display_name(person)} in den Haushalt {membership.household_id} kam",
            )
        _refuse_leaving_applicant(uow, place, membership, since)
    memberships = memberships_of(uow, household_id)
    if role == "applicant":
        refuse_second_applicant(place, memberships, since, person_id)
        refuse_child_applicant(place, person.birth_date,
                                births_of_others(memberships, person_id, since),
                                max(since, today))
    if role == "partner":
        refuse_second_partner(place, memberships, since, person_id)
    for membership in leaving:
        membership.valid_until = last_day
        uow.audit("move_person_out", "household", membership.household_id,
                  person_id=person_id, until=last_day.isoformat(),
                  to_household=household_id, role=membership.role)
    uow.session.add(HouseholdMember(
        household_id=household_id, person_id=person_id, role=role,
        valid_from=max(since, person.birth_date),
    ))
    uow.session.flush()
    left = leaving[-1].household_id if leaving else None
    uow.audit("move_person_in", "household", household_id, person_id=person_id,
              role=role, since=since.isoformat(), from_household=left)
    household = uow.session.get(Household, household_id)
    assert household is not None
    return PersonMoved(person_id, household_id, household.version, left,
                       last_day if leaving else None)
