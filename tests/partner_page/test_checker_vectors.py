"""The checker logic of the partner page (resources/partner_page/checker.js) in a real
browser: every test vector of docs/qr-payload.md gives the documented result, and payloads,
key sets and revocation lists made here get the verdict of kpass's own code (the reference).
The script runs in a page opened from a file (a secure context, so WebCrypto is there) and
makes no request."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kpass.rules.pass_number import check_digits
from kpass.signing import (
    KeySetError,
    PassFields,
    RevocationListError,
    TrustedKey,
    VerificationResult,
    load_private_key,
    read_key_set,
    read_revocation_list,
    root_fingerprint,
    sign_key_set,
    sign_payload,
    verify_payload,
)
from kpass.signing.encoding import b32_encode, key_id_for_public_bytes
from kpass.signing.key_set import KeySetEntry, signing_text
from kpass.signing.keys import raw_public_bytes
from tests.documents.test_qr_payload_doc import _code_block_after, _json_block

CHECKER = Path(__file__).resolve().parents[2] / "resources" / "partner_page" / "checker.js"


def _seed(label: str) -> bytes:
    """A published test seed: the SHA-256 of its ASCII label (docs/qr-payload.md, 8)."""
    return hashlib.sha256(label.encode("ascii")).digest()


def _public(seed: bytes) -> bytes:
    return raw_public_bytes(load_private_key(seed).public_key())


SEED_1 = _seed("kpass QR test key 1 - NOT FOR PRODUCTION")
SEED_2 = _seed("kpass QR test key 2 - NOT FOR PRODUCTION")
ROOT = _seed("kpass root test key 1 - NOT FOR PRODUCTION")
# a key that is in no key set (made here, not published)
STRANGER = _seed("kpass partner page test: a key nobody knows")
KEY_1, KEY_2 = "243UGT", "GR7DMT"
STRANGER_ID = key_id_for_public_bytes(_public(STRANGER))
FINGERPRINT = root_fingerprint(_public(ROOT))  # "5E16 12D3 …"
FINGERPRINT_HEX = FINGERPRINT.replace(" ", "").lower()

PAYLOAD_VECTORS = _json_block("<!-- test-vectors -->")
REVOCATION_VECTORS = _json_block("<!-- revocation-vectors -->")
KEYSET_VECTORS = _json_block("<!-- keyset-vectors -->")
KEYSET_1 = KEYSET_VECTORS[0]["keyset"]  # version 1: 243UGT in use
KEYSET_2 = KEYSET_VECTORS[1]["keyset"]  # version 2: 243UGT retired 2026-12-31, GR7DMT
LIST = _code_block_after("<!-- revocation-example -->")

# Helpers inside the page: they keep the accepted keys (CryptoKeys cannot leave the page)
# and return only plain values.
HARNESS = """
globalThis.kit = (() => {
  const C = globalThis.KpassChecker;
  let keys = {};
  const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  const keySetSummary = (read) => read.ok ? {
    ok: true, version: read.version, issued: read.issued, expires: read.expires,
    rootFingerprint: read.rootFingerprint,
    keys: Object.keys(read.keys).sort().map((id) => ({
      key_id: read.keys[id].keyId, not_after: read.keys[id].notAfter,
      public_key: hex(read.keys[id].publicKey), usable: read.keys[id].cryptoKey !== null,
      same_id: id === read.keys[id].keyId,
    })),
  } : read;
  return {
    async loadKeySet(text, fingerprint, lastVersion, today) {
      const read = await C.readKeySet(text, fingerprint, lastVersion, today);
      if (read.ok) keys = read.keys;
      return keySetSummary(read);
    },
    async keySetVerdicts(texts, fingerprint, lastVersion, today) {
      const verdicts = [];
      for (const text of texts) {
        verdicts.push((await C.readKeySet(text, fingerprint, lastVersion, today)).ok);
      }
      return verdicts;
    },
    async readList(text, lastSequence, today) {
      const read = await C.readRevocationList(text, keys, lastSequence, today);
      return read.ok ? { ...read, stale: C.isStale(read, today) } : read;
    },
    async listVerdicts(texts, lastSequence, today) {
      const verdicts = [];
      for (const text of texts) {
        verdicts.push((await C.readRevocationList(text, keys, lastSequence, today)).ok);
      }
      return verdicts;
    },
    check(text, revoked, today) {
      return C.checkPayload(text, keys, revoked, today);
    },
    async checkAll(cases) {
      const results = [];
      for (const [text, today, revoked] of cases) {
        results.push(await C.checkPayload(text, keys, new Set(revoked), today));
      }
      return results;
    },
  };
})();
"""


@pytest.fixture
def checker(page: Any, tmp_path: Path) -> Iterator[Any]:
    """A page from a file that holds checker.js and the helpers; afterwards, it must have
    made no request but the one for itself."""
    script = CHECKER.read_text(encoding="utf-8")
    # inlined into the page: nothing that ends the element or that the export rewrites
    assert "</" not in script and "<!--" not in script
    html = tmp_path / "checker.html"
    html.write_text(
        '<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8"><title>Prüfen</title>\n'
        f"<script>\n{script}\n</script>\n<script>\n{HARNESS}\n</script>\n</head><body></body>"
        "</html>\n",
        encoding="utf-8",
    )
    page.goto(html.as_uri())
    assert page.evaluate("() => window.isSecureContext && Boolean(crypto.subtle)")
    yield page
    assert page.requests == [html.as_uri()]


def _key_set(not_after: str | None = None) -> str:
    """A key set (signed by the test root) with test key 1 and the given not-after day."""
    retired = date.fromisoformat(not_after) if not_after else None
    return sign_key_set({KEY_1: TrustedKey(_public(SEED_1), retired)}, version=1,
                        issued=date(2026, 1, 1), expires=date(2030, 1, 1),
                        root_private_key=ROOT)


def _load(checker: Any, text: str, today: str, last_version: int | None = None,
          fingerprint: str = FINGERPRINT) -> dict[str, Any]:
    result: dict[str, Any] = checker.evaluate(
        "([t, f, v, d]) => kit.loadKeySet(t, f, v, d)", [text, fingerprint, last_version, today])
    return result


def _fields(result: VerificationResult) -> dict[str, Any] | None:
    fields = result.fields
    if fields is None:
        return None
    return {"version": fields.version, "key_id": fields.key_id, "number": fields.number,
            "pass_type": fields.pass_type, "valid_from": fields.valid_from.isoformat(),
            "valid_until": fields.valid_until.isoformat(), "initials": fields.initials,
            "birth_year": fields.birth_year}


def _reference(payload: str, keys: dict[str, TrustedKey], on: str,
               revoked: list[str]) -> dict[str, Any]:
    """What kpass verify says: status, fields and the broken part."""
    result = verify_payload(payload, keys, date.fromisoformat(on), set(revoked))
    part = re.search(r"part (\d) \(", result.message_en) if result.status == "malformed" else None
    return {"status": result.status.value, "fields": _fields(result),
            "part": int(part.group(1)) if part else None}


def _seen(result: dict[str, Any]) -> dict[str, Any]:
    return {name: result[name] for name in ("status", "fields", "part")}


# ---------------------------------------------------------------- payload vectors (8.1)

@pytest.mark.parametrize("vector", PAYLOAD_VECTORS, ids=lambda v: v["name"])
def test_payload_vector(checker: Any, vector: dict[str, Any]) -> None:
    assert _load(checker, _key_set(vector.get("not_after")), "2026-01-01")["ok"]
    result = checker.evaluate("([t, r, d]) => kit.check(t, r, d)",
                              [vector["payload"], vector["revoked"], vector["on"]])
    expected = vector["status"]
    if "registered" in vector:
        # a partner has no register (section 4, step 5): the status of the steps after it
        expected = _reference(vector["payload"], {KEY_1: TrustedKey(_public(SEED_1))},
                              vector["on"], vector["revoked"])["status"]
        assert expected == "genuine-valid"
    assert result["status"] == expected, result["message_en"]
    if "fields" in vector:
        assert result["fields"] == vector["fields"]
    if expected == "malformed":
        assert result["fields"] is None
        assert result["part"] == vector.get("part")
        if result["part"] is not None:
            assert f"Teil {result['part']} (" in result["message_de"]
    else:
        assert result["part"] is None
    assert result["message_de"].endswith(".") and result["message_en"].endswith(".")


# ---------------------------------------------------------------- the reference's verdicts

def _signed(body: str, seed: bytes = SEED_1) -> str:
    """``body`` with a correct signature under ``seed``, whatever ``body`` says."""
    signature = load_private_key(seed).sign(body.encode("utf-8"))
    return f"{body}*{b32_encode(signature)}"


def _body(tag: str = "KP1", key: str = KEY_1, number: str = "KA-123456-32", kind: str = "P",
          start: str = "260315", end: str = "270331", initials: str = "JW",
          year: str = "1975") -> str:
    return "*".join((tag, key, number, kind, start, end, initials, year))


def _card(start: date, end: date, seed: bytes = SEED_1, key_id: str = KEY_1,
          number: str = "KA-123456-32", kind: str = "karlsruher_pass") -> str:
    return sign_payload(PassFields(number, kind, start, end, "JW", 1975), seed, key_id)


def _number_with_check_digits(wanted: str) -> tuple[str, str]:
    """A KA number whose check digits are ``wanted``, and the same with its other spelling
    that leaves remainder 1 mod 97 too (02 ↔ 99, 98 ↔ 01)."""
    other = {"02": "99", "98": "01"}[wanted]
    serial = next(s for s in range(1, 1000) if check_digits(s, "KA") == wanted)
    return f"KA-{serial:06d}-{wanted}", f"KA-{serial:06d}-{other}"


def _reference_cases() -> list[tuple[str, str, list[str]]]:
    genuine = _card(date(2026, 3, 15), date(2027, 3, 31))
    signature = genuine.rsplit("*", 1)[1]
    two, ninety_nine = _number_with_check_digits("02")
    ninety_eight, one = _number_with_check_digits("98")
    on = "2026-06-01"
    cases: list[tuple[str, str, list[str]]] = [
        (genuine, on, []),
        (genuine, "2026-03-14", []),
        (genuine, "2026-03-15", []),
        (genuine, "2027-03-31", []),
        (genuine, "2027-04-01", []),
        (genuine, on, ["KA-123456-32"]),
        (genuine, on, ["KA-000001-51", "KA-123456-32"]),
        (genuine, on, ["KA-000001-51"]),
        (genuine, "2027-04-01", ["KA-123456-32"]),  # revoked comes before expired
        (_card(date(2026, 4, 1), date(2027, 3, 31), number="KA-000001-51", kind="kinderpass"),
         "2026-12-24", []),
        # 243UGT retired on 2026-12-31 in key set version 2
        (_card(date(2026, 12, 31), date(2027, 12, 31)), "2027-01-05", []),
        (_card(date(2027, 1, 1), date(2027, 12, 31)), "2027-01-05", []),
        (_card(date(2027, 1, 1), date(2027, 12, 31)), "2027-01-05", ["KA-123456-32"]),
        (_card(date(2027, 1, 5), date(2028, 1, 31), SEED_2, KEY_2), "2027-01-05", []),
        (_card(date(2027, 1, 5), date(2028, 1, 31), STRANGER, STRANGER_ID), on, []),
        (_signed(_body(key=KEY_2)), on, []),  # claims GR7DMT, signed with 243UGT
        (_signed(_body(number=two)), on, []),
        (_signed(_body(number=ninety_eight)), on, []),
        (_signed(_body(start="000229", end="991231")), on, []),  # 29.02.2000 exists
        (_signed(_body(start="260315", end="260315")), "2026-03-15", []),
        (_signed(_body(year="1900")), on, []),
        (_signed(_body(year="2099")), on, []),
        # scanner white space: only blank, tab, CR and LF, only around the text
        ("\r\n" + genuine + "\r\n", on, []),
        (" \t" + genuine + "\n\n", on, []),
        ("\x0b" + genuine, on, []),
        (genuine + "\x0c", on, []),
        ("\u00a0" + genuine, on, []),
        (genuine + "\u2028", on, []),
        ("\u3000" + genuine, on, []),
        (genuine.replace("*P*", "* P*"), on, []),
        ("", on, []),
        (" \r\n", on, []),
        ("KP1", on, []),
        ("KP1*243UGT", on, []),
        (genuine + "*", on, []),
        (genuine.rsplit("*", 1)[0], on, []),
        (genuine + "*" + signature, on, []),
        (genuine.lower(), on, []),
        # signature: length, alphabet, padding, canonical form
        (genuine[:-1], on, []),
        (genuine + "A", on, []),
        (genuine[:-1] + "=", on, []),
        (genuine + "=", on, []),
        (genuine[:-1] + "R", on, []),  # unused bits set
        (genuine[:-1] + "A", on, []),  # unused bits clear, other signature
        (genuine[:-2] + "1Q", on, []),
        (genuine.replace(signature, signature.lower()), on, []),
        (genuine.replace(signature, "A" * 103), on, []),
        # tampered in each part, the format kept
        (genuine.replace("KP1*", "KP2*", 1), on, []),
        (genuine.replace(KEY_1, KEY_2), on, []),
        (genuine.replace(KEY_1, "AAAAAA"), on, []),
        (genuine.replace("KA-123456-32", "KA-000001-51"), on, []),
        (genuine.replace("*P*", "*K*"), on, []),
        (genuine.replace("*260315*", "*260316*"), on, []),
        (genuine.replace("*270331*", "*280331*"), on, []),
        (genuine.replace("*JW*", "*JX*"), on, []),
        (genuine.replace("*1975*", "*1976*"), on, []),
        (genuine.replace("*" + signature, "*" + ("B" if signature[0] != "B" else "C")
                         + signature[1:]), on, []),
    ]
    malformed_bodies = [
        _body(tag=tag) for tag in ("KP01", "kp1", "Kp1", "KP 1", "KP1.0", "KP10", "KP2", "KP",
                                   "KP0", "", "XX1")
    ] + [
        _body(key=key) for key in ("243UG", "243UGTX", "243ugt", "243UG1", "243UG8", "")
    ] + [
        _body(number=number) for number in (
            "KA-000000-54", "KA-123456-23", "ka-123456-32", "KA123456-32", "KA-12345-32",
            "KA-1234567-32", "KARLS-123456-61", "-123456-08", "KA-123456-3", "KA 123456 32",
            "KA-123456-32 ", "Ka-123456-32", "KA-12345a-32", ninety_nine, one, "",
        )
    ] + [
        _body(kind=kind) for kind in ("X", "p", "PK", "", "1")
    ] + [
        _body(start=start) for start in ("260230", "210229", "261301", "260100", "260001",
                                         "26031", "2603150", "2603A5", "")
    ] + [
        _body(end=end) for end in ("270431", "27033", "")
    ] + [
        _body(start="270331", end="260315"),
        _body(start="260316", end="260315"),
        _body(start="260230", end="260101"),  # the date itself is wrong: part 5
    ] + [
        _body(initials=initials) for initials in ("J", "JWX", "jw", "J1", "", "J W")
    ] + [
        _body(year=year) for year in ("1899", "2100", "75", "19750", "197", "", "0975")
    ]
    cases += [(_signed(body), on, []) for body in malformed_bodies]
    cases += [(_signed(_body(initials="ÄW")), on, []), (_signed(_body(number="KA–123456–32")),
                                                         on, [])]
    return cases


@pytest.fixture
def reference_keys(checker: Any) -> dict[str, TrustedKey]:
    """Key set version 2 of section 8.4, in the page and for the reference."""
    assert _load(checker, KEYSET_2, "2027-01-01")["ok"]
    return read_key_set(KEYSET_2, FINGERPRINT, date(2027, 1, 1)).trusted_keys()


def test_payloads_made_here_get_the_verdict_of_the_reference(
    checker: Any, reference_keys: dict[str, TrustedKey]
) -> None:
    cases = _reference_cases()
    results = checker.evaluate("(cases) => kit.checkAll(cases)", [list(c) for c in cases])
    statuses = set()
    for (payload, on, revoked), result in zip(cases, results, strict=True):
        expected = _reference(payload, reference_keys, on, revoked)
        assert _seen(result) == expected, (payload, on, revoked, result["message_en"])
        assert result["message_de"] and result["message_en"]
        statuses.add(result["status"])
    assert statuses == {"malformed", "unknown-key", "forged-or-altered", "key-retired",
                        "genuine-revoked", "genuine-not-yet-valid", "genuine-expired",
                        "genuine-valid"}


def test_every_one_character_change_gets_the_verdict_of_the_reference(
    checker: Any, reference_keys: dict[str, TrustedKey]
) -> None:
    """Each position of a genuine payload replaced by a few characters, or left out."""
    genuine = _card(date(2026, 3, 15), date(2027, 3, 31))
    mutants = []
    for position, old in enumerate(genuine):
        for new in ("A", "Q", "7", "0", "*", " ", "-", "a", "ä", ""):
            if new != old:
                mutants.append(genuine[:position] + new + genuine[position + 1:])
    cases = [[mutant, "2026-06-01", []] for mutant in mutants]
    results = checker.evaluate("(cases) => kit.checkAll(cases)", cases)
    mismatches = [
        (mutant, _seen(result), expected)
        for mutant, result in zip(mutants, results, strict=True)
        if _seen(result) != (expected := _reference(mutant, reference_keys, "2026-06-01", []))
    ]
    assert not mismatches, mismatches[:5]
    assert all(result["status"] != "genuine-valid" for result in results)
    assert len(mutants) > 1300


def test_revoked_numbers_may_be_a_list_or_a_set(checker: Any) -> None:
    assert _load(checker, KEYSET_1, "2026-11-01")["ok"]
    genuine = PAYLOAD_VECTORS[0]["payload"]
    for revoked in ("['KA-123456-32']", "new Set(['KA-123456-32'])"):
        status = checker.evaluate(
            f"(t) => KpassChecker.checkPayload(t, undefined, {revoked}, '2026-06-01')"
            ".then((r) => r.status)", genuine)
        assert status == "unknown-key"  # no keys given at all
        status = checker.evaluate(
            f"(t) => kit.check(t, {revoked}, '2026-06-01').then((r) => r.status)", genuine)
        assert status == "genuine-revoked"


# ---------------------------------------------------------------- key sets (6, 8.4)

@pytest.mark.parametrize("vector", KEYSET_VECTORS, ids=lambda v: v["name"])
def test_keyset_vector(checker: Any, vector: dict[str, Any]) -> None:
    read = _load(checker, vector["keyset"], vector["on"], vector["last_version"],
                 vector["fingerprint"])
    if vector["result"] == "accepted":
        assert read["ok"], read
        assert read["version"] == vector["version"]
        assert [{"key_id": k["key_id"], "not_after": k["not_after"]}
                for k in read["keys"]] == vector["keys"]
        assert all(k["usable"] and k["same_id"] for k in read["keys"])
        assert read["rootFingerprint"] == FINGERPRINT_HEX
    else:
        assert not read["ok"]
        assert read["reason_en"] and read["reason_de"]


def test_the_example_key_set_is_accepted_with_the_test_root_pinned(checker: Any) -> None:
    assert _code_block_after("<!-- keyset-example -->") == KEYSET_1
    compact = FINGERPRINT.replace(" ", "")
    for typed in (FINGERPRINT, FINGERPRINT.lower(), compact, compact.lower()):
        read = _load(checker, KEYSET_1, "2026-11-01", fingerprint=typed)
        assert read["ok"], typed
        assert read == {
            "ok": True, "version": 1, "issued": "2026-11-01", "expires": "2027-11-01",
            "rootFingerprint": FINGERPRINT_HEX,
            "keys": [{"key_id": KEY_1, "not_after": None, "public_key": _public(SEED_1).hex(),
                      "usable": True, "same_id": True}],
        }
    other_root = _seed("kpass root test key 2 - NOT FOR PRODUCTION")
    for wrong in (root_fingerprint(_public(other_root)), compact[:-1], compact + "0", "",
                  FINGERPRINT.replace(" ", "-"), FINGERPRINT.replace(" ", "\t")):
        assert not _load(checker, KEYSET_1, "2026-11-01", fingerprint=wrong)["ok"], wrong


def _changed(text: str) -> list[str]:
    """Every one-character change: each character replaced by its neighbour, or left out."""
    changed = []
    for position, old in enumerate(text):
        changed.append(text[:position] + chr(ord(old) ^ 1) + text[position + 1:])
        changed.append(text[:position] + text[position + 1:])
    return [*changed, text + "\n", text[:-1], " " + text, text.replace("\n", "\r\n")]


def _hand_signed_key_set(keys: list[tuple[str, bytes]]) -> str:
    """A key set in the one spelling, signed by the test root, with keys that
    ``sign_key_set`` would not sign (no not-after days)."""
    root = _public(ROOT)
    entries = tuple(KeySetEntry(key_id, raw, None) for key_id, raw in keys)
    text = signing_text(3, date(2027, 1, 1), date(2028, 1, 1), root, entries)
    document = {
        "format": "kpass-keyset", "format_version": 1, "keyset_version": 3,
        "issued": "2027-01-01", "expires": "2028-01-01",
        "root_key_id": key_id_for_public_bytes(root), "root_public_key": root.hex(),
        "keys": [{"key_id": key_id, "algorithm": "Ed25519", "public_key": raw.hex(),
                  "not_after": None} for key_id, raw in keys],
        "signature": b32_encode(load_private_key(ROOT).sign(text.encode("ascii"))),
    }
    return json.dumps(document, indent=2) + "\n"


def _keyset_reference(text: str, on: date, last_version: int | None) -> bool:
    try:
        read_key_set(text, FINGERPRINT, on, last_version)
    except KeySetError:
        return False
    return True


@pytest.mark.parametrize("keyset", [KEYSET_1, KEYSET_2], ids=["version 1", "version 2"])
def test_a_key_set_is_refused_after_any_change(checker: Any, keyset: str) -> None:
    texts = _changed(keyset)
    verdicts = checker.evaluate("([t, f, d]) => kit.keySetVerdicts(t, f, null, d)",
                                [texts, FINGERPRINT, "2027-01-01"])
    assert verdicts == [_keyset_reference(text, date(2027, 1, 1), None) for text in texts]
    assert not any(verdicts)
    assert _load(checker, keyset, "2027-01-01")["ok"]


def test_a_key_set_is_refused_as_a_rollback(checker: Any) -> None:
    assert _load(checker, KEYSET_2, "2027-01-05", last_version=2)["ok"]
    assert _load(checker, KEYSET_1, "2027-01-05", last_version=1)["ok"]
    older = _load(checker, KEYSET_1, "2027-01-05", last_version=2)
    assert not older["ok"] and "older" in older["reason_en"]
    assert "älter" in older["reason_de"]
    # walk-through of section 8: version 2 accepted, then the late card is key-retired
    assert _load(checker, KEYSET_2, "2027-01-05")["ok"]
    late = next(v for v in PAYLOAD_VECTORS if v["name"].startswith("card from 05.01.2027"))
    result = checker.evaluate("(t) => kit.check(t, [], '2027-01-05')", late["payload"])
    assert result["status"] == "key-retired"


def test_a_key_set_on_the_days_around_its_validity(checker: Any) -> None:
    for today, accepted in (("2026-10-31", False), ("2026-11-01", True), ("2027-11-01", True),
                            ("2027-11-02", False)):
        assert _load(checker, KEYSET_1, today)["ok"] is accepted, today
        assert _keyset_reference(KEYSET_1, date.fromisoformat(today), None) is accepted


def test_key_sets_signed_here_get_the_verdict_of_the_reference(checker: Any) -> None:
    stranger = _public(STRANGER)
    root = _public(ROOT)
    root_id = key_id_for_public_bytes(root)
    assert root_id > KEY_1  # so that the keys are in order

    def signed(keys: dict[str, Any], version: int = 3) -> str:
        return sign_key_set(keys, version=version, issued=date(2027, 1, 1),
                            expires=date(2028, 1, 1), root_private_key=ROOT)

    three = signed({KEY_1: _public(SEED_1), KEY_2: _public(SEED_2), STRANGER_ID: stranger})
    texts = [
        three,
        signed({KEY_2: _public(SEED_2)}, version=2147483647),
        _hand_signed_key_set([(KEY_1, _public(SEED_1))]),
        three.replace(f'"key_id": "{STRANGER_ID}"', '"key_id": "AAAAAA"'),
        # correctly signed by the root, but with the root itself as a card key
        _hand_signed_key_set([(KEY_1, _public(SEED_1)), (root_id, root)]),
        _hand_signed_key_set([(KEY_1, _public(SEED_1)), (KEY_1, _public(SEED_1))]),
        three.replace('"keyset_version": 3', '"keyset_version": 3.0'),
        three.replace('"keyset_version": 3', '"keyset_version": "3"'),
        three.replace('"keyset_version": 3', '"keyset_version": 3e0'),
        three.replace('"format_version": 1', '"format_version": true'),
        three.replace('"algorithm": "Ed25519"', '"algorithm": "ed25519"', 1),
        three.replace('"not_after": null', '"not_after": "2027-02-30"', 1),
        three.replace('"not_after": null', '"not_after": ""', 1),
        three.replace('"format": "kpass-keyset"', '"format": "kpass-keyset", "x": 1'),
        three.replace('"expires": "2028-01-01"', '"expires": "2027-01-01"'),
        three.replace("Ed25519", "Ed\\u0032\\u0035519", 1),
        three.replace("\n", "\n\n", 1),
        three.rstrip("\n"),
        "[]", "", "null", "{}", "\u00ef\u00bb\u00bf" + three,
    ]
    verdicts = checker.evaluate("([t, f, d]) => kit.keySetVerdicts(t, f, 2, d)",
                                [texts, FINGERPRINT, "2027-01-01"])
    assert verdicts == [_keyset_reference(text, date(2027, 1, 1), 2) for text in texts]
    assert verdicts[:3] == [True] * 3 and not any(verdicts[3:])
    read = _load(checker, three, "2027-01-01")
    assert [k["key_id"] for k in read["keys"]] == sorted([KEY_1, KEY_2, STRANGER_ID])


def test_the_fingerprint_as_typed(checker: Any) -> None:
    compact = FINGERPRINT.replace(" ", "")
    cases = {
        FINGERPRINT: FINGERPRINT_HEX, FINGERPRINT.lower(): FINGERPRINT_HEX,
        compact: FINGERPRINT_HEX, " " + FINGERPRINT + " ": FINGERPRINT_HEX,
        compact[:-1]: None, compact + "A": None, compact[:-1] + "G": None, "": None,
        FINGERPRINT.replace(" ", "\u00a0"): None, FINGERPRINT.replace(" ", ":"): None,
    }
    found = checker.evaluate("(texts) => texts.map((t) => KpassChecker.fingerprintHex(t))",
                             list(cases))
    assert found == list(cases.values())
    assert checker.evaluate("() => KpassChecker.fingerprintHex(null)") is None


# ---------------------------------------------------------------- revocation lists (7, 8.3)

def _list_keys(not_after: str | None) -> dict[str, TrustedKey]:
    return {KEY_1: TrustedKey(_public(SEED_1),
                              date.fromisoformat(not_after) if not_after else None)}


def _list_reference(text: str, keys: dict[str, TrustedKey], on: str,
                    last_sequence: int | None) -> bool:
    try:
        read_revocation_list(text, keys, on=date.fromisoformat(on), last_sequence=last_sequence)
    except RevocationListError:
        return False
    return True


@pytest.mark.parametrize("vector", REVOCATION_VECTORS, ids=lambda v: v["name"])
def test_revocation_vector(checker: Any, vector: dict[str, Any]) -> None:
    assert _load(checker, _key_set(vector["not_after"]), "2026-01-01")["ok"]
    read = checker.evaluate("([t, s, d]) => kit.readList(t, s, d)",
                            [vector["list"], vector["last_sequence"], vector["on"]])
    if vector["result"] == "accepted":
        values = dict(re.findall(r"^(ISSUED|NEXT-UPDATE) (\S+)$", vector["list"], re.M))
        assert read == {"ok": True, "keyId": KEY_1, "sequence": vector["sequence"],
                        "issued": values["ISSUED"], "nextUpdate": values["NEXT-UPDATE"],
                        "numbers": vector["numbers"], "stale": vector["stale"]}
    else:
        assert not read["ok"]
        assert read["reason_en"] and read["reason_de"]


def test_the_example_list_is_refused_after_any_change(checker: Any) -> None:
    assert _load(checker, _key_set(None), "2026-01-01")["ok"]
    texts = _changed(LIST)
    verdicts = checker.evaluate("([t, d]) => kit.listVerdicts(t, null, d)",
                                [texts, "2026-11-02"])
    keys = _list_keys(None)
    assert verdicts == [_list_reference(text, keys, "2026-11-02", None) for text in texts]
    assert not any(verdicts)


def test_lists_signed_here_get_the_verdict_of_the_reference(checker: Any) -> None:
    private = load_private_key(SEED_1)

    def signed(lines: list[str], seed: bytes = SEED_1) -> str:
        body = "".join(line + "\n" for line in lines)
        key = private if seed == SEED_1 else load_private_key(seed)
        return f"{body}SIGNATURE {b32_encode(key.sign(body.encode('ascii')))}\n"

    def head(sequence: str = "5", count: str = "2", issued: str = "2026-11-01",
             next_update: str = "2026-11-08", key: str = KEY_1) -> list[str]:
        return ["KPASS-REVOCATIONS 2", f"KEY-ID {key}", f"SEQUENCE {sequence}",
                f"ISSUED {issued}", f"NEXT-UPDATE {next_update}", f"COUNT {count}"]

    numbers = ["K-999999-49", "KA-000001-51"]  # "-" sorts before "A"
    texts = [
        signed(head() + numbers),
        signed(head(sequence="2147483647") + numbers),
        signed(head(count="0")),
        signed(head(issued="2026-11-02", next_update="2026-11-03") + numbers),
        signed(head(sequence="2147483648") + numbers),
        signed(head(sequence="+5") + numbers),
        signed(head(count="+2") + numbers),
        signed(head(issued="2026-11-1") + numbers),
        signed(head(issued="2026-11-01T00:00") + numbers),
        signed(head(issued="2026-02-29") + numbers),
        signed(head(issued="2026-11-03", next_update="2026-11-08") + numbers),  # future
        signed(head(key=STRANGER_ID) + numbers, STRANGER),
        signed(head(key=KEY_2) + numbers),
        signed(head(key="243ugt") + numbers),
        signed(head() + list(reversed(numbers))),
        signed([*head(count="3"), *numbers, "KA-123456-32 "]),
        signed([*head(count="3"), *numbers, ""]),
        signed([*head(count="3"), *numbers, "ka-123456-32"]),
        signed(["KPASS-REVOCATIONS 3", *head()[1:], *numbers]),
        signed(["KPASS-REVOCATIONS  2", *head()[1:], *numbers]),
        signed(["KPASS-REVOCATIONS 02", *head()[1:], *numbers]),
        signed([*head()[:2], "SEQUENCE  5", *head()[3:], *numbers]),
        signed([head()[0], head()[2], head()[1], *head()[3:], *numbers]),
        signed(head() + numbers).replace("SIGNATURE ", "SIGNATURE  "),
        signed(head() + numbers)[:-2] + "R\n",
        signed(head() + numbers) + "\n",
        "\ufeff" + signed(head() + numbers),
        "", "\n", "KPASS-REVOCATIONS 2\n", "KPASS-REVOCATIONS 2",
        "KPASS-REVOCATIONS 2\nSIGNATURE " + "A" * 103 + "\n",
    ]
    assert _load(checker, KEYSET_1, "2026-11-01")["ok"]
    verdicts = checker.evaluate("([t, d]) => kit.listVerdicts(t, 4, d)", [texts, "2026-11-02"])
    keys = {KEY_1: TrustedKey(_public(SEED_1))}
    assert verdicts == [_list_reference(text, keys, "2026-11-02", 4) for text in texts]
    assert verdicts[:4] == [True] * 4 and not any(verdicts[4:])


def test_a_list_is_refused_as_a_rollback_and_stale_from_the_day_after_next_update(
    checker: Any,
) -> None:
    assert _load(checker, KEYSET_1, "2026-11-01")["ok"]
    for last, accepted in ((None, True), (0, True), (1, True), (2, False)):
        read = checker.evaluate("([t, s]) => kit.readList(t, s, '2026-11-02')", [LIST, last])
        assert read["ok"] is accepted, last
    crlf = checker.evaluate("(t) => kit.readList(t, null, '2026-11-02')",
                            LIST.replace("\n", "\r\n"))
    assert not crlf["ok"] and "CR" in crlf["reason_en"]
    stale = checker.evaluate(
        """async (t) => {
          const list = await KpassChecker.readRevocationList(t, {}, null, '2026-11-02');
          return list;
        }""", LIST)
    assert not stale["ok"]  # without keys nothing is accepted
    days = ["2026-11-01", "2026-11-07", "2026-11-08", "2026-11-09", "2027-01-01"]
    flags = checker.evaluate(
        "(days) => days.map((d) => KpassChecker.isStale({nextUpdate: '2026-11-08'}, d))", days)
    assert flags == [False, False, False, True, True]


# ---------------------------------------------------------------- today, WebCrypto, requests

def test_today_is_the_date_in_berlin(checker: Any) -> None:
    moments = {
        "2026-03-28T22:59:00Z": "2026-03-28",  # 23:59 CET
        "2026-03-28T23:00:00Z": "2026-03-29",  # midnight CET
        "2026-06-30T21:59:00Z": "2026-06-30",  # 23:59 CEST
        "2026-06-30T22:00:00Z": "2026-07-01",  # midnight CEST
        "2026-12-31T23:30:00Z": "2027-01-01",
    }
    found = checker.evaluate(
        "(moments) => moments.map((m) => KpassChecker.berlinToday(new Date(m)))", list(moments))
    assert found == list(moments.values())
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", checker.evaluate("() => KpassChecker.berlinToday()"))


def test_without_webcrypto_every_check_fails_with_a_clear_error(checker: Any) -> None:
    errors = checker.evaluate(
        """async ([payload, keyset]) => {
          Object.defineProperty(Crypto.prototype, "subtle", { get: () => undefined,
                                                              configurable: true });
          const calls = [
            () => KpassChecker.checkPayload(payload, {}, [], "2026-06-01"),
            () => KpassChecker.readKeySet(keyset, "00", null, "2026-11-01"),
            () => KpassChecker.readRevocationList("", {}, null, "2026-11-01"),
          ];
          const errors = [];
          for (const call of calls) {
            try {
              await call();
              errors.push(null);
            } catch (error) {
              errors.push(String(error.message));
            }
          }
          return errors;
        }""", [PAYLOAD_VECTORS[0]["payload"], KEYSET_1])
    assert all(error and "crypto.subtle" in error for error in errors), errors


def test_the_script_makes_no_request_and_uses_no_outside_help(checker: Any) -> None:
    script = CHECKER.read_text(encoding="utf-8")
    for forbidden in ("fetch(", "XMLHttpRequest", "import ", "import(", "eval(", "Function(",
                      "http://", "https://", "WebSocket", "sendBeacon", "localStorage"):
        assert forbidden not in script, forbidden
    assert sorted(checker.evaluate("() => Object.keys(KpassChecker)")) == [
        "berlinToday", "checkPayload", "fingerprintHex", "isStale", "readKeySet",
        "readRevocationList"]
    # a full round: key set, list, a code
    assert _load(checker, KEYSET_1, "2026-11-01")["ok"]
    assert checker.evaluate("(t) => kit.readList(t, null, '2026-11-02')", LIST)["ok"]
    result = checker.evaluate("(t) => kit.check(t, [], '2026-11-02')",
                              PAYLOAD_VECTORS[0]["payload"])
    assert result["status"] == "genuine-valid"
    assert checker.requests == [checker.url]
