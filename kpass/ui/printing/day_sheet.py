"""The day's cards on A4 sheets: every pass issued, renewed or replaced on one day.

Cards handed out at the counter are printed one by one; renewals by post and the cards of a
busy day are printed together at the end of it. Rendering a few hundred signed cards takes
seconds, so it runs off the GUI thread with a progress dialog, then opens the preview (from
where the sheets go to the printer).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from kpass.services import Database
from kpass.ui.common import dialogs
from kpass.ui.common.background import BackgroundJobs, Job, JobOutcome
from kpass.ui.common.batch_jobs import start_with_progress
from kpass.ui.printing import outbox as print_outbox
from kpass.ui.printing.preview_dialog import PreviewDialog
from kpass.vocabulary import format_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("DaySheet", text)


class DaySheetPrinter:
    """Asks for the day, makes the sheets in the background, shows them.

    The window is the owner of the job: closing it stops the job (see :meth:`stop`)."""

    def __init__(self, parent: QMainWindow, database: Database, today: date | None) -> None:
        self.parent = parent
        self.database = database
        self.today = today  # None: the real date when asked (the app may run past midnight)
        self.jobs = BackgroundJobs(parent)
        self.job: Job | None = None
        self.previews: list[PreviewDialog] = []
        self.message = ""  # the last outcome, for the status bar

    def ask_and_print(self) -> Job | None:
        day = dialogs.ask_day(self.parent, _tr("Karten des Tages"),
                              _tr("Alle Karten der Pässe, die an diesem Tag ausgestellt, "
                                  "verlängert oder ersetzt wurden, auf A4-Bögen drucken:"),
                              self.today or date.today())
        return None if day is None else self.print_day(day)

    def print_day(self, day: date) -> Job | None:
        if self.job is not None:
            return None  # one at a time; the progress dialog is modal anyway
        title = _tr("Karten vom %1").replace("%1", format_date(day))

        def make() -> Path:
            return print_outbox.print_sheet_issued_on(self.database, day)

        self.job = start_with_progress(self.jobs, title, [(title, make)], self._done)
        return self.job

    def stop(self) -> None:
        """Drop the sheets being made and wait for them (the window closes): no preview."""
        self.jobs.stop()
        self.job = None

    def _done(self, outcome: JobOutcome) -> None:
        self.job = None
        if outcome.error:
            self.message = outcome.error
        elif not outcome.results:  # cancelled before the sheets were begun
            self.message = _tr("Abgebrochen; es wurde nichts gedruckt.")
        else:  # made, even when "Abbrechen" came while they were being made
            pdf = Path(outcome.value)
            preview = PreviewDialog(pdf, _tr("Karten des Tages"), self.parent)
            self.previews.append(preview)
            preview.show()
            self.message = _tr("Kartenbögen gespeichert: %1").replace("%1", pdf.name)
        self.parent.statusBar().showMessage(self.message)
