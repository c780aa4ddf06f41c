"""The test vectors published in docs/qr-payload.md hold for kpass's own code."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kpass.signing import (
    PassFields,
    RevocationListError,
    VerificationStatus,
    export_public_keys,
    key_id_of,
    load_private_key,
    load_public_keys,
    load_revocation_list,
    sign_payload,
    sign_revocation_list,
    verify_payload,
)
from kpass.signing.encoding import b32_encode
from kpass.signing.keys import raw_public_bytes

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


def _vectors() -> list[dict[str, Any]]:
    vectors: list[dict[str, Any]] = json.loads(_code_block_after("<!-- test-vectors -->"))
    return vectors


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


@pytest.mark.parametrize("vector", _vectors(), ids=lambda v: v["name"])
def test_vector(vector: dict[str, Any]) -> None:
    on = date.fromisoformat(vector["on"])
    result = verify_payload(vector["payload"], {KEY_ID: PUBLIC}, on, set(vector["revoked"]))
    assert result.status == VerificationStatus(vector["status"])
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


def test_example_payload_in_section_1_is_the_first_vector() -> None:
    payload = _vectors()[0]["payload"]
    assert _code_block_after("## 1. The payload text").strip() == payload
    signed = payload[: payload.rindex("*")]
    assert f"`{signed}` ({len(signed)} bytes)" in _doc()
    assert f"has {len(payload)} characters" in _doc()


def test_public_key_file_example() -> None:
    text = _code_block_after("## 6. The public-key file")
    assert load_public_keys(text) == {KEY_ID: PUBLIC}
    assert json.loads(text) == json.loads(export_public_keys({KEY_ID: PUBLIC}))


def test_revocation_list_example() -> None:
    text = _code_block_after("## 7. The revocation list")
    assert load_revocation_list(text, {KEY_ID: PUBLIC}) == {"KA-000001-51", "KA-123456-32"}
    assert text == sign_revocation_list(["KA-123456-32", "KA-000001-51"], date(2026, 11, 1),
                                        SEED, KEY_ID)
    with pytest.raises(RevocationListError):
        load_revocation_list(text.replace("2026-11-01", "2026-11-02"), {KEY_ID: PUBLIC})
    signed_bytes = text[: text.index("SIGNATURE")].encode("ascii")
    assert f"{len(signed_bytes)} bytes" in _doc()
