"""A pass changed by raw SQL — a revocation lifted, a validity extended to 2099, a pass slipped
in — is reported by verify_trail and gets no printed card; on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from kpass.errors import InvalidInput
from kpass.models.engine import Database
from kpass.services.audit import verify_trail
from kpass.services.passes import renew_pass, replace_pass, revoke_pass
from kpass.services.printing import print_cards
from tests.services.audit.trail_helpers import DAY, issue_passes_for, one, raw


def pass_id(database: Database, number: str) -> int:
    return int(one(database, "SELECT id FROM pass WHERE number = :n", n=number)[0])


def refused_print(database: Database, number: str, tmp_path: Path) -> InvalidInput:
    with pytest.raises(InvalidInput) as refused:
        print_cards(database, [number], tmp_path / "karte.pdf")
    assert not (tmp_path / "karte.pdf").exists()
    return refused.value


def test_every_change_through_kpass_keeps_the_register_as_recorded(
    database: Database, tmp_path: Path
) -> None:
    numbers = issue_passes_for(database, 4)
    revoke_pass(database, numbers[0], DAY, "verzogen")
    new = replace_pass(database, numbers[1], DAY, "verloren")
    until = one(database, "SELECT max(valid_until) FROM pass_validity WHERE pass_id = :p",
                p=pass_id(database, numbers[2]))[0]
    on = date.fromisoformat(str(until)) - timedelta(days=20)
    renew_pass(database, numbers[2], on, today=on)  # a second period
    report = verify_trail(database)
    assert report.intact, report.pass_problems
    assert report.passes_checked == 5 and report.passes_not_checkable == 0
    assert new.number is not None
    print_cards(database, [new.number, numbers[2], numbers[3]], tmp_path / "karten.pdf")


def test_a_revocation_lifted_by_sql_is_reported_and_not_printed(
    database: Database, tmp_path: Path
) -> None:
    revoked, other = issue_passes_for(database, 2)
    revoke_pass(database, revoked, DAY, "verzogen")
    raw(database, "UPDATE pass SET status = 'active', revoked_on = NULL, "
        "revocation_reason = NULL WHERE number = :n", n=revoked)
    report = verify_trail(database)
    assert report.chain_intact and not report.intact
    [problem] = report.pass_problems
    assert (problem.kind, problem.number) == ("changed", revoked)
    assert "revoked" in problem.message_en and "Protokoll" in problem.message_de
    error = refused_print(database, revoked, tmp_path)
    assert revoked in error.message_de and "Protokoll" in error.message_de
    print_cards(database, [other], tmp_path / "other.pdf")  # the others still print


def test_a_validity_extended_to_2099_is_reported_and_not_printed(
    database: Database, tmp_path: Path
) -> None:
    [number] = issue_passes_for(database, 1)
    raw(database, "UPDATE pass_validity SET valid_until = '2099-12-31' WHERE pass_id = :p",
        p=pass_id(database, number))
    [problem] = verify_trail(database).pass_problems
    assert problem.number == number and "2099-12-31" in problem.message_en
    error = refused_print(database, number, tmp_path)
    assert "2099-12-31" in error.message_en


def test_a_period_added_by_sql_is_reported(database: Database) -> None:
    [number] = issue_passes_for(database, 1)
    raw(database,
        "INSERT INTO pass_validity (pass_id, decision_id, kind, valid_from, valid_until) "
        "SELECT pass_id, decision_id, 'renewal', '2090-01-01', '2099-12-31' "
        "FROM pass_validity WHERE pass_id = :p", p=pass_id(database, number))
    [problem] = verify_trail(database).pass_problems
    assert problem.kind == "changed" and "2090-01-01" in problem.message_en


def test_a_pass_slipped_in_by_sql_is_reported_and_not_printed(
    database: Database, tmp_path: Path
) -> None:
    [number] = issue_passes_for(database, 1)
    existing = pass_id(database, number)
    raw(database,
        "INSERT INTO pass (number, person_id, pass_type, status, created_at, version, issuer) "
        "SELECT 'KA-999999-99', person_id, pass_type, 'active', created_at, 1, issuer FROM pass "
        "WHERE id = :p", p=existing)
    forged = pass_id(database, "KA-999999-99")
    raw(database,
        "INSERT INTO pass_validity (pass_id, decision_id, kind, valid_from, valid_until) "
        "SELECT :f, decision_id, 'new', valid_from, '2099-12-31' FROM pass_validity "
        "WHERE pass_id = :p", f=forged, p=existing)
    [problem] = verify_trail(database).pass_problems
    assert (problem.kind, problem.pass_id) == ("unrecorded", forged)


def test_a_pass_deleted_by_sql_is_reported(database: Database) -> None:
    _, gone = issue_passes_for(database, 2)
    raw(database, "DELETE FROM pass WHERE number = :n", n=gone)
    [problem] = verify_trail(database).pass_problems
    assert (problem.kind, problem.number) == ("deleted", gone)


def test_an_altered_record_of_the_pass_is_no_excuse_for_printing(
    database: Database, tmp_path: Path
) -> None:
    """The intruder changes the pass and its record alike: the chain breaks at the record,
    and the print check, which recomputes the record's hash, refuses too."""
    [number] = issue_passes_for(database, 1)
    card = pass_id(database, number)
    raw(database, "UPDATE pass_validity SET valid_until = '2099-12-31' WHERE pass_id = :p",
        p=card)
    seq, details = one(database, "SELECT seq, details FROM audit_event WHERE entity = 'pass' "
                       "AND entity_id = :p ORDER BY seq DESC", p=card)
    import json

    recorded = details if isinstance(details, dict) else json.loads(details)
    recorded["state"]["periods"][0][1] = "2099-12-31"
    raw(database, "UPDATE audit_event SET details = :d WHERE seq = :s",
        d=json.dumps(recorded), s=seq)
    report = verify_trail(database)
    assert [(p.kind, p.seq) for p in report.chain_problems] == [("changed", seq)]
    assert report.pass_problem_count == 0  # the register matches the (altered) record
    assert "verändert" in refused_print(database, number, tmp_path).message_de


def test_a_demo_register_has_every_pass_recorded(
    demo_register: Callable[[int, int, date], Database],
) -> None:
    """Demo data writes its passes in bulk, and their states into the trail with them: a
    pass extended behind kpass's back in a demo register is found like any other."""
    database = demo_register(60, 7, date(2026, 10, 31))
    passes = int(one(database, "SELECT count(*) FROM pass")[0])
    report = verify_trail(database)
    assert report.intact, report.pass_problems
    assert passes > 40 and report.passes_checked == passes
    assert report.passes_not_checkable == 0
    target, number = one(database, "SELECT id, number FROM pass WHERE status = 'revoked' "
                                   "ORDER BY id LIMIT 1")
    raw(database, "UPDATE pass SET status = 'active', revoked_on = NULL WHERE id = :p", p=target)
    report = verify_trail(database)
    assert [(p.kind, p.number) for p in report.pass_problems] == [("changed", number)]
