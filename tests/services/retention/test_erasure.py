"""Erasure on request (Art. 17 DSGVO) and case files that share a pass, on both databases."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from kpass.errors import PermissionDenied
from kpass.models import AuditEvent, Household, HouseholdMember, PrintRecord
from kpass.models.engine import Database
from kpass.models.register import Person
from kpass.services.applications.deciding import apply, decide
from kpass.services.audit import verify_trail
from kpass.services.passes.actions import issue_passes, renew_pass
from kpass.services.printing import print_decision_letter
from kpass.services.retention import ErasureRefused, erase_person, run_retention
from kpass.services.search import search_persons
from kpass.services.uow import UnitOfWork
from tests.logins import log_in_admin, log_in_as
from tests.register_builder import add_household, add_income, household_of

LATER = date(2035, 1, 1)


def _backdate_households(database: Database, day: date) -> None:
    """The builder stamps households with today; a register from years ago has older ones."""
    with UnitOfWork(database) as uow:
        uow.session.execute(update(Household).values(
            created_at=datetime.combine(day, datetime.min.time(), tzinfo=UTC)))
        uow.commit()


@pytest.fixture
def holder(database: Database, tmp_path: Path) -> tuple[int, str, Path]:
    [person] = add_household(database, [("Öztürk", "Ayşe", date(1961, 2, 3), "applicant")],
                             since=date(2019, 1, 1))
    add_income(database, person, "pension", "900.00", since=date(2019, 1, 1))
    _backdate_households(database, date(2019, 1, 1))
    application = apply(database, household_of(database, person), date(2023, 3, 1),
                        today=LATER)
    decision = decide(database, application.application_id)
    [card] = issue_passes(database, decision.decision_id)
    letter = tmp_path / f"bescheid-{decision.decision_id}.pdf"
    print_decision_letter(database, decision.decision_id, letter)
    assert card.number is not None
    return person, card.number, letter


def test_refused_while_the_pass_is_valid(database: Database,
                                         holder: tuple[int, str, Path]) -> None:
    person, number, _ = holder
    with pytest.raises(ErasureRefused) as refused:
        erase_person(database, person, today=date(2024, 1, 15))
    assert number in refused.value.message_de and "gilt bis" in refused.value.message_de


def test_refused_while_the_case_file_must_be_kept(database: Database,
                                                  holder: tuple[int, str, Path]) -> None:
    person, _, _ = holder
    printed_year = datetime.now(UTC).year  # the letter was printed today
    with pytest.raises(ErasureRefused) as refused:
        erase_person(database, person, today=date(printed_year + 1, 6, 1))
    assert f"bis 31.12.{printed_year + 3} aufzubewahren" in refused.value.message_de
    assert "Fallakte" in refused.value.message_de
    with database.reader() as session:
        assert session.get(Person, person) is not None


def test_erased_when_no_duty_holds(database: Database, holder: tuple[int, str, Path]) -> None:
    person, _, letter = holder
    dry = erase_person(database, person, today=LATER, dry_run=True, outbox=letter.parent)
    assert dry.counts["persons"] == 1 and letter.exists()
    result = erase_person(database, person, today=LATER, outbox=letter.parent)
    assert result.counts == dry.counts and result.files == [letter.name]
    assert not letter.exists()
    with database.reader() as session:
        assert session.get(Person, person) is None
        assert session.scalar(select(func.count()).select_from(PrintRecord)) == 0
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    assert event is not None and event.action == "erase_person" and event.entity_id == person
    assert "Öztürk" not in str(event.details)
    assert search_persons(database, "Öztürk").hits == ()
    trail = verify_trail(database)
    assert trail.intact, [p.message_en for p in trail.pass_problems]


def test_erasure_needs_a_supervisor(database: Database, holder: tuple[int, str, Path]) -> None:
    person, _, _ = holder
    log_in_as(database, "caseworker")
    with pytest.raises(PermissionDenied):
        erase_person(database, person, today=LATER)
    log_in_admin(database)


def test_a_case_file_sharing_a_pass_with_a_kept_household_is_held_back(
    database: Database,
) -> None:
    [moving] = add_household(database, [("Klein", "Jonas", date(1958, 1, 1), "applicant")],
                             since=date(2019, 1, 1))
    add_income(database, moving, "pension", "800.00", since=date(2019, 1, 1))
    first = household_of(database, moving)
    [partner] = add_household(database, [("Groß", "Lena", date(1959, 1, 1), "applicant")],
                              since=date(2019, 1, 1))
    second = household_of(database, partner)
    _backdate_households(database, date(2019, 1, 1))
    application = apply(database, first, date(2020, 3, 2), today=LATER)
    [card] = issue_passes(database, decide(database, application.application_id).decision_id)
    assert card.number is not None
    with UnitOfWork(database) as uow:  # Jonas moves in with Lena at the end of 2020
        membership = uow.session.scalars(select(HouseholdMember).where(
            HouseholdMember.person_id == moving)).one()
        membership.valid_until = date(2020, 12, 31)
        uow.session.add(HouseholdMember(household_id=second, person_id=moving,
                                        role="partner", valid_from=date(2021, 1, 1)))
        uow.commit()
    renew_pass(database, card.number, date(2021, 3, 1), today=LATER)

    # 2025: the first household's file is due, the second's (renewal until 2022) is not;
    # the pass carries periods of both, so the first waits for the second
    report = run_retention(database, today=date(2025, 1, 1), dry_run=True)
    assert first in report.held_back and first not in report.households
    assert second not in report.households
    later = run_retention(database, today=date(2026, 1, 1))
    assert {first, second} <= set(later.households)
    with database.reader() as session:
        assert session.get(Person, moving) is None
    assert verify_trail(database).intact


def test_an_open_objection_keeps_the_case_file(database: Database) -> None:
    from kpass.models import Objection
    from kpass.services.objections import lodge_objection, withdraw_objection

    [person] = add_household(database, [("Streit", "Olga", date(1960, 6, 6), "applicant")],
                             since=date(2019, 1, 1))
    add_income(database, person, "pension", "2900.00", since=date(2019, 1, 1))
    _backdate_households(database, date(2019, 1, 1))
    application = apply(database, household_of(database, person), date(2020, 3, 2),
                        today=LATER)
    decision = decide(database, application.application_id)  # refused: income too high
    objection = lodge_objection(database, decision.decision_id, date(2020, 3, 20),
                                lodged_by_person_id=person, reason="Einkommen falsch berechnet",
                                today=date(2020, 3, 20))
    # years later the objection is still undecided: nothing of the household may go
    assert household_of(database, person) not in run_retention(
        database, today=LATER, dry_run=True).households
    with pytest.raises(ErasureRefused) as refused:
        erase_person(database, person, today=LATER)
    assert "Widerspruch" in refused.value.message_de

    # withdrawn in 2020: the file goes three years after that year, objection included
    withdraw_objection(database, objection.id, on=date(2020, 5, 4),
                       today=date(2020, 5, 4))
    report = run_retention(database, today=LATER)
    assert household_of_gone(database, person) and report.households
    with database.reader() as session:
        assert session.scalar(select(func.count()).select_from(Objection)) == 0
    assert verify_trail(database).intact


def household_of_gone(database: Database, person: int) -> bool:
    with database.reader() as session:
        return session.get(Person, person) is None


def test_a_wiedervorlage_note_leaves_nothing_behind_in_the_trail(database: Database) -> None:
    """The note is free text about the case: it lives in the objection's row, which goes
    with the case file, and never in the trail, which is kept for ever."""
    from kpass.models import Objection
    from kpass.services.objections import lodge_objection, set_follow_up, withdraw_objection

    note = "Kontoauszüge von Frau Streit anfordern"
    [person] = add_household(database, [("Streit", "Olga", date(1960, 6, 6), "applicant")],
                             since=date(2019, 1, 1))
    add_income(database, person, "pension", "2900.00", since=date(2019, 1, 1))
    _backdate_households(database, date(2019, 1, 1))
    application = apply(database, household_of(database, person), date(2020, 3, 2),
                        today=LATER)
    decision = decide(database, application.application_id)
    objection = lodge_objection(database, decision.decision_id, date(2020, 3, 20),
                                lodged_by_person_id=person, today=date(2020, 3, 20))
    set_follow_up(database, objection.id, date(2020, 4, 15), note=note)
    with database.reader() as session:
        assert session.get(Objection, objection.id).follow_up_note == note  # type: ignore[union-attr]
    with pytest.raises(ErasureRefused):  # still open
        erase_person(database, person, today=LATER)
    withdraw_objection(database, objection.id, on=date(2020, 5, 4), today=date(2020, 5, 4))
    erase_person(database, person, today=LATER)
    with database.reader() as session:
        assert session.get(Objection, objection.id) is None
        details = [dict(d) for d in session.scalars(select(AuditEvent.details))]
    assert not any("Kontoauszüge" in str(d) for d in details)
    assert verify_trail(database).intact
