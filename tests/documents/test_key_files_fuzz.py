"""Fuzzing the parsers of the files a partner loads: the key set, the revocation list, the
state file and a typed fingerprint never fail with anything but their documented error."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpass.signing import (
    KeySetError,
    RevocationListError,
    VerifierStateError,
    parse_fingerprint,
    parse_key_set,
    parse_verifier_state,
    read_key_set,
    read_revocation_list,
    root_fingerprint,
    sign_key_set,
    sign_revocation_list,
)
from kpass.signing.keys import TrustedKey
from tests.hypothesis_profiles import fuzz_profile

from .conftest import TEST_KEY_ID, TEST_PUBLIC_HEX, TEST_SEED

ROOT = hashlib.sha256(b"kpass root test key 1 - NOT FOR PRODUCTION").digest()
PUBLIC = bytes.fromhex(TEST_PUBLIC_HEX)
KEYS = {TEST_KEY_ID: TrustedKey(PUBLIC, date(2027, 1, 1))}
ON = date(2026, 11, 2)
KEY_SET = sign_key_set({TEST_KEY_ID: KEYS[TEST_KEY_ID]}, version=3, issued=date(2026, 11, 1),
                       expires=date(2027, 11, 1), root_private_key=ROOT)
PINNED = root_fingerprint(parse_key_set(KEY_SET).root_public_key)
LIST = sign_revocation_list(["KA-000001-51", "KA-123456-32"], date(2026, 11, 1), TEST_SEED,
                            TEST_KEY_ID, sequence=4, next_update=date(2026, 11, 8))
STATE = json.dumps({"format": "kpass-verifier-state", "version": 1, "roots": {
    PINNED.replace(" ", "").lower(): {"keyset_version": 3, "revocation_sequence": None}}})


def _mutated(original: str) -> st.SearchStrategy[str]:
    """``original`` with a slice replaced by other text: mostly near misses of a good file."""

    @st.composite
    def build(draw: st.DrawFn) -> str:
        start = draw(st.integers(0, len(original)))
        end = draw(st.integers(start, min(len(original), start + 12)))
        insert = draw(st.one_of(
            st.text(max_size=8),
            st.sampled_from(['"', "{", "}", "[", "]", ",", "null", "1.0", "-1", "\r", "\n",
                             " ", "0", "9" * 30, "\\u0041", "2099-01-01", "true", "\ufeff"]),
        ))
        return original[:start] + insert + original[end:]

    return build()


def _fuzzed(original: str) -> st.SearchStrategy[str]:
    return st.one_of(st.text(max_size=300), _mutated(original))


@settings(fuzz_profile())
@given(_fuzzed(KEY_SET))
def test_key_set_parser_raises_only_key_set_errors(text: str) -> None:
    try:
        key_set = read_key_set(text, PINNED, ON, last_version=3)
    except KeySetError as error:
        assert error.message_en.startswith("key set: ")
        assert error.message_de.startswith("Schlüsselsatz: ")
    else:
        # whatever is accepted is exactly the office's file
        assert text == KEY_SET and key_set.version == 3


@settings(fuzz_profile())
@given(_fuzzed(LIST))
def test_revocation_list_parser_raises_only_revocation_list_errors(text: str) -> None:
    try:
        revocations = read_revocation_list(text, KEYS, on=ON, last_sequence=4)
    except RevocationListError as error:
        assert error.message_en.startswith("revocation list: ")
        assert error.message_de.startswith("Sperrliste: ")
    else:
        assert text == LIST and revocations.sequence == 4


@settings(fuzz_profile())
@given(_fuzzed(STATE))
def test_state_parser_raises_only_state_errors(text: str) -> None:
    try:
        state = parse_verifier_state(text)
    except VerifierStateError as error:
        assert error.message_en.startswith("state file: ")
        assert error.message_de.startswith("Zustandsdatei: ")
    else:
        for root in state.roots.values():
            for value in (root.keyset_version, root.revocation_sequence):
                assert value is None or 1 <= value < 2**31


@settings(fuzz_profile())
@given(st.one_of(st.text(max_size=120), _mutated(PINNED)))
def test_fingerprint_parser_raises_only_key_set_errors(text: str) -> None:
    try:
        canonical = parse_fingerprint(text)
    except KeySetError:
        return
    assert canonical.replace(" ", "") == text.replace(" ", "").upper()
    assert len(canonical) == 79


def test_deeply_nested_json_is_refused_not_a_crash() -> None:
    nested = "[" * 100_000 + "]" * 100_000
    with pytest.raises(KeySetError, match="not valid JSON"):
        parse_key_set(nested)
    with pytest.raises(VerifierStateError, match="not valid JSON"):
        parse_verifier_state(nested)
