"""Signed QR payloads of the passes: Ed25519 keys, payload format, verification, revocations.

Pure: no database, no Qt, no files (callers read and write key files). The format is
specified in docs/qr-payload.md for partners who write their own checker. Typical use::

    private_pem, public_raw, key_id = generate_key()
    fields = PassFields.for_holder(number="KA-123456-32", pass_type="karlsruher_pass", ...)
    text = sign_payload(fields, private_pem, key_id)
    result = verify_payload(text, {key_id: public_raw}, on=date.today())

Partners get the keys as a key set signed by the office's offline root key
(:func:`sign_key_set`, :func:`read_key_set`) and pin the root's fingerprint.
"""

from kpass.signing.errors import (
    KeyFormatError,
    KeySetError,
    PayloadError,
    RevocationListError,
    SigningError,
    VerifierStateError,
)
from kpass.signing.key_set import (
    KeySet,
    KeySetEntry,
    parse_fingerprint,
    parse_key_set,
    read_key_set,
    root_fingerprint,
    sign_key_set,
)
from kpass.signing.keys import (
    TrustedKey,
    export_public_keys,
    generate_key,
    key_id_of,
    load_private_key,
    load_public_key,
    load_public_keys,
)
from kpass.signing.payload import (
    PASS_TYPE_CODES,
    PassFields,
    PayloadFields,
    check_pass_number,
    holder_initials,
    parse_payload,
    sign_payload,
)
from kpass.signing.revocation import (
    RevocationList,
    load_revocation_list,
    read_revocation_list,
    sign_revocation_list,
)
from kpass.signing.verifier_state import (
    RootState,
    VerifierState,
    dump_verifier_state,
    parse_verifier_state,
)
from kpass.signing.verify import VerificationResult, VerificationStatus, verify_payload

__all__ = [
    "PASS_TYPE_CODES",
    "KeyFormatError",
    "KeySet",
    "KeySetEntry",
    "KeySetError",
    "PassFields",
    "PayloadError",
    "PayloadFields",
    "RevocationList",
    "RevocationListError",
    "RootState",
    "SigningError",
    "TrustedKey",
    "VerificationResult",
    "VerificationStatus",
    "VerifierState",
    "VerifierStateError",
    "check_pass_number",
    "dump_verifier_state",
    "export_public_keys",
    "generate_key",
    "holder_initials",
    "key_id_of",
    "load_private_key",
    "load_public_key",
    "load_public_keys",
    "load_revocation_list",
    "parse_fingerprint",
    "parse_key_set",
    "parse_payload",
    "parse_verifier_state",
    "read_key_set",
    "read_revocation_list",
    "root_fingerprint",
    "sign_key_set",
    "sign_payload",
    "sign_revocation_list",
    "verify_payload",
]
