"""Signed QR payloads: what a partner's checker relies on."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from kpass.signing import (
    KeyFormatError,
    PassFields,
    PayloadError,
    RevocationListError,
    VerificationStatus,
    export_public_keys,
    generate_key,
    holder_initials,
    key_id_of,
    load_private_key,
    load_public_keys,
    load_revocation_list,
    parse_payload,
    read_revocation_list,
    sign_payload,
    sign_revocation_list,
    verify_payload,
)

FIELDS = PassFields.for_holder(
    number="KA-123456-32", pass_type="karlsruher_pass", given_names="Jürgen",
    family_name="Weiß-Özdemir", birth_date=date(1975, 3, 12), valid_from=date(2026, 3, 15),
    valid_until=date(2027, 3, 31),
)
Key = tuple[bytes, bytes, str]
QR_ALPHANUMERIC = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


@pytest.fixture(scope="module")
def key() -> tuple[bytes, bytes, str]:
    return generate_key()


@pytest.fixture(scope="module")
def payload(key: tuple[bytes, bytes, str]) -> str:
    private_pem, _, key_id = key
    return sign_payload(FIELDS, private_pem, key_id)


def test_generated_key_has_a_short_id_derived_from_the_public_key(key: Key) -> None:
    private_pem, public_raw, key_id = key
    assert private_pem.startswith(b"-----BEGIN PRIVATE KEY-----")
    assert len(public_raw) == 32
    assert len(key_id) == 6 and key_id == key_id_of(public_raw)
    assert generate_key()[2] != key_id


def test_payload_is_compact_qr_alphanumeric_and_carries_little_personal_data(payload: str) -> None:
    assert set(payload) <= QR_ALPHANUMERIC
    assert len(payload) <= 154  # fits a version-6 QR code at level M
    fields = parse_payload(payload)
    assert (fields.number, fields.pass_type) == ("KA-123456-32", "karlsruher_pass")
    assert (fields.valid_from, fields.valid_until) == (date(2026, 3, 15), date(2027, 3, 31))
    assert (fields.initials, fields.birth_year) == ("JW", 1975)
    assert "WEISS" not in payload and "0312" not in payload  # no name, no birth day


def test_statuses_by_date_and_revocation(key: Key, payload: str) -> None:
    _, public_raw, key_id = key
    keys = {key_id: public_raw}

    def status(on: date, revoked: set[str] | None = None) -> VerificationStatus:
        return verify_payload(payload, keys, on, revoked).status

    assert status(date(2026, 6, 1)) is VerificationStatus.GENUINE_VALID
    assert status(date(2026, 3, 15)) is VerificationStatus.GENUINE_VALID
    assert status(date(2027, 3, 31)) is VerificationStatus.GENUINE_VALID
    assert status(date(2026, 3, 14)) is VerificationStatus.GENUINE_NOT_YET_VALID
    assert status(date(2027, 4, 1)) is VerificationStatus.GENUINE_EXPIRED
    assert status(date(2026, 6, 1), {"KA-123456-32"}) is VerificationStatus.GENUINE_REVOKED
    assert status(date(2026, 6, 1), {"KA-000001-51"}) is VerificationStatus.GENUINE_VALID


def test_result_messages_in_english_and_german(key: Key, payload: str) -> None:
    _, public_raw, key_id = key
    result = verify_payload(payload, {key_id: public_raw}, date(2026, 6, 1))
    assert result.status.accept and result.fields is not None
    assert "KA-123456-32" in result.message_en and "2027-03-31" in result.message_en
    assert "Echter Karlsruher Pass" in result.message_de and "31.03.2027" in result.message_de
    expired = verify_payload(payload, {key_id: public_raw}, date(2027, 4, 1))
    assert not expired.status.accept and expired.status.genuine
    assert "abgelaufen" in expired.message_de


def test_every_single_changed_character_is_rejected(key: Key, payload: str) -> None:
    _, public_raw, key_id = key
    keys = {key_id: public_raw}
    for position, char in enumerate(payload):
        for replacement in ("A", "7") if char not in "A7" else ("B", "2"):
            altered = payload[:position] + replacement + payload[position + 1:]
            status = verify_payload(altered, keys, date(2026, 6, 1)).status
            assert not status.genuine, f"change at {position} accepted: {altered}"


def test_unknown_key_and_wrong_key(key: Key, payload: str) -> None:
    _, _public_raw, key_id = key
    _, other_public, other_id = generate_key()
    unknown = verify_payload(payload, {other_id: other_public}, date(2026, 6, 1))
    assert unknown.status is VerificationStatus.UNKNOWN_KEY
    assert key_id in unknown.message_en
    # A key filed under the wrong id must not make a code genuine.
    wrong = verify_payload(payload, {key_id: other_public}, date(2026, 6, 1))
    assert wrong.status is VerificationStatus.FORGED_OR_ALTERED


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("", "part 1"),
        ("HELLO WORLD", "part 1"),
        ("KP1*ABCDEF", "parts"),
        ("KP1*abcdef*KA-123456-32*P*260315*270331*JW*1975*" + "A" * 103, "part 2"),
        ("KP1*ABCDEF*KA-12345-32*P*260315*270331*JW*1975*" + "A" * 103, "part 3"),
        ("KP1*ABCDEF*KA-123456-32*X*260315*270331*JW*1975*" + "A" * 103, "part 4"),
        ("KP1*ABCDEF*KA-123456-32*P*260230*270331*JW*1975*" + "A" * 103, "part 5"),
        ("KP1*ABCDEF*KA-123456-32*P*260315*27033*JW*1975*" + "A" * 103, "part 6"),
        ("KP1*ABCDEF*KA-123456-32*P*260315*270331*J*1975*" + "A" * 103, "part 7"),
        ("KP1*ABCDEF*KA-123456-32*P*260315*270331*JW*75*" + "A" * 103, "part 8"),
        ("KP1*ABCDEF*KA-123456-32*P*260315*270331*JW*1975*" + "A" * 102, "part 9"),
        ("KP1*ABCDEF*KA-123456-32*P*260315*270331*JW*1975*" + "1" * 103, "part 9"),
        ("KP1*ABCDEF*KA-123456-32*P*260315*270331*JÜ*1975*" + "A" * 103, "ASCII"),
    ],
)
def test_malformed_payload_errors_name_the_part(text: str, part: str) -> None:
    with pytest.raises(PayloadError) as caught:
        parse_payload(text)
    assert part in caught.value.message_en
    assert caught.value.message_de
    result = verify_payload(text, {}, date(2026, 6, 1))
    assert result.status is VerificationStatus.MALFORMED and result.fields is None


def test_scanner_line_end_is_ignored(key: Key, payload: str) -> None:
    _, public_raw, key_id = key
    result = verify_payload(payload + "\r\n", {key_id: public_raw}, date(2026, 6, 1))
    assert result.status is VerificationStatus.GENUINE_VALID


def test_signing_refuses_a_key_id_of_another_key_and_bad_fields(key: Key) -> None:
    private_pem, _, key_id = key
    with pytest.raises(KeyFormatError):
        sign_payload(FIELDS, private_pem, "AAAAAA")
    bad_number = PassFields("KA-123456-33", "karlsruher_pass", date(2026, 3, 15),
                            date(2027, 3, 31), "JW", 1975)
    with pytest.raises(PayloadError, match="check digits"):
        sign_payload(bad_number, private_pem, key_id)
    backwards = PassFields("KA-123456-32", "kinderpass", date(2027, 3, 15), date(2026, 3, 31),
                           "JW", 1975)
    with pytest.raises(PayloadError, match="valid from"):
        sign_payload(backwards, private_pem, key_id)


def test_initials_are_plain_capital_letters() -> None:
    assert holder_initials("Jürgen", "Weiß-Özdemir") == "JW"
    assert holder_initials("Émile", "Ørsted") == "EO"
    assert holder_initials("Иван", "Łukasz") == "XL"
    assert holder_initials(" anna-lena", "de la Cruz") == "AD"


def test_public_key_file_round_trip_and_no_private_material(key: Key) -> None:
    private_pem, public_raw, key_id = key
    _, other_public, other_id = generate_key()
    text = export_public_keys({key_id: public_raw, other_id: other_public})
    assert "PRIVATE" not in text and private_pem.decode() not in text
    assert load_public_keys(text) == {key_id: public_raw, other_id: other_public}
    with pytest.raises(KeyFormatError, match="private key"):
        export_public_keys({key_id: private_pem})
    # A raw 32-byte private seed passed as "public" is caught: its id differs.
    seed = load_private_key(private_pem).private_bytes_raw()
    with pytest.raises(KeyFormatError, match="does not belong"):
        export_public_keys({key_id: seed})


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="other"), "format"),
        (lambda d: d.update(version=2), "version"),
        (lambda d: d["keys"][0].update(algorithm="RSA"), "algorithm"),
        (lambda d: d["keys"][0].update(public_key="00" * 31), "64 hex"),
        (lambda d: d["keys"][0].update(public_key=d["keys"][0]["public_key"].upper()),
         "lower case"),
        (lambda d: d["keys"][0].update(key_id="AAAAAA"), "does not match"),
        (lambda d: d["keys"].append(dict(d["keys"][0])), "twice"),
    ],
)
def test_public_key_file_is_refused_when_anything_is_off(
    key: Key, change: Callable[[dict[str, Any]], object], message: str
) -> None:
    _, public_raw, key_id = key
    document = json.loads(export_public_keys({key_id: public_raw}))
    change(document)
    with pytest.raises(KeyFormatError, match=message):
        load_public_keys(json.dumps(document))
    with pytest.raises(KeyFormatError, match="JSON"):
        load_public_keys("{not json")


def test_revocation_list_round_trip_and_tampering(key: Key) -> None:
    private_pem, public_raw, key_id = key
    keys = {key_id: public_raw}
    text = sign_revocation_list(["KA-123456-32", "KA-000001-51", "KA-123456-32"],
                                date(2026, 11, 1), private_pem, key_id, sequence=1,
                                next_update=date(2026, 11, 8))
    assert "PRIVATE" not in text
    assert load_revocation_list(text, keys) == {"KA-123456-32", "KA-000001-51"}
    assert read_revocation_list(text, keys).issued_on == date(2026, 11, 1)
    with pytest.raises(RevocationListError, match="CR"):  # one spelling only: LF line ends
        read_revocation_list(text.replace("\n", "\r\n"), keys)
    removed = text.replace("KA-000001-51\n", "").replace("COUNT 2", "COUNT 1")
    with pytest.raises(RevocationListError, match="signature does not match"):
        load_revocation_list(removed, keys)
    with pytest.raises(RevocationListError, match="COUNT"):
        load_revocation_list(text.replace("KA-000001-51\n", ""), keys)
    with pytest.raises(RevocationListError, match="unknown key"):
        load_revocation_list(text, {})
    with pytest.raises(RevocationListError, match="not a pass number"):
        sign_revocation_list(["KA-123456-33"], date(2026, 11, 1), private_pem, key_id,
                             sequence=1, next_update=date(2026, 11, 8))
    forged_private, _, _ = generate_key()
    with pytest.raises(KeyFormatError):
        sign_revocation_list(["KA-123456-32"], date(2026, 11, 1), forged_private, key_id,
                             sequence=1, next_update=date(2026, 11, 8))


def test_revoked_numbers_from_a_list_feed_the_check(key: Key, payload: str) -> None:
    private_pem, public_raw, key_id = key
    keys = {key_id: public_raw}
    revoked = load_revocation_list(
        sign_revocation_list(["KA-123456-32"], date(2026, 11, 1), private_pem, key_id,
                             sequence=1, next_update=date(2026, 11, 8)), keys
    )
    result = verify_payload(payload, keys, date(2026, 12, 1), revoked)
    assert result.status is VerificationStatus.GENUINE_REVOKED
    assert "gesperrt" in result.message_de
