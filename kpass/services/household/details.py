"""Reading a household for the editor: everything it shows, ages and presence as on a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from kpass.models import (
    BenefitNotice,
    Household,
    HouseholdAddress,
    HouseholdMember,
    Income,
    Person,
    PersonPhoto,
    Stadtteil,
)
from kpass.models.engine import Database
from kpass.rules import completed_years
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.household.validation import InvalidField
from kpass.services.uow import UnitOfWork


def _covers(valid_from: date, valid_until: date | None, day: date) -> bool:
    return valid_from <= day and (valid_until is None or day <= valid_until)


@dataclass(frozen=True)
class AddressDetails:
    address_id: int
    street: str
    house_number: str
    postcode: str
    municipality: str
    stadtteil_code: str | None
    stadtteil_name: str | None
    valid_from: date
    valid_until: date | None


@dataclass(frozen=True)
class MemberDetails:
    """One membership (a person may have several, e.g. after a change of role)."""

    membership_id: int
    person_id: int
    person_version: int
    family_name: str
    given_names: str
    birth_date: date
    sex: str | None
    disability: bool
    foster_child: bool
    died_on: date | None
    has_photo: bool
    role: str
    valid_from: date
    valid_until: date | None
    age: int | None  # on the day asked for; None before birth
    present: bool  # lives in the household on that day (as household_facts.members_on)
    salutation: str | None = None  # "frau", "herr" or None (no salutation)


@dataclass(frozen=True)
class IncomeDetails:
    income_id: int
    person_id: int
    kind: str
    amount: Decimal
    period: str
    valid_from: date
    valid_until: date | None
    evidence: str


@dataclass(frozen=True)
class NoticeDetails:
    notice_id: int
    kind: str
    valid_from: date
    valid_until: date | None  # None: granted "bis auf Weiteres" (open-ended)
    reference: str
    person_ids: tuple[int, ...]  # empty: the whole household


@dataclass(frozen=True)
class HouseholdDetails:
    household_id: int
    version: int
    on: date
    address: AddressDetails | None  # on ``on``
    addresses: tuple[AddressDetails, ...]  # history, oldest first
    members: tuple[MemberDetails, ...]  # every membership, oldest first
    incomes: tuple[IncomeDetails, ...]  # of everybody who ever belonged to the household
    notices: tuple[NoticeDetails, ...]

    @property
    def present_members(self) -> tuple[MemberDetails, ...]:
        return tuple(m for m in self.members if m.present)

    @property
    def applicant_id(self) -> int | None:
        return next((m.person_id for m in self.present_members if m.role == "applicant"), None)


@requires(Permission.READ_REGISTER)
def household_details(database: Database, household_id: int, on: date) -> HouseholdDetails:
    """Everything the editor shows of a household, ages and presence as on ``on``."""
    with UnitOfWork(database, write=False) as uow:
        session = uow.session
        household = session.get(Household, household_id)
        if household is None:
            raise InvalidField(
                "household_id",
                f"There is no household {household_id}.",
                f"Es gibt keinen Haushalt {household_id}.",
            )
        names = dict(session.execute(select(Stadtteil.code, Stadtteil.name)).tuples().all())
        addresses = tuple(
            AddressDetails(
                a.id,
                a.street,
                a.house_number,
                a.postcode,
                a.municipality,
                a.stadtteil_code,
                names.get(a.stadtteil_code or ""),
                a.valid_from,
                a.valid_until,
            )
            for a in session.scalars(
                select(HouseholdAddress)
                .where(HouseholdAddress.household_id == household_id)
                .order_by(HouseholdAddress.valid_from, HouseholdAddress.id)
            )
        )
        rows = (
            session.execute(
                select(HouseholdMember, Person)
                .join(Person, Person.id == HouseholdMember.person_id)
                .where(HouseholdMember.household_id == household_id)
                .order_by(HouseholdMember.valid_from, HouseholdMember.id)
            )
            .tuples()
            .all()
        )
        person_ids = sorted({p.id for _, p in rows})
        with_photo = set(
            session.scalars(
                select(PersonPhoto.person_id).where(PersonPhoto.person_id.in_(person_ids))
            )
        )
        members = tuple(
            MemberDetails(
                m.id,
                p.id,
                p.version,
                p.family_name,
                p.given_names,
                p.birth_date,
                p.sex,
                p.disability,
                p.foster_child,
                p.died_on,
                p.id in with_photo,
                m.role,
                m.valid_from,
                m.valid_until,
                completed_years(p.birth_date, on) if p.birth_date <= on else None,
                _covers(m.valid_from, m.valid_until, on) and (p.died_on is None or on < p.died_on),
                p.salutation,
            )
            for m, p in rows
        )
        incomes = tuple(
            IncomeDetails(
                i.id,
                i.person_id,
                i.kind,
                i.amount,
                i.period,
                i.valid_from,
                i.valid_until,
                i.evidence,
            )
            for i in session.scalars(
                select(Income)
                .where(Income.person_id.in_(person_ids))
                .order_by(Income.person_id, Income.valid_from, Income.id)
            )
        )
        notices = tuple(
            NoticeDetails(
                n.id,
                n.kind,
                n.valid_from,
                n.valid_until,
                n.reference,
                tuple(sorted(c.person_id for c in n.covered)),
            )
            for n in session.scalars(
                select(BenefitNotice)
                .where(BenefitNotice.household_id == household_id)
                .order_by(BenefitNotice.valid_from, BenefitNotice.id)
            )
        )
        current = next((a for a in addresses if _covers(a.valid_from, a.valid_until, on)), None)
        return HouseholdDetails(
            household_id, household.version, on, current, addresses, members, incomes, notices
        )
