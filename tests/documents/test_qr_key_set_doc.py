"""The key set, root fingerprint, state file and exit codes of docs/qr-payload.md hold for
kpass's own code: every vector is recomputed from the document's text."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from typing import Any

import pytest
from cryptography.exceptions import InvalidSignature

from kpass.cli import keys_command
from kpass.signing import (
    KeySetError,
    RootState,
    TrustedKey,
    VerificationStatus,
    VerifierState,
    dump_verifier_state,
    key_id_of,
    load_private_key,
    load_public_key,
    parse_key_set,
    parse_verifier_state,
    read_key_set,
    root_fingerprint,
    sign_key_set,
    verify_payload,
)
from kpass.signing.encoding import b32_decode
from kpass.signing.key_set import KeySetEntry, signing_text
from kpass.signing.keys import raw_public_bytes

from .test_qr_payload_doc import _code_block_after, _doc, _json_block, _vectors


def _seed(text: str) -> bytes:
    """A published test seed: the SHA-256 of its ASCII label, as the document says."""
    assert f"`{text}`" in _doc(), text
    return hashlib.sha256(text.encode("ascii")).digest()


SEED_1 = _seed("kpass QR test key 1 - NOT FOR PRODUCTION")
SEED_2 = _seed("kpass QR test key 2 - NOT FOR PRODUCTION")
ROOT = _seed("kpass root test key 1 - NOT FOR PRODUCTION")
OTHER_ROOT = _seed("kpass root test key 2 - NOT FOR PRODUCTION")


def _public(seed: bytes) -> bytes:
    return raw_public_bytes(load_private_key(seed).public_key())


def _keyset_vectors() -> list[dict[str, Any]]:
    return _json_block("<!-- keyset-vectors -->")


def test_the_published_test_keys_and_the_root_fingerprint() -> None:
    doc = _doc()
    assert f"`{ROOT.hex()}`" in doc
    for seed, key_id in ((SEED_2, "GR7DMT"), (ROOT, "LYLBFU")):
        assert f"`{_public(seed).hex()}`" in doc
        assert key_id_of(_public(seed)) == key_id and f"`{key_id}`" in doc
    fingerprint = root_fingerprint(_public(ROOT))
    assert hashlib.sha256(_public(ROOT)).hexdigest().upper() == fingerprint.replace(" ", "")
    assert re.fullmatch(r"([0-9A-F]{4} ){15}[0-9A-F]{4}", fingerprint)
    assert f"**root fingerprint** `{fingerprint}`" in doc
    assert f"test root key of section 8: `{fingerprint}`" in doc.replace("\n", " ")


def test_the_example_key_set_is_the_one_kpass_signs() -> None:
    text = _code_block_after("<!-- keyset-example -->")
    assert text == _keyset_vectors()[0]["keyset"]
    assert text == sign_key_set({"243UGT": _public(SEED_1)}, version=1,
                                issued=date(2026, 11, 1), expires=date(2027, 11, 1),
                                root_private_key=ROOT)
    key_set = read_key_set(text, root_fingerprint(_public(ROOT)), date(2026, 11, 1))
    assert _code_block_after("<!-- keyset-signing-text -->") == key_set.signing_text()


def test_the_signing_text_after_a_rotation() -> None:
    keys = (KeySetEntry("243UGT", _public(SEED_1), date(2026, 12, 31)),
            KeySetEntry("GR7DMT", _public(SEED_2), None))
    text = signing_text(2, date(2027, 1, 1), date(2028, 1, 1), _public(ROOT), keys)
    assert _code_block_after("<!-- keyset-signing-text-2 -->") == text
    assert "KEY 243UGT Ed25519 " in text and text.endswith(" -\n")
    second = _keyset_vectors()[1]["keyset"]
    assert second == sign_key_set(
        {"243UGT": TrustedKey(_public(SEED_1), date(2026, 12, 31)), "GR7DMT": _public(SEED_2)},
        version=2, issued=date(2027, 1, 1), expires=date(2028, 1, 1), root_private_key=ROOT)


@pytest.mark.parametrize("vector", _keyset_vectors(), ids=lambda v: v["name"])
def test_keyset_vector(vector: dict[str, Any]) -> None:
    on = date.fromisoformat(vector["on"])
    common = {"name", "keyset", "fingerprint", "on", "last_version", "result"}
    if vector["result"] == "accepted":
        assert set(vector) == common | {"version", "keys"}
        key_set = read_key_set(vector["keyset"], vector["fingerprint"], on,
                               vector["last_version"])
        assert key_set.version == vector["version"]
        assert [{"key_id": key.key_id,
                 "not_after": key.not_after.isoformat() if key.not_after else None}
                for key in key_set.keys] == vector["keys"]
    else:
        assert vector["result"] == "refused"
        assert set(vector) == common | {"reason", "signature_valid"}
        with pytest.raises(KeySetError) as caught:
            read_key_set(vector["keyset"], vector["fingerprint"], on, vector["last_version"])
        assert vector["reason"] in caught.value.message_en
        assert caught.value.message_de.startswith("Schlüsselsatz: ")


@pytest.mark.parametrize("vector", _keyset_vectors(), ids=lambda v: v["name"])
def test_keyset_vector_states_whether_its_signature_holds(vector: dict[str, Any]) -> None:
    """Recomputed from the values as a lenient reader sees them (section 6.2)."""
    document = json.loads(vector["keyset"])
    root_public = bytes.fromhex(document["root_public_key"])
    keys = tuple(
        KeySetEntry(key["key_id"], bytes.fromhex(key["public_key"]),
                    date.fromisoformat(key["not_after"]) if key["not_after"] else None)
        for key in document["keys"]
    )
    text = signing_text(int(document["keyset_version"]), date.fromisoformat(document["issued"]),
                        date.fromisoformat(document["expires"]), root_public, keys)
    try:
        load_public_key(root_public).verify(b32_decode(document["signature"]),
                                            text.encode("ascii"))
        verifies = True
    except InvalidSignature:
        verifies = False
    assert verifies is vector.get("signature_valid", True), vector["name"]
    if vector["name"] == "signed by another root key":
        assert root_public == _public(OTHER_ROOT)


def test_keyset_vectors_cover_the_checks_of_section_6_4() -> None:
    reasons = " ".join(v.get("reason", "") for v in _keyset_vectors())
    for check in ("one accepted spelling", "another root key", "signature does not match",
                  "in the future", "expired on", "is older than version"):
        assert check in reasons, check
    assert any(v["result"] == "accepted" and v["fingerprint"] != root_fingerprint(_public(ROOT))
               for v in _keyset_vectors())  # a fingerprint typed another way


def test_walk_through_of_section_8() -> None:
    pinned = root_fingerprint(_public(ROOT))
    first, second = (v["keyset"] for v in _keyset_vectors()[:2])
    on = date(2027, 1, 5)
    key_set = read_key_set(second, pinned, on, VerifierState().of(pinned).keyset_version)
    state = VerifierState().seen(pinned, keyset_version=key_set.version)
    late = next(v for v in _vectors() if v["name"].startswith("card from 05.01.2027"))
    result = verify_payload(late["payload"], key_set.trusted_keys(), on)
    assert result.status is VerificationStatus.KEY_RETIRED
    with pytest.raises(KeySetError, match="older than version 2"):
        read_key_set(first, pinned, on, state.of(pinned).keyset_version)


def test_state_file_example() -> None:
    text = _code_block_after("<!-- state-example -->")
    state = parse_verifier_state(text)
    pinned = root_fingerprint(_public(ROOT))
    assert state.of(pinned) == RootState(keyset_version=2, revocation_sequence=1)
    assert dump_verifier_state(state) == text


def test_exit_code_table_is_what_kpass_verify_returns() -> None:
    rows = dict(re.findall(r"^\| (\d) \| (.+?) \|$", _doc(), re.M))
    assert rows["0"].startswith("genuine-valid")
    assert keys_command.EXIT_VALID == 0 and keys_command.EXIT_REFUSED == 1
    assert keys_command.EXIT_NOT_NOW == 3 and "genuine-revoked" in rows["3"]
    assert keys_command.EXIT_NOT_IN_REGISTER == 4 and "not-in-register" in rows["4"]
    assert keys_command.EXIT_STALE_LIST == 5 and "stale" in rows["5"]
    assert "key-retired" in rows["1"] and "refused" in rows["2"]


def test_a_parsed_key_set_round_trips() -> None:
    for vector in _keyset_vectors():
        if vector["result"] == "accepted":
            assert parse_key_set(vector["keyset"]).fingerprint == root_fingerprint(_public(ROOT))
