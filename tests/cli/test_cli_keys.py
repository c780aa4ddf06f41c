"""``kpass keys create-root|sign-keyset|export-revoked`` and ``kpass verify --keyset`` as a
partner uses them: a pinned root, a state file, and the exit codes of docs/qr-payload.md."""

from __future__ import annotations

import contextlib
import io
import json
import os
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from kpass.cli import main
from kpass.models.engine import Database
from kpass.services.admin import rotate_key
from kpass.services.admin.signing_keys import find_active_key
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes, revoke_pass
from kpass.services.uow import UnitOfWork
from kpass.signing import PassFields, generate_key, sign_payload, sign_revocation_list
from tests.register_builder import add_household, add_income, household_of

DAY = date(2026, 3, 16)
TODAY = date.today()


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(argv))
        except SystemExit as exc:
            status = int(exc.code or 0)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def number(database: Database) -> str:
    [person] = add_household(database, [("Graf", "Selma", date(1961, 2, 3), "applicant")])
    add_income(database, person, "pension", "900.00")
    application = apply(database, household_of(database, person), DAY, today=date(2030, 1, 1))
    [card] = issue_passes(database, decide(database, application.application_id).decision_id)
    assert card.number is not None
    rotate_key(database, DAY)  # the register's first signing key
    return card.number


def signed(database: Database, number: str, valid_from: date = DAY) -> str:
    with UnitOfWork(database, write=False) as uow:
        key = find_active_key(uow)
    assert key is not None
    fields = PassFields(number, "karlsruher_pass", valid_from, valid_from + timedelta(days=500),
                        "SG", 1961)
    return sign_payload(fields, key.private_key_pem, key.key_id)


class Office:
    """The office's side: a register, its root file and the files it hands out."""

    def __init__(self, url: str, folder: Path) -> None:
        self.url, self.folder = url, folder
        self.root = folder / "root.pem"
        status, out, err = run("--database", url, "keys", "create-root", "--out", str(self.root))
        assert status == 0, err
        [self.fingerprint] = [line.split(": ", 1)[1] for line in out.splitlines()
                              if line.startswith("Root key fingerprint: ")]
        self.output = out

    def key_set(self, name: str, *extra: str) -> Path:
        path = self.folder / name
        status, _, err = run("--database", self.url, "keys", "sign-keyset", "--root",
                             str(self.root), "--out", str(path), *extra)
        assert status == 0, err
        return path

    def revoked(self, name: str, *extra: str) -> Path:
        path = self.folder / name
        status, _, err = run("--database", self.url, "keys", "export-revoked", "--out",
                             str(path), *extra)
        assert status == 0, err
        return path


@pytest.fixture
def office(database_url: str, number: str, tmp_path: Path) -> Office:
    return Office(database_url, tmp_path)


def partner(payload: str, key_set: Path, fingerprint: str, state: Path, *extra: str,
            on: date = TODAY) -> tuple[int, str, str]:
    return run("verify", payload, "--keyset", str(key_set), "--root-fingerprint", fingerprint,
               "--state", str(state), "--on", on.isoformat(), *extra)


def test_create_root_prints_the_fingerprint_and_advice_and_writes_0600(office: Office) -> None:
    assert stat.S_IMODE(os.stat(office.root).st_mode) == 0o600
    assert len(office.fingerprint) == 79 and office.fingerprint.count(" ") == 15
    assert "OFFLINE" in office.output and "Fingerabdruck" in office.output
    before = office.root.read_bytes()
    status, _, err = run("--database", office.url, "keys", "create-root", "--out",
                         str(office.root), "--replace")
    assert status == 2 and "never overwrites" in err and "überschreibt nie" in err
    assert office.root.read_bytes() == before
    status, _, err = run("--database", office.url, "keys", "create-root", "--out",
                         str(office.folder / "second.pem"))
    assert status == 2 and "--replace" in err
    assert not (office.folder / "second.pem").exists()


def test_sign_keyset_refuses_a_root_file_that_is_not_the_registers(office: Office) -> None:
    stranger = office.folder / "fremd.pem"
    stranger.write_bytes(generate_key()[0])
    status, _, err = run("--database", office.url, "keys", "sign-keyset", "--root",
                         str(stranger), "--out", str(office.folder / "k.json"))
    assert status == 2 and "not the register's root key" in err
    assert not (office.folder / "k.json").exists()


def test_a_genuine_key_set_and_list_are_accepted_and_remembered(
    office: Office, database: Database, number: str
) -> None:
    key_set, revoked = office.key_set("k.json"), office.revoked("r.txt")
    state = office.folder / "state.json"
    status, out, err = partner(signed(database, number), key_set, office.fingerprint, state,
                               "--revoked", str(revoked), "--json")
    assert status == 0, err
    report = json.loads(out)
    assert report["status"] == "genuine-valid" and report["revocation_list"]["stale"] is False
    assert report["unpinned"] is False
    [root] = json.loads(state.read_text())["roots"].values()
    assert root == {"keyset_version": 1, "revocation_sequence": 1}
    # the fingerprint may be typed in lower case and without the spaces
    typed = office.fingerprint.replace(" ", "").lower()
    assert partner(signed(database, number), key_set, typed, state)[0] == 0


def test_a_key_set_with_a_changed_key_or_another_root_is_refused(
    office: Office, database: Database, number: str
) -> None:
    key_set = office.key_set("k.json")
    state = office.folder / "state.json"
    payload = signed(database, number)
    document = json.loads(key_set.read_text())
    intruder = generate_key()
    document["keys"][0].update(public_key=intruder[1].hex(), key_id=intruder[2])
    forged = office.folder / "forged.json"
    forged.write_text(json.dumps(document, indent=2) + "\n")
    status, _, err = partner(payload, forged, office.fingerprint, state)
    assert status == 2 and "signature does not match" in err and "Schlüsselsatz" in err
    other = "0123 4567 89AB CDEF 0123 4567 89AB CDEF 0123 4567 89AB CDEF 0123 4567 89AB CDEF"
    status, _, err = partner(payload, key_set, other, state)
    assert status == 2 and "signed by another root key" in err
    assert not state.exists()  # nothing refused is remembered


def test_an_expired_key_set_is_refused(office: Office, database: Database, number: str) -> None:
    key_set = office.key_set("k.json", "--valid-days", "10")
    state = office.folder / "state.json"
    payload = signed(database, number)
    assert partner(payload, key_set, office.fingerprint, state,
                   on=TODAY + timedelta(days=10))[0] == 0
    status, _, err = partner(payload, key_set, office.fingerprint, state,
                             on=TODAY + timedelta(days=11))
    assert status == 2 and "expired on" in err and "abgelaufen" in err


def test_an_older_key_set_than_one_seen_is_refused(
    office: Office, database: Database, number: str
) -> None:
    first, second = office.key_set("k1.json"), office.key_set("k2.json")
    state = office.folder / "state.json"
    payload = signed(database, number)
    assert partner(payload, second, office.fingerprint, state)[0] == 0
    status, _, err = partner(payload, first, office.fingerprint, state)
    assert status == 2 and "version 1 is older than version 2" in err
    assert partner(payload, second, office.fingerprint, state)[0] == 0  # the same again


def test_a_stale_list_still_revokes_but_no_card_is_accepted_on_it(
    office: Office, database: Database, number: str
) -> None:
    key_set = office.key_set("k.json")
    revoked = office.revoked("r.txt", "--next-update-days", "1")
    state = office.folder / "state.json"
    late = TODAY + timedelta(days=2)
    status, out, _ = partner(signed(database, number), key_set, office.fingerprint, state,
                             "--revoked", str(revoked), on=late)
    assert status == 5 and "STALE" in out and "VERALTET" in out
    revoke_pass(database, number, TODAY, "verloren")
    revoked = office.revoked("r2.txt", "--next-update-days", "1")
    status, out, _ = partner(signed(database, number), key_set, office.fingerprint, state,
                             "--revoked", str(revoked), on=late)
    assert status == 3 and "gesperrt" in out and "STALE" in out


def test_an_older_future_cut_or_edited_list_is_refused(
    office: Office, database: Database, number: str
) -> None:
    key_set = office.key_set("k.json")
    revoke_pass(database, number, TODAY, "verloren")
    first, second = office.revoked("r1.txt"), office.revoked("r2.txt")
    state = office.folder / "state.json"
    payload = signed(database, number)
    assert partner(payload, key_set, office.fingerprint, state, "--revoked", str(second))[0] == 3
    status, _, err = partner(payload, key_set, office.fingerprint, state, "--revoked", str(first))
    assert status == 2 and "SEQUENCE 1 is lower than 2" in err
    cut = office.folder / "cut.txt"
    cut.write_text(second.read_text().replace(number + "\n", ""))
    status, _, err = partner(payload, key_set, office.fingerprint, state, "--revoked", str(cut))
    assert status == 2 and "COUNT 1 but 0 numbers" in err
    edited = office.folder / "edited.txt"
    edited.write_text(second.read_text().replace("COUNT 1\n" + number + "\n", "COUNT 0\n"))
    status, _, err = partner(payload, key_set, office.fingerprint, state, "--revoked",
                             str(edited))
    assert status == 2 and "signature does not match" in err
    with UnitOfWork(database, write=False) as uow:
        key = find_active_key(uow)
    assert key is not None
    future = office.folder / "future.txt"
    future.write_text(sign_revocation_list([], date(2099, 1, 1), key.private_key_pem,
                                           key.key_id, sequence=99,
                                           next_update=date(2099, 1, 8)))
    status, _, err = partner(payload, key_set, office.fingerprint, state, "--revoked",
                             str(future))
    assert status == 2 and "ISSUED 2099-01-01 is in the future" in err
    [root] = json.loads(state.read_text())["roots"].values()
    assert root["revocation_sequence"] == 2  # refused lists leave the state as it was


def test_a_card_of_a_retired_key_starting_after_its_retirement_is_refused(
    office: Office, database: Database, number: str
) -> None:
    retired_on = TODAY - timedelta(days=1)
    before = signed(database, number, valid_from=retired_on)
    after = signed(database, number, valid_from=TODAY)
    rotate_key(database, retired_on)
    key_set = office.key_set("k.json")
    state = office.folder / "state.json"
    assert partner(before, key_set, office.fingerprint, state)[0] == 0
    status, out, _ = partner(after, key_set, office.fingerprint, state, "--json")
    assert status == 1 and json.loads(out)["status"] == "key-retired"
    # the register says the same
    status, out, _ = run("--database", office.url, "verify", after, "--on", TODAY.isoformat(),
                         "--json")
    assert status == 1 and json.loads(out)["status"] == "key-retired"


def test_verify_with_the_register_reports_a_signed_number_it_does_not_hold(
    database_url: str, database: Database, number: str
) -> None:
    stranger = signed(database, "KA-999999-73")
    status, out, _ = run("--database", database_url, "verify", stranger, "--on", "2026-06-01")
    assert status == 4 and "not in this register" in out and "nicht in diesem Register" in out
    status, out, _ = run("--database", database_url, "verify", signed(database, number),
                         "--on", "2026-06-01")
    assert status == 0, out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--keyset", "k.json"], "--keyset needs --root-fingerprint"),
        (["--root-fingerprint", "AB"], "only with --keyset"),
        (["--keyset", "k.json", "--root-fingerprint", "AB", "--public-key", "p.json"],
         "exclude each other"),
    ],
)
def test_verify_refuses_options_that_do_not_go_together(argv: list[str], message: str) -> None:
    status, _, err = run("verify", "KP1*garbage", *argv)
    assert status == 2 and message in err


def test_a_damaged_state_file_is_refused_not_replaced(
    office: Office, database: Database, number: str
) -> None:
    key_set = office.key_set("k.json")
    state = office.folder / "state.json"
    state.write_text('{"format": "kpass-verifier-state", "version": 1, "roots": []}')
    status, _, err = partner(signed(database, number), key_set, office.fingerprint, state)
    assert status == 2 and "state file" in err and "Zustandsdatei" in err
    assert "roots" in state.read_text() and state.read_text().endswith("[]}")


def test_export_partner_page_writes_the_page_and_names_what_it_holds(office: Office) -> None:
    key_set = office.key_set("k.json")
    page = office.folder / "pruefen.html"
    status, out, err = run("--database", office.url, "keys", "export-partner-page",
                           "--keyset", str(key_set), "--out", str(page))
    assert status == 0, err
    assert "key set version 1" in out and "Schlüsselsatz Version 1" in out
    assert office.fingerprint in out and "revocation list 1" in out
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "kpass-keyset" in html
    # a damaged key set: a clear refusal in both languages, no page
    damaged = office.folder / "damaged.json"
    damaged.write_text(key_set.read_text().replace('"keyset_version": 1', '"keyset_version": 7'))
    status, _, err = run("--database", office.url, "keys", "export-partner-page",
                         "--keyset", str(damaged), "--out", str(office.folder / "p2.html"))
    assert status == 2 and "signature" in err and "Signatur" in err
    assert not (office.folder / "p2.html").exists()
