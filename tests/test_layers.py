"""The layers depend one way: ui → services → (rules, models, documents)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("kpass.rules", ("PySide6", "sqlalchemy", "kpass.services", "kpass.models", "kpass.ui")),
        ("kpass.models", ("PySide6", "kpass.services", "kpass.ui")),
        ("kpass.services", ("PySide6", "kpass.ui")),
        (
            "kpass.documents",
            ("PySide6", "sqlalchemy", "kpass.services", "kpass.models", "kpass.ui"),
        ),
        ("kpass.signing", ("PySide6", "sqlalchemy", "kpass.services", "kpass.models", "kpass.ui")),
        (
            "kpass.reporting",
            ("PySide6", "sqlalchemy", "kpass.services", "kpass.models", "kpass.ui"),
        ),
        ("kpass.cli", ("PySide6", "kpass.ui")),
    ],
)
def test_lower_layers_do_not_import_upper_ones(package: str, forbidden: tuple[str, ...]) -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        f"root = importlib.import_module({package!r})\n"
        "for info in pkgutil.walk_packages(root.__path__, root.__name__ + '.'):\n"
        "    if '.migrations' not in info.name:  # Alembic loads those itself\n"
        "        importlib.import_module(info.name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    loaded = result.stdout.split()
    leaks = [m for m in loaded if any(m == f or m.startswith(f + ".") for f in forbidden)]
    assert leaks == [], f"{package} pulls in {leaks}"
