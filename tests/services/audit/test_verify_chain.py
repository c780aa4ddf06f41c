"""The hash chain catches an event changed, deleted or inserted by raw SQL, names its seq,
and proves an anchor noted earlier — on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from kpass.errors import InvalidInput, PermissionDenied
from kpass.models.engine import Database
from kpass.services.audit import anchor_head, verify_trail
from kpass.services.passes import revoke_pass
from tests.logins import log_in_admin, log_in_as
from tests.services.audit.trail_helpers import DAY, issue_passes_for, one, raw

MADE_UP = "ab" * 32


def head(database: Database) -> tuple[int, str]:
    row = one(database, "SELECT seq, hash FROM audit_head WHERE id = 1")
    return int(row.seq), str(row.hash)


def middle_event(database: Database, action: str) -> int:
    return int(one(database, "SELECT min(seq) FROM audit_event WHERE action = :a", a=action)[0])


def test_an_untouched_trail_verifies(database: Database) -> None:
    numbers = issue_passes_for(database, 2)
    revoke_pass(database, numbers[1], DAY, "verzogen")
    report = verify_trail(database)
    assert report.intact, report.chain_problems + report.pass_problems
    seq, link = head(database)
    assert (report.events, report.head_seq, report.head_hash) == (seq, seq, link)
    assert report.passes_checked == 2 and report.passes_not_checkable == 0
    assert report.first_break is None


def test_an_event_changed_by_sql_is_found_with_its_seq(database: Database) -> None:
    issue_passes_for(database, 2)
    seq = middle_event(database, "decide")
    raw(database, "UPDATE audit_event SET details = :d WHERE seq = :s",
        d='{"eligible": 0}', s=seq)
    report = verify_trail(database)
    assert not report.intact
    assert [(p.kind, p.seq) for p in report.chain_problems] == [("changed", seq)]
    assert report.first_break == seq
    assert f"Nr. {seq}" in report.chain_problems[0].message_de


def test_a_changed_time_or_author_breaks_the_link_too(database: Database) -> None:
    issue_passes_for(database, 1)
    seq = middle_event(database, "issue")
    raw(database, "UPDATE audit_event SET action = 'apply' WHERE seq = :s", s=seq)
    assert [(p.kind, p.seq) for p in verify_trail(database).chain_problems] == [
        ("changed", seq)
    ]


def test_a_deleted_event_leaves_a_gap(database: Database) -> None:
    issue_passes_for(database, 2)
    seq = middle_event(database, "decide")
    raw(database, "DELETE FROM audit_event WHERE seq = :s", s=seq)
    report = verify_trail(database)
    assert [(p.kind, p.seq) for p in report.chain_problems] == [("missing", seq + 1)]
    assert f"{seq}" in report.chain_problems[0].message_en


def test_deleting_the_newest_events_is_told_by_the_head(database: Database) -> None:
    issue_passes_for(database, 1)
    last, _ = head(database)
    raw(database, "DELETE FROM audit_event WHERE seq >= :s", s=last - 1)
    report = verify_trail(database)
    assert [(p.kind, p.seq) for p in report.chain_problems] == [("head", last)]
    assert "gelöscht" in report.chain_problems[0].message_de


def test_an_inserted_event_with_a_made_up_hash_is_found(database: Database) -> None:
    issue_passes_for(database, 1)
    last, link = head(database)
    user = one(database, "SELECT id FROM app_user WHERE username = 'testerin'")[0]
    raw(database,
        "INSERT INTO audit_event (at, user_id, action, entity, entity_id, details, seq, "
        "prev_hash, hash) VALUES (:at, :u, 'revoke', 'pass', 1, :d, :s, :p, :h)",
        at=one(database, "SELECT at FROM audit_event WHERE seq = :s", s=last)[0],
        u=user, d='{}', s=last + 1, p=link, h=MADE_UP)
    report = verify_trail(database)
    assert [(p.kind, p.seq) for p in report.chain_problems] == [
        ("changed", last + 1), ("head", last)
    ]


def test_an_event_slipped_in_before_the_first_is_found(database: Database) -> None:
    issue_passes_for(database, 1)
    user = one(database, "SELECT id FROM app_user WHERE username = 'testerin'")[0]
    raw(database,
        "INSERT INTO audit_event (at, user_id, action, entity, entity_id, details, seq, "
        "prev_hash, hash) SELECT at, :u, 'login', 'app_user', NULL, :d, 0, prev_hash, :h "
        "FROM audit_event WHERE seq = 1",
        u=user, d='{}', h=MADE_UP)
    kinds = [(p.kind, p.seq) for p in verify_trail(database).chain_problems]
    assert kinds[0] == ("order", 0)


def test_an_anchor_is_proven_later_and_a_made_up_one_is_not(database: Database) -> None:
    issue_passes_for(database, 1)
    anchor = anchor_head(database)
    assert (anchor.seq, anchor.hash) == head(database)  # the anchor event is the head
    assert one(database, "SELECT action FROM audit_event WHERE seq = :s", s=anchor.seq)[0] \
        == "anchor"
    issue_passes_for(database, 2)  # the register goes on

    proven = verify_trail(database, anchor=anchor.hash.upper())
    assert proven.intact and proven.anchor_proven and proven.anchor_seq == anchor.seq

    made_up = verify_trail(database, anchor=MADE_UP)
    assert made_up.anchor_proven is False and not made_up.intact
    assert made_up.chain_problem_count == 0  # the chain itself is whole

    # an event before the anchor changed: the anchor is found but no longer proven
    raw(database, "UPDATE audit_event SET details = '{\"forged\": 1}' WHERE seq = 2")
    broken = verify_trail(database, anchor=anchor.hash)
    assert broken.anchor_seq == anchor.seq and broken.anchor_proven is False


def test_an_anchor_must_look_like_a_hash(database: Database) -> None:
    with pytest.raises(InvalidInput):
        verify_trail(database, anchor="not a hash")


def test_verifying_writes_nothing(database: Database) -> None:
    issue_passes_for(database, 1)
    before = head(database)
    verify_trail(database)
    assert head(database) == before


def test_only_supervisors_and_admins_verify(database: Database) -> None:
    log_in_as(database, "supervisor")
    assert verify_trail(database).intact
    assert anchor_head(database).seq > 0
    log_in_admin(database)
    log_in_as(database, "caseworker")
    with pytest.raises(PermissionDenied):
        verify_trail(database)
    with pytest.raises(PermissionDenied):
        anchor_head(database)
