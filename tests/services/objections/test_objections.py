"""The objections register on SQLite and PostgreSQL: lodging with the deadline, the states,
the Abhilfe in one transaction, who may do what, and the audit trail."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from kpass.errors import InvalidInput, KpassError, PermissionDenied
from kpass.models import Decision, Objection, Pass, PrintRecord, PrintReference, StatRecord
from kpass.models.engine import Database
from kpass.services.audit import verify_trail
from kpass.services.objections import (
    household_objections,
    lodge_objection,
    objection_details,
    open_objections,
    reject_objection,
    remedy_objection,
    set_follow_up,
    start_review,
    withdraw_objection,
)
from kpass.services.uow import UnitOfWork
from tests.logins import log_in_admin, log_in_as
from tests.register_builder import add_household, add_income, household_of
from tests.services.objections.conftest import DAY, FUTURE, Refused, correct_income


@contextmanager
def refusal(kind: type[KpassError], text: str) -> Iterator[None]:
    """The error, whose message (English and German) says ``text``."""
    with pytest.raises(kind) as caught:
        yield
    assert text in caught.value.bilingual(), caught.value.bilingual()


def count(database: Database, model: type) -> int:
    with UnitOfWork(database, write=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def test_lodged_on_the_deadline_is_in_time_a_day_later_is_late(
    database: Database, refused: Refused
) -> None:
    lodged = lodge_objection(database, refused.decision, date(2026, 4, 20),
                             lodged_by_person_id=refused.person, reason="Rente ist niedriger",
                             today=FUTURE)
    # posted Monday 16.03.2026: the fourth day (§ 41 Abs. 2 LVwVfG BW since 07.02.2025)
    assert lodged.bekanntgabe_on == date(2026, 3, 20)
    assert lodged.deadline == date(2026, 4, 20)  # one month later, a Monday
    assert lodged.in_time and lodged.state == "received" and lodged.state_de == "eingegangen"
    assert lodged.lodged_by == "Jürgen Weiß-Özdemir"
    withdraw_objection(database, lodged.id, on=date(2026, 4, 22), today=FUTURE)
    late = lodge_objection(database, refused.decision, date(2026, 4, 21),
                           representative="Betreuerin Anna Muster", today=FUTURE)
    assert not late.in_time and late.lodged_by == "Betreuerin Anna Muster"
    assert [o.id for o in household_objections(database, refused.household)] == [
        late.id, lodged.id]


def test_the_letters_print_day_starts_the_period(database: Database, refused: Refused) -> None:
    with UnitOfWork(database) as uow:  # the Bescheid went out on Friday 20 March
        record = PrintRecord(printed_at=datetime(2026, 3, 20, 9, 0, tzinfo=UTC),
                             user_id=uow.user_id(), kind="letter",
                             subject={"decision": refused.decision}, pages=1,
                             file_name="b.pdf")
        uow.session.add(record)
        uow.session.flush()
        uow.session.add(PrintReference(print_id=record.id, decision_id=refused.decision))
        uow.commit()
    # lodged on the last day: Bekanntgabe Tuesday 24.03. (fourth day), Frist Friday 24.04.
    lodged = lodge_objection(database, refused.decision, date(2026, 4, 24),
                             lodged_by_person_id=refused.person, today=FUTURE)
    assert (lodged.bekanntgabe_on, lodged.deadline) == (date(2026, 3, 24), date(2026, 4, 24))
    assert lodged.in_time


def test_bad_lodging_is_refused(database: Database, refused: Refused) -> None:
    with refusal(InvalidInput, "Wer hat Widerspruch"):
        lodge_objection(database, refused.decision, date(2026, 4, 1), today=FUTURE)
    with refusal(InvalidInput, "Zukunft"):
        lodge_objection(database, refused.decision, date(2026, 4, 1), representative="X",
                        today=date(2026, 3, 31))
    with refusal(InvalidInput, "vor der Entscheidung"):
        lodge_objection(database, refused.decision, date(2026, 3, 1), representative="X",
                        today=FUTURE)
    [stranger] = add_household(database, [("Fremd", "Frieda", date(1960, 1, 1), "applicant")],
                               number="9")
    with refusal(InvalidInput, "gehört nicht zum Haushalt"):
        lodge_objection(database, refused.decision, date(2026, 4, 1),
                        lodged_by_person_id=stranger, today=FUTURE)
    with refusal(InvalidInput, "keine Entscheidung 999"):
        lodge_objection(database, 999, date(2026, 4, 1), representative="X", today=FUTURE)
    first = lodge_objection(database, refused.decision, date(2026, 4, 1), representative="X",
                            today=FUTURE)
    with refusal(InvalidInput, f"Widerspruch {first.id} noch offen"):
        lodge_objection(database, refused.decision, date(2026, 4, 2), representative="Y",
                        today=FUTURE)
    assert count(database, Objection) == 1


def test_steps_the_state_does_not_allow_are_refused(
    database: Database, refused: Refused
) -> None:
    lodged = lodge_objection(database, refused.decision, date(2026, 4, 1),
                             lodged_by_person_id=refused.person, today=FUTURE)
    with refusal(InvalidInput, "eingegangen; er kann nicht zurückgewiesen werden. "
                               "Bitte zuerst in Prüfung"):
        reject_objection(database, lodged.id, "Einkommen zu hoch", today=FUTURE)
    with refusal(InvalidInput, "kann nicht abgeholfen"):
        remedy_objection(database, lodged.id, today=FUTURE)
    reviewed = start_review(database, lodged.id, expected_version=lodged.version)
    assert reviewed.state == "in_review"
    with refusal(InvalidInput, "in Prüfung; er kann nicht in Prüfung genommen"):
        start_review(database, lodged.id)
    with refusal(InvalidInput, "Begründung der Zurückweisung fehlt"):
        reject_objection(database, lodged.id, "  ", today=FUTURE)
    rejected = reject_objection(database, lodged.id, "Die Rente übersteigt die Grenze.",
                                on=date(2026, 5, 4), today=FUTURE)
    assert (rejected.state, rejected.outcome_on) == ("rejected", date(2026, 5, 4))
    for step in (lambda: withdraw_objection(database, lodged.id, today=FUTURE),
                 lambda: remedy_objection(database, lodged.id, today=FUTURE),
                 lambda: set_follow_up(database, lodged.id, date(2026, 6, 1))):
        with refusal(InvalidInput, "zurückgewiesen; er kann nicht"):
            step()
    assert objection_details(database, lodged.id).state == "rejected"


def test_a_stale_form_is_refused(database: Database, refused: Refused) -> None:
    from kpass.errors import ConcurrentChange

    lodged = lodge_objection(database, refused.decision, date(2026, 4, 1),
                             representative="X", today=FUTURE)
    set_follow_up(database, lodged.id, date(2026, 5, 1))
    with pytest.raises(ConcurrentChange):
        start_review(database, lodged.id, expected_version=lodged.version)


def test_remedy_decides_again_and_issues_in_one_transaction(
    database: Database, refused: Refused
) -> None:
    lodged = lodge_objection(database, refused.decision, date(2026, 4, 1),
                             lodged_by_person_id=refused.person,
                             reason="Die Rente beträgt nur 1.000 €", today=FUTURE)
    start_review(database, lodged.id)
    correct_income(database, refused.person, "1000.00")
    log_in_as(database, "supervisor")
    remedied = remedy_objection(database, lodged.id, note="Rentenbescheid nachgereicht",
                                on=date(2026, 4, 10), today=FUTURE)
    assert remedied.objection.state == "remedied"
    assert remedied.objection.remedial_decision_id == remedied.decision_id
    assert remedied.newly_eligible == [refused.person]
    [issued] = remedied.issued
    assert issued.action == "new_pass" and issued.valid_from == DAY
    assert issued.valid_until == date(2027, 3, 31)
    with UnitOfWork(database, write=False) as uow:
        decision = uow.session.get(Decision, remedied.decision_id)
        assert decision is not None and decision.application_id == refused.application
        # the application counts once, as the remedial decision found it
        applications = uow.session.scalar(
            select(func.sum(StatRecord.weight)).where(StatRecord.record_kind == "application"))
        assert applications == 1
    assert count(database, Pass) == 1
    log_in_admin(database)
    report = verify_trail(database)
    assert report.intact, report
    assert open_objections(database, today=FUTURE) == []


def test_a_remedy_that_changes_nothing_is_refused(database: Database, refused: Refused) -> None:
    lodged = lodge_objection(database, refused.decision, date(2026, 4, 1),
                             representative="X", today=FUTURE)
    start_review(database, lodged.id)
    with refusal(InvalidInput, "nichts abzuhelfen"):
        remedy_objection(database, lodged.id, today=FUTURE)
    assert count(database, Decision) == 1
    assert objection_details(database, lodged.id).state == "in_review"


def test_a_refusal_while_issuing_leaves_no_new_decision(
    database: Database, refused: Refused
) -> None:
    # the same man recorded a second time, in another household, already holds a pass
    from kpass.services.applications.deciding import apply, decide
    from kpass.services.passes import issue_passes

    [twin] = add_household(database, [("Weiß-Özdemir", "Jürgen", date(1950, 5, 5),
                                       "applicant")], number="7")
    add_income(database, twin, "pension", "900.00")
    twin_application = apply(database, household_of(database, twin), DAY, today=FUTURE)
    issue_passes(database, decide(database, twin_application.application_id).decision_id)
    lodged = lodge_objection(database, refused.decision, date(2026, 4, 1),
                             representative="X", today=FUTURE)
    start_review(database, lodged.id)
    correct_income(database, refused.person, "1000.00")
    decisions, passes, stats = count(database, Decision), count(database, Pass), count(
        database, StatRecord)
    with pytest.raises(InvalidInput):
        remedy_objection(database, lodged.id, today=FUTURE)
    assert (count(database, Decision), count(database, Pass), count(database, StatRecord)) == (
        decisions, passes, stats)
    after = objection_details(database, lodged.id)
    assert after.state == "in_review" and after.remedial_decision_id is None
    assert verify_trail(database).intact


def test_only_supervisors_decide_on_objections(database: Database, refused: Refused) -> None:
    lodged = lodge_objection(database, refused.decision, date(2026, 4, 1),
                             representative="X", today=FUTURE)
    log_in_as(database, "caseworker")
    start_review(database, lodged.id)  # the counter takes it into review
    with refusal(PermissionDenied, "darf nicht über Widersprüche entscheiden"):
        reject_objection(database, lodged.id, "Gründe", today=FUTURE)
    with refusal(PermissionDenied, "may not do this (decide_objections)"):
        remedy_objection(database, lodged.id, today=FUTURE)
    log_in_admin(database)
    log_in_as(database, "supervisor")
    assert reject_objection(database, lodged.id, "Gründe", today=FUTURE).state == "rejected"


def test_open_objections_by_due_day_with_flags(database: Database, refused: Refused) -> None:
    [other] = add_household(database, [("Muster", "Max", date(1955, 1, 1), "applicant")],
                            number="3")
    add_income(database, other, "pension", "3000.00")
    from kpass.services.applications.deciding import apply, decide

    application = apply(database, household_of(database, other), date(2026, 2, 2), today=FUTURE)
    other_decision = decide(database, application.application_id).decision_id
    first = lodge_objection(database, refused.decision, date(2026, 4, 1),
                            representative="X", today=FUTURE)  # deadline 20.04.
    second = lodge_objection(database, other_decision, date(2026, 2, 20),
                             lodged_by_person_id=other, today=FUTURE)
    # decided Monday 02.02.: Bekanntgabe Friday 06.02. (fourth day), deadline Friday 06.03.
    set_follow_up(database, first.id, date(2026, 3, 1))
    rows = open_objections(database, today=date(2026, 5, 25))
    assert [r.objection.id for r in rows] == [first.id, second.id]
    assert [r.due_on for r in rows] == [date(2026, 3, 1), date(2026, 3, 6)]
    assert rows[0].follow_up_due and not rows[1].follow_up_due
    assert [r.overdue for r in rows] == [False, True]  # 20.02. + 3 months = 20.05.
    assert rows[1].as_json()["state_de"] == "eingegangen"
