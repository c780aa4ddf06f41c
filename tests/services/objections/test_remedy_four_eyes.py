"""An Abhilfe is the supervisor's own decision: with the four-eyes rule on it issues at once
instead of waiting in the queue a caseworker's decision near the limit would join."""

from __future__ import annotations

from datetime import date

from kpass.models.engine import Database
from kpass.services.approvals import approval_queue, decision_approval, set_approval_settings
from kpass.services.objections import lodge_objection, remedy_objection, start_review
from tests.logins import log_in_admin, log_in_as
from tests.services.objections.conftest import FUTURE, Refused, correct_income


def test_a_remedy_issues_at_once_though_near_the_limit(
    database: Database, refused: Refused
) -> None:
    log_in_admin(database)
    set_approval_settings(database, enabled=True, margin_percent="50")
    log_in_as(database, "caseworker")
    lodged = lodge_objection(database, refused.decision, date(2026, 4, 1),
                             lodged_by_person_id=refused.person, reason="Rente zu hoch erfasst",
                             today=FUTURE)
    start_review(database, lodged.id)
    correct_income(database, refused.person, "1000.00")
    log_in_admin(database)
    log_in_as(database, "supervisor")
    remedied = remedy_objection(database, lodged.id, note="Rentenbescheid nachgereicht",
                                on=date(2026, 4, 10), today=FUTURE)
    assert remedied.newly_eligible == [refused.person]
    assert len(remedied.issued) == 1  # not held back for a second supervisor
    assert decision_approval(database, remedied.decision_id) is None
    assert approval_queue(database) == []
