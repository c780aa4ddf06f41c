"""Apply, decide, issue, renew, replace, revoke — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from kpass.errors import InvalidInput
from kpass.models import Application, Decision, Pass, PassValidity, StatRecord
from kpass.models.engine import Database
from kpass.rules import decision_to_json, default_parameters, evaluate, rule_input_from_json
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes, renew_pass, replace_pass, revoke_pass
from kpass.services.passes.queries import count_pass_holders, list_passes
from kpass.services.uow import UnitOfWork
from tests.register_builder import add_household, add_income, add_notice, household_of

FUTURE = date(2030, 1, 1)  # "today" for the services: all test dates lie before it


def pensioner(database: Database, pension: str = "1000.00") -> tuple[int, int]:
    [person] = add_household(database, [("Weiß", "Jürgen", date(1950, 5, 5), "applicant")])
    add_income(database, person, "pension", pension)
    return person, household_of(database, person)


def decide_and_issue(database: Database, household: int, day: date):  # type: ignore[no-untyped-def]
    application = apply(database, household, day, today=FUTURE)
    decided = decide(database, application.application_id)
    return decided, issue_passes(database, decided.decision_id)


def test_new_pass_for_an_eligible_pensioner(database: Database) -> None:
    person, household = pensioner(database)
    decided, issued = decide_and_issue(database, household, date(2026, 3, 15))
    member = decided.decision.members[0]
    assert member.eligible and member.basis == "income" and "60plus" in member.extras
    [card] = issued
    assert card.action == "new_pass" and card.pass_type == "karlsruher_pass"
    assert (card.valid_from, card.valid_until) == (date(2026, 3, 15), date(2027, 3, 31))
    assert card.number is not None and card.number.startswith("KA-1000")
    assert count_pass_holders(database, date(2026, 6, 1)) == 1
    assert count_pass_holders(database, date(2026, 3, 14)) == 0
    assert count_pass_holders(database, date(2027, 4, 1)) == 0
    [row] = list_passes(database, active_on=date(2026, 6, 1))
    assert (row.number, row.person_id, row.status) == (card.number, person, "active")
    assert row.name == "Jürgen Weiß"


def test_decision_snapshot_recomputes_to_the_stored_output(database: Database) -> None:
    _, household = pensioner(database)
    decided, _ = decide_and_issue(database, household, date(2026, 3, 15))
    with UnitOfWork(database, write=False) as uow:
        stored = uow.session.get(Decision, decided.decision_id)
        assert stored is not None
        again = evaluate(rule_input_from_json(stored.input_snapshot), default_parameters())
        assert decision_to_json(again) == stored.output
        assert stored.rule_set == "ka-2021-01-01"


def test_one_pass_at_a_time(database: Database) -> None:
    _, household = pensioner(database)
    decide_and_issue(database, household, date(2026, 3, 15))
    _, issued = decide_and_issue(database, household, date(2026, 5, 2))
    assert [(i.action, i.held_until) for i in issued] == [("none", date(2027, 3, 31))]
    with UnitOfWork(database, write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Pass)) == 1
        assert uow.session.scalar(select(func.count()).select_from(Decision)) == 2


def test_renewal_keeps_the_number_and_continues_without_gap(database: Database) -> None:
    _, household = pensioner(database)
    _, [first] = decide_and_issue(database, household, date(2026, 3, 15))
    assert first.number is not None
    with pytest.raises(InvalidInput, match=r"01\.03\.2027"):
        renew_pass(database, first.number, date(2027, 2, 27), today=FUTURE)
    renewed = renew_pass(database, first.number, date(2027, 3, 10), today=FUTURE)
    holder = renewed.holder_pass
    assert holder is not None and holder.action == "extend" and holder.number == first.number
    assert (holder.valid_from, holder.valid_until) == (date(2027, 4, 1), date(2028, 3, 31))
    assert count_pass_holders(database, date(2027, 3, 31)) == 1
    assert count_pass_holders(database, date(2027, 4, 1)) == 1
    with UnitOfWork(database, write=False) as uow:
        events = uow.session.scalars(
            select(StatRecord.event)
            .where(StatRecord.record_kind == "pass_validity")
            .order_by(StatRecord.valid_from)
        ).all()
        kinds = uow.session.scalars(select(Application.kind).order_by(Application.id)).all()
    assert events == ["new", "renewed"]
    assert kinds == ["new", "renewal"]


def test_renewal_after_the_expiry_month_starts_on_the_application_date(
    database: Database,
) -> None:
    _, household = pensioner(database)
    _, [first] = decide_and_issue(database, household, date(2026, 3, 15))
    assert first.number is not None
    late = renew_pass(database, first.number, date(2027, 5, 10), today=FUTURE)
    assert late.holder_pass is not None
    assert late.holder_pass.number == first.number
    assert (late.holder_pass.valid_from, late.holder_pass.valid_until) == (
        date(2027, 5, 10),
        date(2028, 5, 31),
    )
    assert count_pass_holders(database, date(2027, 4, 20)) == 0


def test_replacement_gets_a_new_number_and_the_same_expiry(database: Database) -> None:
    _person, household = pensioner(database)
    _, [first] = decide_and_issue(database, household, date(2026, 3, 15))
    assert first.number is not None
    new = replace_pass(database, first.number, date(2026, 8, 1), "verloren", today=FUTURE)
    assert new.number != first.number and new.valid_until == date(2027, 3, 31)
    rows = {r.number: r for r in list_passes(database, every_status=True)}
    assert rows[first.number].status == "replaced"
    assert rows[first.number].revoked_on == date(2026, 8, 1)
    assert [r.number for r in list_passes(database, active_on=date(2026, 8, 1))] == [new.number]
    assert [r.number for r in list_passes(database, active_on=date(2026, 7, 31))] == [first.number]
    assert count_pass_holders(database, date(2026, 8, 1)) == 1
    with pytest.raises(InvalidInput, match=r"nicht gültig|not valid"):
        replace_pass(database, first.number, date(2026, 9, 1), "x", today=FUTURE)


def test_a_replacement_dated_in_the_future_is_named_as_such(database: Database) -> None:
    _person, household = pensioner(database)
    _, [first] = decide_and_issue(database, household, date(2026, 3, 15))
    assert first.number is not None
    with pytest.raises(InvalidInput) as refused:
        replace_pass(database, first.number, date(2026, 8, 2), "verloren",
                     today=date(2026, 8, 1))
    assert refused.value.message_de == "Das Datum des Ersatzes 02.08.2026 liegt in der Zukunft."
    assert "application" not in refused.value.message_en


def test_revocation_ends_validity_from_its_day(database: Database) -> None:
    _, household = pensioner(database)
    _, [first] = decide_and_issue(database, household, date(2026, 3, 15))
    assert first.number is not None
    revoke_pass(database, first.number, date(2026, 10, 1), "Wegzug nach Pforzheim")
    assert count_pass_holders(database, date(2026, 9, 30)) == 1
    assert count_pass_holders(database, date(2026, 10, 1)) == 0
    with pytest.raises(InvalidInput, match=r"gesperrt|revoked"):
        renew_pass(database, first.number, date(2027, 3, 5), today=FUTURE)
    with pytest.raises(InvalidInput, match=r"Grund|reason"):
        revoke_pass(database, first.number, date(2026, 10, 1), "  ")


def test_rejection_issues_nothing_and_is_counted(database: Database) -> None:
    _, household = pensioner(database, pension="1300.00")  # exactly at the limit: not below
    decided, issued = decide_and_issue(database, household, date(2026, 3, 15))
    assert not decided.decision.members[0].eligible
    assert issued == []
    with UnitOfWork(database, write=False) as uow:
        rows = uow.session.execute(
            select(StatRecord.record_kind, StatRecord.event, StatRecord.basis).order_by(
                StatRecord.id
            )
        ).all()
    assert [tuple(r) for r in rows] == [
        ("application", "decided", "abgelehnt"),
        ("decision_person", "rejected", "abgelehnt"),
    ]


def test_family_on_a_benefit_gets_two_pass_types(database: Database) -> None:
    mother, child = add_household(
        database,
        [
            ("Öztürk", "Ayşe", date(1988, 1, 10), "applicant"),
            ("Öztürk", "Deniz", date(2015, 6, 1), "child"),
        ],
    )
    household = household_of(database, mother)
    add_notice(database, household, "sgb2", date(2026, 1, 1), date(2026, 6, 30))
    decided, issued = decide_and_issue(database, household, date(2026, 3, 15))
    assert {m.basis for m in decided.decision.members} == {"sgb2"}
    assert sorted(i.pass_type for i in issued) == ["karlsruher_pass", "kinderpass"]
    assert {i.person_id for i in issued} == {mother, child}


def test_a_child_turning_18_keeps_the_number_with_a_karlsruher_pass(
    database: Database,
) -> None:
    mother, child = add_household(
        database,
        [
            ("Kaya", "Elif", date(1980, 1, 10), "applicant"),
            ("Kaya", "Can", date(2008, 9, 1), "child"),
        ],
    )
    household = household_of(database, mother)
    add_notice(database, household, "sgb2", date(2025, 1, 1), date(2027, 12, 31))
    _, issued = decide_and_issue(database, household, date(2025, 9, 10))
    kinderpass = next(i for i in issued if i.person_id == child)
    assert kinderpass.pass_type == "kinderpass" and kinderpass.number is not None
    renewed = renew_pass(database, kinderpass.number, date(2026, 9, 5), today=FUTURE)
    adult = next(i for i in renewed.issued if i.person_id == child)
    assert adult.pass_type == "karlsruher_pass" and adult.number == kinderpass.number
    assert adult.action == "extend" and adult.type_changed
    assert adult.previous_type == "kinderpass"
    assert adult.valid_from == date(2026, 10, 1)  # continues without gap


def test_issuing_twice_for_one_decision_is_refused(database: Database) -> None:
    _, household = pensioner(database)
    decided, _ = decide_and_issue(database, household, date(2026, 3, 15))
    with pytest.raises(InvalidInput, match="already"):
        issue_passes(database, decided.decision_id)


def test_a_failed_renewal_leaves_nothing_behind(database: Database) -> None:
    _, household = pensioner(database)
    _, [first] = decide_and_issue(database, household, date(2026, 3, 15))
    assert first.number is not None
    # An application dated in the future is refused before anything is written.
    with pytest.raises(InvalidInput, match=r"Zukunft|future"):
        renew_pass(database, first.number, date(2027, 3, 10), today=date(2027, 3, 1))
    with UnitOfWork(database, write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Application)) == 1
        assert uow.session.scalar(select(func.count()).select_from(PassValidity)) == 1


def test_typed_pass_numbers_are_checked(database: Database) -> None:
    _, household = pensioner(database)
    _, [first] = decide_and_issue(database, household, date(2026, 3, 15))
    assert first.number is not None
    digits = first.number.replace("-", "")[2:]
    swapped = digits[1] + digits[0] + digits[2:]
    typo = f"KA-{swapped[:6]}-{swapped[6:]}"
    with pytest.raises(InvalidInput) as error:
        revoke_pass(database, typo, date(2026, 4, 1), "Test")
    assert "Prüfziffer" in error.value.message_de or "check" in error.value.message_en
    assert (
        revoke_pass(database, first.number.lower().replace("-", " "), date(2026, 4, 1), "Test")
        == first.number
    )


def test_a_renewal_that_cannot_be_decided_writes_nothing(database: Database) -> None:
    _person, household = pensioner(database)
    _, [first] = decide_and_issue(database, household, date(2026, 3, 15))
    assert first.number is not None
    from kpass.models import HouseholdAddress

    with UnitOfWork(database) as uow:  # the household moved away without a new address
        address = uow.session.scalars(select(HouseholdAddress)).one()
        address.valid_until = date(2027, 2, 28)
        uow.commit()
    with pytest.raises(InvalidInput, match=r"Anschrift|address"):
        renew_pass(database, first.number, date(2027, 3, 10), today=FUTURE)
    with UnitOfWork(database, write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Application)) == 1
        assert uow.session.scalar(select(func.count()).select_from(Decision)) == 1
        assert uow.session.scalar(select(func.count()).select_from(StatRecord)) == 3


def test_household_history_lists_applications_decisions_and_passes(database: Database) -> None:
    from kpass.services.household.history import household_history

    _, household = pensioner(database)
    _, [first] = decide_and_issue(database, household, date(2026, 3, 15))
    assert first.number is not None
    renew_pass(database, first.number, date(2027, 3, 10), today=FUTURE)
    history = household_history(database, household)
    assert [a.kind for a in history.applications] == ["renewal", "new"]
    assert all(len(a.decisions) == 1 for a in history.applications)
    assert history.applications[0].decisions[0].output["members"][0]["eligible"] is True
    assert [(p.number, p.valid_until) for p in history.passes] == [
        (first.number, date(2028, 3, 31))
    ]


def test_a_renewed_pass_can_be_replaced_during_its_old_period(database: Database) -> None:
    _, household = pensioner(database)
    _, [first] = decide_and_issue(database, household, date(2026, 3, 15))
    assert first.number is not None
    renew_pass(database, first.number, date(2027, 3, 5), today=FUTURE)
    new = replace_pass(database, first.number, date(2027, 3, 20), "verloren", today=FUTURE)
    assert new.valid_until == date(2028, 3, 31)


def test_revocation_day_must_lie_within_validity_and_may_be_future(database: Database) -> None:
    _, household = pensioner(database)
    _, [first] = decide_and_issue(database, household, date(2026, 3, 15))
    assert first.number is not None
    with pytest.raises(InvalidInput, match="valid only"):
        revoke_pass(database, first.number, date(2027, 6, 1), "Test", today=FUTURE)
    with pytest.raises(InvalidInput, match="valid only"):
        revoke_pass(database, first.number, date(2026, 3, 14), "Test", today=FUTURE)
    assert count_pass_holders(database, date(2026, 5, 1)) == 1
    # A known move-out on the 1st of next month (spec 5, second edition).
    revoke_pass(database, first.number, date(2026, 6, 1), "Wegzug", today=date(2026, 5, 1))
    assert count_pass_holders(database, date(2026, 5, 31)) == 1
    assert count_pass_holders(database, date(2026, 6, 1)) == 0
    with pytest.raises(InvalidInput, match=r"already revoked \(from 01\.06\.2026") as refused:
        revoke_pass(database, first.number, date(2026, 5, 20), "x", today=date(2026, 5, 1))
    assert "bereits gesperrt (ab 01.06.2026)" in refused.value.message_de


def test_the_renewed_kinderpass_leaves_the_renewal_queue(database: Database) -> None:
    mother, child = add_household(
        database,
        [
            ("Kaya", "Elif", date(1980, 1, 10), "applicant"),
            ("Kaya", "Can", date(2008, 9, 1), "child"),
        ],
    )
    household = household_of(database, mother)
    add_notice(database, household, "sgb2", date(2025, 1, 1), date(2027, 12, 31))
    _, issued = decide_and_issue(database, household, date(2025, 9, 10))
    kinderpass = next(i for i in issued if i.person_id == child)
    assert kinderpass.number is not None
    renew_pass(database, kinderpass.number, date(2026, 9, 5), today=FUTURE)
    queue = [r.number for r in list_passes(database, expiring_in=(2026, 9), limit=100)]
    assert kinderpass.number not in queue
    assert kinderpass.number in [
        r.number for r in list_passes(database, expiring_in=(2027, 9), limit=100)
    ]
    with pytest.raises(InvalidInput, match="renewed already"):
        renew_pass(database, kinderpass.number, date(2026, 9, 20), today=FUTURE)
    assert count_pass_holders(database, date(2026, 9, 30)) == 2  # still valid to its end
    assert count_pass_holders(database, date(2026, 10, 1)) == 2
