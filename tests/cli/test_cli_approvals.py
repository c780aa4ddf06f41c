"""``kpass approvals …``: the administrator's switch, the supervisors' queue, confirm and
return, with their exit codes and messages in English and German."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date

from kpass.models.engine import Database
from kpass.services.applications import apply, decide
from tests.logins import ROLE_PASSWORD, log_in_admin, log_in_as
from tests.register_builder import add_household, add_income, household_of

DAY = date(2026, 3, 16)


def kpass(database: Database, *args: str, user: str | None = None
          ) -> subprocess.CompletedProcess[str]:
    from tests.cli_process import run_kpass

    url = database.url.render_as_string(hide_password=False)
    env = None
    if user is not None:
        env = {**os.environ, "KPASS_USER": user, "KPASS_PASSWORD": ROLE_PASSWORD}
    return run_kpass("--database", url, "approvals", *args, env=env)


def _decide(database: Database, family: str, wages: str) -> int:
    [person] = add_household(database, [(family, "Ayşe", date(1980, 4, 2), "applicant")])
    add_income(database, person, "wages", wages)
    application = apply(database, household_of(database, person), DAY, today=date(2030, 1, 1))
    return decide(database, application.application_id).decision_id


def test_settings_queue_confirm_and_return(database: Database) -> None:
    caseworker = log_in_as(database, "caseworker")
    log_in_admin(database)
    supervisor = log_in_as(database, "supervisor")
    log_in_admin(database)

    shown = kpass(database, "settings", user=caseworker)
    assert shown.returncode == 0, shown.stderr
    assert "four-eyes rule / Vier-Augen-Prinzip: off / aus" in shown.stdout
    refused = kpass(database, "settings", "--on", user=supervisor)
    assert refused.returncode == 3 and "Einstellungen ändern" in refused.stderr
    bad = kpass(database, "settings", "--margin-eur", "-5")
    assert bad.returncode == 2 and "Die Spanne muss" in bad.stderr and "Traceback" not in bad.stderr
    both = kpass(database, "settings", "--margin-eur", "5", "--margin-percent", "1")
    assert both.returncode == 2 and "not allowed with argument" in both.stderr
    turned = kpass(database, "settings", "--on", "--margin-percent", "3", "--json")
    assert turned.returncode == 0, turned.stderr
    assert json.loads(turned.stdout) == {"enabled": True, "margin_unit": "percent",
                                         "margin_amount": "3", "pending": 0}

    log_in_as(database, "caseworker")
    refusal = _decide(database, "Özdemir", "2000.00")
    close = _decide(database, "Weiß", "1270.00")  # 30 € under 1,300 €, within 3 % (39 €)

    assert kpass(database, "list", user=caseworker).returncode == 3
    listed = kpass(database, "list", user=supervisor)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert f"decision {refusal} " in lines[0] and "rejection / Ablehnung" in lines[0]
    assert f"decision {close} " in lines[1]
    assert "close to the income limit (30.00 EUR below) / nahe an der Einkommensgrenze " \
           "(30,00 € unter)" in lines[1]
    [first, second] = json.loads(kpass(database, "list", "--json", user=supervisor).stdout)

    assert first["decision_id"] == refusal
    # by the decision's number, as the app's Freigaben page shows it
    confirmed = kpass(database, "confirm", "--decision", str(refusal), user=supervisor)
    assert confirmed.returncode == 0, confirmed.stderr
    assert "confirmed / freigegeben" in confirmed.stdout
    again = kpass(database, "confirm", str(first["id"]), user=supervisor)
    assert again.returncode == 1
    assert "already confirmed by supervisor-test" in again.stderr
    assert "bereits von supervisor-test" in again.stderr

    empty = kpass(database, "return", str(second["id"]), "--reason", " ", user=supervisor)
    assert empty.returncode == 2
    returned = kpass(database, "return", str(second["id"]), "--reason",
                     "Lohnabrechnung prüfen", user=supervisor)
    assert returned.returncode == 0, returned.stderr
    assert "Lohnabrechnung prüfen" in returned.stdout
    status = kpass(database, "status", "--decision", str(close), "--json", user=caseworker)
    assert json.loads(status.stdout)["state"] == "returned"
    assert "nothing waits for approval" in kpass(database, "list", user=supervisor).stdout
    unknown = kpass(database, "confirm", "999", user=supervisor)
    assert unknown.returncode == 2 and "keine Freigabe 999" in unknown.stderr
    never_waited = kpass(database, "confirm", "--decision", "999", user=supervisor)
    assert never_waited.returncode == 2 and "musste nicht" in never_waited.stderr
    both = kpass(database, "confirm", str(second["id"]), "--decision", str(close),
                 user=supervisor)
    assert both.returncode == 2  # one or the other, never both


def test_a_supervisor_cannot_confirm_their_own_decision(database: Database) -> None:
    log_in_admin(database)
    kpass(database, "settings", "--on")
    supervisor = log_in_as(database, "supervisor")
    _decide(database, "Lang", "2500.00")
    [row] = json.loads(kpass(database, "list", "--json", user=supervisor).stdout)
    assert row["own"] is True
    own = kpass(database, "confirm", str(row["id"]), user=supervisor)
    assert own.returncode == 3
    assert "yourself" in own.stderr and "Vier-Augen-Prinzip" in own.stderr


def test_decide_says_a_refusal_waits_and_issues_nothing(database: Database) -> None:
    from tests.cli_process import run_kpass

    log_in_admin(database)
    kpass(database, "settings", "--on")
    caseworker = log_in_as(database, "caseworker")
    [person] = add_household(database, [("Brandt", "Olga", date(1975, 2, 1), "applicant")])
    add_income(database, person, "wages", "2600.00")
    application = apply(database, household_of(database, person), DAY, today=date(2030, 1, 1))
    url = database.url.render_as_string(hide_password=False)
    env = {**os.environ, "KPASS_USER": caseworker, "KPASS_PASSWORD": ROLE_PASSWORD}
    decided = run_kpass("--database", url, "decide", "--application",
                        str(application.application_id), "--issue", env=env)
    assert decided.returncode == 0, decided.stderr
    assert "four-eyes rule" in decided.stdout
    assert "Wartet auf Freigabe durch die Leitung" in decided.stdout
    assert "KA-" not in decided.stdout  # no pass number: nothing was issued
