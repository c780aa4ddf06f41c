"""Locate the files under ``resources/`` in a checkout, a wheel or a frozen bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """The folder that holds rule parameters, Stadtteile, fonts and demo data."""
    package_dir = Path(__file__).resolve().parent
    candidates = [
        package_dir / "_resources",  # wheel install (see package-dir in pyproject.toml)
        package_dir.parent / "resources",  # checkout / editable install
    ]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / "resources")
    for candidate in candidates:
        if (candidate / "stadtteile.csv").is_file():
            return candidate
    raise FileNotFoundError(
        "kpass resources not found (looked in: " + ", ".join(str(c) for c in candidates) + ")"
    )


def resource_path(*parts: str) -> Path:
    """Path of a file below ``resources/``."""
    return resources_dir().joinpath(*parts)


def handbook_dir() -> Path | None:
    """The user guide (docs/handbuch) in a checkout or a bundle; None where it is not
    shipped (a wheel install)."""
    candidates = [Path(__file__).resolve().parent.parent / "docs" / "handbuch"]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / "docs" / "handbuch")
    return next((c for c in candidates if (c / "index.md").is_file()), None)
