"""The documents' words: every basis has its label, numbers are written the German way."""

from __future__ import annotations


def test_basis_labels_are_complete() -> None:
    from kpass.documents import BASIS_LABELS

    assert set(BASIS_LABELS) == {
        "sgb2", "sgb12_hlu", "sgb12_grundsicherung", "asylblg", "wohngeld", "kinderzuschlag",
        "sgb8_stationaer", "disability", "foster_child", "large_family", "income",
    }
    # one wording per code: the letter says what the decision's sentence says
    from kpass.rules.reasons import benefit_label

    assert BASIS_LABELS["sgb8_stationaer"] == benefit_label("sgb8_stationaer") == (
        "Hilfe nach SGB VIII (stationär / betreute Wohnform)")


def test_german_number_formats() -> None:
    from datetime import date
    from decimal import Decimal

    from kpass.vocabulary import format_date, format_euro, format_month, format_weights

    assert format_euro(Decimal("1342.857")) == "1.342,86 €"
    assert format_euro(Decimal("1234567.5")) == "1.234.567,50 €"
    assert format_euro(Decimal("-42.86")) == "-42,86 €"
    assert format_weights(Decimal("2.1")) == "2,1"
    assert format_date(date(2026, 3, 5)) == "05.03.2026"
    assert format_month(date(2027, 3, 31)) == "03/2027"
