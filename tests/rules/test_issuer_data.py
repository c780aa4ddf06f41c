"""The issuers of the Sozialregion as data: prefixes, letterheads, Ortsteile, and pass numbers
read under several prefixes (issue 16, point 4)."""

from __future__ import annotations

import pytest

from kpass.rules import (
    PassNumberError,
    configured_issuers,
    default_issuer,
    format_pass_number,
    issuer_by_code,
    issuer_of_municipality,
    normalise_any_pass_number,
    parse_any_pass_number,
)

PREFIXES = ("KA", "ET")


def test_each_issuer_has_its_prefix_letterhead_and_places() -> None:
    karlsruhe, ettlingen = configured_issuers()[:2]
    assert default_issuer() is karlsruhe and karlsruhe.pass_prefix == "KA"
    assert karlsruhe.code == "ka" and karlsruhe.stadtteile and not karlsruhe.ortsteile
    assert ettlingen.code == "et" and ettlingen.pass_prefix == "ET"
    assert ettlingen.letterhead_name[0] == "Stadt Ettlingen"
    assert ettlingen.stadtteile is None and "Bruchhausen" in ettlingen.ortsteile
    assert issuer_by_code("et") is ettlingen
    assert issuer_of_municipality("ettlingen") is ettlingen
    # a municipality that issues no passes stays with the default issuer, as before
    assert issuer_of_municipality("Pforzheim") is karlsruhe


def test_karlsruhe_numbers_in_circulation_read_as_before() -> None:
    number = format_pass_number(123456)
    assert number == "KA-123456-32"
    assert parse_any_pass_number(number, PREFIXES) == ("KA", 123456)
    assert normalise_any_pass_number("ka 12345632", PREFIXES) == number


def test_the_check_digits_cover_the_prefix() -> None:
    ettlingen = format_pass_number(123456, "ET")
    assert ettlingen[-2:] != "32"
    assert normalise_any_pass_number(ettlingen.lower(), PREFIXES) == ettlingen
    # without a prefix the check digits say whose number it is
    assert parse_any_pass_number(ettlingen[3:], PREFIXES) == ("ET", 123456)
    with pytest.raises(PassNumberError):  # Ettlingen's digits under Karlsruhe's prefix
        parse_any_pass_number("KA" + ettlingen[2:], PREFIXES)
    with pytest.raises(PassNumberError, match="XY"):
        parse_any_pass_number("XY-123456-32", PREFIXES)


def test_a_number_fitting_two_prefixes_asks_for_the_prefix() -> None:
    # Karlsruhe's and Ettlingen's digits never coincide (their prefixes differ mod 97), but
    # two prefixes whose numbers are congruent mod 97 share every pair of check digits.
    letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    twin = next(a + b for a in letters for b in letters if a + b != "KA"
                and format_pass_number(1, a + b)[-2:] == format_pass_number(1)[-2:])
    assert all(format_pass_number(s)[-2:] != format_pass_number(s, "ET")[-2:]
               for s in range(1, 2000))
    digits = format_pass_number(4711)[3:]
    with pytest.raises(PassNumberError, match="prefix"):
        parse_any_pass_number(digits, ("KA", twin))
    assert parse_any_pass_number(twin + digits, ("KA", twin)) == (twin, 4711)
