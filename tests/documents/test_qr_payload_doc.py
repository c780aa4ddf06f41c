"""The test vectors published in docs/qr-payload.md hold for kpass's own code."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cryptography.exceptions import InvalidSignature

from kpass.rules.pass_number import format_pass_number
from kpass.signing import (
    KeyFormatError,
    PassFields,
    RevocationListError,
    TrustedKey,
    VerificationStatus,
    export_public_keys,
    holder_initials,
    key_id_of,
    load_private_key,
    load_public_key,
    load_public_keys,
    load_revocation_list,
    read_revocation_list,
    sign_payload,
    sign_revocation_list,
    verify_payload,
)
from kpass.signing.encoding import b32_decode, b32_encode
from kpass.signing.keys import raw_public_bytes
from kpass.signing.payload import PAYLOAD_BASE_LENGTH

DOC = Path(__file__).resolve().parents[2] / "docs" / "qr-payload.md"


def _doc() -> str:
    return DOC.read_text(encoding="utf-8")


def _code_block_after(marker: str) -> str:
    """The fenced block that follows ``marker`` (a heading text or an HTML comment)."""
    text = _doc()
    start = text.index(marker)
    match = re.compile(r"```[a-z]*\n(.*?)```", re.S).search(text, start)
    assert match, f"no code block after {marker!r}"
    return match.group(1)


def _hex_after(label: str) -> str:
    match = re.search(re.escape(label) + r".*?`([0-9a-f]{64})`", _doc(), re.S)
    assert match, label
    return match.group(1)


def _json_block(marker: str) -> list[dict[str, Any]]:
    vectors: list[dict[str, Any]] = json.loads(_code_block_after(marker))
    return vectors


def _vectors() -> list[dict[str, Any]]:
    return _json_block("<!-- test-vectors -->")


def _initials_vectors() -> list[dict[str, Any]]:
    return _json_block("<!-- initials-vectors -->")


def _revocation_vectors() -> list[dict[str, Any]]:
    return _json_block("<!-- revocation-vectors -->")


def _signature_verifies(payload: str) -> bool:
    """Whether the last part is a test-key signature of the text before it (any unused bits)."""
    text = payload.strip(" \t\r\n")
    signed, _, signature_text = text.rpartition("*")
    try:
        signature = base64.b32decode(signature_text + "=" * (-len(signature_text) % 8))
        load_public_key(PUBLIC).verify(signature, signed.encode("ascii"))
    except (ValueError, UnicodeEncodeError, InvalidSignature):
        return False
    return True


SEED = bytes.fromhex(_hex_after("Private key (32-byte Ed25519 seed"))
PUBLIC = bytes.fromhex(_hex_after("Public key (32 bytes, hex)"))
KEY_ID = "243UGT"


def test_the_test_key_pair_and_its_id() -> None:
    assert hashlib.sha256(b"kpass QR test key 1 - NOT FOR PRODUCTION").digest() == SEED
    private = load_private_key(SEED)
    assert raw_public_bytes(private.public_key()) == PUBLIC
    assert key_id_of(PUBLIC) == KEY_ID
    assert b32_encode(hashlib.sha256(PUBLIC).digest()) in _doc()
    assert "NOT FOR PRODUCTION" in _doc()


def _test_key(not_after: str | None) -> dict[str, TrustedKey]:
    """The key set of a vector: the test key, with its not-after day if the vector has one."""
    return {KEY_ID: TrustedKey(PUBLIC, date.fromisoformat(not_after) if not_after else None)}


@pytest.mark.parametrize("vector", _vectors(), ids=lambda v: v["name"])
def test_vector(vector: dict[str, Any]) -> None:
    on = date.fromisoformat(vector["on"])
    registered = vector.get("registered")
    result = verify_payload(
        vector["payload"], _test_key(vector.get("not_after")), on, set(vector["revoked"]),
        registered=None if registered is None else registered.__contains__,
    )
    assert result.status == VerificationStatus(vector["status"]), result.message_en
    if "part" in vector:
        assert f"part {vector['part']} (" in result.message_en
        assert f"Teil {vector['part']} (" in result.message_de
    if "signature_valid" in vector:
        assert _signature_verifies(vector["payload"]) is vector["signature_valid"]
    if result.status is VerificationStatus.MALFORMED:
        assert result.fields is None
        assert result.message_en.startswith("Not a Karlsruher Pass code: ")
        assert result.message_de.startswith("Kein Code eines Karlsruher Passes: ")
    if "fields" in vector:
        expected = vector["fields"]
        fields = result.fields
        assert fields is not None
        assert fields.version == expected["version"] and fields.key_id == expected["key_id"]
        assert fields.number == expected["number"]
        assert fields.pass_type == expected["pass_type"]
        assert fields.valid_from == date.fromisoformat(expected["valid_from"])
        assert fields.valid_until == date.fromisoformat(expected["valid_until"])
        assert (fields.initials, fields.birth_year) == (expected["initials"],
                                                        expected["birth_year"])
        # Ed25519 is deterministic: signing the same fields gives the same payload.
        stated = PassFields(fields.number, fields.pass_type, fields.valid_from,
                            fields.valid_until, fields.initials, fields.birth_year)
        assert sign_payload(stated, SEED, KEY_ID) == vector["payload"]


def test_vectors_cover_every_status() -> None:
    assert {v["status"] for v in _vectors()} == {s.value for s in VerificationStatus}
    names = [v["name"] for v in _vectors()]
    assert len(names) == len(set(names))


def test_malformed_vectors_state_the_part_or_the_whole() -> None:
    """Every malformed vector says which part breaks its rule, or breaks the text as a whole."""
    for vector in _vectors():
        keys = set(vector) - {"name", "payload", "on", "revoked", "status"}
        if vector["status"] == "malformed":
            assert keys <= {"part", "signature_valid"}, vector["name"]
        else:
            assert keys <= {"fields", "not_after", "registered"}, vector["name"]


@pytest.mark.parametrize(
    "name",
    [
        "KP01 instead of KP1, correctly signed",
        "kp1 in lower case, correctly signed",
        "valid from (270331) after valid until (260315), correctly signed",
        "serial 000000 (check digits right: KA-000000-54), correctly signed",
        "wrong check digits in the pass number, correctly signed",
    ],
)
def test_the_guessed_rules_each_have_a_correctly_signed_malformed_vector(name: str) -> None:
    vector = next(v for v in _vectors() if v["name"] == name)
    assert vector["status"] == "malformed" and vector["signature_valid"] is True
    assert _signature_verifies(vector["payload"])


def test_genuine_vectors_have_the_documented_lengths() -> None:
    for vector in _vectors():
        if "fields" in vector:
            prefix = vector["fields"]["number"].split("-")[0]
            assert len(vector["payload"]) == 149 + len(prefix) == PAYLOAD_BASE_LENGTH + len(prefix)
    five = next(v for v in _vectors() if v["name"].startswith("five-letter prefix"))
    assert len(five["payload"]) == 154 and "(154 characters)" in five["name"]


def test_length_table_matches_signed_payloads() -> None:
    row = r"^\| (\d) \| `([A-Z]+-\d{6}-\d{2})` \| (\d+) \| (\d+) bytes \|$"
    rows = re.findall(row, _doc(), re.M)
    assert [int(row[0]) for row in rows] == [1, 2, 3, 4]
    for prefix_length, number, length, signed_length in rows:
        prefix = number.split("-")[0]
        assert len(prefix) == int(prefix_length)
        assert number == format_pass_number(123456, prefix)  # the check digits are right
        fields = PassFields(number, "karlsruher_pass", date(2026, 3, 15), date(2027, 3, 31),
                            "JW", 1975)
        payload = sign_payload(fields, SEED, KEY_ID)
        assert len(payload) == int(length) == 149 + len(prefix)
        assert payload.rindex("*") == int(signed_length) == 45 + len(prefix)
    assert "payload is **149 + p** characters" in _doc()
    assert "has **45 + p** bytes" in _doc()


@pytest.mark.parametrize("vector", _initials_vectors(), ids=lambda v: v["note"])
def test_initials_vector(vector: dict[str, Any]) -> None:
    assert holder_initials(vector["given_names"], vector["family_name"]) == vector["initials"]


def test_initials_vectors_cover_particles_hyphens_and_given_names() -> None:
    names = {(v["given_names"], v["family_name"]) for v in _initials_vectors()}
    family = {family for _, family in names}
    assert {"De Luca", "Al-Hassan", "von der Leyen", "Müller-Lüdenscheidt"} <= family
    assert any(" " in given for given, _ in names)  # several given names
    assert any(given.isalpha() for given, _ in names)  # a single given name
    assert any("-" in given for given, _ in names)  # a hyphenated given name
    assert any(not given for given, _ in names)  # no given name at all


@pytest.mark.parametrize("vector", _revocation_vectors(), ids=lambda v: v["name"])
def test_revocation_vector(vector: dict[str, Any]) -> None:
    keys = _test_key(vector["not_after"])
    on = date.fromisoformat(vector["on"])
    common = {"name", "list", "on", "last_sequence", "not_after", "result"}
    if vector["result"] == "accepted":
        assert set(vector) == common | {"numbers", "sequence", "stale"}
        revocations = read_revocation_list(vector["list"], keys, on=on,
                                           last_sequence=vector["last_sequence"])
        assert sorted(revocations.numbers) == vector["numbers"]
        assert revocations.sequence == vector["sequence"]
        assert revocations.is_stale(on) is vector["stale"]
        # the accepted spelling is exactly the one kpass writes
        assert vector["list"] == sign_revocation_list(
            vector["numbers"], revocations.issued_on, SEED, KEY_ID,
            sequence=revocations.sequence, next_update=revocations.next_update)
    else:
        assert vector["result"] == "refused"
        assert set(vector) == common | {"reason", "signature_valid"}
        with pytest.raises(RevocationListError) as caught:
            read_revocation_list(vector["list"], keys, on=on,
                                 last_sequence=vector["last_sequence"])
        assert vector["reason"] in caught.value.message_en
        assert caught.value.message_de.startswith("Sperrliste: ")


@pytest.mark.parametrize("vector", _revocation_vectors(), ids=lambda v: v["name"])
def test_revocation_vector_states_whether_its_signature_holds(vector: dict[str, Any]) -> None:
    """A refused list marked signature_valid is refused for its form, day, key or state."""
    text = vector["list"].replace("\r\n", "\n").rstrip("\n") + "\n"
    body, _, signature_line = text[:-1].rpartition("\n")
    try:
        signature = b32_decode(signature_line.removeprefix("SIGNATURE "))
        load_public_key(PUBLIC).verify(signature, (body + "\n").encode("ascii"))
        verifies = True
    except (InvalidSignature, ValueError):
        verifies = False
    assert verifies is vector.get("signature_valid", True), vector["name"]


def test_revocation_vectors_cover_the_rules() -> None:
    names = " ".join(v["name"] for v in _revocation_vectors())
    for case in ("CR LF", "not sorted", "repeated", "no LF after", "20261101", "stale",
                 "older list", "2099-01-01", "version 1", "cut off", "changed after signing",
                 "retired"):
        assert case in names, case
    assert any(v["stale"] for v in _revocation_vectors() if v["result"] == "accepted")


def test_example_payload_in_section_1_is_the_first_vector() -> None:
    payload = _vectors()[0]["payload"]
    assert _code_block_after("## 1. The payload text").strip() == payload
    signed = payload[: payload.rindex("*")]
    assert f"`{signed}` ({len(signed)} bytes)" in _doc()
    assert f"payloads have **{len(payload)}**" in _doc()


def test_example_pass_numbers_in_the_document_pass_the_check_digits() -> None:
    """Every pass number written in the prose is valid, except where it is meant to be wrong."""
    meant_to_be_wrong = {"KA-123456-23", "ka-123456-32", "KA-000000-54"}
    prose = _doc()[: _doc().index("<!-- test-vectors -->")]
    numbers = set(re.findall(r"\b[A-Z]{1,4}-\d{6}-\d{2}\b", prose))
    assert {"KA-123456-32", "KA-000001-51", "K-123456-08", "KARL-123456-51"} <= numbers
    for number in numbers - meant_to_be_wrong:
        prefix, serial, _ = number.split("-")
        assert number == format_pass_number(int(serial), prefix), number
    assert "KA-123456-78" not in _doc()


def test_public_key_file_example() -> None:
    text = _code_block_after("## Appendix A.")
    assert load_public_keys(text) == {KEY_ID: PUBLIC}
    assert text == export_public_keys({KEY_ID: PUBLIC})


def test_upper_case_public_key_file_example_is_refused() -> None:
    text = _code_block_after("<!-- refused-key-file -->")
    assert text == export_public_keys({KEY_ID: PUBLIC}).replace(PUBLIC.hex(), PUBLIC.hex().upper())
    with pytest.raises(KeyFormatError) as caught:
        load_public_keys(text)
    assert caught.value.message_en in _doc().replace("\n", " ")
    assert "Kleinbuchstaben" in caught.value.message_de


def test_revocation_list_example() -> None:
    text = _code_block_after("<!-- revocation-example -->")
    assert text == _revocation_vectors()[0]["list"]
    assert load_revocation_list(text, {KEY_ID: PUBLIC}) == {"KA-000001-51", "KA-123456-32"}
    assert text == sign_revocation_list(["KA-123456-32", "KA-000001-51"], date(2026, 11, 1),
                                        SEED, KEY_ID, sequence=1, next_update=date(2026, 11, 8))
    with pytest.raises(RevocationListError):
        load_revocation_list(text.replace("2026-11-01", "2026-11-02"), {KEY_ID: PUBLIC})
    signed_bytes = text[: text.index("SIGNATURE")].encode("ascii")
    assert f"the first eight lines, {len(signed_bytes)} bytes" in _doc()
