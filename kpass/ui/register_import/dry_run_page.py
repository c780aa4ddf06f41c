"""Page 3, "Probelauf": the service checks and writes everything inside a transaction that
it then rolls back; the report says what a real run would do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWizardPage

from kpass.services.register_import import (
    IMPORTED,
    READY,
    SKIPPED,
    TO_CHECK,
    ImportReport,
)
from kpass.ui.common.style import MessageBar
from kpass.ui.register_import.report_view import ReportView
from kpass.ui.register_import.runner import ImportRun
from kpass.ui.register_import.texts import tr

if TYPE_CHECKING:
    from kpass.ui.register_import.wizard import ImportWizard


def progress_text(done: int, total: int) -> str:
    return tr("Haushalte geprüft: %1 von %2 …").replace("%1", str(done)).replace(
        "%2", str(total))


class DryRunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setObjectName("importDryRunPage")
        self.owner = wizard
        self.setTitle(tr("Probelauf"))
        self.setSubTitle(tr("Alles wird geprüft wie am Schalter, gespeichert wird nichts."))
        self.status = QLabel()
        self.status.setObjectName("importDryRunStatus")
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(tr("Fortschritt des Probelaufs"))
        self.verdict = MessageBar("importDryRunVerdict")
        self.view = ReportView("importDryRunReport")
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.verdict)
        layout.addWidget(self.view, 1)
        self.run = ImportRun(self)
        self.run.progressed.connect(self._progressed)
        self.run.finished.connect(self._finished)
        self.run.failed.connect(self._failed)
        self.report: ImportReport | None = None

    def initializePage(self) -> None:
        """Each time the page is reached (also after changing the mapping): a new run."""
        self.report = None
        self.view.show_report(None)
        self.verdict.say("")
        self.status.setText(tr("Der Probelauf läuft …"))
        self.bar.setRange(0, 0)  # busy until the first household is counted
        self.bar.show()
        self.completeChanged.emit()
        self.run.start(self.owner.dry_run_work())

    def cleanupPage(self) -> None:
        """"Zurück": a run still going is of no use any more."""
        if self.run.running:
            self.run.stop()
        self.report = None

    def _progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.status.setText(progress_text(done, total))

    def _failed(self, message: str) -> None:
        self.bar.hide()
        self.status.setText(tr("Der Probelauf war nicht möglich."))
        self.verdict.show_error(message)
        self.completeChanged.emit()

    def _finished(self, report: ImportReport) -> None:
        self.report = report
        self.bar.hide()
        self.status.setText(tr("Probelauf beendet."))
        self.view.show_report(report)
        good = report.count(READY) + report.count(IMPORTED)
        bad = report.count(SKIPPED) + report.count(TO_CHECK)
        if not good:
            self.verdict.show_error(tr("Kein Haushalt der Datei kann übernommen werden. "
                                       "Bitte die Datei oder die Zuordnung korrigieren."))
        elif bad and not report.partial:
            self.verdict.say(
                tr("Bei „Alles oder nichts“ würde nichts gespeichert (Haushalte übersprungen "
                   "oder zu prüfen: %1). Die Datei korrigieren, oder auf Seite 1 „Je Haushalt“ "
                   "wählen, um die Haushalte in Ordnung (%2) zu übernehmen.")
                .replace("%1", str(bad)).replace("%2", str(good)), "error")
        elif bad:
            self.verdict.say(tr("Übernommen würden die Haushalte in Ordnung (%1), die "
                                "anderen (%2) nicht: siehe Gründe.")
                             .replace("%1", str(good)).replace("%2", str(bad)), "warning")
        else:
            self.verdict.say(tr("Alle Haushalte sind in Ordnung (%1) und können übernommen "
                                "werden.").replace("%1", str(good)))
        self.completeChanged.emit()
        if self.view.table.isVisible():
            self.view.table.setFocus()
        else:
            self.view.save_text.setFocus()

    def ready_to_import(self) -> bool:
        """A real run would save something: every household is good, or per household
        and at least one is."""
        report = self.report
        if report is None:
            return False
        good = report.count(READY) + report.count(IMPORTED)
        bad = report.count(SKIPPED) + report.count(TO_CHECK)
        return good > 0 and (report.partial or bad == 0)

    def isComplete(self) -> bool:
        return self.ready_to_import()
