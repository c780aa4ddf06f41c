"""The four-eyes rule: which decisions wait, that nothing of them goes out before a
supervisor confirmed, the queue, returning, superseding and the switch."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from kpass.errors import InvalidInput, PermissionDenied
from kpass.models import AuditEvent, DecisionApproval
from kpass.models.engine import Database
from kpass.services.applications import apply, decide
from kpass.services.applications.deciding import decide_application, open_application
from kpass.services.approvals import (
    AlreadyResolved,
    AwaitingApproval,
    approval_queue,
    approval_settings,
    confirm_approval,
    decision_approval,
    return_approval,
    set_approval_settings,
)
from kpass.services.audit import verify_trail
from kpass.services.passes import decide_and_issue, issue_passes, renew_pass
from kpass.services.printing import print_cards, print_decision_letter
from kpass.services.uow import UnitOfWork
from tests.register_builder import add_notice
from tests.services.approvals.conftest import (
    DAY,
    FUTURE,
    as_role,
    decide_for,
    single,
)

WAITS_DE = "wartet auf Freigabe durch die Leitung"


def _events(database: Database, action: str) -> list[AuditEvent]:
    with UnitOfWork(database, write=False) as uow:
        events = list(uow.session.scalars(select(AuditEvent).where(AuditEvent.action == action)
                                          .order_by(AuditEvent.id)))
        uow.session.expunge_all()  # read whole, to be looked at after the session
    return events


def test_with_the_switch_off_nothing_waits(database: Database, tmp_path: Path) -> None:
    refused = single(database, "2000.00")
    close = single(database, "1290.00", "Weiß")
    refused_id = decide_for(database, refused)
    close_id = decide_for(database, close)
    assert decision_approval(database, refused_id) is None
    print_decision_letter(database, refused_id, tmp_path / "letter.pdf")
    assert [i.number is not None for i in issue_passes(database, close_id)] == [True]
    as_role(database, "supervisor")
    assert approval_queue(database) == []
    assert approval_settings(database).enabled is False


def test_a_refusal_waits_until_another_supervisor_confirms(
    four_eyes: Database, tmp_path: Path
) -> None:
    database = four_eyes
    refused = single(database, "2000.00")
    decision_id = decide_for(database, refused)
    with pytest.raises(AwaitingApproval) as caught:
        print_decision_letter(database, decision_id, tmp_path / "letter.pdf")
    assert WAITS_DE in caught.value.message_de
    assert "waits for a supervisor" in caught.value.message_en
    assert not (tmp_path / "letter.pdf").exists()
    with pytest.raises(PermissionDenied):
        approval_queue(database)  # the queue is the supervisors'

    as_role(database, "supervisor")
    [row] = approval_queue(database)
    assert (row.decision_id, row.household_id, row.reason) == (decision_id, refused.household,
                                                               "rejection")
    assert row.reason_de == "Ablehnung"
    assert row.applicant == "Ayşe Özdemir" and row.caseworker == "caseworker-test"
    assert row.decided_on == DAY and not row.own
    confirmed = confirm_approval(database, row.id)
    assert confirmed.state == "confirmed" and confirmed.resolved_by == "supervisor-test"
    assert approval_queue(database) == []

    as_role(database, "caseworker")
    print_decision_letter(database, decision_id, tmp_path / "letter.pdf")
    assert (tmp_path / "letter.pdf").stat().st_size > 1000
    with pytest.raises(AlreadyResolved, match="already confirmed by supervisor-test"):
        as_role(database, "admin")
        confirm_approval(database, row.id)
    [event] = _events(database, "confirm_approval")
    assert (event.entity, event.entity_id) == ("decision", decision_id)
    assert verify_trail(database).intact


def test_close_to_the_limit_no_pass_before_the_confirmation(four_eyes: Database) -> None:
    database = four_eyes
    close = single(database, "1262.50")  # 37.50 € under the limit of 1,300.00 €
    as_role(database, "caseworker")
    application = apply(database, close.household, DAY, today=FUTURE)
    decided, issued = decide_and_issue(database, application.application_id)
    assert decided.decision.any_eligible and issued == []
    assert decided.approval is not None and decided.approval.reason == "near_limit"
    assert decided.approval.income_minus_limit == Decimal("-37.50")
    with pytest.raises(AwaitingApproval, match="waits for a supervisor"):
        issue_passes(database, decided.decision_id)

    as_role(database, "supervisor")
    [row] = approval_queue(database)
    assert row.reason_de == "nahe an der Einkommensgrenze (37,50 € unter)"
    confirm_approval(database, row.id)
    as_role(database, "caseworker")
    [card] = issue_passes(database, decided.decision_id)
    assert card.number is not None


def test_the_margin_in_percent_and_beyond_it(database: Database) -> None:
    set_approval_settings(database, enabled=True, margin_percent="2")  # 26.00 € of 1,300
    inside = decide_for(database, single(database, "1274.00"))
    outside = decide_for(database, single(database, "1273.99", "Weiß"))
    waiting = decision_approval(database, inside)
    assert waiting is not None and waiting.reason == "near_limit"
    assert decision_approval(database, outside) is None
    # eligible by a benefit, the income did not decide: close to the limit, nothing waits
    wohngeld = single(database, "1290.00", "Schulz")
    add_notice(database, wohngeld.household, "wohngeld", date(2026, 1, 1), None)
    assert decision_approval(database, decide_for(database, wohngeld)) is None


def test_a_supervisor_never_confirms_their_own_decision(four_eyes: Database) -> None:
    database = four_eyes
    case = single(database, "2000.00")
    as_role(database, "supervisor")
    application = apply(database, case.household, DAY, today=FUTURE)
    decision_id = decide(database, application.application_id).decision_id
    [row] = approval_queue(database)
    assert row.own
    with pytest.raises(PermissionDenied, match="yourself"):
        confirm_approval(database, row.id)
    with pytest.raises(PermissionDenied):
        return_approval(database, row.id, "bitte prüfen")
    # and the database refuses it too, whoever writes
    with UnitOfWork(database) as uow, pytest.raises(IntegrityError):
        uow.session.execute(update(DecisionApproval).where(DecisionApproval.id == row.id)
                            .values(state="confirmed", resolved_by_id=row_requester(uow, row.id),
                                    resolved_at=row.requested_at))
        uow.session.flush()
    as_role(database, "admin")  # an administrator holds every supervisor's right
    assert confirm_approval(database, row.id).decision_id == decision_id


def row_requester(uow: UnitOfWork, approval_id: int) -> int:
    return int(uow.session.scalar(select(DecisionApproval.requested_by_id)
                                  .where(DecisionApproval.id == approval_id)) or 0)


def test_returned_with_a_reason_the_caseworker_sees_it(
    four_eyes: Database, tmp_path: Path
) -> None:
    database = four_eyes
    case = single(database, "2000.00")
    decision_id = decide_for(database, case)
    as_role(database, "supervisor")
    [row] = approval_queue(database)
    with pytest.raises(InvalidInput, match="reason for returning"):
        return_approval(database, row.id, "   ")
    returned = return_approval(database, row.id, "Rentenbescheid fehlt, bitte nachfordern")
    assert returned.state == "returned"
    assert approval_queue(database) == []
    [event] = _events(database, "return_approval")
    assert event.entity_id == decision_id
    assert event.details["return_reason"] == "Rentenbescheid fehlt, bitte nachfordern"

    as_role(database, "caseworker")
    shown = decision_approval(database, decision_id)
    assert shown is not None and shown.return_reason == "Rentenbescheid fehlt, bitte nachfordern"
    with pytest.raises(AwaitingApproval, match="Rentenbescheid fehlt") as caught:
        print_decision_letter(database, decision_id, tmp_path / "letter.pdf")
    assert "zurückgegeben" in caught.value.message_de


def test_a_new_decision_supersedes_the_waiting_one(four_eyes: Database, tmp_path: Path) -> None:
    database = four_eyes
    case = single(database, "2000.00")
    first = decide_for(database, case)
    second = decide_for(database, case, DAY.replace(day=17))
    as_role(database, "supervisor")
    [row] = approval_queue(database)
    assert row.decision_id == second
    old = decision_approval(database, first)
    assert old is not None and (old.state, old.superseded_by) == ("superseded", second)
    as_role(database, "caseworker")
    with pytest.raises(AwaitingApproval, match=f"replaced by decision {second}"):
        print_decision_letter(database, first, tmp_path / "letter.pdf")
    [event] = _events(database, "supersede_approval")
    assert event.entity_id == first and event.details["superseded_by"] == second


def test_decisions_made_before_the_switch_are_not_affected(
    database: Database, tmp_path: Path
) -> None:
    before = decide_for(database, single(database, "2000.00"))
    close = decide_for(database, single(database, "1290.00", "Weiß"))
    as_role(database, "admin")
    set_approval_settings(database, enabled=True, margin_eur="100")
    as_role(database, "caseworker")
    print_decision_letter(database, before, tmp_path / "letter.pdf")
    [card] = issue_passes(database, close)
    assert card.number is not None


def test_turning_the_switch_off_leaves_waiting_decisions_waiting(four_eyes: Database) -> None:
    database = four_eyes
    waiting = decide_for(database, single(database, "2000.00"))
    as_role(database, "admin")
    settings = set_approval_settings(database, enabled=False)
    assert (settings.enabled, settings.pending) == (False, 1)
    later = decide_for(database, single(database, "2100.00", "Weiß"))
    assert decision_approval(database, later) is None
    shown = decision_approval(database, waiting)
    assert shown is not None and shown.state == "pending"


def test_the_settings_are_the_admins_and_audited(database: Database) -> None:
    as_role(database, "supervisor")
    with pytest.raises(PermissionDenied):
        set_approval_settings(database, enabled=True)
    as_role(database, "caseworker")
    assert approval_settings(database).enabled is False  # everyone may see them
    as_role(database, "admin")
    with pytest.raises(InvalidInput, match="not both"):
        set_approval_settings(database, margin_eur="10", margin_percent="1")
    for bad in ("-1", "10.001", "abc", "20000"):
        with pytest.raises(InvalidInput):
            set_approval_settings(database, margin_eur=bad)
    with pytest.raises(InvalidInput):
        set_approval_settings(database, margin_percent="51")
    changed = set_approval_settings(database, enabled=True, margin_eur="75,5")
    assert (changed.enabled, changed.margin_unit, changed.margin_amount) == (
        True, "eur", Decimal("75.50"))
    assert changed.margin_text_de() == "75,50 €"
    set_approval_settings(database, enabled=True, margin_eur="75.50")  # no change, no event
    [event] = _events(database, "set_four_eyes")
    assert event.details["before"]["enabled"] is False
    assert event.details["after"] == {"enabled": True, "margin_unit": "eur",
                                      "margin_amount": "75.50", "pending": 0}


def test_no_card_states_a_period_of_a_held_decision(database: Database, tmp_path: Path) -> None:
    """However a held decision's period got into the register, its card is not printed."""
    close = single(database, "1290.00")
    decision_id = decide_for(database, close)
    [card] = issue_passes(database, decision_id)
    assert card.number is not None
    with UnitOfWork(database) as uow:
        uow.session.add(DecisionApproval(decision_id=decision_id, household_id=close.household,
                                         reason="near_limit",
                                         income_minus_limit=Decimal("-10.00"),
                                         requested_by_id=uow.user_id()))
        uow.commit()
    with pytest.raises(AwaitingApproval) as caught:
        print_cards(database, [card.number], tmp_path / "card.pdf")
    assert WAITS_DE in caught.value.message_de
    assert not (tmp_path / "card.pdf").exists()


def test_a_renewal_close_to_the_limit_waits_before_the_pass_is_extended(
    database: Database,
) -> None:
    close = single(database, "1280.00")
    [card] = issue_passes(database, decide_for(database, close))
    assert card.number is not None
    as_role(database, "admin")
    set_approval_settings(database, enabled=True, margin_eur="25")
    as_role(database, "caseworker")
    renewed = renew_pass(database, card.number, date(2027, 3, 5), today=FUTURE)
    assert renewed.issued == [] and renewed.holder_pass is None
    assert renewed.decision.approval is not None
    assert renewed.decision.approval.reason == "near_limit"
    as_role(database, "supervisor")
    [row] = approval_queue(database)
    confirm_approval(database, row.id)
    as_role(database, "caseworker")
    [extended] = issue_passes(database, renewed.decision.decision_id)
    assert (extended.action, extended.number) == ("extend", card.number)


def test_a_supervisors_own_remedial_decision_supersedes_but_does_not_wait(
    four_eyes: Database,
) -> None:
    database = four_eyes
    case = single(database, "2000.00")
    first = decide_for(database, case)
    as_role(database, "supervisor")
    with UnitOfWork(database) as uow:
        application = open_application(uow, decision_of(uow, first))
        result = decide_application(uow, application, review=False)
        uow.commit()
    assert result.approval is None
    assert decision_approval(database, result.decision_id) is None
    superseded = decision_approval(database, first)
    assert superseded is not None and superseded.state == "superseded"
    assert approval_queue(database) == []


def decision_of(uow: UnitOfWork, decision_id: int) -> int:
    from kpass.models import Decision

    return int(uow.session.scalar(select(Decision.application_id)
                                  .where(Decision.id == decision_id)) or 0)
