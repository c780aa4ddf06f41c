"""One person, one registration — on SQLite and PostgreSQL.

The issue: a caseworker typed a registered person again (another household), pressed Enter
before the warning showed, decided and issued: a second valid pass for one person, and
``kpass db check`` passed. Saving, issuing and the check now refuse it; a person who really
is somebody else is saved with a reason, recorded for the pair and respected later.
"""

from __future__ import annotations

import threading
import time
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from kpass.errors import ConcurrentChange
from kpass.models import (
    AuditEvent,
    Household,
    HouseholdMember,
    Pass,
    Person,
    PersonDistinction,
)
from kpass.models.engine import Database
from kpass.services.admin.check import check_database
from kpass.services.applications.deciding import apply
from kpass.services.household import (
    AddressInput,
    IncomeInput,
    InvalidField,
    LikelyDuplicate,
    MemberInput,
    PersonInput,
    PersonMoved,
    add_member,
    change_role,
    create_household,
    end_membership,
    household_details,
    move_person_to_household,
    record_distinction,
    update_person,
)
from kpass.services.household.identity import (
    DuplicatePassHolder,
    duplicate_pass_holders,
    lock_person_identity,
)
from kpass.services.passes import actions as passes
from kpass.services.passes.actions import IssuedPass, decide_and_issue, renew_pass
from kpass.services.uow import UnitOfWork
from tests.register_builder import add_household, add_income, household_of

TODAY = date(2026, 3, 15)
SINCE = date(2020, 1, 1)
FUTURE = date(2030, 1, 1)
RHEIN = AddressInput("Rheinstraße", "24", "76185", "Karlsruhe", "10")
OST = AddressInput("Durlacher Allee", "3", "76131", "Karlsruhe", "04")
MAX = PersonInput("Müller", "Max", date(1980, 3, 12), "m")
PENSION = IncomeInput(0, "pension", Decimal("1000.00"), "month", date(2025, 1, 1))


def household(
    database: Database, address: AddressInput, *members: MemberInput, income: bool = True
) -> tuple[int, tuple[int, ...]]:
    created = create_household(database, address, list(members),
                               [PENSION] if income else [], since=SINCE, today=TODAY)
    return created.household_id, created.person_ids


def issue(database: Database, household_id: int, day: date = TODAY) -> list[IssuedPass]:
    application = apply(database, household_id, day, today=FUTURE)
    return decide_and_issue(database, application.application_id)[1]


def applicant(person: PersonInput) -> MemberInput:
    return MemberInput.new(person, "applicant")


def count(database: Database, model: Any) -> int:
    with UnitOfWork(database, write=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def distinctions(database: Database) -> list[tuple[int, int, str, str]]:
    with UnitOfWork(database, write=False) as uow:
        rows = uow.session.execute(
            select(PersonDistinction.person_id, PersonDistinction.other_person_id,
                   PersonDistinction.reason, AuditEvent.action)
            .join(AuditEvent, AuditEvent.action == "record_distinction")
            .order_by(PersonDistinction.person_id, PersonDistinction.other_person_id)
        ).tuples().all()
    return list(rows)


def without_the_issue_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue as kpass did before the check existed (registers hold such passes)."""
    monkeypatch.setattr(passes, "refuse_duplicate_pass_holder", lambda *_args: None)


# ---------------------------------------------------------------------------------------------
# The issue's scenario


def test_the_same_person_typed_again_is_refused_then_saved_with_a_reason(
    database: Database,
) -> None:
    home_a, [max_a] = household(database, RHEIN, applicant(MAX))
    [first] = issue(database, home_a)
    assert first.action == "new_pass"
    persons, households = count(database, Person), count(database, Household)

    typed_again = PersonInput("MUELLER", " max ", date(1980, 3, 12))
    with pytest.raises(LikelyDuplicate) as refused:
        household(database, OST, applicant(typed_again))
    error = refused.value
    assert error.field == "members[0].family_name" and error.member_index == 0
    assert error.place.path == "members[0]" and error.same_as_members == ()
    [candidate] = error.candidates
    assert (candidate.person_id, candidate.household_id, candidate.reason) == (
        max_a, home_a, "exact")
    assert (candidate.street, candidate.house_number) == ("Rheinstraße", "24")
    assert (f"Person 1: Max Müller, geb. 12.03.1980, ist bereits registriert "
            f"(Haushalt {home_a}, Rheinstraße 24)") in error.message_de
    assert "begründen, warum es eine andere Person ist" in error.message_de
    assert "Max Müller, born 12.03.1980, is already registered" in error.message_en
    assert (count(database, Person), count(database, Household)) == (persons, households)

    with pytest.raises(InvalidField) as blank:
        household(database, OST, applicant(PersonInput(
            "Müller", "Max", date(1980, 3, 12), distinct_from_reason="  ")))
    assert blank.value.field == "members[0].distinct_from_reason"
    assert "darf nicht leer sein" in blank.value.message_de
    assert not isinstance(blank.value, LikelyDuplicate)

    reason = "Andere Person: Ausweis geprüft, anderer Geburtsort (Köln)"
    home_b, [max_b] = household(database, OST, applicant(PersonInput(
        "Müller", "Max", date(1980, 3, 12), "m", distinct_from_reason=reason)))
    assert distinctions(database) == [(max_a, max_b, reason, "record_distinction")]
    # Recorded as different people: issuing for the second one is allowed, and the check
    # finds nothing wrong.
    [second] = issue(database, home_b)
    assert second.action == "new_pass" and second.number != first.number
    assert check_database(database, today=date(2026, 6, 1)).ok


def test_a_duplicate_from_before_gets_no_second_pass(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Registered twice before the check existed (written directly): issuing refuses."""
    [max_a] = add_household(database, [("Müller", "Max", date(1980, 3, 12), "applicant")],
                            street="Rheinstraße", number="24", stadtteil="10")
    [max_b] = add_household(database, [("Mueller", "Max", date(1980, 3, 12), "applicant")],
                            street="Durlacher Allee", number="3", stadtteil="04")
    for person in (max_a, max_b):
        add_income(database, person, "pension", "1000.00")
    home_a, home_b = household_of(database, max_a), household_of(database, max_b)
    [first] = issue(database, home_a)
    assert first.number is not None
    passes_before = count(database, Pass)

    with pytest.raises(DuplicatePassHolder) as refused:
        issue(database, home_b, date(2026, 5, 4))
    error = refused.value
    assert (error.person_id, error.other_person_id, error.other_pass_number) == (
        max_b, max_a, first.number)
    assert (error.other_valid_from, error.other_valid_until) == (TODAY, date(2027, 3, 31))
    assert error.candidate.reason == "exact"
    assert f"Kein Pass für Max Mueller (Nr. {max_b}, geb. 12.03.1980)" in error.message_de
    assert f"Max Müller (Nr. {max_a}, geb. 12.03.1980, Haushalt {home_a}, Rheinstraße 24)" in (
        error.message_de)
    assert f"den Pass {first.number}, gültig 15.03.2026–31.03.2027" in error.message_de
    assert f"pass {first.number}, valid 15.03.2026–31.03.2027" in error.message_en
    assert count(database, Pass) == passes_before  # decision and all rolled back
    assert check_database(database, today=date(2026, 6, 1)).ok

    # Before the check existed the second pass went through; now kpass db check names it.
    without_the_issue_check(monkeypatch)
    issue(database, home_b, date(2026, 5, 4))
    monkeypatch.undo()
    report = check_database(database, today=date(2026, 6, 1))
    [problem] = report.problems
    assert "same name and birth date" in problem
    assert f"1 × — person ids {max_a}/{max_b}" in problem
    # Also a year after both passes ended the check still looks back two years.
    assert not check_database(database, today=date(2029, 3, 1)).ok
    assert check_database(database, today=date(2029, 4, 1)).ok
    # The renewal of the first one is refused too (the second holds a pass then).
    with pytest.raises(DuplicatePassHolder):
        renew_pass(database, first.number, date(2027, 3, 10), today=FUTURE)

    # They are two people after all: recorded once, respected by the check and by issuing.
    assert record_distinction(database, max_b, max_a, " zwei  Personen: Zwillinge? nein, "
                              "Ausweise verglichen ")
    assert not record_distinction(database, max_a, max_b, "noch einmal")
    assert [(a, b, r) for a, b, r, _ in distinctions(database)] == [
        (max_a, max_b, "zwei Personen: Zwillinge? nein, Ausweise verglichen")]
    assert check_database(database, today=date(2026, 6, 1)).ok
    renewed = renew_pass(database, first.number, date(2027, 3, 10), today=FUTURE)
    assert renewed.holder_pass is not None and renewed.holder_pass.action == "extend"


def test_a_distinction_needs_a_reason_and_two_registered_persons(database: Database) -> None:
    _, [max_a] = household(database, RHEIN, applicant(MAX), income=False)
    for args, german in [
        ((max_a, max_a, "Grund"), "nennt zweimal dieselbe Person"),
        ((max_a, 999, "Grund"), "Nr. 999 gibt es nicht"),
        ((max_a, 999, " \t"), "Begründung „andere Person“ darf nicht leer sein"),
        ((max_a, 999, "x" * 301), "ist zu lang (301 Zeichen, höchstens 300)"),
    ]:
        with pytest.raises(InvalidField) as error:
            record_distinction(database, *args)
        assert german in error.value.message_de
    assert count(database, PersonDistinction) == 0


# ---------------------------------------------------------------------------------------------
# Near matches, corrections, members of one new household


def test_near_matches_are_refused_too(database: Database) -> None:
    home, [hans, _] = household(database, RHEIN, applicant(PersonInput(
        "Meier", "Hans", date(1975, 2, 10))), MemberInput.new(PersonInput(
            "Meier", "Eva", date(1990, 7, 4)), "other"))
    version = household_details(database, home, TODAY).version
    with pytest.raises(LikelyDuplicate) as refused:
        add_member(database, home, version, MemberInput.new(
            PersonInput("Meyer", "Hans", date(1975, 2, 10)), "other"), TODAY, today=TODAY)
    [candidate] = refused.value.candidates
    assert (candidate.person_id, candidate.reason) == (hans, "similar")
    assert refused.value.field == "member.family_name" and refused.value.member_index is None
    assert ("Person hinzufügen: Hans Meier, geb. 10.02.1975, ist möglicherweise dieselbe "
            "Person und bereits registriert") in refused.value.message_de
    assert "Familienname ähnlich geschrieben" in refused.value.message_de
    # Day and month swapped, in a new household.
    with pytest.raises(LikelyDuplicate) as swapped:
        household(database, OST, applicant(PersonInput("Meier", "Eva", date(1990, 4, 7))))
    assert "Tag und Monat im Geburtsdatum vertauscht" in swapped.value.message_de
    assert swapped.value.candidates[0].reason == "similar"
    assert household_details(database, home, TODAY).version == version  # nothing written
    # Different people after all.
    saved = add_member(database, home, version, MemberInput.new(PersonInput(
        "Meyer", "Hans", date(1975, 2, 10), distinct_from_reason="Onkel, gleicher Geburtstag"),
        "other"), TODAY, today=TODAY)
    assert [(a, b) for a, b, _, _ in distinctions(database)] == [(hans, saved.record_id)]


def test_a_correction_into_a_duplicate_is_refused(database: Database) -> None:
    _, [max_a] = household(database, RHEIN, applicant(MAX), income=False)
    home, [erika] = household(database, OST, applicant(PersonInput(
        "Schulz", "Erika", date(1980, 3, 12), "f")), income=False)
    # Unrelated corrections of a person are not checked (nor is one who stays apart).
    saved = update_person(database, erika, 1, PersonInput(
        "Schulz", "Erika", date(1980, 3, 12), "f", salutation="frau"), today=TODAY)
    renamed = PersonInput("Müller", "Max", date(1980, 3, 12), "m")
    with pytest.raises(LikelyDuplicate) as refused:
        update_person(database, erika, saved.version, renamed, today=TODAY)
    assert refused.value.field == "person.family_name"
    assert refused.value.candidates[0].person_id == max_a
    assert refused.value.message_de.startswith("Person: Max Müller, geb. 12.03.1980, ist")
    [member] = household_details(database, home, TODAY).members
    assert (member.family_name, member.person_version) == ("Schulz", saved.version)
    # A birth date corrected into a near match is refused as well.
    with pytest.raises(LikelyDuplicate):
        update_person(database, erika, saved.version,
                      PersonInput("Müller", "Max", date(1980, 3, 13)), today=TODAY)
    stated = PersonInput("Müller", "Max", date(1980, 3, 12), "m", distinct_from_reason="ja")
    update_person(database, erika, saved.version, stated, today=TODAY)
    assert [(a, b) for a, b, _, _ in distinctions(database)] == [(max_a, erika)]
    # Once recorded, later corrections of the pair need no reason again.
    update_person(database, erika, saved.version + 1,
                  PersonInput("Mueller", "Max", date(1980, 3, 12), "m"), today=TODAY)


def test_two_alike_new_members_of_one_household(database: Database) -> None:
    lena = PersonInput("Weiß", "Anna Lena", date(2015, 6, 1))
    sophie = PersonInput("Weiß", "Anna Sophie", date(2015, 6, 1))
    mother = applicant(PersonInput("Weiß", "Jana", date(1985, 1, 20)))
    with pytest.raises(LikelyDuplicate) as refused:
        household(database, RHEIN, mother, MemberInput.new(lena, "child"),
                  MemberInput.new(sophie, "child"))
    error = refused.value
    assert (error.member_index, error.same_as_members, error.candidates) == (2, (1,), ())
    assert "Person 3: ist möglicherweise dieselbe wie Person 2" in error.message_de
    twins = PersonInput("Weiß", "Anna Sophie", date(2015, 6, 1),
                        distinct_from_reason="Zwillinge")
    _, [_, lena_id, sophie_id] = household(database, RHEIN, mother,
                                           MemberInput.new(lena, "child"),
                                           MemberInput.new(twins, "child"))
    assert [(a, b, r) for a, b, r, _ in distinctions(database)] == [
        (lena_id, sophie_id, "Zwillinge")]


def test_a_second_seat_saving_the_same_person_waits_and_is_refused(database: Database) -> None:
    """The other seat's save is still open: this one reads after it committed."""
    outcome: list[BaseException | int] = []

    def second_seat() -> None:
        try:
            outcome.append(household(database, OST, applicant(MAX), income=False)[0])
        except BaseException as exc:  # handed to the test's thread
            outcome.append(exc)

    with UnitOfWork(database) as uow:
        lock_person_identity(uow)  # what the first seat's save takes before it checks
        first = Household()
        uow.session.add(first)
        uow.session.flush()
        person = Person(family_name="Müller", given_names="Max", birth_date=MAX.birth_date)
        uow.session.add(person)
        uow.session.flush()
        uow.session.add(HouseholdMember(household_id=first.id, person_id=person.id,
                                        role="applicant", valid_from=SINCE))
        seat = threading.Thread(target=second_seat)
        seat.start()
        time.sleep(0.8)
        assert seat.is_alive()  # waiting for the first seat
        uow.commit()
    seat.join(30)
    [result] = outcome
    assert isinstance(result, LikelyDuplicate), result
    assert result.candidates[0].person_id == person.id


# ---------------------------------------------------------------------------------------------
# Taking a registered person into another household


def test_moving_a_person_keeps_the_old_membership(database: Database) -> None:
    home_a, [max_a, eva] = household(database, RHEIN, applicant(MAX), MemberInput.new(
        PersonInput("Schulz", "Eva", date(1982, 8, 8), "f"), "partner"))
    home_b, [jana] = household(database, OST, applicant(PersonInput(
        "Weiß", "Jana", date(1985, 1, 20))))
    version_a = household_details(database, home_a, TODAY).version
    version_b = household_details(database, home_b, TODAY).version
    with pytest.raises(ConcurrentChange):
        move_person_to_household(database, eva, home_b, version_b - 1, "partner",
                                 date(2026, 3, 1), today=TODAY)
    moved = move_person_to_household(database, eva, home_b, version_b, "partner",
                                     date(2026, 3, 1), today=TODAY)
    assert moved == PersonMoved(eva, home_b, version_b + 1, home_a, date(2026, 2, 28))
    old = household_details(database, home_a, TODAY)
    assert old.version == version_a + 1
    assert [(m.person_id, m.role, m.valid_until, m.present) for m in old.members] == [
        (max_a, "applicant", None, True), (eva, "partner", date(2026, 2, 28), False)]
    new = household_details(database, home_b, TODAY)
    assert [(m.person_id, m.role, m.valid_from) for m in new.members] == [
        (jana, "applicant", SINCE), (eva, "partner", date(2026, 3, 1))]
    with UnitOfWork(database, write=False) as uow:
        events = uow.session.execute(
            select(AuditEvent.action, AuditEvent.entity_id, AuditEvent.details)
            .where(AuditEvent.action.like("move_person%")).order_by(AuditEvent.id)
        ).tuples().all()
    assert [(a, e) for a, e, _ in events] == [("move_person_out", home_a),
                                             ("move_person_in", home_b)]
    assert events[0][2]["until"] == "2026-02-28" and events[1][2]["from_household"] == home_a
    assert check_database(database, today=TODAY).ok

    # The applicant of a household where others stay cannot just leave.
    with pytest.raises(InvalidField) as refused:
        move_person_to_household(database, jana, home_a, version_a + 1, "partner",
                                 date(2026, 3, 10), today=TODAY)
    assert (f"Jana Weiß ist Antragsteller/in im Haushalt {home_b}, wo am 10.03.2026 noch "
            "1 weitere Person(en) leben") in refused.value.message_de
    # Nor move before they arrived, nor into the household they live in.
    with pytest.raises(InvalidField, match="2026"):
        move_person_to_household(database, eva, home_a, version_a + 1, "other",
                                 date(2026, 3, 1), today=TODAY)
    with pytest.raises(InvalidField) as here:
        move_person_to_household(database, eva, home_b, version_b + 1, "other",
                                 date(2026, 3, 5), today=TODAY)
    assert "gehört bereits zum Haushalt" in here.value.message_de
    # Somebody living alone moves in (as a second partner: refused; as other: fine).
    home_c, [otto] = household(database, RHEIN, applicant(PersonInput(
        "Lang", "Otto", date(1950, 9, 9))))
    with pytest.raises(InvalidField) as partner:
        move_person_to_household(database, otto, home_b, version_b + 1, "partner",
                                 date(2026, 3, 5), today=TODAY)
    assert "„Partner/in“ ist am 05.03.2026 schon vergeben (Eva Schulz)" in (
        partner.value.message_de)
    moved = move_person_to_household(database, otto, home_b, version_b + 1, "other",
                                     date(2026, 3, 5), today=TODAY)
    assert moved.previous_household_id == home_c
    assert household_details(database, home_c, TODAY).present_members == ()


# ---------------------------------------------------------------------------------------------
# One partner at a time


def test_a_second_partner_is_refused(database: Database) -> None:
    eva = MemberInput.new(PersonInput("Schulz", "Eva", date(1982, 8, 8), "f"), "partner")
    ute_person = PersonInput("Berg", "Ute", date(1979, 4, 1), "f")
    ute = MemberInput.new(ute_person, "partner")
    with pytest.raises(InvalidField) as refused:
        household(database, RHEIN, applicant(MAX), eva, ute)
    assert refused.value.field == "members[2].role"
    assert refused.value.message_de == (
        "Person 3: Rolle „Partner/in“ ist schon an Person 2 vergeben; ein Haushalt hat "
        "höchstens eine Partnerin oder einen Partner.")
    assert "at most one partner" in refused.value.message_en
    home, [_, eva_id] = household(database, RHEIN, applicant(MAX), eva)
    ute_other = MemberInput.new(ute_person, "other")
    with pytest.raises(InvalidField) as added:
        add_member(database, home, 1, ute, date(2026, 3, 1), today=TODAY)
    assert added.value.field == "member.role"
    assert "„Partner/in“ ist am 01.03.2026 schon vergeben (Eva Schulz)" in added.value.message_de
    saved = add_member(database, home, 1, ute_other, date(2026, 3, 1), today=TODAY)
    ute_id = saved.record_id
    assert ute_id is not None
    with pytest.raises(InvalidField, match="partner"):
        change_role(database, home, saved.version, ute_id, "partner", date(2026, 3, 5))
    # Eva moves out: from the next day on Ute may be the partner.
    ended = end_membership(database, home, saved.version, eva_id, date(2026, 3, 9),
                           "moved_out", today=TODAY)
    with pytest.raises(InvalidField):
        change_role(database, home, ended.version, ute_id, "partner", date(2026, 3, 9))
    change_role(database, home, ended.version, ute_id, "partner", date(2026, 3, 10))


# ---------------------------------------------------------------------------------------------
# kpass db check


def test_db_check_reports_duplicates_with_overlapping_passes(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [
        ("Müller", "Max", date(1980, 3, 12)),    # 0
        ("Mueller", "Max", date(1980, 3, 12)),   # 1: exact duplicate of 0
        ("Meier", "Hans", date(1975, 2, 10)),    # 2
        ("Meyer", "Hans", date(1975, 2, 10)),    # 3: similar to 2
        ("Berg", "Ute", date(1979, 4, 1)),       # 4
        ("Berg", "Ute", date(1979, 4, 1)),       # 5: exact, but her pass ended long before
        ("Kaya", "Elif", date(1970, 1, 1)),      # 6
        ("Kaya", "Elif", date(1970, 1, 1)),      # 7: exact, recorded as another person
    ]
    ids = []
    for n, (family, given, birth) in enumerate(rows):
        [person] = add_household(database, [(family, given, birth, "applicant")],
                                 number=str(n + 1))
        add_income(database, person, "pension", "1000.00")
        ids.append(person)
    without_the_issue_check(monkeypatch)
    for n, person in enumerate(ids):
        issue(database, household_of(database, person),
              date(2022, 3, 1) if n == 5 else TODAY)
    monkeypatch.undo()
    record_distinction(database, ids[6], ids[7], "Mutter und Tochter, gleicher Name")

    with database.connect() as connection:
        pairs = duplicate_pass_holders(connection, date(2026, 6, 1))
    assert [(p.person_id, p.other_person_id, p.reason) for p in pairs] == [
        (ids[0], ids[1], "exact"), (ids[2], ids[3], "similar")]
    report = check_database(database, today=date(2026, 6, 1))
    assert report.problems == [
        "likely one person registered twice (same name and birth date) with passes valid in "
        f"overlapping periods (holders of the last 2 years): 1 × — person ids "
        f"{ids[0]}/{ids[1]}; different people are recorded as such (person_distinction)"]
    [note] = [n for n in report.notes if "similar" in n]
    assert f"1 × — person ids {ids[2]}/{ids[3]}" in note


def test_migration_0010_goes_down_and_up(database: Database) -> None:
    from sqlalchemy import inspect

    from kpass.models.migrate import migrate_to

    household(database, RHEIN, applicant(MAX), income=False)
    household(database, OST, applicant(PersonInput(
        "Müller", "Max", MAX.birth_date, distinct_from_reason="Zwei Personen")), income=False)
    assert count(database, PersonDistinction) == 1
    migrate_to(database, "downgrade", "0009")
    assert "person_distinction" not in inspect(database.engine).get_table_names()
    migrate_to(database, "upgrade", "head")
    assert "person_distinction" in inspect(database.engine).get_table_names()
    assert count(database, PersonDistinction) == 0  # the statements went with the table
