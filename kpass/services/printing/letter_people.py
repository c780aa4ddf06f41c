"""The people a letter names: the recipient's name, salutation and window address, the
applicant who receives a child's mail, the caseworker who signs.

Shared by decision letters, renewal reminders and application forms; apart from
:mod:`~kpass.services.printing.letter_data` because none of it depends on what a letter is
about. Read-only, like everything gathered for printing.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from kpass.errors import InvalidInput
from kpass.models import AppUser, HouseholdAddress, HouseholdMember, Person
from kpass.models.periods import valid_on
from kpass.services.applications.deciding import household_of_person
from kpass.services.uow import UnitOfWork


def person_name(person: Person) -> str:
    """``"Erika Müller"``."""
    return f"{person.given_names} {person.family_name}"


def salutation(person: Person) -> str:
    """The letter's salutation from the recorded ``Person.salutation``.

    ``"Sehr geehrte Frau Müller,"``, ``"Sehr geehrter Herr Müller,"``; without one recorded
    ``"Guten Tag Max Müller,"`` (the sex is no salutation).
    """
    if person.salutation == "frau":
        return f"Sehr geehrte Frau {person.family_name},"
    if person.salutation == "herr":
        return f"Sehr geehrter Herr {person.family_name},"
    return f"Guten Tag {person_name(person)},"


def address_lines(uow: UnitOfWork, person: Person, on: date) -> tuple[str, ...]:
    """The window address: name (with "Frau"/"Herrn" when recorded), street, postcode town."""
    address = uow.session.execute(
        select(HouseholdAddress)
        .join(HouseholdMember, HouseholdMember.household_id == HouseholdAddress.household_id)
        .where(
            HouseholdMember.person_id == person.id,
            valid_on(HouseholdMember.valid_from, HouseholdMember.valid_until, on),
            valid_on(HouseholdAddress.valid_from, HouseholdAddress.valid_until, on),
        )
        .order_by(HouseholdAddress.valid_from.desc())
        .limit(1)
    ).scalar_one_or_none()
    title = {"frau": "Frau ", "herr": "Herrn "}.get(person.salutation or "", "")
    name = title + person_name(person)
    if address is None:
        return (name,)
    return (
        name,
        f"{address.street} {address.house_number}",
        f"{address.postcode} {address.municipality}",
    )


def caseworker_name(uow: UnitOfWork) -> str:
    """The acting user's printed name: ``AppUser.display_name``, else the user name.

    Only reads (a user without a row yet is named by the user name), so it works in a
    reading unit of work.
    """
    user = uow.session.scalar(select(AppUser).where(AppUser.username == uow.username))
    if user is None:
        return uow.username
    return user.display_name.strip() or user.username


def applicant_of(uow: UnitOfWork, person: Person, on: date) -> Person | None:
    """The applicant of the household ``person`` lives in on ``on`` (a child's parent)."""
    try:
        household_id = household_of_person(uow, person.id, on)
    except InvalidInput:
        return None
    applicant_id = uow.session.scalar(
        select(HouseholdMember.person_id)
        .where(
            HouseholdMember.household_id == household_id,
            HouseholdMember.role == "applicant",
            valid_on(HouseholdMember.valid_from, HouseholdMember.valid_until, on),
        )
        .order_by(HouseholdMember.person_id)
        .limit(1)
    )
    return uow.session.get(Person, applicant_id) if applicant_id else None


def of_age_on(birth_date: date, adult_age: int) -> date:
    """The day a person born on ``birth_date`` reaches ``adult_age`` (29 February: 1 March)."""
    year = birth_date.year + adult_age
    try:
        return birth_date.replace(year=year)
    except ValueError:  # born on 29 February, no such day that year
        return date(year, 3, 1)
