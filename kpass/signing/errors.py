"""Errors of the signing package, each with an English and a German message."""

from __future__ import annotations

from kpass.errors import KpassError


class SigningError(KpassError, ValueError):
    """A key, payload, key file or revocation list is not acceptable."""

    exit_code = 2


class PayloadError(SigningError):
    """A QR payload text does not follow the format (which part is wrong is in the message)."""


class KeyFormatError(SigningError):
    """A private or public key cannot be read, or its key id does not match."""


class RevocationListError(SigningError):
    """A revocation list is malformed, signed with an unknown key or its signature is wrong."""



class KeySetError(SigningError):
    """A key set is malformed, not signed by the pinned root key, expired or older than one
    seen before; or a root fingerprint is not written as one."""


class VerifierStateError(SigningError):
    """The checker's state file (the highest versions seen) cannot be read."""
