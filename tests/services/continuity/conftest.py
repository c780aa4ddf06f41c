"""Backups made by the tests stay under the test's folder, never in the user's data folder."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's data folder (where a PostgreSQL register's backups go) under tmp_path."""
    folder = tmp_path / "data" / "kpass"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *_a, **_k: str(folder))
    return folder
