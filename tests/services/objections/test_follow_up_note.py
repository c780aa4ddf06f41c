"""The Wiedervorlage note is the objection's own column, on SQLite and PostgreSQL: it is
read back on every list, dropped with the Wiedervorlage, length-checked, and never written
into the audit trail (kept for ever) — the trail only records that a note of so many
characters was set."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from kpass.errors import InvalidInput
from kpass.models import AuditEvent, Objection
from kpass.models.engine import Database
from kpass.services.audit import verify_trail
from kpass.services.objections import (
    household_objections,
    lodge_objection,
    objection_details,
    objection_register,
    open_objections,
    reject_objection,
    set_follow_up,
    start_review,
    withdraw_objection,
)
from kpass.services.uow import UnitOfWork
from tests.logins import log_in_admin
from tests.services.objections.conftest import FUTURE, Refused

NOTE = "Rentenbescheid 2026 bei Frau Weiß-Özdemir angefordert\nEingang abwarten"


def _stored_note(database: Database, objection_id: int) -> str | None:
    with UnitOfWork(database, write=False) as uow:
        return uow.session.scalar(
            select(Objection.follow_up_note).where(Objection.id == objection_id))


def _trail_of(database: Database, objection_id: int) -> list[tuple[str, dict[str, object]]]:
    with UnitOfWork(database, write=False) as uow:
        return [(action, dict(details)) for action, details in uow.session.execute(
            select(AuditEvent.action, AuditEvent.details)
            .where(AuditEvent.entity == "objection", AuditEvent.entity_id == objection_id)
            .order_by(AuditEvent.seq))]


def test_the_note_round_trips_through_its_column_and_not_the_trail(
    database: Database, refused: Refused
) -> None:
    lodged = lodge_objection(database, refused.decision, date(2026, 4, 2),
                             lodged_by_person_id=refused.person, today=FUTURE)
    shown = set_follow_up(database, lodged.id, date(2026, 5, 4), note=f"  {NOTE}  ")
    assert shown.follow_up_note == NOTE and shown.follow_up_on == date(2026, 5, 4)
    assert _stored_note(database, lodged.id) == NOTE
    assert objection_details(database, lodged.id).follow_up_note == NOTE
    listed = household_objections(database, refused.household)
    assert [o.follow_up_note for o in listed] == [NOTE]
    [due] = open_objections(database, today=date(2026, 5, 4))
    assert due.follow_up_due and due.objection.follow_up_note == NOTE
    assert due.as_json()["follow_up_note"] == NOTE
    [row] = objection_register(database, include_closed=True, today=date(2026, 5, 4))
    assert row.objection.follow_up_note == NOTE

    # a new Wiedervorlage replaces the note; the trail only knows its length
    set_follow_up(database, lodged.id, date(2026, 6, 1), note="Akte vorlegen")
    assert objection_details(database, lodged.id).follow_up_note == "Akte vorlegen"
    trail = _trail_of(database, lodged.id)
    follow_ups = [details for action, details in trail if action == "follow_up_objection"]
    assert [d["note_length"] for d in follow_ups] == [len(NOTE), len("Akte vorlegen")]
    assert [d["follow_up_on"] for d in follow_ups] == ["2026-05-04", "2026-06-01"]
    assert all("note" not in d and "follow_up_note" not in d for d in follow_ups)
    written = json.dumps([details for _, details in trail], ensure_ascii=False)
    for word in ("Rentenbescheid", "Eingang abwarten", "Akte vorlegen"):
        assert word not in written, word
    log_in_admin(database)
    assert verify_trail(database).intact


def test_the_note_goes_with_its_wiedervorlage(database: Database, refused: Refused) -> None:
    lodged = lodge_objection(database, refused.decision, date(2026, 4, 2),
                             lodged_by_person_id=refused.person, today=FUTURE)
    set_follow_up(database, lodged.id, date(2026, 5, 4), note=NOTE)
    # taken off: no note stays behind, even one given with the removal
    cleared = set_follow_up(database, lodged.id, None, note="bleibt nicht")
    assert (cleared.follow_up_on, cleared.follow_up_note) == (None, "")
    assert _stored_note(database, lodged.id) is None
    assert _trail_of(database, lodged.id)[-1][1]["note_length"] == 0

    set_follow_up(database, lodged.id, date(2026, 5, 4), note=NOTE)
    start_review(database, lodged.id)
    assert objection_details(database, lodged.id).follow_up_note == NOTE  # a step keeps it
    reject_objection(database, lodged.id, "Die Rente übersteigt die Grenze",
                     on=date(2026, 5, 6), today=FUTURE)
    assert _stored_note(database, lodged.id) is None

    again = lodge_objection(database, refused.decision, date(2026, 5, 7),
                            representative="Betreuerin Anna Muster", today=FUTURE)
    set_follow_up(database, again.id, date(2026, 6, 1), note=NOTE)
    withdraw_objection(database, again.id, on=date(2026, 5, 20), today=FUTURE)
    assert _stored_note(database, again.id) is None


def test_the_note_is_checked_like_the_other_texts(database: Database, refused: Refused) -> None:
    lodged = lodge_objection(database, refused.decision, date(2026, 4, 2),
                             lodged_by_person_id=refused.person, today=FUTURE)
    with pytest.raises(InvalidInput, match="longer than 500"):
        set_follow_up(database, lodged.id, date(2026, 5, 4), note="x" * 501)
    with pytest.raises(InvalidInput, match="control characters"):
        set_follow_up(database, lodged.id, date(2026, 5, 4), note="Akte\x00")
    assert objection_details(database, lodged.id).follow_up_on is None  # nothing half-saved
    longest = set_follow_up(database, lodged.id, date(2026, 5, 4), note="x" * 500)
    assert _stored_note(database, lodged.id) == "x" * 500 == longest.follow_up_note
