"""The QR payload of a pass: building, signing and parsing (format in docs/qr-payload.md).

``KP1*<key id>*<pass number>*<P|K>*<valid from YYMMDD>*<valid until YYMMDD>*<initials>*
<birth year>*<signature>`` — ASCII, upper case, only characters of the QR alphanumeric mode,
so the code stays small (version 6 at error correction level M). The signature is Ed25519
over the ASCII bytes of everything before the last ``*``, written as unpadded base32.

Every part has a fixed length except the prefix of the pass number (1 to 4 letters), so a
payload has exactly ``PAYLOAD_BASE_LENGTH + len(prefix)`` characters: 150 to 153, 151 for
``KA``. Parsing accepts one spelling only (``KP1``, canonical pass number with a serial from
000001, dates in order): anything else is malformed, even under a valid signature.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from kpass.rules.pass_number import MAX_SERIAL, SERIAL_DIGITS, check_digits
from kpass.signing.encoding import KEY_ID_LENGTH, b32_decode, b32_encode
from kpass.signing.errors import KeyFormatError, PayloadError
from kpass.signing.keys import PrivateKeyInput, key_id_of, load_private_key

MAGIC = "KP"
VERSION = 1
SEPARATOR = "*"
SIGNATURE_LENGTH = 103  # 64 bytes in base32 without padding
#: Characters of a payload besides the pass number's prefix: "KP1*" 4, key id and "*" 7,
#: "-NNNNNN-CC*" 11, type and "*" 2, two dates and "*" 14, initials and "*" 3, year and "*" 5,
#: signature 103.
PAYLOAD_BASE_LENGTH = 149
#: Leading and trailing characters that a scanner may add and that are ignored (nothing else).
SCANNER_WHITE_SPACE = " \t\r\n"

#: Pass type in the payload ↔ pass type in kpass.
PASS_TYPE_CODES: dict[str, str] = {"karlsruher_pass": "P", "kinderpass": "K"}
_PASS_TYPES_BY_CODE = {code: name for name, code in PASS_TYPE_CODES.items()}

_PARTS = (
    ("format and version", "Format und Version"),
    ("key id", "Schlüsselkennung"),
    ("pass number", "Passnummer"),
    ("pass type", "Passart"),
    ("valid from", "gültig ab"),
    ("valid until", "gültig bis"),
    ("initials", "Initialen"),
    ("birth year", "Geburtsjahr"),
    ("signature", "Signatur"),
)
_VERSION_TAG = f"{MAGIC}{VERSION}"
_OTHER_VERSION_TAG = re.compile(rf"{MAGIC}[1-9][0-9]*")
_NUMBER = re.compile(rf"([A-Z]{{1,4}})-([0-9]{{{SERIAL_DIGITS}}})-([0-9]{{2}})")
_KEY_ID = re.compile(rf"[A-Z2-7]{{{KEY_ID_LENGTH}}}")
_DATE = re.compile(r"[0-9]{6}")
_INITIALS = re.compile(r"[A-Z]{2}")
_YEAR = re.compile(r"(19|20)[0-9]{2}")
# Letters that Unicode decomposition does not reduce to A–Z.
_SPECIAL_LETTERS = {"Æ": "A", "Œ": "O", "Ø": "O", "Ł": "L", "Đ": "D", "Ð": "D", "Þ": "T"}


@dataclass(frozen=True)
class PassFields:
    """What the issuing office states about a pass (the signed content without key id)."""

    number: str  # canonical, e.g. "KA-123456-32"
    pass_type: str  # "karlsruher_pass" | "kinderpass"
    valid_from: date
    valid_until: date
    initials: str  # two letters A–Z: first given name, family name
    birth_year: int

    @classmethod
    def for_holder(
        cls,
        *,
        number: str,
        pass_type: str,
        given_names: str,
        family_name: str,
        birth_date: date,
        valid_from: date,
        valid_until: date,
    ) -> PassFields:
        """The fields for a holder: initials and birth year are taken from name and birth date."""
        return cls(
            number, pass_type, valid_from, valid_until,
            holder_initials(given_names, family_name), birth_date.year,
        )


@dataclass(frozen=True)
class PayloadFields(PassFields):
    """A parsed payload: the stated fields plus format version, key id and signature."""

    version: int = VERSION
    key_id: str = ""
    signature: bytes = b""
    signed_text: str = ""  # the exact text the signature covers


def _initial(name: str) -> str:
    """The first letter of ``name`` as ``A``–``Z`` (rule in docs/qr-payload.md, section 1.3)."""
    for char in name:
        if char.isalpha():  # Unicode letters (categories L*); blanks, hyphens, ' and . skipped
            upper = char.upper()  # may be two letters ("ß" → "SS"): the first one counts
            base = _SPECIAL_LETTERS.get(upper) or unicodedata.normalize("NFKD", upper)[0]
            return base if "A" <= base <= "Z" else "X"
    return "X"


def holder_initials(given_names: str, family_name: str) -> str:
    """The two initials on the payload: first letter of the given names, then of the family name.

    Each is the first letter of the whole field as registered, so particles count and nothing
    after a blank or hyphen does: ``("Jürgen", "Weiß-Özdemir")`` → ``"JW"``, ``("Ursula",
    "von der Leyen")`` → ``"UV"``, ``("Anna Maria", "De Luca")`` → ``"AD"``. Accents are
    dropped; a non-Latin first letter, or a field without any letter, gives ``X``.
    """
    return _initial(given_names) + _initial(family_name)


def _yymmdd(day: date) -> str:
    return f"{day.year % 100:02d}{day.month:02d}{day.day:02d}"


def _field_error(part: int, problem_en: str, problem_de: str) -> PayloadError:
    name_en, name_de = _PARTS[part]
    return PayloadError(
        f"QR payload: part {part + 1} ({name_en}) {problem_en}",
        f"QR-Inhalt: Teil {part + 1} ({name_de}) {problem_de}",
    )


def pass_number_problem(number: str) -> tuple[str, str] | None:
    """Why ``number`` is not a canonical pass number (English, German), or ``None`` if it is.

    Canonical: 1–4 capital letters, ``-``, six digits of a serial from 000001 to 999999, ``-``,
    the two ISO 7064 MOD 97-10 check digits. No other spelling (lower case, blanks, a missing
    hyphen) is accepted here: the payload and the revocation list hold exactly this form.
    """
    match = _NUMBER.fullmatch(number)
    if not match:
        return "is not of the form KA-123456-32", "hat nicht die Form KA-123456-32"
    prefix, serial_text, digits = match.groups()
    serial = int(serial_text)
    if not 1 <= serial <= MAX_SERIAL:
        return (
            f"has serial {serial_text}, outside 000001-{MAX_SERIAL}",
            f"hat die laufende Nummer {serial_text}, außerhalb 000001–{MAX_SERIAL}",
        )
    if digits != check_digits(serial, prefix):
        return "has wrong check digits", "hat falsche Prüfziffern"
    return None


def check_pass_number(number: str, part: int = 2) -> None:
    """Raise :class:`PayloadError` unless ``number`` is a canonical pass number (KA-123456-32)."""
    problem = pass_number_problem(number)
    if problem is not None:
        raise _field_error(part, *problem)


def payload_body(fields: PassFields, key_id: str) -> str:
    """The signed part of the payload (everything before the signature), validated."""
    if not _KEY_ID.fullmatch(key_id):
        raise _field_error(1, "is not 6 characters A-Z, 2-7", "sind nicht 6 Zeichen A-Z, 2-7")
    check_pass_number(fields.number)
    if fields.pass_type not in PASS_TYPE_CODES:
        raise _field_error(3, f"{fields.pass_type!r} is unknown", f"{fields.pass_type!r} unbekannt")
    for part, day in ((4, fields.valid_from), (5, fields.valid_until)):
        if not 2000 <= day.year <= 2099:
            raise _field_error(part, "lies outside 2000-2099", "liegt außerhalb 2000–2099")
    if fields.valid_from > fields.valid_until:
        raise _field_error(4, "is after valid until", "liegt nach „gültig bis“")
    if not _INITIALS.fullmatch(fields.initials):
        raise _field_error(6, "are not two letters A-Z", "sind nicht zwei Buchstaben A–Z")
    if not _YEAR.fullmatch(f"{fields.birth_year:04d}"):
        raise _field_error(7, "lies outside 1900-2099", "liegt außerhalb 1900–2099")
    return SEPARATOR.join(
        (
            _VERSION_TAG,
            key_id,
            fields.number,
            PASS_TYPE_CODES[fields.pass_type],
            _yymmdd(fields.valid_from),
            _yymmdd(fields.valid_until),
            fields.initials,
            f"{fields.birth_year:04d}",
        )
    )


def sign_payload(fields: PassFields, private_key: PrivateKeyInput, key_id: str) -> str:
    """The signed QR payload text for ``fields``.

    ``private_key`` is a PKCS#8 PEM, a 32-byte seed or a key object; ``key_id`` must be the id
    of its public key (a mismatch would make every card fail at the partners' checkers).
    """
    key = load_private_key(private_key)
    if key_id_of(key) != key_id:
        raise KeyFormatError(
            f"key id {key_id!r} does not belong to the private key",
            f"Die Schlüsselkennung „{key_id}“ gehört nicht zum privaten Schlüssel",
        )
    body = payload_body(fields, key_id)
    signature = key.sign(body.encode("ascii"))
    return f"{body}{SEPARATOR}{b32_encode(signature)}"


def _parse_date(text: str, part: int) -> date:
    if not _DATE.fullmatch(text):
        raise _field_error(part, "is not 6 digits YYMMDD", "sind nicht 6 Ziffern JJMMTT")
    try:
        return date(2000 + int(text[:2]), int(text[2:4]), int(text[4:]))
    except ValueError:
        raise _field_error(part, "is not a calendar date", "ist kein Kalenderdatum") from None


def parse_payload(text: str) -> PayloadFields:
    """The fields of a payload text, without checking the signature.

    Raises :class:`PayloadError` naming the first part that does not follow the format.
    Leading and trailing blanks, tabs, CR and LF (a scanner's line end) are ignored; nothing
    else is changed.
    """
    text = text.strip(SCANNER_WHITE_SPACE)
    if not text.isascii():
        raise PayloadError(
            "QR payload: contains non-ASCII characters",
            "QR-Inhalt: enthält Zeichen außerhalb von ASCII",
        )
    parts = text.split(SEPARATOR)
    if parts[0] != _VERSION_TAG:
        if _OTHER_VERSION_TAG.fullmatch(parts[0]):
            raise _field_error(
                0, f"names version {parts[0][len(MAGIC):]}, only {VERSION} is known "
                "(unknown format version)",
                f"nennt Version {parts[0][len(MAGIC):]}, bekannt ist nur {VERSION} "
                "(unbekannte Formatversion)",
            )
        raise _field_error(
            0, f"is not exactly {_VERSION_TAG}", f"ist nicht genau {_VERSION_TAG}"
        )
    if len(parts) != len(_PARTS):
        raise PayloadError(
            f"QR payload: {len(parts)} parts separated by '*', expected {len(_PARTS)}",
            f"QR-Inhalt: {len(parts)} durch „*“ getrennte Teile statt {len(_PARTS)}",
        )
    _, key_id, number, type_code, start, end, initials, year, signature_text = parts
    if not _KEY_ID.fullmatch(key_id):
        raise _field_error(1, "is not 6 characters A-Z, 2-7", "sind nicht 6 Zeichen A-Z, 2-7")
    check_pass_number(number)
    if type_code not in _PASS_TYPES_BY_CODE:
        raise _field_error(3, "is neither P nor K", "ist weder P noch K")
    valid_from, valid_until = _parse_date(start, 4), _parse_date(end, 5)
    if valid_from > valid_until:
        raise _field_error(4, "is after valid until", "liegt nach „gültig bis“")
    if not _INITIALS.fullmatch(initials):
        raise _field_error(6, "are not two letters A-Z", "sind nicht zwei Buchstaben A–Z")
    if not _YEAR.fullmatch(year):
        raise _field_error(7, "is not a year 1900-2099", "ist kein Jahr 1900–2099")
    if len(signature_text) != SIGNATURE_LENGTH:
        raise _field_error(
            8, f"has {len(signature_text)} characters, expected {SIGNATURE_LENGTH}",
            f"hat {len(signature_text)} Zeichen statt {SIGNATURE_LENGTH}",
        )
    try:
        signature = b32_decode(signature_text)
    except ValueError as exc:
        raise _field_error(8, f"is not base32: it {exc}", "ist kein gültiges Base32") from None
    return PayloadFields(
        number=number,
        pass_type=_PASS_TYPES_BY_CODE[type_code],
        valid_from=valid_from,
        valid_until=valid_until,
        initials=initials,
        birth_year=int(year),
        version=VERSION,
        key_id=key_id,
        signature=signature,
        signed_text=text[: text.rindex(SEPARATOR)],
    )
