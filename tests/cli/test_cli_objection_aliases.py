"""The command forms the issue names, over the same services: ``kpass objection add``,
``kpass objection decide ID --outcome …``, ``kpass objections list [--open] [--json]`` and
``kpass stats objections``."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from datetime import date
from pathlib import Path

from kpass.models.engine import Database
from tests.logins import ROLE_PASSWORD, log_in_admin, log_in_as
from tests.services.objections.conftest import correct_income
from tests.services.objections.with_objections import refusal

DAY = date(2026, 3, 16)  # Bekanntgabe 20.03. (4 days), deadline 20.04.


def kpass(database: Database, *args: str, user: str | None = None
          ) -> subprocess.CompletedProcess[str]:
    from tests.cli_process import run_kpass

    url = database.url.render_as_string(hide_password=False)
    env = None
    if user is not None:
        env = {**os.environ, "KPASS_USER": user, "KPASS_PASSWORD": ROLE_PASSWORD}
    return run_kpass("--database", url, *args, env=env)


def test_add_decide_and_list(database: Database) -> None:
    first = refusal(database, "Lang", "Emil", DAY)
    second = refusal(database, "Kurz", "Ida", DAY)
    caseworker = log_in_as(database, "caseworker")
    log_in_admin(database)
    supervisor = log_in_as(database, "supervisor")

    added = kpass(database, "objection", "add", "--decision", str(first.decision),
                  "--received", "2026-04-20", "--json", user=caseworker)
    assert added.returncode == 0, added.stderr
    lodged = json.loads(added.stdout)
    assert lodged["lodged_by"] == "Emil Lang" and lodged["in_time"] is True  # the applicant
    number = str(lodged["id"])
    other = kpass(database, "objection", "add", "--decision", str(second.decision),
                  "--received", "2026-04-21", "--representative", "Anna Muster",
                  user=caseworker)
    assert other.returncode == 0 and "LATE" in other.stdout
    other_number = other.stdout.split(":")[0].split()[-1]

    no_reasons = kpass(database, "objection", "decide", number, "--outcome",
                       "zurueckgewiesen", user=supervisor)
    assert no_reasons.returncode == 2 and "--reasons" in no_reasons.stderr
    wrong = kpass(database, "objection", "decide", number, "--outcome", "stattgegeben",
                  user=supervisor)
    assert wrong.returncode == 2 and "kein Ergebnis" in wrong.stderr
    early = kpass(database, "objection", "decide", number, "--outcome", "zurückgewiesen",
                  "--reasons", "Richtig berechnet.", user=supervisor)
    assert early.returncode == 2 and "zuerst in Prüfung" in early.stderr
    assert kpass(database, "objection", "review", "--objection", number,
                 user=caseworker).returncode == 0
    not_theirs = kpass(database, "objection", "decide", number, "--outcome",
                       "zurueckgewiesen", "--reasons", "x", user=caseworker)
    assert not_theirs.returncode == 3
    rejected = kpass(database, "objection", "decide", number, "--outcome", "zurueckgewiesen",
                     "--reasons", "Richtig berechnet.", "--on", "2026-05-04", "--json",
                     user=supervisor)
    assert rejected.returncode == 0, rejected.stderr
    assert json.loads(rejected.stdout)["state"] == "rejected"

    listed = kpass(database, "objections", "list", "--open", "--json", user=caseworker)
    assert [row["id"] for row in json.loads(listed.stdout)] == [int(other_number)]
    every = json.loads(kpass(database, "objections", "list", "--json",
                             user=caseworker).stdout)
    assert [row["state"] for row in every] == ["received", "rejected"]
    assert every[1]["applicant"] == "Lang, Emil" and every[1]["due_on"] is None
    text = kpass(database, "objections", "list", user=caseworker).stdout
    assert "zurückgewiesen" in text and "erledigt" in text

    withdrawn = kpass(database, "objection", "decide", other_number, "--outcome",
                      "zurueckgenommen", "--note", "telefonisch", user=caseworker)
    assert withdrawn.returncode == 0 and "zurückgenommen" in withdrawn.stdout
    none_open = kpass(database, "objections", "list", "--open", user=caseworker)
    assert "keine offenen Widersprüche" in none_open.stdout


def test_decide_abgeholfen_issues_the_pass(database: Database) -> None:
    refused = refusal(database, "Lang", "Emil", DAY)
    log_in_admin(database)
    supervisor = log_in_as(database, "supervisor")
    number = json.loads(kpass(database, "objection", "add", "--decision",
                              str(refused.decision), "--received", "2026-04-01", "--json",
                              user=supervisor).stdout)["id"]
    kpass(database, "objection", "review", "--objection", str(number), user=supervisor)
    correct_income(database, refused.person, "900.00")
    remedied = kpass(database, "objection", "decide", str(number), "--outcome", "abgeholfen",
                     "--note", "Rente berichtigt", "--json", user=supervisor)
    assert remedied.returncode == 0, remedied.stderr
    result = json.loads(remedied.stdout)
    assert result["objection"]["state"] == "remedied"
    assert [i["action"] for i in result["issued"]] == ["new_pass"]


def test_stats_objections(database: Database, tmp_path: Path) -> None:
    refused = refusal(database, "Lang", "Emil", DAY)
    kpass(database, "objection", "add", "--decision", str(refused.decision), "--received",
          "2026-04-01")
    out = tmp_path / "w.csv"
    done = kpass(database, "stats", "objections", "--from", "2026-03", "--to", "2026-04",
                 "--out", str(out))
    assert done.returncode == 0, done.stderr
    lines = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert ["2026-04", "offen", "·", "0", "·"] in lines  # one objection: hidden
    exact = kpass(database, "stats", "objections", "--from", "2026-04", "--to", "2026-04",
                  "--exact", "--format", "json", "--out", str(tmp_path / "w.json"))
    assert exact.returncode == 0, exact.stderr
    rows = json.loads((tmp_path / "w.json").read_text(encoding="utf-8"))["rows"]
    assert [r["total"] for r in rows if r["outcome"] == "open"] == [1]
    backwards = kpass(database, "stats", "objections", "--from", "2026-05", "--to", "2026-04",
                      "--out", str(out))
    assert backwards.returncode == 2 and "Traceback" not in backwards.stderr
    # the statistics as before, and their required options still required
    old = kpass(database, "stats", "--from", "2026-04", "--to", "2026-04", "--format", "csv",
                "--out", str(tmp_path / "s.csv"))
    assert old.returncode == 0, old.stderr
    missing = kpass(database, "stats", "--from", "2026-04")
    assert missing.returncode == 2 and "--format" in missing.stderr
