""""Kette prüfen" and "Anker notieren": the checks of the audit view, with their result."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpass.services import Database
from kpass.services.audit import TrailReport, anchor_head, verify_trail
from kpass.ui.audit.texts import anchor_text, report_text
from kpass.ui.common.background import BackgroundJobs
from kpass.ui.common.form_widgets import label_for
from kpass.ui.common.run_service import run_service


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrailChecks", text)


class TrailChecks(QWidget):
    """An optional anchor, the two buttons, and the result as selectable text (a hash is
    copied from there into the paper log)."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.anchor = QLineEdit()
        self.anchor.setObjectName("auditAnchor")
        self.anchor.setClearButtonEnabled(True)
        self.anchor_label = label_for("", self.anchor)
        self.verify_button = QPushButton()
        self.verify_button.setObjectName("auditVerify")
        self.note_button = QPushButton()
        self.note_button.setObjectName("auditNoteAnchor")
        self.result = QPlainTextEdit()
        self.result.setObjectName("auditResult")
        self.result.setReadOnly(True)
        self.result.setTabChangesFocus(True)
        self.result.setMaximumHeight(self.fontMetrics().height() * 7)
        row = QHBoxLayout()
        row.addWidget(self.anchor_label)
        row.addWidget(self.anchor, 1)
        row.addWidget(self.verify_button)
        row.addWidget(self.note_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.result)
        self.jobs = BackgroundJobs(self)
        self.verify_button.clicked.connect(self.verify)
        self.note_button.clicked.connect(self.note_anchor)
        self.anchor.returnPressed.connect(self.verify)
        self.translate_ui()

    def translate_ui(self) -> None:
        self.anchor_label.setText(_tr("A&nker:"))
        self.anchor.setAccessibleName(_tr("Anker (Hash aus dem Papierprotokoll)"))
        self.anchor.setPlaceholderText(_tr("Hash aus dem Papierprotokoll (freiwillig)"))
        self.verify_button.setText(_tr("&Kette prüfen"))
        self.verify_button.setAccessibleName(
            _tr("Kette prüfen: Protokoll und Register auf Veränderungen prüfen"))
        self.note_button.setText(_tr("Anker n&otieren"))
        self.note_button.setAccessibleName(
            _tr("Anker notieren: neuestes Glied der Kette für das Papierprotokoll"))
        self.result.setAccessibleName(_tr("Prüfergebnis"))

    def verify(self) -> None:
        """Check the chain and the register off the GUI thread (a large trail takes time)."""
        anchor = self.anchor.text().strip() or None
        self.verify_button.setEnabled(False)
        self.result.setPlainText(_tr("Die Kette wird geprüft …"))
        self.jobs.call(lambda: verify_trail(self.database, anchor=anchor),
                       self._verified, self._failed)

    def _verified(self, report: TrailReport) -> None:
        self.verify_button.setEnabled(True)
        self.result.setPlainText(report_text(report))
        self.result.setProperty("intact", report.intact)

    def _failed(self, message: str) -> None:
        self.verify_button.setEnabled(True)
        self.result.setPlainText(message)

    def note_anchor(self) -> None:
        """Record an anchor and show it for the paper log."""
        outcome = run_service(lambda: anchor_head(self.database), self.result.setPlainText)
        if outcome:
            anchor = outcome.result()
            at = anchor.at.astimezone()
            self.result.setPlainText(anchor_text(anchor.seq, anchor.hash,
                                                 f"{at:%d.%m.%Y %H:%M:%S}"))

    def stop(self) -> None:
        self.jobs.stop()
