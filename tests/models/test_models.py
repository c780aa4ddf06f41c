"""Round trips of the register model on SQLite and PostgreSQL (no mocks)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from kpass.errors import ConcurrentChange, DatabaseError
from kpass.models import (
    Application,
    BenefitNotice,
    BenefitNoticePerson,
    Decision,
    Household,
    HouseholdAddress,
    HouseholdMember,
    Income,
    Pass,
    PassValidity,
    Person,
    PersonPhoto,
)
from kpass.models.engine import Database
from kpass.services.uow import UnitOfWork


def _household(uow: UnitOfWork) -> tuple[Household, Person, Person]:
    session = uow.session
    household = Household()
    session.add(household)
    session.flush()
    session.add(
        HouseholdAddress(
            household_id=household.id,
            street="Kaiserstraße",
            house_number="12a",
            postcode="76133",
            municipality="Karlsruhe",
            stadtteil_code="01",
            valid_from=date(2020, 5, 1),
        )
    )

    def _person(**fields: object) -> Person:
        person = Person(**fields)
        session.add(person)
        session.flush()
        return person

    mother = _person(
        family_name="Meyer-Lüdenscheidt",
        given_names="Anna-Lena",
        birth_date=date(1984, 2, 29),
        sex="f",
    )
    child = _person(
        family_name="Öztürk",
        given_names="Ümit",
        birth_date=date(2015, 7, 1),
        sex="m",
        disability=True,
    )
    for person, role in ((mother, "applicant"), (child, "child")):
        session.add(
            HouseholdMember(
                household_id=household.id,
                person_id=person.id,
                role=role,
                valid_from=date(2020, 5, 1),
            )
        )
    session.add_all(
        [
            Income(
                person_id=mother.id,
                kind="wages",
                amount=Decimal("1234.56"),
                period="month",
                valid_from=date(2026, 1, 1),
                evidence="Lohnzettel 10/2026",
            ),
            Income(
                person_id=child.id,
                kind="kindergeld",
                amount=Decimal("0.01"),
                period="month",
                valid_from=date(2026, 1, 1),
            ),
            Income(
                person_id=mother.id,
                kind="other",
                amount=Decimal("99999999.99"),
                period="year",
                valid_from=date(2026, 1, 1),
            ),
        ]
    )
    session.flush()
    return household, mother, child


def test_register_round_trip(database: Database) -> None:
    with UnitOfWork(database) as uow:
        household, mother, child = _household(uow)
        notice = BenefitNotice(
            household_id=household.id,
            kind="wohngeld",
            valid_from=date(2026, 1, 1),
            valid_until=date(2026, 12, 31),
            reference="WG-2026/0815",
        )
        uow.session.add(notice)
        uow.session.flush()
        uow.session.add(BenefitNoticePerson(notice_id=notice.id, person_id=child.id))
        application = Application(
            household_id=household.id,
            applicant_person_id=mother.id,
            application_date=date(2026, 3, 15),
            proofs=["personalausweis", "bescheid"],
            created_by_id=uow.user_id(),
        )
        uow.session.add(application)
        uow.session.flush()
        decision = Decision(
            application_id=application.id,
            decided_on=date(2026, 3, 15),
            rule_set="ka-2021-01-01",
            issuer="ka",
            input_snapshot={"application_date": "2026-03-15"},
            output={"members": [{"id": "p1", "eligible": True, "text": "gültig € ß"}]},
            decided_by_id=uow.user_id(),
        )
        uow.session.add(decision)
        uow.session.flush()
        card = Pass(number="KA-000001-23", person_id=child.id, pass_type="kinderpass")
        card.validities.append(
            PassValidity(
                decision_id=decision.id,
                kind="new",
                valid_from=date(2026, 3, 15),
                valid_until=date(2027, 3, 31),
            )
        )
        uow.session.add(card)
        uow.session.add(PersonPhoto(person_id=child.id, image=b"\xff\xd8jpeg", width=35, height=45))
        uow.audit("create", "household", household.id, note="Test")
        uow.commit()
        ids = household.id, mother.id, child.id

    with UnitOfWork(database, write=False) as uow:
        s = uow.session
        household = s.get(Household, ids[0])
        assert household is not None
        assert [a.street for a in household.addresses] == ["Kaiserstraße"]
        assert household.addresses[0].stadtteil_code == "01"
        mother = s.get(Person, ids[1])
        assert mother is not None
        assert mother.family_name == "Meyer-Lüdenscheidt"
        assert mother.family_name_key == "meyer luedenscheidt"
        assert mother.birth_date == date(1984, 2, 29)
        amounts = sorted(i.amount for i in s.scalars(select(Income)))
        assert amounts == [Decimal("0.01"), Decimal("1234.56"), Decimal("99999999.99")]
        assert all(isinstance(a, Decimal) for a in amounts)
        child = s.get(Person, ids[2])
        assert child is not None and child.disability is True
        stored_pass = s.scalars(select(Pass)).one()
        assert stored_pass.validities[0].valid_until == date(2027, 3, 31)
        stored_decision = s.scalars(select(Decision)).one()
        assert stored_decision.output["members"][0]["text"] == "gültig € ß"
        assert stored_decision.decided_at.tzinfo is not None
        assert stored_decision.decided_at <= datetime.now(UTC)
        assert s.scalars(select(Application)).one().proofs == ["personalausweis", "bescheid"]
        assert s.get(PersonPhoto, ids[2]).image == b"\xff\xd8jpeg"  # type: ignore[union-attr]


def test_money_rejects_floats_and_fractions_of_cents(database: Database) -> None:
    with UnitOfWork(database) as uow:
        _, mother, _ = _household(uow)
        uow.session.add(
            Income(
                person_id=mother.id,
                kind="wages",
                amount=12.5,  # type: ignore[arg-type]
                period="month",
                valid_from=date(2026, 1, 1),
            )
        )
        with pytest.raises(Exception, match="Decimal"):
            uow.session.flush()
    with UnitOfWork(database) as uow:
        _, mother, _ = _household(uow)
        uow.session.add(
            Income(
                person_id=mother.id,
                kind="wages",
                amount=Decimal("1.005"),
                period="month",
                valid_from=date(2026, 1, 1),
            )
        )
        with pytest.raises(Exception, match="two decimals"):
            uow.session.flush()


def test_negative_income_is_refused_by_the_database(database: Database) -> None:
    with pytest.raises(DatabaseError, match=r"(?i)constraint"), UnitOfWork(database) as uow:
        _, mother, _ = _household(uow)
        uow.session.add(
            Income(
                person_id=mother.id,
                kind="wages",
                amount=Decimal("-1.00"),
                period="month",
                valid_from=date(2026, 1, 1),
            )
        )
        uow.session.flush()


def test_unknown_stadtteil_is_refused(database: Database) -> None:
    with pytest.raises(DatabaseError, match=r"(?i)constraint"), UnitOfWork(database) as uow:
        household = Household()
        uow.session.add(household)
        uow.session.flush()
        uow.session.add(
            HouseholdAddress(
                household_id=household.id,
                street="X",
                house_number="1",
                postcode="76131",
                municipality="Karlsruhe",
                stadtteil_code="99",
                valid_from=date(2026, 1, 1),
            )
        )
        uow.session.flush()


def test_uncommitted_work_is_not_kept(database: Database) -> None:
    with UnitOfWork(database) as uow:
        _household(uow)
    with UnitOfWork(database, write=False) as uow:
        assert uow.session.scalars(select(Person)).all() == []


def test_concurrent_change_is_detected(database: Database) -> None:
    with UnitOfWork(database) as uow:
        _, mother, _ = _household(uow)
        uow.commit()
        person_id = mother.id
    with UnitOfWork(database, write=False) as uow:
        shown_version = uow.session.get(Person, person_id).version  # type: ignore[union-attr]
    # A colleague saves first ...
    with UnitOfWork(database) as uow:
        uow.get_versioned(Person, person_id, shown_version).given_names = "Anna"
        uow.commit()
    # ... so saving the form that still shows the old version is refused.
    with pytest.raises(ConcurrentChange), UnitOfWork(database) as uow:
        uow.get_versioned(Person, person_id, shown_version).given_names = "Lena"
        uow.commit()
    with UnitOfWork(database, write=False) as uow:
        person = uow.session.get(Person, person_id)
        assert person is not None
        assert person.given_names == "Anna"
        assert person.version == shown_version + 1
