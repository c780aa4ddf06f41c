"""kpass.rules stays pure: importing it loads neither Qt nor the database layer."""

from __future__ import annotations

import subprocess
import sys


def test_rules_import_neither_qt_nor_sqlalchemy() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import kpass.rules\n"
        "for info in pkgutil.walk_packages(kpass.rules.__path__, 'kpass.rules.'):\n"
        "    importlib.import_module(info.name)\n"
        "kpass.rules.evaluate(kpass.rules.parse_check_input("
        "'{\"application_date\": \"2026-03-15\", \"residence\": {\"municipality\": \"Karlsruhe\","
        " \"stadtteil\": \"01\"}, \"applicant\": \"p\", \"members\": [{\"id\": \"p\","
        " \"birth_date\": \"1980-01-01\"}]}'), kpass.rules.default_parameters())\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    loaded = result.stdout.split()
    assert "kpass.rules.evaluate" in loaded
    forbidden = ("PySide6", "sqlalchemy", "shiboken6", "kpass.models", "kpass.ui",
                 "kpass.services")
    leaks = [m for m in loaded if any(m == f or m.startswith(f + ".") for f in forbidden)]
    assert leaks == []
