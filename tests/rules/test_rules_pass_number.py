"""Pass numbers: format, parsing, and detection of every single-digit and swap error."""

from __future__ import annotations

import random
import re

import pytest

from kpass.rules import (
    PassNumberError,
    format_pass_number,
    is_valid_pass_number,
    normalise_pass_number,
    parse_pass_number,
)
from kpass.rules.pass_number import MAX_SERIAL, check_digits


def test_format() -> None:
    number = format_pass_number(123456)
    assert re.fullmatch(r"KA-123456-\d\d", number)
    assert format_pass_number(1).startswith("KA-000001-")
    # ISO 7064 MOD 97-10: prefix letters as numbers (K=20, A=10), serial, check → remainder 1
    assert int("2010" + number[3:9] + number[10:]) % 97 == 1


@pytest.mark.parametrize("serial", [0, -1, MAX_SERIAL + 1, True])
def test_format_rejects_serials_out_of_range(serial: int) -> None:
    with pytest.raises(ValueError):
        format_pass_number(serial)


def test_parse_accepts_the_ways_people_type_it() -> None:
    number = format_pass_number(4711)
    digits = number.replace("KA-", "").replace("-", "")
    for spelling in (number, number.lower(), f"  {number} ", number.replace("-", ""),
                     number.replace("-", " "), "ka " + digits[:6] + " " + digits[6:],
                     digits, digits[:6] + "-" + digits[6:], number.replace("-", "–")):
        assert parse_pass_number(spelling) == 4711, spelling
        assert normalise_pass_number(spelling) == number


@pytest.mark.parametrize("text", ["", "KA-12345-67", "KA-1234567-89", "KB-123456-78",
                                  "KA-12345X-78", "123", "KA-000000-" + check_digits(0)])
def test_parse_rejects_malformed_numbers(text: str) -> None:
    with pytest.raises(PassNumberError) as caught:
        parse_pass_number(text)
    assert caught.value.message_de.startswith("„")
    assert "Passnummer" in caught.value.message_de
    assert "pass number" in caught.value.message_en
    assert str(caught.value) == caught.value.message_en
    assert not is_valid_pass_number(text)


def test_wrong_check_digits_message() -> None:
    number = format_pass_number(123456)
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    with pytest.raises(PassNumberError) as caught:
        parse_pass_number(wrong)
    assert "Prüfziffern stimmen nicht" in caught.value.message_de
    assert "check digits do not match" in caught.value.message_en


def _digits(number: str) -> str:
    return number.replace("KA-", "").replace("-", "")


def _spell(digits: str) -> str:
    return f"KA-{digits[:6]}-{digits[6:]}"


def _single_digit_errors(digits: str) -> list[str]:
    return [
        digits[:i] + wrong + digits[i + 1:]
        for i, right in enumerate(digits)
        for wrong in "0123456789"
        if wrong != right
    ]


def _adjacent_swaps(digits: str) -> list[str]:
    # every pair of neighbours, including the last serial digit and the first check digit
    return [
        digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:]
        for i in range(len(digits) - 1)
        if digits[i] != digits[i + 1]
    ]


def test_every_single_digit_error_and_adjacent_swap_is_detected() -> None:
    rng = random.Random(97)
    serials = {1, 9, 10, 99_999, 100_000, 123_456, 654_321, MAX_SERIAL}
    serials.update(rng.randint(1, MAX_SERIAL) for _ in range(1_000))
    tried = 0
    for serial in sorted(serials):
        digits = _digits(format_pass_number(serial))
        for variant in _single_digit_errors(digits) + _adjacent_swaps(digits):
            tried += 1
            assert not is_valid_pass_number(_spell(variant)), (serial, variant)
    assert len(serials) >= 1_000
    assert tried > 75_000


def test_why_no_error_can_pass_for_any_serial() -> None:
    # The proof of the module docstring, checked: an error changes the number by
    # (e - d) * 10^i (one digit) or 9 * (b - a) * 10^i (neighbours swapped), for |e - d|,
    # |b - a| in 1..9 and i in 0..7. None of these changes is a multiple of 97, so a valid
    # number (remainder 1) never turns into another valid one.
    changes = {delta * 10**i for delta in range(1, 10) for i in range(8)}
    changes |= {9 * delta * 10**i for delta in range(1, 10) for i in range(7)}
    assert all(change % 97 != 0 for change in changes)
