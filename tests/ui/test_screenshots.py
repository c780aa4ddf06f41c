"""``kpass screenshots`` saves every main screen at 1280 × 800 or larger."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kpass.devtools.screenshots import take_screenshots

pytestmark = pytest.mark.gui

#: dialogs, saved at their own size
DIALOGS = ("10-verlaengern-auswahl.png", "12-anmelden.png", "16-import-assistent.png",
           "17-import-probelauf.png", "19-handbuch.png", "20-ueber-kpass.png")


def _colours(image: QImage) -> int:
    """How many different colours a grid of points across the picture has (a blank or
    unpainted window has one or two)."""
    step_x, step_y = max(image.width() // 40, 1), max(image.height() // 40, 1)
    return len({image.pixel(x, y) for x in range(0, image.width(), step_x)
                for y in range(0, image.height(), step_y)})


def test_screenshots_of_the_main_screens(tmp_path: Path) -> None:
    saved = take_screenshots(tmp_path / "shots", households=40)
    names = sorted(p.name for p in saved)
    expected = ["01-suche.png", "02-haushalt.png", "03-entscheidung.png", "04-vorschau.png",
                "05-verlaengerungen.png", "06-dashboard.png", "07-was-waere-wenn.png",
                "08-verlauf.png", "10-verlaengern-auswahl.png", "11-berichtigen.png",
                "12-anmelden.png", "13-protokoll.png", "14-widersprueche.png",
                "15-freigaben.png", "16-import-assistent.png", "17-import-probelauf.png",
                "18-gutscheine.png", "19-handbuch.png", "20-ueber-kpass.png"]
    assert names == expected
    for path in saved:
        image = QImage(str(path))
        assert not image.isNull(), path
        assert _colours(image) > 8, f"{path} looks blank"
        if path.name in DIALOGS:
            assert image.width() >= 300, path
            continue
        assert image.width() >= 1280 and image.height() >= 800, path
