"""Page 4, "Importieren": the real run, started by the person, with progress and
"Abbrechen"; afterwards exactly what was kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from kpass.services.register_import import IMPORTED, READY, ImportReport
from kpass.ui.common.style import MessageBar, MessageKind
from kpass.ui.register_import.report_view import ReportView
from kpass.ui.register_import.runner import ImportRun
from kpass.ui.register_import.texts import tr

if TYPE_CHECKING:
    from kpass.ui.register_import.wizard import ImportWizard

#: How many household keys the message names before "…"
NAMED_KEYS = 12


def _keys(report: ImportReport, status: str) -> str:
    keys = [h.key for h in report.households if h.status == status]
    shown = ", ".join(keys[:NAMED_KEYS])
    return shown + (", …" if len(keys) > NAMED_KEYS else "")


def outcome_text(report: ImportReport) -> tuple[str, MessageKind]:
    """What the person is told after the run, and its kind (for the message bar)."""
    imported = report.count(IMPORTED)
    kept = (tr("Haushalte: %1, Personen: %2, Pässe: %3").replace("%1", str(imported))
            .replace("%2", str(report.imported_persons))
            .replace("%3", str(report.imported_passes)))
    if report.cancelled and not report.committed:
        if report.partial:
            return (tr("Abgebrochen, bevor ein Haushalt gespeichert war: nichts wurde "
                       "gespeichert."), "warning")
        return (tr("Abgebrochen: nichts wurde gespeichert („Alles oder nichts“). Das Register "
                   "ist unverändert."), "warning")
    if report.cancelled:
        return (tr("Abgebrochen. Gespeichert sind nur diese — %1: %2. Nicht gespeichert: "
                   "die beanstandeten und %3 in Ordnung (ein neuer Lauf „Je Haushalt“ "
                   "übernimmt sie).").replace("%1", kept).replace("%2", _keys(report, IMPORTED))
                .replace("%3", str(report.count(READY))), "warning")
    if not report.committed:
        return (tr("Nichts wurde gespeichert: nicht jeder Haushalt ist in Ordnung (siehe "
                   "Gründe; seit dem Probelauf kann sich das Register geändert haben)."),
                "error")
    if report.everything_imported:
        return tr("Übernommen: %1.").replace("%1", kept), "success"
    return (tr("Übernommen: %1. Die anderen Haushalte wurden nicht übernommen (siehe "
               "Gründe).").replace("%1", kept), "warning")


class ImportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setObjectName("importRunPage")
        self.owner = wizard
        self.setTitle(tr("Importieren"))
        self.setSubTitle(tr("Jetzt wird gespeichert. „Import abbrechen“ (oder Esc) hält vor "
                            "dem nächsten Haushalt an."))
        self.plan = QLabel()
        self.plan.setObjectName("importPlan")
        self.plan.setWordWrap(True)
        self.start_button = QPushButton(tr("Import &starten"))
        self.start_button.setObjectName("importStart")
        self.start_button.setAccessibleName(tr("Import starten"))
        self.cancel_button = QPushButton(tr("Import a&bbrechen"))
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.setAccessibleName(tr("Import abbrechen"))
        self.cancel_button.setEnabled(False)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(tr("Fortschritt des Imports"))
        self.status = QLabel()
        self.status.setObjectName("importRunStatus")
        self.status.setWordWrap(True)
        self.outcome = MessageBar("importOutcome")
        self.view = ReportView("importRunReport", everything=True)
        self.open_button = QPushButton(tr("Haushalt &öffnen"))
        self.open_button.setAccessibleName(tr("Haushalt öffnen"))
        self.open_button.setToolTip(tr("Den übernommenen Haushalt der gewählten Zeile öffnen"))
        self.open_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plan)
        layout.addLayout(buttons)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.outcome)
        layout.addWidget(self.view, 1)
        open_row = QHBoxLayout()
        open_row.addWidget(self.open_button)
        open_row.addStretch(1)
        layout.addLayout(open_row)
        self.run = ImportRun(self)
        self.run.progressed.connect(self._progressed)
        self.run.finished.connect(self._finished)
        self.run.failed.connect(self._failed)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self._open)
        self.view.household_chosen.connect(self.owner.choose_household)
        self.view.table.currentCellChanged.connect(
            lambda *_: self.open_button.setEnabled(self.view.chosen_household() is not None))
        self.report: ImportReport | None = None

    def initializePage(self) -> None:
        self.report = None
        self.view.show_report(None)
        self.outcome.say("")
        self.bar.setValue(0)
        self.bar.hide()
        self.status.setText("")
        self.open_button.hide()
        planned = self.owner.dry_run_page.report
        good = (planned.count(READY) + planned.count(IMPORTED)) if planned else 0
        if self.owner.partial:
            text = tr("Gespeichert werden die Haushalte in Ordnung (laut Probelauf: %1), "
                      "jeder für sich („Je Haushalt“). Die beanstandeten bleiben draußen.")
        else:
            text = tr("Gespeichert werden alle Haushalte (laut Probelauf: %1) in einem Schritt "
                      "(„Alles oder nichts“): bei einem Abbruch oder Fehler wird nichts "
                      "gespeichert.")
        self.plan.setText(text.replace("%1", str(good)))
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.start_button.setFocus()

    def start(self) -> None:
        if self.run.running or self.report is not None:
            return
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setFocus()
        # from here there is no way back to change the file: the register may have changed
        self.owner.setOption(QWizard.WizardOption.DisabledBackButtonOnLastPage, True)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.status.setText(tr("Der Import läuft …"))
        self.run.start(self.owner.import_work())

    def cancel(self) -> None:
        if not self.run.running:
            return
        self.run.cancel()
        self.cancel_button.setEnabled(False)
        self.status.setText(tr("Wird abgebrochen … (der Haushalt, der gerade gespeichert "
                               "wird, wird noch fertig)") if self.owner.partial
                            else tr("Wird abgebrochen … nichts wird gespeichert."))

    @property
    def running(self) -> bool:
        return self.run.running

    def _progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if not self.run.cancelling:
            self.status.setText(tr("Haushalte gespeichert: %1 von %2 …").replace(
                "%1", str(done)).replace("%2", str(total)) if self.owner.partial else
                tr("Haushalte geschrieben: %1 von %2 …").replace("%1", str(done)).replace(
                    "%2", str(total)))

    def _failed(self, message: str) -> None:
        self.cancel_button.setEnabled(False)
        self.bar.hide()
        self.status.setText(tr("Der Import war nicht möglich."))
        self.outcome.show_error(message)
        self.report = None
        self.start_button.setEnabled(True)
        self.start_button.setFocus()

    def _finished(self, report: ImportReport) -> None:
        self.report = report
        self.cancel_button.setEnabled(False)
        self.bar.hide()
        self.status.setText(tr("Import beendet."))
        text, kind = outcome_text(report)
        self.outcome.say(text, kind)
        self.view.show_report(report)
        self.open_button.setVisible(report.committed)
        self.open_button.setEnabled(self.view.chosen_household() is not None)
        self.completeChanged.emit()
        # "Abbrechen" would suggest undoing what is saved: only "Fertig" closes now
        self.owner.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        if report.committed:
            self.owner.imported.emit(report)
        finish = self.owner.button(QWizard.WizardButton.FinishButton)
        finish.setFocus()

    def _open(self) -> None:
        household = self.view.chosen_household()
        if household is not None:
            self.owner.choose_household(household)

    def isComplete(self) -> bool:
        return self.report is not None and not self.run.running
