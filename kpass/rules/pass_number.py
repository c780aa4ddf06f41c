"""Pass numbers such as ``KA-123456-32``: a 6-digit serial and two check digits.

The check digits follow ISO 7064 MOD 97-10 (the IBAN check): the letters of the prefix are
written as numbers (A = 10 … Z = 35, so ``KA`` → ``2010``), the serial and the check digits are
appended, and the whole number must leave remainder 1 when divided by 97.

Why every single wrong digit and every swap of two neighbouring digits is caught — also across
the hyphen between serial and check digits, since they are neighbours in that number too:
changing digit ``d`` at place ``i`` to ``e`` changes the number by ``(e - d) · 10^i``, and
swapping neighbours ``a b`` at places ``i+1, i`` changes it by ``9 · (b - a) · 10^i``. 97 is
prime and divides neither a difference of two digits (at most 9), nor 9, nor a power of 10, so
neither change is a multiple of 97 and the remainder is no longer 1.

Serials run from 1 to 999,999: decades of new passes and replacements at today's numbers
(renewals keep their number).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Stadt Karlsruhe's prefix: the numbers in circulation keep it. Every other issuer of the
#: Sozialregion has its own (``ET``), and the check digits cover the prefix, so a number
#: is valid under exactly the prefix it was issued with (up to a chance of 1 in 97 when the
#: prefix is left out, which :func:`parse_any_pass_number` then asks for).
PREFIX = "KA"
SERIAL_DIGITS = 6
MAX_SERIAL = 10**SERIAL_DIGITS - 1

_SEPARATORS = re.compile(r"[\s\-‐‑–—/.]+")


class PassNumberError(ValueError):
    """A text is not a valid pass number; ``message_de`` is for the caseworker."""

    def __init__(self, message_en: str, message_de: str) -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_de = message_de


def _prefix_digits(prefix: str) -> str:
    if not re.fullmatch(r"[A-Z]{1,4}", prefix):
        raise ValueError(f"a pass number prefix is 1 to 4 capital letters, not {prefix!r}")
    return "".join(str(ord(letter) - ord("A") + 10) for letter in prefix)


def check_digits(serial: int, prefix: str = PREFIX) -> str:
    """The two MOD 97-10 check digits of ``serial`` under ``prefix``."""
    base = int(_prefix_digits(prefix) + f"{serial:0{SERIAL_DIGITS}d}")
    return f"{98 - (base * 100) % 97:02d}"


def format_pass_number(serial: int, prefix: str = PREFIX) -> str:
    """``123456`` → ``"KA-123456-32"`` style (with the right check digits)."""
    if isinstance(serial, bool) or not 1 <= serial <= MAX_SERIAL:
        raise ValueError(f"a pass serial runs from 1 to {MAX_SERIAL}, not {serial!r}")
    return f"{prefix}-{serial:0{SERIAL_DIGITS}d}-{check_digits(serial, prefix)}"


def parse_pass_number(text: str, prefix: str = PREFIX) -> int:
    """The serial of the pass number ``text``.

    Accepts lower case, blanks and missing hyphens (``ka 123456 78``, ``KA12345678``) and a
    missing prefix (``123456-78``). Raises :class:`PassNumberError` when the form is wrong or
    the check digits do not match (a mistyped or misread number).
    """
    compact = _SEPARATORS.sub("", text).upper()
    if compact.startswith(prefix):
        compact = compact[len(prefix):]
    example = format_pass_number(123456, prefix)
    if not re.fullmatch(rf"\d{{{SERIAL_DIGITS + 2}}}", compact):
        raise PassNumberError(
            f"{text!r} is not a pass number of the form {example}",
            f"„{text}“ ist keine Passnummer der Form {example}",
        )
    serial = int(compact[:SERIAL_DIGITS])
    if serial == 0 or compact[SERIAL_DIGITS:] != check_digits(serial, prefix):
        raise PassNumberError(
            f"{text!r} is not a valid pass number: the check digits do not match "
            "(a digit is probably wrong or two digits are swapped)",
            f"„{text}“ ist keine gültige Passnummer: die Prüfziffern stimmen nicht "
            "(wahrscheinlich ist eine Ziffer falsch oder zwei sind vertauscht)",
        )
    return serial


def is_valid_pass_number(text: str, prefix: str = PREFIX) -> bool:
    """Whether ``text`` is a valid pass number (in any accepted spelling)."""
    try:
        parse_pass_number(text, prefix)
    except PassNumberError:
        return False
    return True


def normalise_pass_number(text: str, prefix: str = PREFIX) -> str:
    """The canonical spelling ``KA-123456-32`` of a valid pass number typed in any way."""
    return format_pass_number(parse_pass_number(text, prefix), prefix)


def parse_any_pass_number(text: str, prefixes: Sequence[str]) -> tuple[str, int]:
    """``(prefix, serial)`` of ``text`` under one of the issuers' ``prefixes``.

    A written prefix must be one of them. Without one, the prefix is the one whose check
    digits fit; when two fit (about 1 in 97), the caseworker is asked to type the prefix.
    """
    compact = _SEPARATORS.sub("", text).upper()
    match = re.fullmatch(rf"([A-Z]{{1,4}})?(\d{{{SERIAL_DIGITS + 2}}})", compact)
    if match is None or not prefixes:
        example = format_pass_number(123456, prefixes[0] if prefixes else PREFIX)
        raise PassNumberError(
            f"{text!r} is not a pass number of the form {example}",
            f"„{text}“ ist keine Passnummer der Form {example}",
        )
    written = match.group(1)
    if written is not None:
        if written not in prefixes:
            known = ", ".join(prefixes)
            raise PassNumberError(
                f"{text!r}: {written} is no issuer's pass number prefix (known: {known})",
                f"„{text}“: {written} ist kein Kürzel einer ausgebenden Gemeinde "
                f"(bekannt: {known})",
            )
        return written, parse_pass_number(match.group(2), written)
    fitting = [prefix for prefix in prefixes if is_valid_pass_number(match.group(2), prefix)]
    if len(fitting) == 1:
        return fitting[0], parse_pass_number(match.group(2), fitting[0])
    if not fitting:
        parse_pass_number(match.group(2), prefixes[0])  # raises: the check digits
    raise PassNumberError(
        f"{text!r} fits the prefixes {', '.join(fitting)}: please type the prefix",
        f"„{text}“ passt zu den Kürzeln {', '.join(fitting)}: bitte das Kürzel mit eingeben",
    )


def normalise_any_pass_number(text: str, prefixes: Sequence[str]) -> str:
    """The canonical spelling of a valid pass number of any of the ``prefixes``."""
    prefix, serial = parse_any_pass_number(text, prefixes)
    return format_pass_number(serial, prefix)
