"""The code stays lint- and type-clean: a finding fails the suite, not only a reviewer's eye."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_finds_nothing_in_kpass_and_tests() -> None:
    result = _run("ruff", "check", "--no-cache", "kpass", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing_in_kpass(tmp_path: Path) -> None:
    result = _run("mypy", "--cache-dir", str(tmp_path / "cache"), "kpass")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_name_a_package_exports_can_be_imported() -> None:
    """Packages load some of their names on first use (PEP 562 ``__getattr__``): each name
    in a package's ``__all__`` must still be found, as the module that defines it has it."""
    import importlib
    import pkgutil

    import kpass

    missing = []
    for info in pkgutil.walk_packages(kpass.__path__, "kpass."):
        if not info.ispkg or ".migrations" in info.name:
            continue
        package = importlib.import_module(info.name)
        for name in getattr(package, "__all__", ()):
            try:
                getattr(package, name)
            except AttributeError:
                missing.append(f"{info.name}.{name}")
    assert missing == []
