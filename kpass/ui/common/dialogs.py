"""The few questions kpass asks in a modal box, in one place (tests answer them here)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from kpass.ui.common.form_widgets import ignore_wheel_unless_focused
from kpass.ui.common.german_input import parse_date
from kpass.vocabulary import format_date

Answer = Literal["save", "discard", "cancel"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


def unsaved_question(parent: QWidget) -> QMessageBox:
    """The box of :func:`ask_unsaved`, not yet shown."""
    box = QMessageBox(QMessageBox.Icon.Question, _tr("Ungespeicherte Änderungen"),
                      _tr("Der Haushalt hat ungespeicherte Änderungen. Speichern?"),
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.button(QMessageBox.StandardButton.Save).setText(_tr("&Speichern"))
    box.button(QMessageBox.StandardButton.Discard).setText(_tr("&Verwerfen"))
    box.button(QMessageBox.StandardButton.Cancel).setText(_tr("&Abbrechen"))
    return box


def ask_unsaved(parent: QWidget) -> Answer:
    """Unsaved changes: save, discard or stay."""
    answer = unsaved_question(parent).exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


def decide_again_question(parent: QWidget, decision_id: int) -> QMessageBox:
    """The box of :func:`ask_decide_again`, not yet shown."""
    box = QMessageBox(
        QMessageBox.Icon.Question, _tr("Noch einmal entscheiden?"),
        _tr("Über diesen Haushalt wurde eben schon entschieden (Nr. %1), und seitdem hat sich "
            "nichts geändert. Trotzdem eine neue Entscheidung treffen?")
        .replace("%1", str(decision_id)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.button(QMessageBox.StandardButton.Yes).setText(_tr("&Neu entscheiden"))
    box.button(QMessageBox.StandardButton.No).setText(_tr("&Abbrechen"))
    box.setDefaultButton(QMessageBox.StandardButton.No)  # a second Ctrl+Enter changes nothing
    return box


def ask_decide_again(parent: QWidget, decision_id: int) -> bool:
    """Decide once more on a household whose decision of just now still stands unchanged?"""
    return decide_again_question(parent, decision_id).exec() == QMessageBox.StandardButton.Yes


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.setAccessibleName(_tr("Fehlerhinweis"))
    return label


def ok_cancel(dialog: QDialog, accept: Callable[[], None], ok_text: str,
               ok_name: str) -> QDialogButtonBox:
    """OK (the default: Enter) runs ``accept``, which checks the input; Cancel or Esc
    rejects."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_name)
    ok.setDefault(True)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(_tr("Abbre&chen"))
    cancel.setAccessibleName(_tr("Abbrechen"))
    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ReasonDialog(QDialog):
    """A date and a reason (free text or one of ``choices``), e.g. to revoke a pass."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str,
                 choices: dict[str, str] | None = None, day: date | None = None,
                 with_day: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.with_day = with_day
        self.day = QLineEdit(format_date(day or date.today()))
        self.day.setAccessibleName(_tr("Datum"))
        self.day.setPlaceholderText(_tr("TT.MM.JJJJ"))
        self.choice = QComboBox()
        self.choice.setAccessibleName(_tr("Grund"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(_tr("Grund"))
        self.error = error_label()
        form = QFormLayout(self)
        self.prompt = QLabel(prompt)
        self.prompt.setObjectName("reasonPrompt")
        self.prompt.setWordWrap(True)
        self.prompt.setAccessibleName(prompt)  # who and which pass: read out first
        form.addRow(self.prompt)
        day_label = QLabel(_tr("&Datum:"))
        day_label.setBuddy(self.day)
        if with_day:
            form.addRow(day_label, self.day)
        else:
            self.day.hide()
            day_label.hide()
        reason_label = QLabel(_tr("&Grund:"))
        if choices:
            for code, text in choices.items():
                self.choice.addItem(text, code)
            reason_label.setBuddy(self.choice)
            form.addRow(reason_label, self.choice)
            self.reason.hide()
        else:
            reason_label.setBuddy(self.reason)
            form.addRow(reason_label, self.reason)
            self.choice.hide()
        form.addRow(self.error)
        form.addRow(ok_cancel(self, self._accept, _tr("&OK"), _tr("OK")))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)
        self.choices = choices
        ignore_wheel_unless_focused(self)

    def _accept(self) -> None:
        if self.with_day and parse_date(self.day.text()) is None:
            self.error.setText(_tr("Bitte ein Datum als TT.MM.JJJJ eingeben."))
            self.day.setFocus()
            return
        if not self.choices and not self.reason.text().strip():
            self.error.setText(_tr("Bitte einen Grund angeben."))
            self.reason.setFocus()
            return
        self.accept()

    def result_value(self) -> tuple[date, str]:
        day = parse_date(self.day.text())
        assert day is not None
        if self.choices:
            return day, str(self.choice.currentData())
        return day, self.reason.text().strip()


def ask_reason(parent: QWidget, title: str, prompt: str,
               choices: dict[str, str] | None = None,
               day: date | None = None) -> tuple[date, str] | None:
    """A date (``day`` proposed, else today) and a reason; None when cancelled."""
    dialog = ReasonDialog(parent, title, prompt, choices, day)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_value()


def ask_why(parent: QWidget, title: str, prompt: str) -> str | None:
    """Why a saved entry is corrected or removed (kept in the history); None when
    cancelled. An empty reason is not accepted."""
    dialog = ReasonDialog(parent, title, prompt, with_day=False)
    dialog.setObjectName("whyDialog")
    dialog.reason.setObjectName("whyReason")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reason.text().strip()


class RoleDialog(QDialog):
    """The new role of a household member and the day from which it applies; it starts on
    the current role (a slip of Enter changes nothing) and asks for another one."""

    def __init__(self, parent: QWidget | None, name: str, current: str,
                 roles: dict[str, str], day: date, with_date: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Rolle wechseln"))
        self.prompt = QLabel(_tr("Neue Rolle für %1 (bisher: %2):").replace("%1", name)
                             .replace("%2", roles.get(current, current)))
        self.prompt.setWordWrap(True)
        self.role = QComboBox()
        self.role.setObjectName("newRole")
        self.role.setAccessibleName(_tr("Neue Rolle"))
        for code, text in roles.items():
            self.role.addItem(text, code)
        self.role.setCurrentIndex(max(self.role.findData(current), 0))
        self.current = current
        self.current_text = roles.get(current, current)
        self.day = QLineEdit(format_date(day))
        self.day.setObjectName("roleSince")
        self.day.setAccessibleName(_tr("Neue Rolle gilt ab (TT.MM.JJJJ)"))
        self.day.setPlaceholderText(_tr("TT.MM.JJJJ"))
        self.day.setMaxLength(10)
        self.error = error_label()
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout(self)
        form.addRow(self.prompt)
        role_label = QLabel(_tr("&Neue Rolle:"))
        role_label.setBuddy(self.role)
        form.addRow(role_label, self.role)
        day_label = QLabel(_tr("&Gilt ab:"))
        day_label.setBuddy(self.day)
        form.addRow(day_label, self.day)
        self.with_date = with_date
        if not with_date:  # a household not yet saved has no history to date
            day_label.hide()
            self.day.hide()
        form.addRow(self.error)
        buttons = ok_cancel(self, self._accept, _tr("Rolle &wechseln"), _tr("Rolle wechseln"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        form.addRow(buttons)
        # wide enough for the prompt and the error in one or two lines, at any font size
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)
        ignore_wheel_unless_focused(self)
        self.role.setFocus()

    def _accept(self) -> None:
        if self.role.currentData() == self.current:
            self.error.setText(_tr("Bitte eine andere Rolle wählen (bisher: %1).").replace(
                "%1", self.current_text))
            self.error.show()
            self.adjustSize()
            self.role.setFocus()
            return
        if self.with_date and parse_date(self.day.text()) is None:
            self.error.setText(_tr("Gilt ab: bitte als TT.MM.JJJJ eingeben."))
            self.error.show()
            self.adjustSize()
            self.day.setFocus()
            self.day.selectAll()
            return
        self.accept()

    def result_value(self) -> tuple[str, date]:
        day = parse_date(self.day.text())
        assert day is not None
        return str(self.role.currentData()), day


def ask_role(parent: QWidget, name: str, current: str, roles: dict[str, str], day: date,
             with_date: bool = True) -> tuple[str, date] | None:
    """The new role of ``name`` and the day it applies from; None when cancelled."""
    dialog = RoleDialog(parent, name, current, roles, day, with_date)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_value()


class DayDialog(QDialog):
    """One day, typed as TT.MM.JJJJ (e.g. whose cards to print)."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, day: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.day = QLineEdit(format_date(day))
        self.day.setObjectName("dayField")
        self.day.setAccessibleName(_tr("Tag (TT.MM.JJJJ)"))
        self.day.setPlaceholderText(_tr("TT.MM.JJJJ"))
        self.day.setMaxLength(10)
        self.error = error_label()
        self.error.hide()
        form = QFormLayout(self)
        prompt_label = QLabel(prompt)
        prompt_label.setWordWrap(True)
        form.addRow(prompt_label)
        day_label = QLabel(_tr("&Tag:"))
        day_label.setBuddy(self.day)
        form.addRow(day_label, self.day)
        form.addRow(self.error)
        form.addRow(ok_cancel(self, self._accept, _tr("&OK"), _tr("OK")))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 48)
        self.day.setFocus()
        self.day.selectAll()

    def _accept(self) -> None:
        if parse_date(self.day.text()) is None:
            self.error.setText(_tr("Bitte ein Datum als TT.MM.JJJJ eingeben."))
            self.error.show()
            self.day.setFocus()
            self.day.selectAll()
            return
        self.accept()

    def result_value(self) -> date:
        day = parse_date(self.day.text())
        assert day is not None
        return day


def ask_day(parent: QWidget, title: str, prompt: str, day: date) -> date | None:
    """A day (``day`` proposed); None when cancelled."""
    dialog = DayDialog(parent, title, prompt, day)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_value()


@dataclass(frozen=True)
class RenewalChoice:
    """One pass of the household in the renewal question."""

    number: str
    person: str  # "Anna-Lena Müller, geb. 12.03.1980"
    pass_text: str  # "Karlsruher Pass KA-100480-90, gültig bis 31.03.2027"
    due: bool  # in its expiry month or past it, and neither revoked nor replaced
    why_not: str  # why it cannot be renewed now; "" when due
    current: bool = False  # the person selected on the page

    @property
    def preselected(self) -> bool:
        return self.due


class RenewalDialog(QDialog):
    """Which passes of the household to renew: one check box per pass, those due ticked;
    those not due are shown, disabled, with the reason."""

    def __init__(self, parent: QWidget | None, choices: Sequence[RenewalChoice]) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Pässe verlängern"))
        self.choices = list(choices)
        prompt = QLabel(_tr("Welche Pässe sollen verlängert werden? Verlängert werden kann ein "
                            "Pass ab dem Monat, in dem er abläuft. Die Entscheidung gilt für "
                            "den ganzen Haushalt; neue Gültigkeit bekommen nur die "
                            "angekreuzten Pässe."))
        prompt.setWordWrap(True)
        self.boxes: list[QCheckBox] = []
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        for choice in self.choices:
            text = f"{choice.person} – {choice.pass_text}"
            if not choice.due:
                text += f" – {choice.why_not}"
            box = QCheckBox(text.replace("&", "&&"))
            box.setObjectName(f"renew_{choice.number}")
            box.setAccessibleName(text)
            box.setChecked(choice.preselected)
            box.setEnabled(choice.due)
            if not choice.due:
                _readable_when_disabled(box)  # the reason must stay legible
            self.boxes.append(box)
            layout.addWidget(box)
        self.error = error_label()
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = ok_cancel(self, self._accept, _tr("&Verlängern"),
                             _tr("Angekreuzte Pässe verlängern"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        # wide enough for every line of a pass; the wrapped prompt gets its height at that
        # width (a window does not ask its wrapped labels for their height by itself)
        margins = layout.contentsMargins()
        inner = max([self.fontMetrics().averageCharWidth() * 72,
                     *(b.sizeHint().width() for b in self.boxes)])
        prompt.setMinimumHeight(prompt.heightForWidth(inner))
        self.setMinimumWidth(inner + margins.left() + margins.right())
        self.adjustSize()
        # the selected person's pass first in the focus, else the first one that can be ticked
        first = next((b for b, c in zip(self.boxes, self.choices, strict=True)
                      if c.current and c.due), None) \
            or next((b for b in self.boxes if b.isEnabled()), self.ok_button)
        first.setFocus()

    def _accept(self) -> None:
        if not self.result_value():
            self.error.setText(_tr("Bitte mindestens einen Pass ankreuzen."))
            self.error.show()
            return
        self.accept()

    def result_value(self) -> list[str]:
        return [c.number for c, box in zip(self.choices, self.boxes, strict=True)
                if box.isEnabled() and box.isChecked()]


def _readable_when_disabled(box: QCheckBox) -> None:
    """Grey, but dark enough to read (6:1 against the window), for a choice not offered."""
    palette = box.palette()
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.Text):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#555555"))
    box.setPalette(palette)


def ask_renewal(parent: QWidget, choices: Sequence[RenewalChoice]) -> list[str] | None:
    """The numbers of the passes to renew; None when cancelled."""
    dialog = RenewalDialog(parent, choices)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_value()
