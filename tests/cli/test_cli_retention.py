"""``kpass retention rules|set|run|erase`` as an administrator or supervisor uses them."""

from __future__ import annotations

import json
import subprocess
from datetime import date

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes
from tests.cli_process import run_kpass
from tests.register_builder import add_household, add_income, household_of


def kpass(database: Database, *args: str) -> subprocess.CompletedProcess[str]:
    url = database.url.render_as_string(hide_password=False)
    return run_kpass("--database", url, "retention", *args)


def test_rules_name_period_and_reason(database: Database) -> None:
    result = kpass(database, "rules")
    assert result.returncode == 0, result.stderr
    assert "Fallakte (Haushalt)" in result.stdout
    assert "3 Jahre nach Ablauf des Kalenderjahres" in result.stdout
    assert "DSGVO" in result.stdout
    listed = json.loads(kpass(database, "rules", "--json").stdout)
    assert [c["class"] for c in listed] == ["household_file", "proofs", "photos",
                                            "printed_files"]


def test_an_administrator_changes_a_period_with_its_reason(database: Database) -> None:
    result = kpass(database, "set", "photos", "--months", "3", "--reason",
                   "Beschluss der Amtsleitung vom 01.12.2026")
    assert result.returncode == 0, result.stderr
    assert "3 Monate" in result.stdout
    [photos] = [c for c in json.loads(kpass(database, "rules", "--json").stdout)
                if c["class"] == "photos"]
    assert photos["period"] == {"months": 3} and photos["changed"] is True
    assert photos["reason"] == "Beschluss der Amtsleitung vom 01.12.2026"
    refused = kpass(database, "set", "photos", "--years", "300", "--reason", "x")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr


def test_dry_run_as_of_lists_and_a_real_run_refuses_another_day(database: Database) -> None:
    [person] = add_household(database, [("Lang", "Emil", date(1950, 1, 1), "applicant")],
                             since=date(2019, 1, 1))
    add_income(database, person, "pension", "900.00", since=date(2019, 1, 1))
    application = apply(database, household_of(database, person), date(2023, 3, 1),
                        today=date(2040, 1, 1))
    issue_passes(database, decide(database, application.application_id).decision_id)

    dry = kpass(database, "run", "--dry-run", "--as-of", "2040-01-01", "--json")
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert [h["id"] for h in report["households"]] == [household_of(database, person)]
    text = kpass(database, "run", "--dry-run", "--as-of", "2040-01-01")
    assert "would delete" in text.stdout and "Nothing was changed" in text.stdout

    refused = kpass(database, "run", "--as-of", "2040-01-01")
    assert refused.returncode == 2
    assert "nur mit --dry-run" in refused.stderr and "Traceback" not in refused.stderr

    today = kpass(database, "run")  # today: the household's pass is valid, nothing is due
    assert today.returncode == 0, today.stderr
    assert "Fallakte (Haushalt)" in today.stdout


def test_erase_refused_names_the_reason_and_exits_1(database: Database) -> None:
    [person] = add_household(database, [("Kurz", "Ida", date(1950, 1, 1), "applicant")])
    add_income(database, person, "pension", "900.00")
    application = apply(database, household_of(database, person), date.today())
    [card] = issue_passes(database, decide(database, application.application_id).decision_id)
    result = kpass(database, "erase", "--person", str(person))
    assert result.returncode == 1
    assert f"der Pass {card.number} gilt bis" in result.stderr
    assert "Traceback" not in result.stderr
    unknown = kpass(database, "erase", "--person", "999999")
    assert unknown.returncode == 2 and "keine Person" in unknown.stderr
