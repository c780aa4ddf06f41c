"""Amounts typed at the counter are read strictly: a German amount with or without thousands
dots is read as written; anything that could mean two amounts ("1,900": 1.900,00 € or
1,90 €) or nothing is refused with a message, never guessed. The command line takes plain
amounts ("1430.00", "1430,00") and refuses thousands separators in either style."""

from __future__ import annotations

import argparse
import re
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kpass.cli.common import amount_arg
from kpass.ui.common.german_input import AmountError, amount_message, parse_amount, read_amount
from kpass.vocabulary import format_amount


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1900", "1900.00"),
        ("1.900", "1900.00"),
        ("1900,5", "1900.50"),
        ("1900,50", "1900.50"),
        ("1.900,50", "1900.50"),
        ("1900.50", "1900.50"),  # a dot before exactly two digits: a decimal point
        ("1.90", "1.90"),
        ("12.5", "12.50"),  # a dot before one digit cannot be a thousands dot either
        ("1.234.567,89", "1234567.89"),
        ("1.234.567", "1234567.00"),
        ("0", "0.00"),
        ("0,5", "0.50"),
        ("0.99", "0.99"),
        ("  1.900,50  ", "1900.50"),
        ("1.900,50 €", "1900.50"),
        ("1.900,50€", "1900.50"),
        ("1900 EUR", "1900.00"),
        ("1900,50 eur", "1900.50"),
        ("\t520,00 €\u00a0", "520.00"),
    ],
)
def test_german_amounts_are_read_as_written(text: str, amount: str) -> None:
    value = read_amount(text)
    assert value == Decimal(amount)
    assert value.as_tuple().exponent == -2  # in cents, as stored
    assert parse_amount(text) == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("1,900", "ambiguous"),
        ("12,345", "ambiguous"),
        ("999,000", "ambiguous"),
        ("1,900 €", "ambiguous"),
        ("19,5.0", "malformed"),
        ("1.9000", "malformed"),
        ("1..900", "malformed"),
        ("1.900.5", "malformed"),
        ("1.900.50", "malformed"),
        ("1.90.0", "malformed"),
        ("0.900", "malformed"),  # neither nine hundred nor 0,90 € for sure
        ("01.900", "malformed"),
        ("1.2.3,4", "malformed"),
        ("1,234,567", "malformed"),
        ("1,234.56", "malformed"),
        (",50", "malformed"),
        ("1900,", "malformed"),
        ("1900.", "malformed"),
        (".5", "malformed"),
        ("1 900", "malformed"),
        ("+5", "malformed"),
        ("1e3", "malformed"),
        ("zwölf", "malformed"),
        ("12 Euro", "malformed"),
        ("€ 12", "malformed"),
        ("١٤٣٠", "malformed"),  # digits, but not the ones typed at the counter
        ("NaN", "malformed"),
        ("Infinity", "malformed"),
        ("1" * 41, "malformed"),
        ("1234,567", "decimals"),
        ("1.234,567", "decimals"),
        ("0,500", "decimals"),
        ("1,9000", "decimals"),
        ("-5", "negative"),
        ("−5", "negative"),
        ("- 1.900,50 €", "negative"),
        ("-0", "negative"),
        ("1.000.000.000.000", "large"),
        ("", "empty"),
        ("   ", "empty"),
        ("€", "empty"),
        (" EUR ", "empty"),
    ],
)
def test_anything_else_is_refused_with_the_reason(text: str, kind: str) -> None:
    with pytest.raises(AmountError) as refused:
        read_amount(text)
    assert refused.value.kind == kind
    assert refused.value.text == text
    assert parse_amount(text) is None
    message = amount_message(refused.value)
    if kind != "empty":
        assert f"„{text.strip()[:23]}" in message  # the caseworker sees what was refused


def test_the_ambiguous_message_names_both_readings() -> None:
    with pytest.raises(AmountError) as refused:
        read_amount("1,900")
    assert refused.value.readings == (Decimal("1900"), Decimal("1.900"))
    assert amount_message(refused.value) == (
        "„1,900“ ist mehrdeutig: Meinten Sie 1.900,00 € oder 1,90 €? Bitte ohne "
        "Tausenderpunkt (1900) oder mit zwei Nachkommastellen (1,90) eingeben.")
    with pytest.raises(AmountError) as refused:
        read_amount("12,345")
    assert amount_message(refused.value) == (
        "„12,345“ ist mehrdeutig: Meinten Sie 12.345,00 €? Dann bitte ohne Tausenderpunkt "
        "eingeben (12345). Nach dem Komma stehen höchstens zwei Stellen (Cent).")


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("19,5.0", "„19,5.0“ ist kein Eurobetrag. Bitte so eingeben: 1900, 1.900 oder 1.900,50"),
        ("1.234,567", "„1.234,567“ ist kein Eurobetrag: Nach dem Komma stehen höchstens zwei"),
        ("-5", "„-5“ ist negativ"),
        ("", "Bitte einen Eurobetrag eingeben, z. B. 1.234,56."),
        ("1" * 30, "„11111111111111111111111…“ ist als Eurobetrag zu groß."),
    ],
)
def test_messages(text: str, part: str) -> None:
    with pytest.raises(AmountError) as refused:
        read_amount(text)
    assert part in amount_message(refused.value)


# -- properties ---------------------------------------------------------------------------------
CENTS = st.integers(min_value=0, max_value=10**12 * 100 - 1).map(
    lambda cents: Decimal(cents).scaleb(-2))


def german(amount: Decimal, dots: bool, short: bool) -> str:
    """``amount`` written as at a German counter: ``1.900,50`` or ``1900,50``; ``short``
    leaves off what a caseworker may leave off (``1.900`` for 1.900,00, ``1900,5``)."""
    text = format_amount(amount)
    if not dots:
        text = text.replace(".", "")
    if short:
        text = text.removesuffix(",00")
        if text.endswith("0") and "," in text:
            text = text[:-1]
    return text


@given(CENTS, st.booleans(), st.booleans(), st.sampled_from(["", " ", "  ", "\t"]),
       st.sampled_from(["", "€", " €", " EUR", "EUR", " eur"]))
@example(Decimal("1900.50"), True, False, "", "")
@example(Decimal("1234567.89"), True, False, "", " €")
@example(Decimal("999999999999.99"), True, False, "", "")
def test_every_german_amount_reads_back_as_itself(
    amount: Decimal, dots: bool, short: bool, space: str, unit: str
) -> None:
    text = f"{space}{german(amount, dots, short)}{unit}{space}"
    assert read_amount(text) == amount


def english_reading(text: str) -> Decimal | None:
    """What the text would mean to someone who writes a comma between thousands and a dot
    before the cents (``1,900`` = one thousand nine hundred), if it is such a number."""
    number = text.strip().removesuffix("€").strip()
    if re.fullmatch(r"[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?", number):
        return Decimal(number.replace(",", ""))
    return None


def decimal_comma_reading(text: str) -> Decimal | None:
    """What the text means with the comma as the decimal mark and no thousands mark."""
    number = text.strip().removesuffix("€").strip()
    if re.fullmatch(r"[0-9]+,[0-9]+", number):
        return Decimal(number.replace(",", "."))
    return None


AMOUNT_LIKE = st.text(alphabet="0123456789.,€ -", max_size=14)


@given(AMOUNT_LIKE)
@example("1,900")
@example("19,5.0")
@example("1,900.50")
def test_nothing_that_means_two_amounts_is_taken(text: str) -> None:
    try:
        value = read_amount(text)
    except AmountError as refused:
        assert refused.kind in ("empty", "negative", "ambiguous", "decimals", "large",
                                "malformed")
        return
    assert value >= 0 and value == value.quantize(Decimal("0.01"))
    # a text taken has no second reading: neither in the English style …
    assert english_reading(text) in (None, value)
    # … nor with the comma read as a decimal mark (and the German reading was taken)
    assert decimal_comma_reading(text) in (None, value)
    # at most one decimal mark, and at most two digits after it
    number = text.strip().removesuffix("€").strip()
    assert number.count(",") <= 1
    if "," in number:
        assert len(number.partition(",")[2]) <= 2
    elif number.count(".") == 1 and len(number.partition(".")[2]) != 3:
        assert len(number.partition(".")[2]) <= 2  # a decimal point: "1900.50", "12.5"


@given(st.text(max_size=50))
@example("\udcff")
@example("9" * 40)
@example("1" + "0" * 38 + ",5")
def test_any_text_is_an_amount_or_refused_never_a_crash(text: str) -> None:
    try:
        value = read_amount(text)
    except AmountError as refused:
        assert amount_message(refused)
        return
    assert Decimal(0) <= value < Decimal(10) ** 12


# -- the command line ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "taken"),
    [("1430.00", "1430.00"), ("1430,00", "1430,00"), ("1430", "1430"), (" 1430.5 ", "1430.5"),
     ("0.99", "0.99"), ("12345", "12345")],
)
def test_cli_takes_plain_amounts(text: str, taken: str) -> None:
    assert amount_arg(text) == taken


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("1,900", ("'1,900' is ambiguous: 1900.00 or 1.90?",
                   "'1,900' ist mehrdeutig: 1900,00 oder 1,90?")),
        ("1.430", ("'1.430' is ambiguous: 1430.00 or 1.43?",
                   "'1.430' ist mehrdeutig: 1430,00 oder 1,43?")),
        ("12,345", ("'12,345' is ambiguous: 12345.00 or 12.345?",
                    "'12,345' ist mehrdeutig: 12345,00 oder 12,345?")),
        ("19,5.0", ("is not an amount in euro", "ist kein Eurobetrag")),
        ("1,234.56", ("is not an amount in euro", "ist kein Eurobetrag")),
        ("1.234,56", ("is not an amount in euro", "ist kein Eurobetrag")),
        ("1430.001", ("is not an amount in euro", "ist kein Eurobetrag")),
        ("-5", ("is not an amount in euro", "ist kein Eurobetrag")),
        ("1e3", ("is not an amount in euro", "ist kein Eurobetrag")),
        ("", ("is not an amount in euro", "ist kein Eurobetrag")),
        ("١٤٣٠", ("is not an amount in euro", "ist kein Eurobetrag")),
    ],
)
def test_cli_refuses_what_could_mean_two_amounts(text: str, lines: tuple[str, str]) -> None:
    with pytest.raises(argparse.ArgumentTypeError) as refused:
        amount_arg(text)
    english, german_line = str(refused.value).split("\n")
    assert lines[0] in english and lines[1] in german_line


@given(st.text(max_size=40))
def test_cli_amounts_are_plain_or_refused(text: str) -> None:
    try:
        taken = amount_arg(text)
    except argparse.ArgumentTypeError:
        return
    assert re.fullmatch(r"[0-9]+([.,][0-9]{1,2})?", taken)
    assert not re.fullmatch(r"[0-9]{1,3}[.,][0-9]{3}", taken)
