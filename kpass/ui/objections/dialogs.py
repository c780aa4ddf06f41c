"""The objection steps' questions: a day and a text (reasons, a note), asked in one modal
box. Tests answer them by replacing :func:`ask_step` here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from kpass.ui.common.dialogs import error_label, ok_cancel
from kpass.ui.common.form_widgets import DateField


def _tr(text: str) -> str:
    return QCoreApplication.translate("ObjectionDialogs", text)


@dataclass(frozen=True)
class StepQuestion:
    """What one step asks: its title, the explanation, the day's label and the text's."""

    title: str
    prompt: str
    day_label: str  # with its mnemonic ("&Tag:")
    day: date | None  # proposed; None: the field starts empty
    day_required: bool  # an empty day is refused (else: None, e.g. "no Wiedervorlage")
    text_label: str  # with its mnemonic
    text_required: bool
    multi_line: bool  # the reasons of a Widerspruchsbescheid are paragraphs
    ok_text: str  # with its mnemonic
    text: str = ""  # proposed text


@dataclass(frozen=True)
class StepAnswer:
    day: date | None
    text: str


def _plain(label: str) -> str:
    return label.replace("&", "").rstrip(":")


class StepDialog(QDialog):
    """A day (TT.MM.JJJJ) and a text; OK checks both before it closes."""

    def __init__(self, parent: QWidget | None, question: StepQuestion) -> None:
        super().__init__(parent)
        self.setObjectName("objectionStepDialog")
        self.setWindowTitle(question.title)
        self.question = question
        self.prompt = QLabel(question.prompt)
        self.prompt.setObjectName("stepPrompt")
        self.prompt.setWordWrap(True)
        self.prompt.setAccessibleName(question.prompt)
        self.day = DateField(_plain(question.day_label) + _tr(" (TT.MM.JJJJ)"))
        self.day.setObjectName("stepDay")
        self.day.set_value(question.day)
        self.text: QLineEdit | QPlainTextEdit
        if question.multi_line:
            text = QPlainTextEdit(question.text)
            text.setTabChangesFocus(True)  # Tab leaves the field, as everywhere else
            text.setMinimumHeight(self.fontMetrics().height() * 6)
            self.text = text
        else:
            self.text = QLineEdit(question.text)
        self.text.setObjectName("stepText")
        self.text.setAccessibleName(_plain(question.text_label))
        self.error = error_label()
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout(self)
        form.addRow(self.prompt)
        day_label = QLabel(question.day_label)
        day_label.setBuddy(self.day)
        form.addRow(day_label, self.day)
        text_label = QLabel(question.text_label)
        text_label.setBuddy(self.text)
        text_label.setWordWrap(True)
        form.addRow(text_label, self.text)
        form.addRow(self.error)
        buttons = ok_cancel(self, self._accept, question.ok_text, _plain(question.ok_text))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        form.addRow(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        # a window does not ask its wrapped labels for their height: give it for this width
        margins = form.contentsMargins()
        self.prompt.setMinimumHeight(self.prompt.heightForWidth(
            self.minimumWidth() - margins.left() - margins.right()))
        self.day.setFocus()
        self.day.selectAll()

    def text_value(self) -> str:
        if isinstance(self.text, QPlainTextEdit):
            return self.text.toPlainText().strip()
        return self.text.text().strip()

    def _refuse(self, message: str, field: QWidget) -> None:
        self.error.setText(message)
        self.error.show()
        field.setFocus()

    def _accept(self) -> None:
        typed = self.day.text().strip()
        if typed and self.day.value() is None:
            self._refuse(_tr("Bitte das Datum als TT.MM.JJJJ eingeben."), self.day)
            return
        if not typed and self.question.day_required:
            self._refuse(_tr("Bitte ein Datum eingeben."), self.day)
            return
        if self.question.text_required and not self.text_value():
            self._refuse(_tr("Bitte %1 angeben.").replace(
                "%1", _plain(self.question.text_label)), self.text)
            return
        self.accept()

    def answer(self) -> StepAnswer:
        return StepAnswer(self.day.value(), self.text_value())


def ask_step(parent: QWidget, question: StepQuestion) -> StepAnswer | None:
    """The day and text of a step; None when cancelled."""
    dialog = StepDialog(parent, question)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.answer()


def remedy_question(decision_id: int, today: date) -> StepQuestion:
    return StepQuestion(
        _tr("Widerspruch abhelfen"),
        _tr("Abhilfe: Der Antrag der Entscheidung %1 wird mit den Daten, die jetzt im Haushalt "
            "erfasst sind, neu entschieden, und die Pässe, die daraus folgen, werden "
            "ausgestellt. War etwas falsch erfasst (z. B. ein Einkommen), bitte zuerst im "
            "Haushalt berichtigen und speichern. Gibt die neue Entscheidung niemandem einen "
            "Pass, den die alte abgelehnt hat, wird nichts gespeichert.")
        .replace("%1", str(decision_id)),
        _tr("&Tag der Abhilfe:"), today, True, _tr("&Vermerk:"), False, False,
        _tr("&Abhelfen"))


def reject_question(today: date) -> StepQuestion:
    return StepQuestion(
        _tr("Widerspruch zurückweisen"),
        _tr("Die Entscheidung bleibt bestehen. Die Begründung steht im Widerspruchsbescheid."),
        _tr("&Tag der Zurückweisung:"), today, True, _tr("&Begründung:"), True, True,
        _tr("&Zurückweisen"))


def withdraw_question(today: date) -> StepQuestion:
    return StepQuestion(
        _tr("Widerspruch zurücknehmen"),
        _tr("Die Person hat den Widerspruch zurückgenommen (schriftlich oder zur "
            "Niederschrift). Die Entscheidung bleibt bestehen."),
        _tr("&Tag der Rücknahme:"), today, True, _tr("&Vermerk:"), False, False,
        _tr("Zurück&nehmen"))


def follow_up_question(current: date | None, note: str, proposed: date) -> StepQuestion:
    return StepQuestion(
        _tr("Wiedervorlage"),
        _tr("An welchem Tag soll der Widerspruch wieder vorgelegt werden, und wozu? Ohne "
            "Datum wird die Wiedervorlage entfernt."),
        _tr("&Wiedervorlage am:"), current or proposed, False, _tr("&Vermerk:"), False, False,
        _tr("&Speichern"), note)
