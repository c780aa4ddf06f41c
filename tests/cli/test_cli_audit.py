"""``kpass audit verify|anchor|list`` as a script or a supervisor at the terminal uses them."""

from __future__ import annotations

import json
import subprocess

from kpass.models.engine import Database
from kpass.services.passes import revoke_pass
from tests.cli_process import run_kpass
from tests.services.audit.trail_helpers import DAY, issue_passes_for, one, raw


def kpass(database: Database, *args: str) -> subprocess.CompletedProcess[str]:
    url = database.url.render_as_string(hide_password=False)
    return run_kpass("--database", url, "audit", *args)


def test_verify_says_intact_and_exits_0(database: Database) -> None:
    issue_passes_for(database, 2)
    result = kpass(database, "verify")
    assert result.returncode == 0, result.stderr
    assert "Chain: intact" in result.stdout and "Result: intact." in result.stdout
    assert "Passes: 2 checked" in result.stdout


def test_verify_names_the_broken_event_and_exits_1(database: Database) -> None:
    issue_passes_for(database, 2)
    seq, event_id = one(database, "SELECT seq, id FROM audit_event WHERE action = 'decide' "
                        "ORDER BY seq")
    raw(database, "UPDATE audit_event SET details = '{\"eligible\": 9}' WHERE seq = :s", s=seq)
    result = kpass(database, "verify")
    assert result.returncode == 1, result.stderr
    assert f"BROKEN at seq {seq}" in result.stdout
    assert f"seq {seq}, event id {event_id}, changed" in result.stdout
    report = json.loads(kpass(database, "verify", "--json").stdout)
    assert report["intact"] is False and report["first_break"] == seq
    assert report["chain_problems"][0]["event_id"] == event_id


def test_verify_reports_a_pass_un_revoked_by_sql(database: Database) -> None:
    [number] = issue_passes_for(database, 1)
    revoke_pass(database, number, DAY, "verzogen")
    raw(database, "UPDATE pass SET status = 'active', revoked_on = NULL WHERE number = :n",
        n=number)
    result = kpass(database, "verify")
    assert result.returncode == 1
    assert "Chain: intact" in result.stdout and f"  {number}: Pass {number} differs" \
        in result.stdout


def test_anchor_then_verify_with_it(database: Database) -> None:
    issue_passes_for(database, 1)
    printed = kpass(database, "anchor")
    assert printed.returncode == 0, printed.stderr
    lines = dict(line.split(":", 1) for line in printed.stdout.splitlines()[:3])
    seq, link = int(lines["seq"]), lines["hash"].strip()
    assert one(database, "SELECT hash FROM audit_event WHERE seq = :s", s=seq)[0] == link
    issue_passes_for(database, 1)
    proven = kpass(database, "verify", "--anchor", link)
    assert proven.returncode == 0 and f"Anchor: proven, seq {seq}" in proven.stdout
    made_up = kpass(database, "verify", "--anchor", "cd" * 32)
    assert made_up.returncode == 1 and "Anchor: NOT in the chain" in made_up.stdout
    bad = kpass(database, "verify", "--anchor", "xyz")
    assert bad.returncode == 2 and "64" in bad.stderr
    data = json.loads(kpass(database, "anchor", "--json").stdout)
    assert set(data) == {"seq", "hash", "at"} and data["seq"] > seq


def test_list_filters_and_prints_json(database: Database) -> None:
    [number] = issue_passes_for(database, 1)
    revoke_pass(database, number, DAY, "Wegzug")
    listed = kpass(database, "list", "--json", "--entity", "pass", "--by", "testerin",
                   "--from", DAY.isoformat(), "--limit", "5")
    assert listed.returncode == 0, listed.stderr
    events = json.loads(listed.stdout)
    assert [e["action"] for e in events] == ["revoke", "issue_pass"]
    assert events[0]["details"]["number"] == number
    text = kpass(database, "list", "--limit", "3")
    assert text.returncode == 0 and len(text.stdout.splitlines()) == 3
    # newest first: this command's login, then the listing before it, recorded as a read
    assert [line.split()[4] for line in text.stdout.splitlines()[:2]] == ["login", "read_audit"]
    paged = kpass(database, "list", "--json", "--before", str(events[-1]["seq"]), "--limit", "1")
    assert json.loads(paged.stdout)[0]["seq"] == events[-1]["seq"] - 1
    # the login may be named before or after the command, beside the filter by user
    for login in (["--user", "testerin", "audit"], ["audit", "--user", "testerin"]):
        url = database.url.render_as_string(hide_password=False)
        named = run_kpass("--database", url, *login, "list", "--json", "--by", "niemand")
        assert named.returncode == 0, named.stderr
        assert json.loads(named.stdout) == []


def test_bad_arguments_exit_2(database: Database) -> None:
    for args in (["list", "--limit", "0"], ["list", "--from", "2026-13-01"], ["frobnicate"]):
        result = kpass(database, *args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
