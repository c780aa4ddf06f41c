"""Change a household's people: correct a person, add a member, end a membership, change a role.

History is kept: leaving ends a membership, a death is dated, a role change keeps the old role
on record; person data has its own version (a person is edited in one place, whichever
household shows them).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from kpass.models import HouseholdMember, Person
from kpass.models.engine import Database
from kpass.services.household_edit_steps import (
    Saved,
    display_name,
    existing_person,
    lock_household,
    memberships_of,
    new_person,
)
from kpass.services.household_member_checks import (
    births_of_others,
    refuse_child_applicant,
    refuse_other_household,
    refuse_second_applicant,
)
from kpass.services.household_validation import (
    PERSON,
    ROLE_LABELS,
    MemberInput,
    PersonInput,
    Place,
    check_date,
    check_member,
    check_person,
    check_role,
    german_date,
)
from kpass.services.uow import UnitOfWork

EndReason = Literal["moved_out", "died"]
END_REASONS: tuple[EndReason, ...] = ("moved_out", "died")


def _covers(valid_from: date, valid_until: date | None, day: date) -> bool:
    return valid_from <= day and (valid_until is None or day <= valid_until)


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
                               "foster_child", "salutation")
                   if getattr(stored, f) != getattr(person, f)]
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
        household = lock_household(uow, household_id, expected_version)
        memberships = memberships_of(uow, household_id)
        if person_input is not None:
            person = new_person(person_input)
            uow.session.add(person)
            uow.session.flush()
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
    for membership in memberships_of(uow, household_id):
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
        household = lock_household(uow, household_id, expected_version)
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
        household = lock_household(uow, household_id, expected_version)
        membership = _membership_on(uow, place, household_id, person_id, since)
        if membership.role == role:
            raise place.fail("role", f"is already {role}", f"ist bereits {ROLE_LABELS[role]}")
        if role == "applicant":
            memberships = memberships_of(uow, household_id)
            refuse_second_applicant(place, memberships, since, person_id)
            refuse_child_applicant(place, membership.person.birth_date,
                                    births_of_others(memberships, person_id, since), since)
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
