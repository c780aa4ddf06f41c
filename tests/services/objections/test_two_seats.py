"""Two seats (two OS processes) at the same objection at the same moment: one lodges it,
one remedies it; the other is told why not, and the register stays consistent."""

from __future__ import annotations

import json
import multiprocessing
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from kpass.models import Decision, Objection, Pass
from kpass.models.engine import Database
from kpass.services.audit import verify_trail
from kpass.services.objections import start_review
from kpass.services.uow import UnitOfWork
from tests.logins import ROLE_PASSWORD, log_in_admin
from tests.services.objections.conftest import FUTURE, Refused, correct_income

SEATS = ("leitung-1", "leitung-2")


def seat(url: str, user: str, job: str, arg: int, barrier: Any, out: str) -> None:
    from kpass.errors import KpassError
    from kpass.models.engine import open_database
    from kpass.services.access import log_in
    from kpass.services.objections import lodge_objection, remedy_objection

    database = open_database(url)
    log_in(database, user, ROLE_PASSWORD)
    barrier.wait(60)
    try:
        if job == "lodge":
            view = lodge_objection(database, arg, date(2026, 4, 1), representative=user,
                                   today=FUTURE)
            result: dict[str, Any] = {"ok": view.id}
        else:
            result = {"ok": remedy_objection(database, arg, today=FUTURE).decision_id}
    except KpassError as exc:
        result = {"error": type(exc).__name__, "de": exc.message_de}
    database.dispose()
    Path(out).write_text(json.dumps(result), encoding="utf-8")


def two_seats(database: Database, job: str, arg: int, tmp_path: Path) -> list[dict[str, Any]]:
    url = database.url.render_as_string(hide_password=False)
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    outs = [tmp_path / f"{job}-{name}.json" for name in SEATS]
    processes = [context.Process(target=seat, args=(url, name, job, arg, barrier, str(out)))
                 for name, out in zip(SEATS, outs, strict=True)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(120)
        assert process.exitcode == 0
    return [json.loads(out.read_text(encoding="utf-8")) for out in outs]


def count(database: Database, model: type) -> int:
    with UnitOfWork(database, write=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def test_two_seats_lodge_and_remedy_one_objection(
    database: Database, refused: Refused, tmp_path: Path
) -> None:
    from kpass.services.access import add_user

    for name in SEATS:
        add_user(database, name, "supervisor", ROLE_PASSWORD)
    lodged = two_seats(database, "lodge", refused.decision, tmp_path)
    assert sorted("ok" in r for r in lodged) == [False, True], lodged
    [refusal] = [r for r in lodged if "error" in r]
    assert "noch offen" in refusal["de"]
    assert count(database, Objection) == 1

    [objection_id] = [r["ok"] for r in lodged if "ok" in r]
    start_review(database, objection_id)
    correct_income(database, refused.person, "1000.00")
    remedied = two_seats(database, "remedy", objection_id, tmp_path)
    assert sorted("ok" in r for r in remedied) == [False, True], remedied
    [refusal] = [r for r in remedied if "error" in r]
    assert "abgeholfen" in refusal["de"]
    assert count(database, Decision) == 2 and count(database, Pass) == 1
    log_in_admin(database)
    assert verify_trail(database).intact
    with UnitOfWork(database, write=False) as uow:
        assert uow.session.scalar(select(Objection.state)) == "remedied"
