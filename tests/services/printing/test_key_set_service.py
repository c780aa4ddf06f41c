"""The root key, the signed key set, retired keys and sequenced revocation lists, on both
databases: what a partner's checker gets from the register."""

from __future__ import annotations

import os
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kpass.errors import InvalidInput, KpassError, PermissionDenied
from kpass.models import RegisterSetting
from kpass.models.engine import Database
from kpass.services.admin import (
    RootKeyError,
    VerificationStatus,
    create_root_key,
    export_key_set,
    export_revocation_list,
    read_key_set,
    read_revocation_list,
    rotate_key,
    trusted_keys,
    verify_against_register,
)
from kpass.services.admin.signing_keys import find_active_key
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes, revoke_pass
from kpass.services.uow import UnitOfWork
from kpass.signing import (
    KeySetError,
    PassFields,
    RevocationListError,
    generate_key,
    sign_payload,
)
from tests.logins import log_in_admin, log_in_as
from tests.register_builder import add_household, add_income, household_of

DAY = date(2026, 3, 16)
FUTURE = date(2030, 1, 1)


@pytest.fixture
def number(database: Database) -> str:
    [person] = add_household(database, [("Graf", "Selma", date(1961, 2, 3), "applicant")])
    add_income(database, person, "pension", "900.00")
    application = apply(database, household_of(database, person), DAY, today=FUTURE)
    [card] = issue_passes(database, decide(database, application.application_id).decision_id)
    assert card.number is not None
    return card.number


def _signed_by_current_key(
    database: Database, number: str, valid_from: date, valid_until: date
) -> str:
    """A payload signed with the register's current key, as a print would sign it."""
    with UnitOfWork(database, write=False) as uow:
        key = find_active_key(uow)
    assert key is not None
    fields = PassFields(number, "karlsruher_pass", valid_from, valid_until, "SG", 1961)
    return sign_payload(fields, key.private_key_pem, key.key_id)


def _settings(database: Database) -> dict[str, str]:
    with UnitOfWork(database, write=False) as uow:
        return {row.key: row.value for row in uow.session.scalars(select(RegisterSetting))}


def test_a_retired_key_keeps_older_cards_and_refuses_later_ones(
    database: Database, number: str
) -> None:
    rotate_key(database, DAY)  # the register's first key
    old_card = _signed_by_current_key(database, number, DAY, date(2027, 3, 31))
    retired_on = date(2026, 6, 30)
    misused = _signed_by_current_key(database, number, retired_on + timedelta(days=1),
                                     date(2027, 6, 30))
    on_the_day = _signed_by_current_key(database, number, retired_on, date(2027, 6, 30))
    rotate_key(database, retired_on)
    assert [key.not_after for key in trusted_keys(database).values()].count(retired_on) == 1
    on = date(2026, 8, 1)
    assert verify_against_register(database, old_card, on).status.accept
    assert verify_against_register(database, on_the_day, on).status.accept
    result = verify_against_register(database, misused, on)
    assert result.status is VerificationStatus.KEY_RETIRED and not result.status.accept
    assert "retired on 2026-06-30" in result.message_en
    assert "stillgelegt" in result.message_de


def test_a_correctly_signed_number_that_is_not_in_the_register_is_reported(
    database: Database, number: str
) -> None:
    rotate_key(database, DAY)
    stranger = "KA-999999-73"
    assert stranger != number
    payload = _signed_by_current_key(database, stranger, DAY, date(2027, 3, 31))
    result = verify_against_register(database, payload, date(2026, 6, 1))
    assert result.status is VerificationStatus.NOT_IN_REGISTER
    assert stranger in result.message_en and "nicht in diesem Register" in result.message_de
    genuine = _signed_by_current_key(database, number, DAY, date(2027, 3, 31))
    assert verify_against_register(database, genuine, date(2026, 6, 1)).status.accept


def test_the_register_at_hand_knows_its_revocations_without_a_list(
    database: Database, number: str
) -> None:
    rotate_key(database, DAY)
    card = _signed_by_current_key(database, number, DAY, date(2027, 3, 31))
    revoke_pass(database, number, date(2026, 7, 1), "verzogen", today=date(2026, 6, 1))
    before = verify_against_register(database, card, date(2026, 6, 30))
    assert before.status.accept  # valid until the day of the revocation
    after = verify_against_register(database, card, date(2026, 7, 1))
    assert after.status is VerificationStatus.GENUINE_REVOKED and not after.status.accept


def test_create_root_writes_0600_keeps_only_the_public_half_and_refuses_overwriting(
    database: Database, tmp_path: Path
) -> None:
    out = tmp_path / "root.pem"
    made = create_root_key(database, out)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert out.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    settings = _settings(database)
    assert b"PRIVATE" not in repr(settings).encode()
    assert len(settings["keyset_root_public_key"]) == 64
    # a second root is refused without --replace, and an existing file is never replaced
    with pytest.raises(RootKeyError, match="has a root key already"):
        create_root_key(database, tmp_path / "other.pem")
    assert not (tmp_path / "other.pem").exists()
    before = out.read_bytes()
    with pytest.raises(RootKeyError, match="never overwrites"):
        create_root_key(database, out, replace=True)
    assert out.read_bytes() == before and _settings(database) == settings
    replaced = create_root_key(database, tmp_path / "new-root.pem", replace=True)
    assert replaced.replaced and replaced.fingerprint != made.fingerprint


def test_key_sets_carry_every_key_with_its_not_after_and_a_growing_version(
    database: Database, tmp_path: Path
) -> None:
    root = tmp_path / "root.pem"
    made = create_root_key(database, root)
    first = export_key_set(database, root.read_bytes(), tmp_path / "k1.json", on=DAY)
    assert first.version == 1 and first.fingerprint == made.fingerprint
    rotate_key(database, date(2026, 6, 30))
    second = export_key_set(database, root.read_bytes(), tmp_path / "k2.json",
                            valid_days=30, on=date(2026, 7, 1))
    assert second.version == 2 and second.expires == date(2026, 7, 31)
    key_set = read_key_set((tmp_path / "k2.json").read_text(), made.fingerprint,
                           date(2026, 7, 1), last_version=1)
    not_after = {key.key_id: key.not_after for key in key_set.keys}
    assert sorted(not_after.values(), key=str) == [date(2026, 6, 30), None]
    assert set(not_after) == set(trusted_keys(database))
    with pytest.raises(KeySetError, match="older than version 2"):
        read_key_set((tmp_path / "k1.json").read_text(), made.fingerprint, DAY, last_version=2)


def test_sign_keyset_refuses_a_root_file_that_is_not_the_registers(
    database: Database, tmp_path: Path
) -> None:
    with pytest.raises(RootKeyError, match="no root key yet"):
        export_key_set(database, generate_key()[0], tmp_path / "k.json")
    create_root_key(database, tmp_path / "root.pem")
    stranger, _, _ = generate_key()
    with pytest.raises(RootKeyError, match="not the register's root key") as refused:
        export_key_set(database, stranger, tmp_path / "k.json")
    assert "Nichts wurde signiert" in refused.value.message_de
    assert not (tmp_path / "k.json").exists() and "keyset_version" not in _settings(database)


def test_revocation_lists_count_up_and_promise_the_next_update(
    database: Database, number: str, tmp_path: Path
) -> None:
    revoke_pass(database, number, DAY, "verloren gemeldet")
    first = export_revocation_list(database, tmp_path / "r1.txt", on=DAY)
    second = export_revocation_list(database, tmp_path / "r2.txt", on=DAY, next_update_days=1)
    assert (first.sequence, second.sequence) == (1, 2)
    assert first.next_update == DAY + timedelta(days=7) and first.count == 1
    keys = trusted_keys(database)
    revocations = read_revocation_list((tmp_path / "r2.txt").read_text(), keys, on=DAY,
                                       last_sequence=1)
    assert revocations.numbers == {number} and revocations.sequence == 2
    assert revocations.is_stale(DAY + timedelta(days=2))
    with pytest.raises(RevocationListError, match="SEQUENCE 1 is lower than 2"):
        read_revocation_list((tmp_path / "r1.txt").read_text(), keys, on=DAY, last_sequence=2)
    with pytest.raises(InvalidInput):
        export_revocation_list(database, tmp_path / "r3.txt", on=DAY, next_update_days=0)
    assert _settings(database)["revocation_sequence"] == "2"


def test_a_failed_export_keeps_no_sequence_number(
    database: Database, number: str, tmp_path: Path
) -> None:
    with pytest.raises(KpassError, match="cannot write"):
        export_revocation_list(database, tmp_path / "missing" / "r.txt", on=DAY)
    assert "revocation_sequence" not in _settings(database)
    assert export_revocation_list(database, tmp_path / "r.txt", on=DAY).sequence == 1


def test_the_new_key_services_are_refused_to_a_caseworker(
    database: Database, number: str, tmp_path: Path
) -> None:
    rotate_key(database, DAY)
    create_root_key(database, tmp_path / "root.pem")
    payload = _signed_by_current_key(database, number, DAY, date(2027, 3, 31))
    log_in_as(database, "caseworker")
    with pytest.raises(PermissionDenied):
        create_root_key(database, tmp_path / "second.pem", replace=True)
    with pytest.raises(PermissionDenied):
        export_key_set(database, (tmp_path / "root.pem").read_bytes(), tmp_path / "k.json")
    with pytest.raises(PermissionDenied):
        export_revocation_list(database, tmp_path / "r.txt")
    assert not (tmp_path / "second.pem").exists() and not (tmp_path / "k.json").exists()
    # checking a code is the counter's work
    assert verify_against_register(database, payload, date(2026, 6, 1)).status.accept
    assert trusted_keys(database)
    log_in_admin(database)
