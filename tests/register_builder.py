"""Small hand-made registers for tests (through the same code the services use)."""

from __future__ import annotations

from datetime import date

from kpass.models import Household, HouseholdAddress, HouseholdMember, Person
from kpass.models.engine import Database
from kpass.services.issuers import issuer_code
from kpass.services.uow import UnitOfWork


def add_household(
    database: Database,
    persons: list[tuple[str, str, date, str]],
    street: str = "Kaiserstraße",
    number: str = "1",
    stadtteil: str | None = "01",
    municipality: str = "Karlsruhe",
    since: date = date(2020, 1, 1),
) -> list[int]:
    """A household at one address; ``persons`` as (family, given, birth, role). Returns ids."""
    with UnitOfWork(database) as uow:
        household = Household(issuer=issuer_code(municipality))
        uow.session.add(household)
        uow.session.flush()
        uow.session.add(
            HouseholdAddress(
                household_id=household.id,
                street=street,
                house_number=number,
                postcode="76133",
                municipality=municipality,
                stadtteil_code=stadtteil,
                valid_from=since,
            )
        )
        ids = []
        for family, given, birth, role in persons:
            person = Person(family_name=family, given_names=given, birth_date=birth,
                            issuer=household.issuer)
            uow.session.add(person)
            uow.session.flush()
            uow.session.add(
                HouseholdMember(
                    household_id=household.id, person_id=person.id, role=role, valid_from=since
                )
            )
            ids.append(person.id)
        uow.commit()
    return ids


def add_income(
    database: Database,
    person_id: int,
    kind: str,
    amount: str,
    period: str = "month",
    since: date = date(2020, 1, 1),
) -> None:
    from decimal import Decimal

    from kpass.models import Income

    with UnitOfWork(database) as uow:
        uow.session.add(
            Income(
                person_id=person_id,
                kind=kind,
                amount=Decimal(amount),
                period=period,
                valid_from=since,
            )
        )
        uow.commit()


def add_notice(
    database: Database,
    household_id: int,
    kind: str,
    valid_from: date,
    valid_until: date | None,  # None: granted "bis auf Weiteres"
    persons: tuple[int, ...] = (),
    reference: str = "T-1",
) -> None:
    from kpass.models import BenefitNotice, BenefitNoticePerson

    with UnitOfWork(database) as uow:
        notice = BenefitNotice(
            household_id=household_id,
            kind=kind,
            valid_from=valid_from,
            valid_until=valid_until,
            reference=reference,
        )
        uow.session.add(notice)
        uow.session.flush()
        for person_id in persons:
            uow.session.add(BenefitNoticePerson(notice_id=notice.id, person_id=person_id))
        uow.commit()


def household_of(database: Database, person_id: int) -> int:
    from sqlalchemy import select

    with UnitOfWork(database, write=False) as uow:
        return int(
            uow.session.scalars(
                select(HouseholdMember.household_id).where(HouseholdMember.person_id == person_id)
            ).first()
        )
