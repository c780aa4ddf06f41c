"""Signed QR payloads of the passes: Ed25519 keys, payload format, verification, revocations.

Pure: no database, no Qt, no files (callers read and write key files). The format is
specified in docs/qr-payload.md for partners who write their own checker. Typical use::

    private_pem, public_raw, key_id = generate_key()
    fields = PassFields.for_holder(number="KA-123456-32", pass_type="karlsruher_pass", ...)
    text = sign_payload(fields, private_pem, key_id)
    result = verify_payload(text, {key_id: public_raw}, on=date.today())
"""

from kpass.signing.errors import KeyFormatError, PayloadError, RevocationListError, SigningError
from kpass.signing.keys import (
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
from kpass.signing.verify import VerificationResult, VerificationStatus, verify_payload

__all__ = [
    "PASS_TYPE_CODES",
    "KeyFormatError",
    "PassFields",
    "PayloadError",
    "PayloadFields",
    "RevocationList",
    "RevocationListError",
    "SigningError",
    "VerificationResult",
    "VerificationStatus",
    "check_pass_number",
    "export_public_keys",
    "generate_key",
    "holder_initials",
    "key_id_of",
    "load_private_key",
    "load_public_key",
    "load_public_keys",
    "load_revocation_list",
    "parse_payload",
    "read_revocation_list",
    "sign_payload",
    "sign_revocation_list",
    "verify_payload",
]
