"""Steps shared by the household editor's changes: lock, read memberships, build rows.

Every change to a stored household takes the ``version`` the editor read and bumps it, so a
second editor who saves on a stale screen gets :class:`~kpass.errors.ConcurrentChange`. The
bump is the UPDATE ``… SET version = v + 1 WHERE id = … AND version = v`` issued at the start of
the change: on PostgreSQL it also locks the row, so two saves of one household run one after
the other instead of both passing the check.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from kpass.models import (
    BenefitNotice,
    BenefitNoticePerson,
    Household,
    HouseholdAddress,
    HouseholdMember,
    Income,
    Person,
)
from kpass.services.household.validation import (
    AddressInput,
    IncomeInput,
    NoticeInput,
    PersonInput,
    Place,
)
from kpass.services.uow import UnitOfWork
from kpass.vocabulary import format_date


@dataclass(frozen=True)
class Saved:
    """Result of a change: the record it made or touched, and the new version to edit on
    (the household's; the person's for :func:`update_person`)."""

    record_id: int | None
    version: int


def lock_household(uow: UnitOfWork, household_id: int, expected_version: int) -> Household:
    """The household, refused if changed since the editor read it, its version bumped now."""
    household = uow.get_versioned(Household, household_id, expected_version)
    household.version = expected_version + 1
    uow.session.flush()
    return household


def memberships_of(uow: UnitOfWork, household_id: int) -> list[HouseholdMember]:
    return list(uow.session.scalars(
        select(HouseholdMember)
        .where(HouseholdMember.household_id == household_id)
        .order_by(HouseholdMember.valid_from, HouseholdMember.id)
    ))


def display_name(person: Person) -> str:
    return f"{person.given_names} {person.family_name}"


def existing_person(uow: UnitOfWork, place: Place, person_id: int, since: date) -> Person:
    """A stored person who may join a household on ``since``."""
    person = uow.session.get(Person, person_id)
    if person is None:
        raise place.fail("person_id", f"no. {person_id} does not exist",
                         f"Nr. {person_id} gibt es nicht")
    if person.died_on is not None and person.died_on <= since:
        raise place.fail(
            "person_id",
            f"{display_name(person)} died on {format_date(person.died_on)}",
            f"{display_name(person)} ist am {format_date(person.died_on)} verstorben",
        )
    return person


def new_person(person: PersonInput, issuer: str) -> Person:
    """A new person, recorded by ``issuer`` (the issuer of the household they join)."""
    return Person(
        issuer=issuer,
        family_name=person.family_name,
        given_names=person.given_names,
        birth_date=person.birth_date,
        sex=person.sex,
        disability=person.disability,
        foster_child=person.foster_child,
        salutation=person.salutation,
    )


def address_row(household_id: int, address: AddressInput, since: date) -> HouseholdAddress:
    return HouseholdAddress(
        household_id=household_id,
        street=address.street,
        house_number=address.house_number,
        postcode=address.postcode,
        municipality=address.municipality,
        stadtteil_code=address.stadtteil_code,
        valid_from=since,
    )


def income_row(person_id: int, income: IncomeInput) -> Income:
    return Income(
        person_id=person_id,
        kind=income.kind,
        amount=income.amount,
        period=income.period,
        valid_from=income.valid_from,
        evidence=income.evidence,
    )


def notice_row(household_id: int, notice: NoticeInput, person_ids: Sequence[int]) -> BenefitNotice:
    row = BenefitNotice(
        household_id=household_id,
        kind=notice.kind,
        valid_from=notice.valid_from,
        valid_until=notice.valid_until,
        reference=notice.reference,
    )
    row.covered = [BenefitNoticePerson(person_id=p) for p in sorted(set(person_ids))]
    return row
