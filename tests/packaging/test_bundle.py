"""The built bundle (scripts/build-bundle sets KPASS_BUNDLE to dist/kpass/kpass) works
without any Python environment: the version, a decision, a new database, its guide and the
licences of what it carries. The window on xcb: tests/ui/test_xcb_start.py with the same
variable."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from kpass import __version__

BUNDLE = os.environ.get("KPASS_BUNDLE")
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not BUNDLE, reason="no bundle built (scripts/build-bundle)")


def run(*argv: str, home: Path) -> subprocess.CompletedProcess[str]:
    assert BUNDLE is not None
    clean = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}  # no venv
    return subprocess.run([BUNDLE, *argv], capture_output=True, text=True, timeout=120,
                          env=clean, check=False)


def test_version_and_a_decision(tmp_path: Path) -> None:
    assert run("--version", home=tmp_path).stdout.strip() == f"kpass {__version__}"
    decided = run("check", str(ROOT / "resources" / "demo" / "check-beispiel.json"),
                  home=tmp_path)
    assert decided.returncode == 0, decided.stderr
    assert [m["eligible"] for m in json.loads(decided.stdout)["members"]] == [True, True]


def test_a_new_database_with_its_first_user(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kpass.sqlite'}"
    assert run("--database", url, "db", "upgrade", home=tmp_path).returncode == 0
    status = run("--database", url, "db", "status", "--json", home=tmp_path)
    assert status.returncode == 0, status.stderr


def test_guide_icons_and_licences_are_inside(tmp_path: Path) -> None:
    assert BUNDLE is not None
    inside = Path(BUNDLE).parent / "_internal"
    assert (inside / "docs" / "handbuch" / "index.md").is_file()
    assert (inside / "resources" / "icons" / "kpass-256.png").is_file()
    assert (Path(BUNDLE).parent / "kpass-gui").is_file()  # Windows: the one without console
    listed = json.loads(run("licences", "--json", home=tmp_path).stdout)
    by_name = {c["name"]: c for c in listed}
    assert by_name["SQLAlchemy"]["text"].startswith("Copyright")
    assert "Qt for Python (PySide6)" in by_name and "ReportLab" in by_name
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in by_name["Qt for Python (PySide6)"]["text"]
    assert "PYTHON SOFTWARE FOUNDATION" in by_name["Python"]["text"] or \
        "docs.python.org" in by_name["Python"]["text"]
