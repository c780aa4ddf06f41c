"""Screenshots of the dashboard and the what-if panel for the README and the user guide."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from kpass.services import Database

SIZE = (1280, 800)


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    from kpass.ui.common.style import STYLE_SHEET

    app = QApplication(["kpass"])
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
    return app


def _save(app: QApplication, widget: QWidget, path: Path) -> Path:
    app.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    widget.close()
    widget.deleteLater()
    return path


def save_dashboard_screenshots(out_dir: Path, database: Database) -> list[Path]:
    """Render the dashboard (06-dashboard.png) and the what-if panel with a limit 10 % above
    the one in force (07-was-waere-wenn.png) at 1280 × 800, offscreen; returns the paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kpass.ui.dashboard.dashboard_widget import DashboardWidget
    from kpass.ui.dashboard.what_if_panel import WhatIfPanel
    from kpass.vocabulary import format_euro

    app = _application()
    out_dir.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []

    dashboard = DashboardWidget(database)
    dashboard.setWindowTitle("kpass – Übersicht")
    dashboard.resize(*SIZE)
    dashboard.show()
    dashboard.set_dimensions("stadtteil", "age_group")
    dashboard.reload()
    dashboard.wait()
    saved.append(_save(app, dashboard, out_dir / "06-dashboard.png"))

    panel = WhatIfPanel(database)
    panel.setWindowTitle("kpass – Was wäre, wenn …")
    panel.resize(*SIZE)
    panel.show()
    from kpass.services.applications import default_parameters

    rule_set = default_parameters().rule_set_on(panel.day())
    if rule_set is not None:
        raised = (Decimal(str(rule_set.threshold)) * Decimal("1.1")).quantize(Decimal("1"))
        panel.threshold_field.setText(format_euro(raised))
        panel.calculate()
        panel.wait()
    saved.append(_save(app, panel, out_dir / "07-was-waere-wenn.png"))
    return saved
