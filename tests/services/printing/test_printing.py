"""Printing from the register: real PDFs, decoded QR codes, verification, print records."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kpass.errors import KpassError
from kpass.models import PrintRecord
from kpass.models.engine import Database
from kpass.services.admin.signing_keys import public_keys, rotate_key
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes, renew_pass, revoke_pass
from kpass.services.printing import (
    print_cards,
    print_decision_letter,
    print_renewal_reminders,
    print_sheet_issued_on,
)
from kpass.services.uow import UnitOfWork
from kpass.signing import verify_payload
from tests.cli_process import run_kpass
from tests.register_builder import add_household, add_income, add_notice, household_of

FUTURE = date(2030, 1, 1)
DAY = date(2026, 3, 16)


def decode_qr(pdf: Path, tmp: Path) -> str:
    subprocess.run(
        ["pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp / "page")],
        check=True,
    )
    [png] = sorted(tmp.glob("page*.png"))
    return subprocess.run(
        ["zbarimg", "--nodbus", "-q", "--raw", str(png)], check=True, capture_output=True, text=True
    ).stdout.strip()


def pdftext(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def records(database: Database) -> int:
    with UnitOfWork(database, write=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(PrintRecord)) or 0)


@pytest.fixture
def issued(database: Database) -> tuple[str, int]:
    [person] = add_household(database, [("Weiß-Özdemir", "Jürgen", date(1950, 5, 5), "applicant")])
    add_income(database, person, "pension", "1000.00")
    application = apply(database, household_of(database, person), DAY, today=FUTURE)
    decision = decide(database, application.application_id)
    [card] = issue_passes(database, decision.decision_id)
    assert card.number is not None
    return card.number, decision.decision_id


def test_card_pdf_has_id1_size_and_a_verifiable_qr(
    database: Database, issued: tuple[str, int], tmp_path: Path
) -> None:
    number, _ = issued
    out = tmp_path / "karte.pdf"
    result = print_cards(database, [number], out, today=DAY)
    assert result.pages == 1 and records(database) == 1
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "242.646 x 153.01" in info
    text = pdftext(out)
    assert "Weiß-Özdemir" in text and number in text and "gültig bis 03/2027" in text
    payload = decode_qr(out, tmp_path)
    keys = public_keys(database)
    assert verify_payload(payload, keys, DAY).status.accept
    assert verify_payload(payload, keys, date(2027, 4, 1)).status == "genuine-expired"
    changed = payload[:-5] + ("A" if payload[-5] != "A" else "B") + payload[-4:]
    assert not verify_payload(changed, keys, DAY).status.genuine


def test_rotated_keys_keep_old_cards_valid(
    database: Database, issued: tuple[str, int], tmp_path: Path
) -> None:
    number, _ = issued
    print_cards(database, [number], tmp_path / "alt.pdf", today=DAY)
    old_payload = decode_qr(tmp_path / "alt.pdf", tmp_path)
    new_id = rotate_key(database, DAY)
    keys = public_keys(database)
    assert new_id in keys and len(keys) == 2
    assert verify_payload(old_payload, keys, DAY).status.accept


def test_revoked_pass_cannot_be_printed_and_nothing_is_left(
    database: Database, issued: tuple[str, int], tmp_path: Path
) -> None:
    number, _ = issued
    revoke_pass(database, number, DAY, "verloren gemeldet")
    out = tmp_path / "karte.pdf"
    with pytest.raises(KpassError, match="revoked"):
        print_cards(database, [number], out, today=DAY)
    assert not out.exists() and records(database) == 0
    with pytest.raises(KpassError):
        print_cards(database, ["KA-999999-99"], out, today=DAY)


def test_unwritable_output_leaves_no_file_and_no_record(
    database: Database, issued: tuple[str, int], tmp_path: Path
) -> None:
    number, _ = issued
    with pytest.raises(KpassError) as error:
        print_cards(database, [number], tmp_path / "fehlt" / "karte.pdf", today=DAY)
    assert "kann nicht geschrieben werden" in error.value.message_de
    assert records(database) == 0


def test_decision_letter_and_renewal_reminders(
    database: Database, issued: tuple[str, int], tmp_path: Path
) -> None:
    number, decision_id = issued
    letter = tmp_path / "bescheid.pdf"
    print_decision_letter(database, decision_id, letter, letter_date=DAY)
    text = pdftext(letter)
    assert "Jürgen Weiß-Özdemir" in text and "bewilligt" in text
    assert "1.000,00 €" in text and "Seite 1 von" in text
    assert "120,00 €" in text  # 60plus vouchers
    renewal = renew_pass(database, number, date(2027, 3, 2), today=FUTURE)
    assert renewal.decision.decision_id
    second = tmp_path / "bescheid2.pdf"
    print_decision_letter(database, renewal.decision.decision_id, second, letter_date=DAY)
    assert "01.04.2027" in pdftext(second)  # the renewal's granted period, not a new one
    reminders = tmp_path / "erinnerung.pdf"
    result = print_renewal_reminders(database, 2028, 3, reminders, letter_date=DAY)
    assert result.count == 1 and number in pdftext(reminders)
    with pytest.raises(KpassError, match="No passes expire"):
        print_renewal_reminders(database, 2031, 1, tmp_path / "leer.pdf")
    assert records(database) == 3


def test_sheet_of_the_day(database: Database, issued: tuple[str, int], tmp_path: Path) -> None:
    number, _ = issued
    out = tmp_path / "bogen.pdf"
    result = print_sheet_issued_on(database, DAY, out)
    assert result.count == 1 and result.pages == 1
    assert (
        "595" in subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    )  # A4 width in points
    assert number in pdftext(out)


def test_verify_command_exit_codes(
    database_url: str, database: Database, issued: tuple[str, int], tmp_path: Path
) -> None:
    number, _ = issued
    print_cards(database, [number], tmp_path / "k.pdf", today=DAY)
    payload = decode_qr(tmp_path / "k.pdf", tmp_path)
    env = {**os.environ, "KPASS_DATABASE_URL": database_url}

    def verify(*args: str) -> subprocess.CompletedProcess[str]:
        return run_kpass("verify", *args, env=env, timeout=60)

    assert verify(payload, "--on", "2026-06-01").returncode == 0
    assert verify(payload, "--on", "2028-01-01").returncode == 3
    assert verify(payload.replace("*P*", "*K*"), "--on", "2026-06-01").returncode == 1
    assert verify("KP1*garbage", "--on", "2026-06-01").returncode == 1
    # the partner's way: a key set signed by the pinned root, a signed revocation list
    root, key_set, state = tmp_path / "root.pem", tmp_path / "keyset.json", tmp_path / "s.json"
    made = run_kpass("keys", "create-root", "--out", str(root), env=env, check=True)
    [fingerprint] = [line.split(": ", 1)[1] for line in made.stdout.splitlines()
                     if line.startswith("Root key fingerprint: ")]
    run_kpass("keys", "sign-keyset", "--root", str(root), "--out", str(key_set), env=env,
              check=True)
    assert "PRIVATE" not in key_set.read_text()
    today = date.today()
    revoke_pass(database, number, today, "Test")
    revoked = tmp_path / "gesperrt.txt"
    run_kpass("keys", "export-revoked", "--out", str(revoked), env=env, check=True)
    partner = ("--keyset", str(key_set), "--root-fingerprint", fingerprint, "--state",
               str(state), "--on", today.isoformat())
    result = verify(payload, *partner, "--revoked", str(revoked))
    assert result.returncode == 3 and "gesperrt" in result.stdout
    assert json.loads(state.read_text())["roots"]
    # the unsigned key file is still there for testing, and says it is unpinned
    keys = tmp_path / "keys.json"
    run_kpass("keys", "export-public", "--out", str(keys), env=env, check=True)
    result = verify(payload, "--public-key", str(keys), "--on", today.isoformat())
    assert result.returncode == 0 and "UNPINNED" in result.stderr


def test_application_form_shows_what_was_recorded(database: Database, tmp_path: Path) -> None:
    [person] = add_household(database, [("Weiß", "Jürgen", date(1950, 5, 5), "applicant")])
    add_income(database, person, "pension", "987.65")
    application = apply(database, household_of(database, person), DAY,
                        proofs=("personalausweis", "rentenbescheid"), today=FUTURE)
    from kpass.services.printing import print_application_form

    out = tmp_path / "antrag.pdf"
    print_application_form(database, application.application_id, out)
    text = pdftext(out)
    for expected in ("Jürgen Weiß", "Rente/Pension", "987,65 €", "Renten- oder Pensionsbescheid",
                     "Datenschutzhinweis", "Unterschrift"):
        assert expected in text


def test_application_form_shows_an_open_ended_notice(database: Database, tmp_path: Path) -> None:
    [person] = add_household(database, [("Haddad", "Samir", date(1975, 4, 4), "applicant")])
    add_notice(database, household_of(database, person), "asylblg", date(2025, 9, 1), None,
               reference="AsylbLG-2025-0815")
    application = apply(database, household_of(database, person), DAY, today=FUTURE)
    from kpass.services.printing import print_application_form

    out = tmp_path / "antrag.pdf"
    print_application_form(database, application.application_id, out)
    # the table cell wraps: "01.09.2025 – bis auf" / "Weiteres"
    text = " ".join(pdftext(out).split())
    assert "01.09.2025 – bis auf" in text and "Weiteres" in text and "9999" not in text
    assert "AsylbLG-2025-0815" in text  # the file number the applicant signs for
