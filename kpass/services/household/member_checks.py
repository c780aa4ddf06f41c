"""Refusals about who may belong to a household, and in which role, on a given day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from kpass.models import HouseholdMember, Person
from kpass.models.periods import not_ended_before
from kpass.rules import completed_years, default_parameters
from kpass.services.household.steps import display_name
from kpass.services.household.validation import Place
from kpass.services.uow import UnitOfWork
from kpass.vocabulary import format_date


def refuse_other_household(
    uow: UnitOfWork, place: Place, person: Person, household_id: int | None, since: date
) -> None:
    """A person lives in one household at a time: the old membership must be ended first."""
    query = select(HouseholdMember.household_id).where(
        HouseholdMember.person_id == person.id,
        not_ended_before(HouseholdMember.valid_until, since),
    )
    if household_id is not None:
        query = query.where(HouseholdMember.household_id != household_id)
    other = uow.session.scalar(query.limit(1))
    if other is not None:
        raise place.fail(
            "person_id",
            f"{display_name(person)} belongs to household {other} on {format_date(since)}; "
            "end that membership first",
            f"{display_name(person)} gehört am {format_date(since)} zum Haushalt {other}; "
            "bitte dort zuerst austragen",
        )


def refuse_second_applicant(
    place: Place, memberships: Sequence[HouseholdMember], since: date, person_id: int
) -> None:
    for m in memberships:
        if m.role == "applicant" and m.person_id != person_id and (
            m.valid_until is None or m.valid_until >= since
        ):
            raise place.fail(
                "role", f"the household already has an applicant from {format_date(since)} on",
                f"„Antragsteller/in“ ist ab {format_date(since)} schon vergeben; "
                "bitte zuerst die Rolle der bisherigen Person ändern",
            )


def refuse_second_partner(
    place: Place,
    memberships: Sequence[HouseholdMember],
    since: date,
    person_id: int | None,
    until: date | None = None,
) -> None:
    """At most one partner of the applicant lives in a household on any day: refuse a
    partner role from ``since`` (to ``until``, open-ended: ``None``) beside another one."""
    for m in memberships:
        if m.role == "partner" and m.person_id != person_id and (
            m.valid_until is None or m.valid_until >= since
        ) and (until is None or m.valid_from <= until):
            day = max(since, m.valid_from)
            raise place.fail(
                "role",
                f"the household already has a partner on {format_date(day)} "
                f"({display_name(m.person)}); a household has at most one",
                f"„Partner/in“ ist am {format_date(day)} schon vergeben "
                f"({display_name(m.person)}); ein Haushalt hat höchstens eine Partnerin "
                "oder einen Partner",
            )


def refuse_child_applicant(
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


def births_of_others(
    memberships: Sequence[HouseholdMember], person_id: int, since: date
) -> list[date]:
    """Birth dates of the other members living in the household from ``since`` on."""
    return [
        m.person.birth_date for m in memberships
        if m.person_id != person_id
        and (m.valid_until is None or m.valid_until >= since)
        and (m.person.died_on is None or m.person.died_on > since)
    ]
