"""Two supervisors (two OS processes) confirm the same waiting decision at the same moment:
one confirms it, the other is told who was first, and the trail records one confirmation."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from kpass.models import AuditEvent, DecisionApproval
from kpass.models.engine import Database
from kpass.services.audit import verify_trail
from tests.logins import ROLE_PASSWORD, log_in_admin
from tests.services.approvals.conftest import decide_for, single

SEATS = ("leitung-1", "leitung-2")


def seat(url: str, user: str, approval_id: int, barrier: Any, out: str) -> None:
    from kpass.errors import KpassError
    from kpass.models.engine import open_database
    from kpass.services.access import log_in
    from kpass.services.approvals import confirm_approval

    database = open_database(url)
    log_in(database, user, ROLE_PASSWORD)
    barrier.wait(60)
    try:
        result: dict[str, Any] = {"ok": confirm_approval(database, approval_id).resolved_by}
    except KpassError as exc:
        result = {"error": type(exc).__name__, "en": exc.message_en, "de": exc.message_de}
    database.dispose()
    Path(out).write_text(json.dumps(result), encoding="utf-8")


def test_two_supervisors_confirm_one_item_at_once(four_eyes: Database, tmp_path: Path) -> None:
    from kpass.services.access import add_user

    database = four_eyes
    decision_id = decide_for(database, single(database, "2000.00"))
    log_in_admin(database)
    for name in SEATS:
        add_user(database, name, "supervisor", ROLE_PASSWORD, display_name=name.title())
    with database.reader() as session:
        approval_id = session.scalar(select(DecisionApproval.id))
    assert approval_id is not None

    url = database.url.render_as_string(hide_password=False)
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    outs = [tmp_path / f"{name}.json" for name in SEATS]
    processes = [context.Process(target=seat, args=(url, name, approval_id, barrier, str(out)))
                 for name, out in zip(SEATS, outs, strict=True)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(120)
        assert process.exitcode == 0
    results = [json.loads(out.read_text(encoding="utf-8")) for out in outs]

    assert sorted("ok" in r for r in results) == [False, True], results
    [winner] = [r["ok"] for r in results if "ok" in r]
    [loser] = [r for r in results if "error" in r]
    assert loser["error"] == "AlreadyResolved"
    assert f"already confirmed by {winner}" in loser["en"]
    assert f"bereits von {winner}" in loser["de"] and "nichts geändert" in loser["de"]
    with database.reader() as session:
        assert session.scalar(select(DecisionApproval.state)) == "confirmed"
        assert session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "confirm_approval", AuditEvent.entity_id == decision_id)) == 1
    assert verify_trail(database).intact
