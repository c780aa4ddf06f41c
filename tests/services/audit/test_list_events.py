"""Reading the trail: newest first, filtered, paged by seq, and recorded as a bulk read."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kpass.errors import InvalidInput, PermissionDenied
from kpass.models.engine import Database
from kpass.services.audit import audit_entities, list_events, verify_trail
from kpass.services.passes import revoke_pass
from tests.logins import log_in_admin, log_in_as
from tests.services.audit.trail_helpers import DAY, issue_passes_for, one


def test_events_come_newest_first_and_page_by_seq(database: Database) -> None:
    issue_passes_for(database, 2)
    first = list_events(database, 5)
    assert len(first) == 5
    assert [e.seq for e in first] == sorted((e.seq for e in first), reverse=True)
    second = list_events(database, 5, before_seq=first[-1].seq)
    assert second[0].seq == first[-1].seq - 1
    assert first[0].username == "testerin"


def test_filters(database: Database) -> None:
    [number] = issue_passes_for(database, 1)
    revoke_pass(database, number, DAY, "Wegzug nach Müllheim")
    passes = list_events(database, entity="pass")
    assert {e.entity for e in passes} == {"pass"}
    assert [e.action for e in passes] == ["revoke", "issue_pass"]
    card = passes[0].entity_id
    assert {e.entity_id for e in list_events(database, entity="pass", entity_id=card)} == {card}
    assert [e.action for e in list_events(database, text="müllheim")] == ["revoke"]
    assert list_events(database, text="100%_") == []
    assert list_events(database, user="TESTERIN")
    assert list_events(database, user="niemand") == []
    today = date.today()
    assert list_events(database, date_from=today - timedelta(days=1), date_to=today)
    assert list_events(database, date_from=today + timedelta(days=1)) == []
    assert "pass" in audit_entities(database)


def test_reading_the_trail_is_recorded_with_its_filter(database: Database) -> None:
    list_events(database, 10, entity="pass", text="x")
    row = one(database, "SELECT action, details FROM audit_event ORDER BY seq DESC")
    assert row.action == "read_audit"
    details = row.details if isinstance(row.details, dict) else __import__("json").loads(
        row.details)
    assert details["filter"] == {"limit": 10, "entity": "pass", "text": "x"}
    assert verify_trail(database).intact


def test_bad_filters_are_refused(database: Database) -> None:
    with pytest.raises(InvalidInput):
        list_events(database, 0)
    with pytest.raises(InvalidInput):
        list_events(database, date_from=date(2026, 5, 2), date_to=date(2026, 5, 1))


def test_caseworkers_may_not_read_the_trail(database: Database) -> None:
    log_in_as(database, "supervisor")
    assert list_events(database, 1)
    log_in_admin(database)
    log_in_as(database, "caseworker")
    with pytest.raises(PermissionDenied):
        list_events(database)
