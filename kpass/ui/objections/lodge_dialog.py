"""Recording a Widerspruch against a decision (from the household's history).

Received today unless the letter came in earlier; lodged by a household member, a
representative, or both ("Betreuerin für …"). After recording, the dialog stays open and
shows what the register computed: the Bekanntgabe of the decision, the end of the period
and whether the objection came in time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from kpass.services import Database
from kpass.services.objections import ObjectionView, lodge_objection
from kpass.ui.common.dialogs import error_label
from kpass.ui.common.form_widgets import DateField, ignore_wheel_unless_focused
from kpass.ui.common.run_service import run_service
from kpass.ui.common.style import MessageBar
from kpass.vocabulary import format_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("LodgeObjectionDialog", text)


def verdict_text(view: ObjectionView) -> str:
    """What the register computed, in one sentence (shown after lodging)."""
    timely = (_tr("fristgerecht") if view.in_time
              else _tr("verspätet (nach Ablauf der Frist eingegangen)"))
    return (_tr("Widerspruch W%1 erfasst. Bekanntgabe der Entscheidung: %2; Frist bis %3; "
                "eingegangen am %4: %5.")
            .replace("%1", str(view.id)).replace("%2", format_date(view.bekanntgabe_on))
            .replace("%3", format_date(view.deadline))
            .replace("%4", format_date(view.received_on)).replace("%5", timely))


class LodgeObjectionDialog(QDialog):
    """``persons``: (person id, name) of the household, the one proposed first."""

    def __init__(self, parent: QWidget | None, database: Database, decision_id: int,
                 application_id: int, persons: Sequence[tuple[int, str]],
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lodgeObjectionDialog")
        self.setWindowTitle(_tr("Widerspruch erfassen"))
        self.database = database
        self.decision_id = decision_id
        self.today = today or date.today()
        self.lodged: ObjectionView | None = None
        self.prompt = QLabel(_tr("Widerspruch gegen die Entscheidung %1 (Antrag %2). Frist "
                                 "und Bekanntgabe berechnet kpass beim Erfassen.")
                             .replace("%1", str(decision_id)).replace("%2", str(application_id)))
        self.prompt.setObjectName("lodgePrompt")
        self.prompt.setWordWrap(True)
        self.prompt.setAccessibleName(self.prompt.text())
        self.received = DateField(_tr("Eingang am (TT.MM.JJJJ)"))
        self.received.setObjectName("lodgeReceived")
        self.received.set_value(self.today)
        self.person = QComboBox()
        self.person.setObjectName("lodgePerson")
        self.person.setAccessibleName(_tr("Eingelegt von"))
        for person_id, name in persons:
            self.person.addItem(name, person_id)
        self.person.addItem(_tr("niemand aus dem Haushalt (nur Vertretung)"), None)
        self.representative = QLineEdit()
        self.representative.setObjectName("lodgeRepresentative")
        self.representative.setAccessibleName(_tr("Vertretung"))
        self.representative.setPlaceholderText(_tr("z. B. Betreuerin, Rechtsanwalt (freiwillig)"))
        self.representative.setMaxLength(200)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("lodgeReason")
        self.reason.setAccessibleName(_tr("Begründung oder Vermerk"))
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumHeight(self.fontMetrics().height() * 4)
        self.follow_up = DateField(_tr("Wiedervorlage am (TT.MM.JJJJ, freiwillig)"))
        self.follow_up.setObjectName("lodgeFollowUp")
        self.error = error_label()
        self.error.setWordWrap(True)
        self.error.hide()
        self.verdict = MessageBar("lodgeResult")
        form = QFormLayout(self)
        form.addRow(self.prompt)
        self.labels: list[QLabel] = []
        for text, field in ((_tr("&Eingang am:"), self.received),
                            (_tr("Ein&gelegt von:"), self.person),
                            (_tr("&Vertretung:"), self.representative),
                            (_tr("&Begründung / Vermerk:"), self.reason),
                            (_tr("Wiedervor&lage am:"), self.follow_up)):
            label = QLabel(text)
            label.setBuddy(field)
            self.labels.append(label)
            form.addRow(label, field)
        form.addRow(self.error)
        form.addRow(self.verdict)
        self.buttons = QDialogButtonBox()
        self.ok_button = QPushButton(_tr("Widerspruch er&fassen"))
        self.ok_button.setObjectName("lodgeOk")
        self.ok_button.setAccessibleName(_tr("Widerspruch erfassen"))
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(_tr("Abbre&chen"))
        self.cancel_button.setObjectName("lodgeCancel")
        self.cancel_button.setAccessibleName(_tr("Abbrechen"))
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.lodge)
        self.cancel_button.clicked.connect(self._close)
        form.addRow(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        margins = form.contentsMargins()
        self.prompt.setMinimumHeight(self.prompt.heightForWidth(
            self.minimumWidth() - margins.left() - margins.right()))
        ignore_wheel_unless_focused(self)
        self.received.setFocus()
        self.received.selectAll()

    def _refuse(self, message: str, field: QWidget | None = None) -> None:
        self.error.setText(message)
        self.error.show()
        if field is not None:
            field.setFocus()

    def lodge(self) -> ObjectionView | None:
        """Check the form, record the objection and show the verdict; None if refused."""
        if self.lodged is not None:
            return self.lodged
        received = self.received.value()
        if received is None:
            self._refuse(_tr("Eingang am: bitte als TT.MM.JJJJ eingeben."), self.received)
            return None
        follow_up = None
        if self.follow_up.text().strip():
            follow_up = self.follow_up.value()
            if follow_up is None:
                self._refuse(_tr("Wiedervorlage: bitte als TT.MM.JJJJ eingeben oder leer "
                                 "lassen."), self.follow_up)
                return None
        person = self.person.currentData()
        representative = self.representative.text().strip() or None
        if person is None and representative is None:
            self._refuse(_tr("Wer hat Widerspruch eingelegt? Bitte eine Person des Haushalts "
                             "wählen oder eine Vertretung eintragen."), self.person)
            return None
        done = run_service(lambda: lodge_objection(
            self.database, self.decision_id, received,
            lodged_by_person_id=person if isinstance(person, int) else None,
            representative=representative, reason=self.reason.toPlainText(),
            follow_up_on=follow_up, today=self.today), self._refuse)
        if not done:
            return None
        self.lodged = done.result()
        self.error.hide()
        self.verdict.say(verdict_text(self.lodged),
                        "success" if self.lodged.in_time else "warning")
        # what was recorded stays legible beside the verdict; nothing can be changed
        for field in (self.received, self.representative, self.follow_up):
            field.setReadOnly(True)
        self.reason.setReadOnly(True)
        self.person.setEnabled(False)
        palette = self.person.palette()
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                     QPalette.ColorRole.WindowText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#555555"))
        self.person.setPalette(palette)
        self.ok_button.hide()
        self.cancel_button.setText(_tr("&Schließen"))
        self.cancel_button.setAccessibleName(_tr("Schließen"))
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()
        self.adjustSize()
        return self.lodged

    def _close(self) -> None:
        if self.lodged is not None:
            self.accept()
        else:
            self.reject()


def lodge_with_dialog(parent: QWidget, database: Database, decision_id: int,
                      application_id: int, persons: Sequence[tuple[int, str]],
                      today: date | None = None) -> ObjectionView | None:
    """Ask for and record an objection; the objection recorded, or None."""
    dialog = LodgeObjectionDialog(parent, database, decision_id, application_id, persons,
                                  today)
    dialog.exec()
    return dialog.lodged
