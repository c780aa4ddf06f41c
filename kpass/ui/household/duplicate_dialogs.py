"""The questions the counter asks when a service refuses a person as a likely duplicate.

Saving a person who may be a registered one (``LikelyDuplicate``) asks what to do instead:
open that person's household (the default), move the person here (a household change that
keeps the history) or save a different person with a reason. Issuing refused because a likely
duplicate holds a pass (``DuplicatePassHolder``) offers to record the two as different persons
or to open the other household. Tests answer :func:`ask_duplicate`, :func:`ask_distinction`
and :func:`ask_move` here, or press the buttons of the real dialogs.

This module holds the texts about a candidate and the question after saving was refused;
the smaller questions live beside it and are importable from here: the reason why two
persons differ (:mod:`~kpass.ui.household.distinction_dialog`), moving a registered person
here (:mod:`~kpass.ui.household.move_dialog`) and issuing refused
(:mod:`~kpass.ui.household.duplicate_holder_dialog`, whose own question for a reason is
answered in :mod:`~kpass.ui.household.distinction_dialog`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpass.errors import InvalidInput
from kpass.services.household import DuplicateCandidate
from kpass.ui.household.distinction_dialog import MAX_REASON, DistinctionDialog, ask_distinction
from kpass.ui.household.duplicate_holder_dialog import (
    DuplicateHolderDialog,
    HolderAnswer,
    ask_duplicate_holder,
)
from kpass.ui.household.move_dialog import MoveDialog, ask_move
from kpass.ui.translation import user_message
from kpass.vocabulary import format_date

__all__ = [
    "MAX_REASON",
    "DistinctionDialog",
    "DuplicateAnswer",
    "DuplicateDialog",
    "DuplicateHolderDialog",
    "HolderAnswer",
    "MoveDialog",
    "ask_distinction",
    "ask_duplicate",
    "ask_duplicate_holder",
    "ask_move",
    "candidate_text",
    "home_text",
    "person_text",
    "why_text",
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("DuplicateDialogs", text)


def person_text(given_names: str, family_name: str, birth_date: date) -> str:
    """"Lena Lang, geb. 01.01.1980"."""
    return _tr("%1 %2, geb. %3").replace("%1", given_names).replace("%2", family_name) \
        .replace("%3", format_date(birth_date))


def home_text(candidate: DuplicateCandidate) -> str:
    """Where the candidate lives now: "Haushalt 3, Kaiserstraße 1, 76133 Karlsruhe"."""
    if candidate.household_id is None:
        return _tr("derzeit in keinem Haushalt")
    where = _tr("Haushalt %1").replace("%1", str(candidate.household_id))
    if candidate.street:
        where += f", {candidate.street} {candidate.house_number or ''}".rstrip()
        if candidate.postcode or candidate.municipality:
            where += f", {candidate.postcode or ''} {candidate.municipality or ''}".rstrip()
    if candidate.died_on is not None:
        where += ", " + _tr("verstorben am %1").replace("%1", format_date(candidate.died_on))
    return where


def why_text(candidate: DuplicateCandidate) -> str:
    """Why the candidate matches: the finder's German explanation, in English its kind."""
    english = "same name and birth date" if candidate.reason == "exact" \
        else "similar name or birth date"
    return user_message(InvalidInput(english, candidate.explanation))


def candidate_text(candidate: DuplicateCandidate) -> str:
    return " – ".join((person_text(candidate.given_names, candidate.family_name,
                                   candidate.birth_date), home_text(candidate),
                       why_text(candidate)))


# -- saving refused: a likely duplicate ------------------------------------------------------
@dataclass(frozen=True)
class DuplicateAnswer:
    """What the caseworker chose: open the candidate's household, take the candidate over
    (``move``) or save a different person with ``reason``."""

    action: Literal["open", "move", "different"]
    candidate: DuplicateCandidate | None = None
    reason: str = ""


class DuplicateDialog(QDialog):
    """Saving refused: the person typed may be a registered one. Names the person and each
    candidate; "Haushalt dieser Person öffnen" is the default, Esc keeps the input."""

    def __init__(self, parent: QWidget | None, typed: str,
                 candidates: Sequence[DuplicateCandidate], same_as: Sequence[str] = (),
                 can_move: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateDialog")
        self.setWindowTitle(_tr("Person schon registriert?"))
        self.typed = typed
        self.candidates = list(candidates)
        self.answer: DuplicateAnswer | None = None
        lines = [_tr("Nicht gespeichert: %1 ist möglicherweise schon registriert.")
                 .replace("%1", typed)]
        if same_as:
            lines.append(_tr("Möglicherweise dieselbe Person wie: %1.")
                         .replace("%1", "; ".join(same_as)))
        lines.append(_tr("Eine Person bekommt nur einen Pass. Bitte die registrierte Person "
                         "übernehmen oder begründen, warum es eine andere Person ist."))
        self.prompt = QLabel("\n".join(lines))
        self.prompt.setObjectName("duplicatePrompt")
        self.prompt.setWordWrap(True)
        self.prompt.setAccessibleName(self.prompt.text())
        self.list = QListWidget()
        self.list.setObjectName("duplicateCandidates")
        self.list.setAccessibleName(_tr("Registrierte Personen, die es sein könnten"))
        for candidate in self.candidates:
            text = candidate_text(candidate)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            item.setToolTip(text)
            self.list.addItem(item)
        self.list.setWordWrap(True)
        list_label = QLabel(_tr("&Treffer:"))
        list_label.setBuddy(self.list)
        self.open_button = QPushButton(_tr("&Haushalt dieser Person öffnen"))
        self.open_button.setObjectName("duplicateOpen")
        self.open_button.setAccessibleName(_tr("Haushalt dieser Person öffnen"))
        self.move_button = QPushButton(_tr("Person hierher &umziehen …"))
        self.move_button.setObjectName("duplicateMove")
        self.move_button.setAccessibleName(_tr("Person hierher umziehen (der Verlauf bleibt)"))
        self.different_button = QPushButton(_tr("&Andere Person …"))
        self.different_button.setObjectName("duplicateDifferent")
        self.different_button.setAccessibleName(_tr("Andere Person: mit Begründung speichern"))
        self.cancel_button = QPushButton(_tr("Abbre&chen"))
        self.cancel_button.setObjectName("duplicateCancel")
        self.cancel_button.setAccessibleName(_tr("Abbrechen, die Eingabe bleibt"))
        for button in (self.move_button, self.different_button, self.cancel_button):
            button.setAutoDefault(False)
        self.open_button.setDefault(True)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.move_button, self.different_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(list_label)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.can_move = can_move
        self.move_button.setVisible(can_move)
        self.open_button.clicked.connect(self._open)
        self.move_button.clicked.connect(self._move)
        self.different_button.clicked.connect(self._different)
        self.cancel_button.clicked.connect(self.reject)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        if self.candidates:
            self.list.setCurrentRow(0)
        else:
            self.list.hide()
            list_label.hide()
        self._update_buttons()
        # wide enough for every button's whole text; the list as high as two lines a match
        # (up to four matches, then it scrolls)
        margins = layout.contentsMargins()
        width = max(self.fontMetrics().averageCharWidth() * 96,
                    buttons.sizeHint().width() + margins.left() + margins.right())
        self.setMinimumWidth(width)
        rows = min(max(len(self.candidates), 1), 4)
        frame = 2 * self.list.frameWidth() + 8
        self.list.setFixedHeight(self.fontMetrics().lineSpacing() * 2 * rows + frame)
        self.prompt.setMinimumHeight(self.prompt.heightForWidth(width))
        self.adjustSize()
        (self.open_button if self.open_button.isEnabled() else self.different_button).setFocus()

    def chosen(self) -> DuplicateCandidate | None:
        row = self.list.currentRow()
        return self.candidates[row] if 0 <= row < len(self.candidates) else None

    def _update_buttons(self) -> None:
        chosen = self.chosen()
        self.open_button.setEnabled(chosen is not None and chosen.household_id is not None)
        self.move_button.setEnabled(chosen is not None and chosen.died_on is None)
        self.different_button.setDefault(not self.open_button.isEnabled())
        self.open_button.setDefault(self.open_button.isEnabled())

    def _open(self) -> None:
        chosen = self.chosen()
        if chosen is not None and chosen.household_id is not None:
            self.answer = DuplicateAnswer("open", chosen)
            self.accept()

    def _move(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.answer = DuplicateAnswer("move", chosen)
            self.accept()

    def _different(self) -> None:
        names = "; ".join(person_text(c.given_names, c.family_name, c.birth_date)
                          for c in self.candidates)
        reason = ask_distinction(
            self, _tr("Andere Person"),
            _tr("Warum ist %1 eine andere Person als %2? Die Begründung wird zu beiden "
                "Personen vermerkt.").replace("%1", self.typed).replace(
                "%2", names or _tr("die genannte Person")),
            _tr("Als andere Person &speichern"))
        if reason is not None:
            self.answer = DuplicateAnswer("different", None, reason)
            self.accept()


def ask_duplicate(parent: QWidget, typed: str, candidates: Sequence[DuplicateCandidate],
                  same_as: Sequence[str] = (), can_move: bool = True) -> DuplicateAnswer | None:
    """What to do with a person refused as a likely duplicate; None: cancelled (Esc)."""
    dialog = DuplicateDialog(parent, typed, candidates, same_as, can_move)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.answer
