"""The signing key at rest: sealed under the logins' key-encryption key, never in the clear.

A copy of the register tells nothing about the key; a login without a key slot cannot sign,
and a key put into the register in the clear is never used.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from kpass.models import SigningKey
from kpass.models.engine import Database
from kpass.services.access import add_user, disable_user, enable_user, log_in
from kpass.services.admin.signing_keys import SigningUnavailable, rotate_key
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes
from kpass.services.printing import print_cards
from kpass.services.uow import UnitOfWork
from kpass.signing import generate_key, load_private_key
from tests.logins import TEST_PASSWORD, TEST_USER
from tests.register_builder import add_household, add_income, household_of

DAY = date(2026, 3, 16)
FUTURE = date(2030, 1, 1)
COLLEAGUE, HER_PASSWORD = "kollegin", "kollegin-passwort"


@pytest.fixture
def number(database: Database) -> str:
    [person] = add_household(database, [("Graf", "Selma", date(1961, 2, 3), "applicant")])
    add_income(database, person, "pension", "900.00")
    application = apply(database, household_of(database, person), DAY, today=FUTURE)
    [card] = issue_passes(database, decide(database, application.application_id).decision_id)
    assert card.number is not None
    return card.number


def _stored_keys(database: Database) -> list[SigningKey]:
    with UnitOfWork(database, write=False) as uow:
        keys = list(uow.session.scalars(select(SigningKey)))
        uow.session.expunge_all()
    return keys


@pytest.mark.parametrize("backend", ["sqlite"])  # the file to grep
def test_the_register_file_does_not_hold_the_private_key(
    database: Database, number: str, tmp_path: Path
) -> None:
    print_cards(database, [number], tmp_path / "karte.pdf", today=DAY)
    rotate_key(database, DAY)  # two keys: the retired one is sealed as well
    assert database.sqlite_path is not None
    database.engine.dispose()  # everything checkpointed into the file itself
    raw = database.sqlite_path.read_bytes()
    for path in database.sqlite_path.parent.glob(database.sqlite_path.name + "-*"):
        raw += path.read_bytes()
    keys = _stored_keys(database)
    assert len(keys) == 2
    assert b"PRIVATE KEY" not in raw
    for key in keys:
        assert key.private_key_pem.startswith(b"KPASS-SEALED-1:")
    # the private halves, as anybody who opened the register would look for them
    log_in(database, TEST_USER, TEST_PASSWORD)
    with UnitOfWork(database, write=False) as uow:
        from kpass.services.admin.signing_keys import find_active_key

        active = find_active_key(uow)
    assert active is not None
    seed = load_private_key(active.private_key_pem).private_bytes_raw()
    assert seed not in raw and seed.hex().encode() not in raw
    assert active.private_key_pem not in raw


def test_a_login_without_a_key_slot_cannot_print(
    database: Database, number: str, tmp_path: Path
) -> None:
    add_user(database, COLLEAGUE, "caseworker", HER_PASSWORD)
    disable_user(database, COLLEAGUE)  # drops her slot; enabling does not give it back
    enable_user(database, COLLEAGUE)
    log_in(database, COLLEAGUE, HER_PASSWORD)
    out = tmp_path / "karte.pdf"
    with pytest.raises(SigningUnavailable) as refused:
        print_cards(database, [number], out, today=DAY)
    assert "Signieren ist nicht möglich" in refused.value.message_de
    assert not out.exists() and _stored_keys(database) == []


def test_a_key_put_in_the_clear_is_never_used(
    database: Database, number: str, tmp_path: Path
) -> None:
    print_cards(database, [number], tmp_path / "erste.pdf", today=DAY)
    private_pem, _, _ = generate_key()
    with UnitOfWork(database) as uow:  # as if written with sqlite3 / psql
        uow.session.execute(
            text("UPDATE signing_key SET private_key_pem = :pem"), {"pem": private_pem}
        )
        uow.commit()
    out = tmp_path / "zweite.pdf"
    with pytest.raises(SigningUnavailable) as refused:
        print_cards(database, [number], out, today=DAY)
    assert "unsealed" in refused.value.message_en and not out.exists()
