"""The takeover wizard over :func:`kpass.services.register_import.import_register`:
choose the file → map its columns with a preview → dry run report → import with progress
and cancel. The service decides and checks (permission, transaction, report); the wizard
only gathers the choices and shows what came back.

Offered to those whose role may import (``can(database, Permission.SETTINGS)``, the
service's own permission); the service refuses everybody else anyway.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget, QWizard

from kpass.services import Database
from kpass.services.register_import import (
    Cancelled,
    ImportReport,
    Mapping,
    Progress,
    Table,
    import_register,
)
from kpass.ui.common.form_widgets import ignore_wheel_unless_focused
from kpass.ui.register_import.dry_run_page import DryRunPage
from kpass.ui.register_import.file_page import FilePage
from kpass.ui.register_import.import_page import ImportPage
from kpass.ui.register_import.mapping_page import MappingPage
from kpass.ui.register_import.runner import ImportWork
from kpass.ui.register_import.texts import tr


class ImportWizard(QWizard):
    """``imported(report)`` after a run that saved something (refresh what shows the
    register); ``household_opened(id)`` when the person asks to open an imported household
    (the wizard then closes)."""

    imported = Signal(object)
    household_opened = Signal(int)

    def __init__(self, database: Database, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.today = today
        self.setObjectName("importWizard")
        self.setWindowTitle(tr("Bestand übernehmen (Import)"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setButtonText(QWizard.WizardButton.BackButton, tr("Zu&rück"))
        self.setButtonText(QWizard.WizardButton.NextButton, tr("&Weiter"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("&Fertig"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("Abbre&chen"))
        for which, name in ((QWizard.WizardButton.BackButton, tr("Zurück")),
                            (QWizard.WizardButton.NextButton, tr("Weiter")),
                            (QWizard.WizardButton.FinishButton, tr("Fertig")),
                            (QWizard.WizardButton.CancelButton, tr("Abbrechen"))):
            self.button(which).setAccessibleName(name)
        # what the pages found and chose
        self.file_path: Path | None = None
        self.table: Table | None = None
        self.base_mapping: Mapping | None = None  # as read from the mapping file
        self.separator: str | None = None  # the separator chosen on page 1 (None: the file's)
        self.mapping: Mapping | None = None  # as chosen on page 2
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.dry_run_page = DryRunPage(self)
        self.import_page = ImportPage(self)
        for page in (self.file_page, self.mapping_page, self.dry_run_page, self.import_page):
            self.addPage(page)
        ignore_wheel_unless_focused(self)
        metrics = self.fontMetrics()
        wanted = QSize(max(900, metrics.averageCharWidth() * 110),
                       max(640, metrics.height() * 34))
        screen = self.screen().availableGeometry().size() if self.screen() else wanted
        self.resize(wanted.boundedTo(screen))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)

    # -- what the pages share --------------------------------------------------------------
    @property
    def partial(self) -> bool:
        return self.file_page.partial_mode

    def use_file(self, path: Path, table: Table, mapping: Mapping,
                 separator: str | None) -> None:
        self.file_path, self.table, self.base_mapping = path, table, mapping
        self.separator = separator
        self.mapping = None

    def _work(self, *, dry_run: bool) -> ImportWork:
        database, path, mapping = self.database, self.file_path, self.mapping
        partial, today = self.partial, self.today
        assert path is not None and mapping is not None

        def work(progress: Progress, cancelled: Cancelled) -> ImportReport:
            return import_register(database, path, mapping, dry_run=dry_run, partial=partial,
                                   today=today, progress=progress, cancelled=cancelled)

        return work

    def dry_run_work(self) -> ImportWork:
        return self._work(dry_run=True)

    def import_work(self) -> ImportWork:
        return self._work(dry_run=False)

    def choose_household(self, household_id: int) -> None:
        self.household_opened.emit(household_id)
        self.accept()

    # -- closing ---------------------------------------------------------------------------
    def reject(self) -> None:
        """Esc or "Abbrechen" while the import runs cancels the import (the service decides
        what is kept, the page says it); the wizard stays until it has."""
        if self.import_page.running:
            self.import_page.cancel()
            return
        self.stop()
        super().reject()

    def accept(self) -> None:
        if self.import_page.running:
            return
        self.stop()
        super().accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.import_page.running:
            self.import_page.cancel()
            event.ignore()
            return
        self.stop()
        super().closeEvent(event)

    def stop(self) -> None:
        """Stop what runs in the background (a dry run, reading the file)."""
        self.file_page.jobs.stop()
        for page in (self.dry_run_page, self.import_page):
            if page.run.running:
                page.run.stop()
