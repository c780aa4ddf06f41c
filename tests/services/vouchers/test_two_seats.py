"""Two seats (two OS processes) handing out the same person's vouchers at the same moment:
exactly one hand-out is stored, the other seat is told the date of the first."""

from __future__ import annotations

import json
import multiprocessing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from kpass.errors import InvalidInput
from kpass.models import VoucherIssue
from kpass.models.engine import Database
from kpass.services.audit import verify_trail
from kpass.services.uow import UnitOfWork
from kpass.services.vouchers import hand_out_vouchers, handing_out
from tests.logins import ROLE_PASSWORD
from tests.services.vouchers.conftest import Holder

SEATS = ("theke-1", "theke-2")


def seat(url: str, user: str, person: int, barrier: Any, out: str) -> None:
    from kpass.errors import KpassError
    from kpass.models.engine import open_database
    from kpass.services.access import log_in
    from kpass.services.vouchers import hand_out_vouchers

    database = open_database(url)
    log_in(database, user, ROLE_PASSWORD)
    barrier.wait(60)
    try:
        issued = hand_out_vouchers(database, person, on=date(2026, 3, 20))
        result: dict[str, Any] = {"ok": issued.id}
    except KpassError as exc:
        result = {"error": type(exc).__name__, "de": exc.message_de}
    database.dispose()
    Path(out).write_text(json.dumps(result), encoding="utf-8")


def test_two_seats_hand_out_once(database: Database, senior: Holder, tmp_path: Path) -> None:
    from kpass.services.access import add_user

    for name in SEATS:
        add_user(database, name, "caseworker", ROLE_PASSWORD)
    url = database.url.render_as_string(hide_password=False)
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    outs = [tmp_path / f"{name}.json" for name in SEATS]
    processes = [
        context.Process(target=seat, args=(url, name, senior.person, barrier, str(out)))
        for name, out in zip(SEATS, outs, strict=True)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(120)
        assert process.exitcode == 0
    results = [json.loads(out.read_text(encoding="utf-8")) for out in outs]
    assert sorted("ok" in r for r in results) == [False, True], results
    [refusal] = [r for r in results if "error" in r]
    assert refusal["error"] == "InvalidInput"
    assert "bereits am 20.03.2026 ausgegeben" in refusal["de"]
    with UnitOfWork(database, write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(VoucherIssue)) == 1
    assert verify_trail(database).intact


def test_the_unique_constraint_gives_the_same_message(
    database: Database, senior: Holder, monkeypatch: Any
) -> None:
    """The database's wall (UNIQUE person, year) when the check before it saw nothing."""
    hand_out_vouchers(database, senior.person, on=date(2026, 3, 20))
    real = handing_out._first_of_year
    calls: list[int] = []

    def blind_first(uow: Any, person_id: int, year: int) -> Any:
        calls.append(year)
        return None if len(calls) == 1 else real(uow, person_id, year)

    monkeypatch.setattr(handing_out, "_first_of_year", blind_first)
    with pytest.raises(InvalidInput) as refused:
        hand_out_vouchers(database, senior.person, on=date(2026, 6, 1))
    assert "bereits am 20.03.2026 ausgegeben" in refused.value.message_de
    assert len(calls) == 2
