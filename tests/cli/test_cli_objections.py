"""``kpass objection …`` as the counter and the supervisor use it: exit codes, JSON, the
whole way from lodging to the Abhilfe."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from tests.logins import ROLE_PASSWORD, log_in_admin, log_in_as
from tests.register_builder import add_household, add_income, household_of
from tests.services.objections.conftest import correct_income

DAY = date(2026, 3, 16)


def kpass(database: Database, *args: str, user: str | None = None
          ) -> subprocess.CompletedProcess[str]:
    url = database.url.render_as_string(hide_password=False)
    env = None
    if user is not None:
        env = {**os.environ, "KPASS_USER": user, "KPASS_PASSWORD": ROLE_PASSWORD}
    return run(url, args, env)


def run(url: str, args: tuple[str, ...], env: dict[str, str] | None
        ) -> subprocess.CompletedProcess[str]:
    from tests.cli_process import run_kpass

    return run_kpass("--database", url, "objection", *args, env=env)


def test_from_lodging_to_the_remedy(database: Database) -> None:
    [person] = add_household(database, [("Lang", "Emil", date(1950, 1, 1), "applicant")])
    add_income(database, person, "pension", "2000.00")
    application = apply(database, household_of(database, person), DAY, today=date(2030, 1, 1))
    decision = decide(database, application.application_id).decision_id
    caseworker = log_in_as(database, "caseworker")
    log_in_admin(database)
    supervisor = log_in_as(database, "supervisor")

    lodged = kpass(database, "lodge", "--decision", str(decision), "--received", "2026-04-21",
                   "--person", str(person), "--reason", "Rente falsch erfasst", "--json",
                   user=caseworker)
    assert lodged.returncode == 0, lodged.stderr
    objection = json.loads(lodged.stdout)
    assert objection["deadline"] == "2026-04-20" and objection["in_time"] is False
    number = str(objection["id"])

    again = kpass(database, "lodge", "--decision", str(decision), "--received", "2026-04-22",
                  "--representative", "Anna Muster", user=caseworker)
    assert again.returncode == 2 and "noch offen" in again.stderr
    assert "Traceback" not in again.stderr

    early = kpass(database, "reject", "--objection", number, "--reasons", "x", user=supervisor)
    assert early.returncode == 2 and "zuerst in Prüfung" in early.stderr
    refused = kpass(database, "reject", "--objection", number, "--reasons", "x",
                    user=caseworker)
    assert refused.returncode == 3 and "Widersprüche" in refused.stderr

    assert kpass(database, "review", "--objection", number, user=caseworker).returncode == 0
    assert kpass(database, "follow-up", "--objection", number, "--on", "2026-05-04",
                 user=caseworker).returncode == 0
    listed = kpass(database, "list", "--today", "2026-05-04", "--json", user=caseworker)
    assert listed.returncode == 0, listed.stderr
    [row] = json.loads(listed.stdout)
    assert row["state"] == "in_review" and row["follow_up_due"] is True
    assert row["due_on"] == "2026-05-04"

    correct_income(database, person, "1000.00")
    remedied = kpass(database, "remedy", "--objection", number, "--on", "2026-05-05",
                     "--json", user=supervisor)
    assert remedied.returncode == 0, remedied.stderr
    result = json.loads(remedied.stdout)
    assert result["objection"]["state"] == "remedied"
    assert [i["action"] for i in result["issued"]] == ["new_pass"]
    assert json.loads(kpass(database, "list", "--json", user=caseworker).stdout) == []
    shown = kpass(database, "show", "--objection", number, user=caseworker)
    assert "abgeholfen" in shown.stdout
    missing = kpass(database, "show", "--objection", "999", user=caseworker)
    assert missing.returncode == 2
    bad = kpass(database, "lodge", "--decision", str(decision), "--received", "2026-02-31",
                "--person", str(person), user=caseworker)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
