"""``kpass print objection-letter``: exit 0 with the PDF written, 2 for a bad id or an
objection that is still open."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.objections import lodge_objection, reject_objection, start_review
from tests.cli_process import run_kpass
from tests.logins import ROLE_PASSWORD, log_in_as
from tests.register_builder import add_household, add_income, household_of

DAY = date(2026, 3, 16)
FUTURE = date(2030, 1, 1)


def test_print_objection_letter_exit_codes(database: Database, tmp_path: Path) -> None:
    [person] = add_household(database, [("Lang", "Emil", date(1950, 1, 1), "applicant")])
    add_income(database, person, "pension", "2000.00")
    application = apply(database, household_of(database, person), DAY, today=FUTURE)
    decision = decide(database, application.application_id).decision_id
    done = lodge_objection(database, decision, date(2026, 4, 1), lodged_by_person_id=person,
                           today=FUTURE)
    start_review(database, done.id)
    reject_objection(database, done.id, "Die Rente liegt über der Grenze.", on=date(2026, 5, 4),
                     today=FUTURE)
    caseworker = log_in_as(database, "caseworker")
    env = {**os.environ, "KPASS_USER": caseworker, "KPASS_PASSWORD": ROLE_PASSWORD}
    url = database.url.render_as_string(hide_password=False)

    def letter(objection: str, out: Path, *more: str) -> subprocess.CompletedProcess[str]:
        return run_kpass("--database", url, "print", "objection-letter", "--objection",
                         objection, "--out", str(out), *more, env=env)

    out = tmp_path / "widerspruchsbescheid.pdf"
    written = letter(str(done.id), out, "--date", "2026-05-05")
    assert written.returncode == 0, written.stderr
    assert f"letter for objection {done.id}" in written.stdout
    text = subprocess.run(["pdftotext", str(out), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "05.05.2026" in text and "wird zurückgewiesen" in text

    for bad in ("abc", "0", "999999"):
        result = letter(bad, tmp_path / "x.pdf")
        assert result.returncode == 2, (bad, result.stderr)
        assert "Traceback" not in result.stderr
    assert letter(str(done.id), tmp_path / "y.pdf", "--date", "5.5.26").returncode == 2
    # a newer objection is still open (the first one is decided): no letter yet
    still_open = lodge_objection(database, decision, date(2026, 4, 2), representative="X",
                                 today=FUTURE)
    refused = letter(str(still_open.id), tmp_path / "offen.pdf")
    assert refused.returncode == 2 and "eingegangen" in refused.stderr
    assert not (tmp_path / "offen.pdf").exists() and not (tmp_path / "x.pdf").exists()
