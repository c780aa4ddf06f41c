"""Migration 0017 moves the Wiedervorlage note of each open objection from its latest
follow-up entry in the audit trail into ``objection.follow_up_note``, on both databases.

The register is the newest fixture from before 0017 (a demo register of Stadt Karlsruhe);
objections and their trail entries are added as kpass before 0017 wrote them.
"""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from kpass.models.engine import open_database
from kpass.models.migrate import migrate_to, upgrade
from tests.models.test_schema_fixtures import FIXTURES, _load_into_postgresql, fixture_revisions

#: The revision before the note's column (0017's down_revision when it was written).
BEFORE = "0016"

_OBJECTIONS = sa.table(
    "objection", *(sa.column(name) for name in (
        "id", "decision_id", "household_id", "received_on", "representative", "bekanntgabe_on",
        "deadline", "in_time", "state", "reason", "outcome_reason", "outcome_on",
        "follow_up_on", "created_at", "created_by_id", "version")))
_EVENTS = sa.table(
    "audit_event", sa.column("at"), sa.column("user_id"), sa.column("action"),
    sa.column("entity"), sa.column("entity_id"), sa.column("details", sa.JSON()),
    sa.column("seq"), sa.column("prev_hash"), sa.column("hash"))


def _objection(number: int, decision: int, household: int, user: int, *, state: str,
               follow_up_on: date | None) -> dict[str, Any]:
    closed = state not in ("received", "in_review")
    return {
        "id": number, "decision_id": decision, "household_id": household,
        "received_on": date(2026, 10, 1), "representative": "Betreuerin Anna Muster",
        "bekanntgabe_on": date(2026, 9, 20), "deadline": date(2026, 10, 20), "in_time": True,
        "state": state, "reason": "", "outcome_reason": "zurückgewiesen" if closed else None,
        "outcome_on": date(2026, 11, 2) if closed else None, "follow_up_on": follow_up_on,
        "created_at": datetime(2026, 10, 1, 9, tzinfo=UTC), "created_by_id": user, "version": 1,
    }


def test_the_latest_note_of_an_open_objection_moves_into_its_column(
    backend: str, empty_database_url: str, tmp_path: Path
) -> None:
    revision = max(r for r in fixture_revisions() if r <= BEFORE)
    source = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / f"schema-{revision}.sqlite", source)
    if backend == "sqlite":
        url = f"sqlite:///{source}"
    else:
        _load_into_postgresql(source, empty_database_url, revision)
        url = empty_database_url
    database = open_database(url)
    try:
        if revision != BEFORE:
            migrate_to(database, "upgrade", BEFORE)
        with database.engine.begin() as connection:
            decision, household = connection.execute(sa.text(
                "SELECT d.id, a.household_id FROM decision d "
                "JOIN application a ON a.id = d.application_id ORDER BY d.id LIMIT 1")).one()
            user = connection.execute(sa.text("SELECT min(id) FROM app_user")).scalar_one()
            seq = connection.execute(sa.text(
                "SELECT coalesce(max(seq), 0) FROM audit_event")).scalar_one()
            base = 900_000  # ids the fixture does not use
            connection.execute(_OBJECTIONS.insert(), [
                _objection(base + 1, decision, household, user, state="in_review",
                           follow_up_on=date(2026, 12, 2)),
                _objection(base + 2, decision, household, user, state="received",
                           follow_up_on=date(2026, 12, 9)),
                _objection(base + 3, decision, household, user, state="rejected",
                           follow_up_on=None),
                _objection(base + 4, decision, household, user, state="received",
                           follow_up_on=date(2026, 12, 10)),
            ])
            entries = [
                (base + 1, "Rentenbescheid anfordern"),
                (base + 2, "Mietvertrag prüfen"),
                (base + 1, "Rentenbescheid angefordert, Eingang abwarten"),  # the latest
                (base + 3, "Geburtsurkunde von Frau Beispiel"),  # decided since: not moved
                (base + 2, ""),  # the latest note of 2 is empty
                (base + 4, None),  # an entry without a note
            ]
            connection.execute(_EVENTS.insert(), [
                {"at": datetime(2026, 11, 1 + index, tzinfo=UTC), "user_id": user,
                 "action": "follow_up_objection", "entity": "objection", "entity_id": number,
                 "details": {"before": "in_review", "after": "in_review",
                             "follow_up_on": "2026-12-02",
                             **({} if note is None else {"note": note})},
                 "seq": seq + 1 + index, "prev_hash": "0" * 64, "hash": f"{index:064d}"}
                for index, (number, note) in enumerate(entries)
            ])
        upgrade(database, backup=False)
        with database.connect() as connection:
            notes = dict(connection.execute(sa.text(
                "SELECT id, follow_up_note FROM objection WHERE id > :base ORDER BY id"),
                {"base": base}).all())
            assert notes == {base + 1: "Rentenbescheid angefordert, Eingang abwarten",
                             base + 2: None, base + 3: None, base + 4: None}
            # the trail is not rewritten: its chain is its evidence
            kept = connection.execute(
                sa.select(sa.func.count()).select_from(_EVENTS)
                .where(_EVENTS.c.action == "follow_up_objection")).scalar_one()
            assert kept == len(entries)
            noted = connection.execute(sa.text(
                "SELECT count(*) FROM objection WHERE follow_up_note IS NOT NULL")).scalar_one()
            assert noted == 1
    finally:
        database.dispose()
