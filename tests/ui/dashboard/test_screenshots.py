"""``save_dashboard_screenshots`` writes two full-size pictures with content."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kpass.devtools.dashboard_screenshots import save_dashboard_screenshots
from kpass.models.engine import Database

pytestmark = pytest.mark.gui


def test_screenshots_are_written(qapp: object, register: Database, tmp_path: Path) -> None:
    paths = save_dashboard_screenshots(tmp_path / "bilder", register)
    assert [p.name for p in paths] == ["06-dashboard.png", "07-was-waere-wenn.png"]
    for path in paths:
        image = QImage(str(path))
        assert image.width() >= 1280 and image.height() >= 800
        colours = {image.pixel(x, y) for x in range(0, 1280, 7) for y in range(0, 800, 7)}
        assert len(colours) > 20  # text, charts and tables, not an empty window
