"""kpass.documents and kpass.signing take plain data: no Qt, no database, no services."""

from __future__ import annotations

import subprocess
import sys

import pytest

FORBIDDEN = ("PySide6", "sqlalchemy", "kpass.services", "kpass.ui", "kpass.models")


@pytest.mark.parametrize("package", ["kpass.documents", "kpass.signing"])
def test_pure_packages_import_no_upper_layer(package: str) -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        f"root = importlib.import_module({package!r})\n"
        "for info in pkgutil.walk_packages(root.__path__, root.__name__ + '.'):\n"
        "    importlib.import_module(info.name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    loaded = result.stdout.split()
    leaks = [m for m in loaded if any(m == f or m.startswith(f + ".") for f in FORBIDDEN)]
    assert leaks == [], f"{package} pulls in {leaks}"


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
