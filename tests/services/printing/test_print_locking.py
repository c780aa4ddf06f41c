"""Printing holds the database only for moments, never while it draws.

A sheet of a thousand cards takes a quarter of a minute to draw; the counter must keep
writing meanwhile. Printing reads in a short transaction, draws outside any transaction,
then records the print and puts the file in place in one short write transaction. What must
never happen: a printed file without its print record, or a record of a file not made.
"""

from __future__ import annotations

import os
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from sqlalchemy import func, select

from kpass.documents import render_card_sheet, render_cards
from kpass.documents.errors import DocumentError
from kpass.errors import InvalidInput
from kpass.models import AuditEvent, PrintRecord, PrintReference, SigningKey
from kpass.models.engine import Database, open_database
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes, revoke_pass
from kpass.services.printing import PrintResult, print_cards
from kpass.services.printing import cards as printing
from kpass.services.uow import UnitOfWork
from tests.register_builder import add_household, add_income, household_of


def issue_passes_for(database: Database, households: int) -> list[str]:
    numbers = []
    for index in range(households):
        [person] = add_household(
            database, [(f"Weiß{index}", "Jürgen", date(1930 + index, 5, 5), "applicant")]
        )
        add_income(database, person, "pension", "1000.00")
        application = apply(
            database, household_of(database, person), date.today() - timedelta(days=1)
        )
        [card] = issue_passes(database, decide(database, application.application_id).decision_id)
        assert card.number is not None
        numbers.append(card.number)
    return numbers


def count(database: Database, model: type) -> int:
    with UnitOfWork(database, write=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def parts(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".part")]


def test_the_counter_can_write_while_a_sheet_is_drawn(
    database: Database, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    numbers = issue_passes_for(database, 3)
    drawing, written = threading.Event(), threading.Event()
    draw = render_card_sheet

    def slow_sheet(data: Any, stream: BinaryIO, **options: Any) -> None:
        drawing.set()
        assert written.wait(30), "the counter's write did not come through"
        draw(data, stream, **options)

    monkeypatch.setattr(printing, "render_card_sheet", slow_sheet)
    out = tmp_path / "bogen.pdf"
    outcome: dict[str, Any] = {}

    def print_sheet() -> None:
        try:
            outcome["result"] = print_cards(database, numbers, out, sheet=True)
        except BaseException as exc:  # handed to the test thread
            outcome["error"] = exc

    printer = threading.Thread(target=print_sheet)
    printer.start()
    counter = open_database(database_url)  # another program, e.g. the next counter seat
    try:
        assert drawing.wait(30)
        started = time.monotonic()
        with UnitOfWork(counter) as uow:
            uow.audit("counter_write", "test", None)
            uow.commit()
        # without waiting for the print (SQLite waits up to 5 s for a lock, then fails)
        assert time.monotonic() - started < 2
    finally:
        written.set()
        printer.join(60)
        counter.dispose()
    assert "error" not in outcome, outcome
    result: PrintResult = outcome["result"]
    assert result.count == 3 and out.read_bytes().startswith(b"%PDF-")
    assert count(database, PrintRecord) == 1 and count(database, PrintReference) == 3
    assert parts(tmp_path) == []


def test_a_failed_record_leaves_no_file(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [number] = issue_passes_for(database, 1)
    audit = UnitOfWork.audit

    def failing_audit(self: UnitOfWork, action: str, *args: Any, **details: Any) -> None:
        if action == "print":
            raise RuntimeError("the audit table is full")
        audit(self, action, *args, **details)

    monkeypatch.setattr(UnitOfWork, "audit", failing_audit)
    out = tmp_path / "karte.pdf"
    with pytest.raises(RuntimeError, match="audit table"):
        print_cards(database, [number], out)
    assert not out.exists() and parts(tmp_path) == []
    assert count(database, PrintRecord) == 0 and count(database, PrintReference) == 0
    # the first print's key goes with its record
    assert count(database, SigningKey) == 0


def test_a_failed_commit_removes_the_file(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [number] = issue_passes_for(database, 1)
    installed: list[bool] = []
    commit = UnitOfWork.commit

    def failing_commit(self: UnitOfWork) -> None:
        if out.exists():  # the recording transaction, after the rename
            installed.append(True)
            raise RuntimeError("connection lost at commit")
        commit(self)

    out = tmp_path / "karte.pdf"
    monkeypatch.setattr(UnitOfWork, "commit", failing_commit)
    with pytest.raises(RuntimeError, match="connection lost"):
        print_cards(database, [number], out)
    assert installed == [True]
    assert not out.exists() and parts(tmp_path) == []
    assert count(database, PrintRecord) == 0


def test_a_failed_rename_rolls_the_record_back(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [number] = issue_passes_for(database, 1)
    out = tmp_path / "karte.pdf"
    out.write_bytes(b"%PDF-1.4\n% the earlier print\n")

    def broken_replace(source: Any, target: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(DocumentError) as error:
        print_cards(database, [number], out)
    assert "disk is full" in error.value.message_en
    assert out.read_bytes() == b"%PDF-1.4\n% the earlier print\n"
    assert parts(tmp_path) == []
    assert count(database, PrintRecord) == 0 and count(database, PrintReference) == 0
    with UnitOfWork(database, write=False) as uow:
        actions = set(uow.session.scalars(select(AuditEvent.action)))
    assert "print" not in actions


def test_a_pass_revoked_while_its_card_is_drawn_is_not_recorded(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [number] = issue_passes_for(database, 1)
    draw = render_cards

    def revoked_meanwhile(data: Any, stream: BinaryIO, **options: Any) -> None:
        revoke_pass(database, number, date.today(), "verloren gemeldet")  # at another seat
        draw(data, stream, **options)

    monkeypatch.setattr(printing, "render_cards", revoked_meanwhile)
    out = tmp_path / "karte.pdf"
    with pytest.raises(InvalidInput, match="revoked while its card was being made"):
        print_cards(database, [number], out)
    assert not out.exists() and parts(tmp_path) == []
    assert count(database, PrintRecord) == 0
