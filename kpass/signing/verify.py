"""Checking a scanned QR payload: is the card genuine, and is it valid on a given day?"""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date

from cryptography.exceptions import InvalidSignature

from kpass.signing.errors import PayloadError
from kpass.signing.keys import PublicKeyInput, TrustedKey, load_public_key, split_trusted
from kpass.signing.payload import PayloadFields, parse_payload
from kpass.vocabulary import format_date, pass_title


class VerificationStatus(enum.StrEnum):
    """The outcome of a check, in the order in which the checks are made (see docs)."""

    MALFORMED = "malformed"
    UNKNOWN_KEY = "unknown-key"
    FORGED_OR_ALTERED = "forged-or-altered"
    KEY_RETIRED = "key-retired"
    NOT_IN_REGISTER = "not-in-register"
    GENUINE_REVOKED = "genuine-revoked"
    GENUINE_NOT_YET_VALID = "genuine-not-yet-valid"
    GENUINE_EXPIRED = "genuine-expired"
    GENUINE_VALID = "genuine-valid"

    @property
    def genuine(self) -> bool:
        """Whether the signature was verified (the office issued exactly this content)."""
        return self.value.startswith("genuine-")

    @property
    def accept(self) -> bool:
        """Whether a partner may grant the discount (after comparing the photo ID)."""
        return self is VerificationStatus.GENUINE_VALID


@dataclass(frozen=True)
class VerificationResult:
    """Status, the payload's fields when they could be read, and a message for the checker."""

    status: VerificationStatus
    fields: PayloadFields | None
    message_en: str
    message_de: str


def _genuine(status: VerificationStatus, fields: PayloadFields) -> VerificationResult:
    # the passes' names are proper names: the same in both languages
    title_en = title_de = pass_title(fields.pass_type)
    holder_en = (
        f"holder's initials {fields.initials[0]}. {fields.initials[1]}., born {fields.birth_year}"
    )
    holder_de = (
        f"Initialen {fields.initials[0]}. {fields.initials[1]}., Geburtsjahr {fields.birth_year}"
    )
    start, end = fields.valid_from, fields.valid_until
    text_en, text_de = {
        VerificationStatus.GENUINE_VALID: (
            f"Genuine {title_en} {fields.number}, valid until {end.isoformat()}; "
            f"{holder_en} — compare with an official photo ID.",
            f"Echter {title_de} {fields.number}, gültig bis {format_date(end)}; "
            f"{holder_de} — bitte mit amtlichem Lichtbildausweis vergleichen.",
        ),
        VerificationStatus.GENUINE_EXPIRED: (
            f"Genuine {title_en} {fields.number}, but expired on {end.isoformat()}.",
            f"Echter {title_de} {fields.number}, aber abgelaufen am {format_date(end)}.",
        ),
        VerificationStatus.GENUINE_NOT_YET_VALID: (
            f"Genuine {title_en} {fields.number}, but valid only from {start.isoformat()}.",
            f"Echter {title_de} {fields.number}, aber erst ab {format_date(start)} gültig.",
        ),
        VerificationStatus.GENUINE_REVOKED: (
            f"Genuine {title_en} {fields.number}, but revoked (lost, replaced or withdrawn) "
            "— do not accept.",
            f"Echter {title_de} {fields.number}, aber gesperrt (verloren, ersetzt oder "
            "entzogen) — nicht anerkennen.",
        ),
    }[status]
    return VerificationResult(status, fields, text_en, text_de)


def verify_payload(
    text: str,
    public_keys: Mapping[str, PublicKeyInput | TrustedKey],
    on: date,
    revoked: Collection[str] | None = None,
    *,
    registered: Callable[[str], bool] | None = None,
) -> VerificationResult:
    """Check a scanned payload against the office's public keys on day ``on``.

    ``public_keys`` maps key ids to public keys, or to :class:`TrustedKey` with the day a
    retired key stopped signing (from a key set, :func:`~kpass.signing.key_set.read_key_set`);
    ``revoked`` holds revoked pass numbers in canonical spelling (from
    :func:`~kpass.signing.revocation.read_revocation_list`). ``registered``, where the
    register is at hand, tells whether a pass number is in it. Never raises for a bad
    payload: that is a result (``malformed``), not an error.
    """
    try:
        fields = parse_payload(text)
    except PayloadError as exc:
        return VerificationResult(
            VerificationStatus.MALFORMED, None,
            f"Not a Karlsruher Pass code: {exc.message_en}.",
            f"Kein Code eines Karlsruher Passes: {exc.message_de}.",
        )
    key_data = public_keys.get(fields.key_id)
    if key_data is None:
        return VerificationResult(
            VerificationStatus.UNKNOWN_KEY, fields,
            f"Signed with key {fields.key_id}, which is not in the key file: load the current "
            "public keys of the issuing office.",
            f"Mit Schlüssel {fields.key_id} signiert, der nicht in der Schlüsseldatei steht: "
            "bitte die aktuellen öffentlichen Schlüssel der ausgebenden Stelle laden.",
        )
    public_key, not_after = split_trusted(key_data)
    key = load_public_key(public_key)  # a broken key set is the checker's error: it raises
    try:
        key.verify(fields.signature, fields.signed_text.encode("ascii"))
    except InvalidSignature:
        return VerificationResult(
            VerificationStatus.FORGED_OR_ALTERED, fields,
            "The signature does not match: the code was forged or altered — do not accept.",
            "Die Signatur passt nicht: der Code ist gefälscht oder verändert — nicht anerkennen.",
        )
    if not_after is not None and fields.valid_from > not_after:
        return VerificationResult(
            VerificationStatus.KEY_RETIRED, fields,
            f"Signed with key {fields.key_id}, which was retired on {not_after.isoformat()}, "
            f"for a card valid only from {fields.valid_from.isoformat()}: a retired key signs "
            "no new cards — do not accept (the key may have been misused).",
            f"Mit Schlüssel {fields.key_id} signiert, der am {format_date(not_after)} "
            f"stillgelegt wurde, für eine erst ab {format_date(fields.valid_from)} gültige "
            "Karte: ein stillgelegter Schlüssel signiert keine neuen Karten — nicht "
            "anerkennen (der Schlüssel wurde womöglich missbraucht).",
        )
    if registered is not None and not registered(fields.number):
        return VerificationResult(
            VerificationStatus.NOT_IN_REGISTER, fields,
            f"Correctly signed, but pass number {fields.number} is not in this register — "
            "do not accept, and tell the office's key administrator (the signing key may "
            "have been misused).",
            f"Korrekt signiert, aber die Passnummer {fields.number} steht nicht in diesem "
            "Register — nicht anerkennen und die Schlüsselverwaltung der Stelle informieren "
            "(der Signaturschlüssel wurde womöglich missbraucht).",
        )
    if revoked is not None and fields.number in revoked:
        return _genuine(VerificationStatus.GENUINE_REVOKED, fields)
    if on < fields.valid_from:
        return _genuine(VerificationStatus.GENUINE_NOT_YET_VALID, fields)
    if on > fields.valid_until:
        return _genuine(VerificationStatus.GENUINE_EXPIRED, fields)
    return _genuine(VerificationStatus.GENUINE_VALID, fields)
