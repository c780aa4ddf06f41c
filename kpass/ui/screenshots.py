"""``kpass screenshots``: the main screens on a demo database, for the README and user guide."""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path


def take_screenshots(out: Path, households: int = 2000) -> list[Path]:
    """Open a fresh demo database offscreen and save a PNG (1280 × 800) of each screen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kpass.models.engine import open_database
    from kpass.models.migrate import upgrade
    from kpass.services.demo_data import create_demo_data
    from kpass.ui.app import create_application
    from kpass.ui.main_window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        database = open_database(f"sqlite:///{Path(tmp) / 'demo.sqlite'}")
        upgrade(database, backup=False)
        create_demo_data(database, households, 7, date.today())
        window = MainWindow(database)
        window.resize(1280, 800)
        window.show()
        window.search_field.setText("müller")
        window.run_search()
        app.processEvents()
        path = out / "01-suche.png"
        window.grab().save(str(path))
        saved.append(path)
        window.close()
        database.dispose()
    return saved
