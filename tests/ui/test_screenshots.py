"""``kpass screenshots`` saves every main screen at 1280 × 800 or larger."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kpass.devtools.screenshots import take_screenshots

pytestmark = pytest.mark.gui


def test_screenshots_of_the_main_screens(tmp_path: Path) -> None:
    saved = take_screenshots(tmp_path / "shots", households=40)
    names = sorted(p.name for p in saved)
    expected = ["01-suche.png", "02-haushalt.png", "03-entscheidung.png", "04-vorschau.png",
                "05-verlaengerungen.png", "06-dashboard.png", "07-was-waere-wenn.png",
                "08-verlauf.png", "10-verlaengern-auswahl.png", "11-berichtigen.png",
                "12-anmelden.png", "13-protokoll.png"]
    assert names == expected
    for path in saved:
        image = QImage(str(path))
        if path.name in ("10-verlaengern-auswahl.png", "12-anmelden.png"):  # dialogs
            assert image.width() >= 300 and not image.isNull(), path
            continue
        assert image.width() >= 1280 and image.height() >= 800, path
