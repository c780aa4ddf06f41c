"""The day's cards on A4 sheets: every pass issued, renewed or replaced on one day.

Cards handed out at the counter are printed one by one; renewals by post and the cards of a
busy day are printed together at the end of it. Rendering a few hundred signed cards takes
seconds, so it runs off the GUI thread with a progress dialog, then opens the preview (from
where the sheets go to the printer).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from kpass.models.engine import Database
from kpass.ui.common import dialogs
from kpass.ui.common.batch_jobs import BatchJob, start_with_progress
from kpass.ui.common.german_input import format_date
from kpass.ui.printing import outbox as print_outbox
from kpass.ui.printing.preview_dialog import PreviewDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("DaySheet", text)


class DaySheetPrinter:
    """Asks for the day, makes the sheets in the background, shows them."""

    def __init__(self, parent: QMainWindow, database: Database, today: date | None) -> None:
        self.parent = parent
        self.database = database
        self.today = today  # None: the real date when asked (the app may run past midnight)
        self.job: BatchJob | None = None
        self.previews: list[PreviewDialog] = []
        self.message = ""  # the last outcome, for the status bar

    def ask_and_print(self) -> BatchJob | None:
        day = dialogs.ask_day(self.parent, _tr("Karten des Tages"),
                              _tr("Alle Karten der Pässe, die an diesem Tag ausgestellt, "
                                  "verlängert oder ersetzt wurden, auf A4-Bögen drucken:"),
                              self.today or date.today())
        return None if day is None else self.print_day(day)

    def print_day(self, day: date) -> BatchJob | None:
        if self.job is not None:
            return None  # one at a time; the progress dialog is modal anyway
        title = _tr("Karten vom %1").replace("%1", format_date(day))

        def make() -> Path:
            return print_outbox.print_sheet_issued_on(self.database, day)

        self.job = start_with_progress(self.parent, title, [(title, make)], self._done)
        return self.job

    def _done(self, results: list[Any], cancelled: bool, error: str) -> None:
        self.job = None
        if error:
            self.message = error
        elif not results:  # cancelled before the sheets were begun
            self.message = _tr("Abgebrochen; es wurde nichts gedruckt.")
        else:  # made, even when "Abbrechen" came while they were being made
            pdf = Path(results[0])
            preview = PreviewDialog(pdf, _tr("Karten des Tages"), self.parent)
            self.previews.append(preview)
            preview.show()
            self.message = _tr("Kartenbögen gespeichert: %1").replace("%1", pdf.name)
        self.parent.statusBar().showMessage(self.message)
