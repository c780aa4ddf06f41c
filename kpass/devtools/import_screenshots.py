"""Screenshots of the register take-over wizard on the shipped sample list and mapping:
the column mapping and the dry run's report (nothing is saved).

The take-over goes into a new register: the demo register's passes already bear the sample
list's pass numbers, so a dry run there would only report those."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget, QWizard

Save = Callable[[QWidget, Path], None]


def _wait(done: Callable[[], bool], seconds: float = 120.0) -> bool:
    """Let the background work of the wizard run until ``done`` (up to ``seconds``)."""
    end = time.monotonic() + seconds
    while not done():
        if time.monotonic() > end:
            return False
        time.sleep(0.05)
        QApplication.processEvents()
    return True


def import_screenshots(parent: QWidget, folder: Path, today: date, out: Path,
                       save: Save) -> list[Path]:
    """16 (mapping page) and 17 (dry run, per household) over ``parent``, on a new register
    made in ``folder`` with its first administrator and the street directory."""
    from kpass.resource_files import resource_path
    from kpass.services.access import create_first_admin, log_in
    from kpass.services.admin import open_register, upgrade_register
    from kpass.services.admin.demo_users import DEMO_PASSWORD
    from kpass.services.search import import_directory
    from kpass.ui.register_import import ImportWizard

    database = open_register(f"sqlite:///{folder / 'uebernahme.sqlite'}", create=True,
                             require_schema=False)
    upgrade_register(database)
    create_first_admin(database, "a.verwaltung", DEMO_PASSWORD, "Anton Verwaltung")
    log_in(database, "a.verwaltung", DEMO_PASSWORD)
    # the office loads the street directory before a take-over: the Stadtteil of each address
    import_directory(database, resource_path("streets", "strassenverzeichnis-beispiel.csv"))
    saved: list[Path] = []
    wizard = ImportWizard(database, parent, today=today)
    # modal in the application; here it is shown and driven like a window of its own
    wizard.show()
    try:
        wizard.file_page.path.setText(str(resource_path("import", "register-beispiel.csv")))
        wizard.file_page.partial.setChecked(True)
        wizard.button(QWizard.WizardButton.NextButton).click()
        if not _wait(lambda: wizard.currentPage() is wizard.mapping_page):
            return saved
        wizard.mapping_page.boxes[next(iter(wizard.mapping_page.boxes))].setFocus()
        path = out / "16-import-assistent.png"
        save(wizard, path)
        saved.append(path)
        wizard.button(QWizard.WizardButton.NextButton).click()
        if not _wait(lambda: wizard.dry_run_page.report is not None):
            return saved
        path = out / "17-import-probelauf.png"
        save(wizard, path)
        saved.append(path)
    finally:
        wizard.stop()
        wizard.close()
        wizard.deleteLater()
        database.dispose()
    return saved
