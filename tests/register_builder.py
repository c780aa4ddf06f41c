"""Small hand-made registers for tests (through the same code the services use)."""

from __future__ import annotations

from datetime import date

from kpass.models import Household, HouseholdAddress, HouseholdMember, Person
from kpass.models.engine import Database
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
        household = Household()
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
            person = Person(family_name=family, given_names=given, birth_date=birth)
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
