"""``kpass vouchers hand-out|receipt|list``: exit codes, JSON, the receipt as PDF, the
month's list as CSV and XLSX."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kpass.models.engine import Database
from tests.logins import ROLE_PASSWORD, log_in_admin, log_in_as
from tests.services.vouchers.conftest import Holder, holder


@pytest.fixture
def senior(database: Database) -> Holder:
    return holder(database, "Weiß-Özdemir", "Jürgen", date(1950, 5, 5))


@pytest.fixture
def younger(database: Database) -> Holder:
    return holder(database, "Müller", "Anna", date(1980, 4, 2))


def kpass(database: Database, *args: str, user: str | None = None
          ) -> subprocess.CompletedProcess[str]:
    from tests.cli_process import run_kpass

    url = database.url.render_as_string(hide_password=False)
    env = None
    if user is not None:
        env = {**os.environ, "KPASS_USER": user, "KPASS_PASSWORD": ROLE_PASSWORD}
    return run_kpass("--database", url, "vouchers", *args, env=env)


def test_hand_out_and_the_month_list(
    database: Database, senior: Holder, younger: Holder, tmp_path: Path
) -> None:
    caseworker = log_in_as(database, "caseworker")
    log_in_admin(database)
    supervisor = log_in_as(database, "supervisor")
    person = str(senior.person)

    done = kpass(database, "hand-out", "--person", person, "--date", "2026-03-20", "--json",
                 user=caseworker)
    assert done.returncode == 0, done.stderr
    issued = json.loads(done.stdout)
    assert issued["amount"] == "120.00" and issued["pass_number"] == senior.number

    again = kpass(database, "hand-out", "--person", person, "--date", "2026-07-01",
                  user=caseworker)
    assert again.returncode == 2 and "bereits am 20.03.2026 ausgegeben" in again.stderr
    assert "Traceback" not in again.stderr
    young = kpass(database, "hand-out", "--person", str(younger.person), "--date",
                  "2026-03-20", user=caseworker)
    assert young.returncode == 2 and "keinen Anspruch" in young.stderr
    bad_date = kpass(database, "hand-out", "--person", person, "--date", "20.13.2026",
                     user=caseworker)
    assert bad_date.returncode == 2

    refused = kpass(database, "list", "--month", "2026-03", user=caseworker)
    assert refused.returncode == 3, refused.stderr

    listed = kpass(database, "list", "--month", "2026-03", "--json", user=supervisor)
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == [{
        "id": issued["id"], "handed_out_on": "2026-03-20", "pass_number": senior.number,
        "person_name": "Weiß-Özdemir, Jürgen", "amount": "120.00",
    }]
    plain = kpass(database, "list", "--month", "2026-03", user=supervisor)
    assert plain.returncode == 0 and "120,00 €" in plain.stdout

    csv_file = tmp_path / "gutscheine.csv"
    written = kpass(database, "list", "--month", "2026-03", "--out", str(csv_file),
                    user=supervisor)
    assert written.returncode == 0, written.stderr
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbfAusgabetag;")
    assert b";120,00\r\n" in csv_file.read_bytes()
    xlsx_file = tmp_path / "gutscheine.xlsx"
    written = kpass(database, "list", "--month", "2026-03", "--out", str(xlsx_file),
                    user=supervisor)
    assert written.returncode == 0, written.stderr
    assert load_workbook(xlsx_file).active["D4"].value == 120
    wrong = kpass(database, "list", "--month", "2026-03", "--out", str(tmp_path / "g.txt"),
                  user=supervisor)
    assert wrong.returncode == 2 and ".xlsx" in wrong.stderr
    assert kpass(database, "list", "--month", "2026-13", user=supervisor).returncode == 2


def test_the_receipt_with_the_hand_out_and_again(
    database: Database, senior: Holder, younger: Holder, tmp_path: Path
) -> None:
    from tests.documents.pdf_tools import pdf_text, render

    caseworker = log_in_as(database, "caseworker")
    first = tmp_path / "quittung.pdf"
    done = kpass(database, "hand-out", "--person", str(senior.person), "--date", "2026-03-20",
                 "--print", str(first), user=caseworker)
    assert done.returncode == 0, done.stderr
    assert "Empfangsbestätigung geschrieben" in done.stdout and str(first) in done.stdout
    text = " ".join(pdf_text(first).split())
    assert "Empfangsbestätigung 60plus-Gutscheine 2026" in text
    assert "Jürgen Weiß-Özdemir" in text and "Betrag 120,00 €" in text
    assert render(first, tmp_path, dpi=30)
    voucher = done.stdout.rsplit("Ausgabe ", 1)[1].split(")")[0]

    again = tmp_path / "nochmal.pdf"
    printed = kpass(database, "receipt", "--voucher", voucher, "--out", str(again),
                    user=caseworker)
    assert printed.returncode == 0, printed.stderr
    assert "Ausgegeben am 20.03.2026" in " ".join(pdf_text(again).split())
    missing = kpass(database, "receipt", "--voucher", "999999", "--out",
                    str(tmp_path / "x.pdf"), user=caseworker)
    assert missing.returncode == 2 and "keine Ausgabe" in missing.stderr
    assert not (tmp_path / "x.pdf").exists()

    # refused hand-out: no receipt either
    refused = kpass(database, "hand-out", "--person", str(senior.person), "--date",
                    "2026-05-02", "--print", str(tmp_path / "zweite.pdf"), user=caseworker)
    assert refused.returncode == 2 and "bereits am 20.03.2026" in refused.stderr
    assert not (tmp_path / "zweite.pdf").exists()
    young = kpass(database, "hand-out", "--person", str(younger.person), "--print",
                  str(tmp_path / "jung.pdf"), user=caseworker)
    assert young.returncode == 2 and not (tmp_path / "jung.pdf").exists()

    log_in_admin(database)
    other = holder(database, "Schmidt", "Hanna", date(1955, 1, 1))
    # a folder that does not exist: refused before anything is handed out ...
    nowhere = kpass(database, "hand-out", "--person", str(other.person), "--date",
                    "2026-03-21", "--print", str(tmp_path / "fehlt" / "q.pdf"), user=caseworker)
    assert nowhere.returncode == 2 and "nichts ausgegeben" in nowhere.stderr
    # ... so the same hand-out works afterwards; JSON stays parseable with --print
    as_json = kpass(database, "hand-out", "--person", str(other.person), "--date",
                    "2026-03-21", "--json", "--print", str(tmp_path / "h.pdf"), user=caseworker)
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout)["amount"] == "120.00"
    assert (tmp_path / "h.pdf").read_bytes().startswith(b"%PDF")
