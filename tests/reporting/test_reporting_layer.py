"""kpass.reporting is pure: plain data in, files out; no Qt, no database, no upper layers."""

from __future__ import annotations

import subprocess
import sys


def test_reporting_imports_no_qt_database_or_upper_layers() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import kpass.reporting as root\n"
        "for info in pkgutil.walk_packages(root.__path__, root.__name__ + '.'):\n"
        "    importlib.import_module(info.name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    forbidden = ("PySide6", "sqlalchemy", "kpass.services", "kpass.models", "kpass.ui", "kpass.cli")
    leaks = [
        module
        for module in result.stdout.split()
        if any(module == f or module.startswith(f + ".") for f in forbidden)
    ]
    assert leaks == []
