""""Löschen (Art. 17) …" for the person selected in the household's person table.

Erasure on request is the case-file rule of the Löschkonzept applied now
(:func:`kpass.services.retention.erase_person`): the service refuses it, with the reason and
the date, while a pass is valid or the retention duty holds. So the button first asks the
service what would go (a dry run, nothing changed), shows the reason or the counts, and
erases only after an explicit confirmation whose default is "Abbrechen": it cannot be
undone. Only supervisors see the button; the service refuses everybody else anyway.

Mixed into :class:`~kpass.ui.household.page.HouseholdPage`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from kpass.services.retention import ErasureResult, erase_person
from kpass.ui.common.run_service import run_service
from kpass.ui.printing import outbox as print_outbox
from kpass.ui.translation import translatable_tables

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from kpass.services import Database
    from kpass.ui.household.editor import HouseholdEditor
    from kpass.ui.household.sections.members import MemberSection

_CONTEXT = "ErasureRequest"
_COUNTED = {"persons": "Personen", "households": "Haushalte", "passes": "Pässe",
            "decisions": "Entscheidungen", "incomes": "Einkommen",
            "notices": "Leistungsbescheide", "photos": "Lichtbilder", "prints": "Ausdrucke"}
translatable_tables(_CONTEXT, _COUNTED)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def what_goes(result: ErasureResult) -> str:
    """"Personen: 2, Haushalte: 1, …" of a dry run, in the interface's language."""
    return ", ".join(f"{_tr(label)}: {result.counts[key]}" for key, label in _COUNTED.items()
                     if result.counts.get(key))


def erasure_question(parent: QWidget, name: str, result: ErasureResult) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Warning, _tr("Löschen auf Antrag (Art. 17 DSGVO)"),
        _tr("Alle Daten von %1 endgültig löschen?\n\nGelöscht werden die Fallakten der "
            "Haushalte der Person: %2.\nDie Statistik bleibt unverändert; das Protokoll "
            "vermerkt die Löschung ohne Inhalt. Das kann nicht rückgängig gemacht werden.")
        .replace("%1", name).replace("%2", what_goes(result)),
        QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("erasureQuestion")
    erase = box.addButton(_tr("Endgültig &löschen"), QMessageBox.ButtonRole.DestructiveRole)
    erase.setObjectName("confirmErasure")
    cancel = box.addButton(_tr("&Abbrechen"), QMessageBox.ButtonRole.RejectRole)
    cancel.setObjectName("cancelErasure")
    box.setDefaultButton(cancel)  # Enter pressed too early erases nothing
    box.setEscapeButton(cancel)
    return box


class ErasureRequestActions:
    """Mixed into :class:`~kpass.ui.household.page.HouseholdPage` (a ``QWidget``)."""

    if TYPE_CHECKING:
        database: Database
        editor: HouseholdEditor
        members: MemberSection
        erased: SignalInstance

    def ask_erasure(self, key: int) -> bool:
        """The button: check, ask, erase; True when the person was erased."""
        member = self.editor.draft.member(key)
        self.members.error.say("")
        if self.editor.has_changes():
            self.members.error.say(_tr("Bitte zuerst die Änderungen speichern oder "
                                       "verwerfen."))
            return False
        checked = run_service(lambda: erase_person(self.database, key, dry_run=True),
                              self.members.error.say)
        if not checked:
            return False
        assert isinstance(self, QWidget)
        box = erasure_question(self, member.name, checked.result())
        box.exec()
        if box.clickedButton() is not box.findChild(QWidget, "confirmErasure"):
            return False
        return self.erase_now(key, member.name)

    def erase_now(self, key: int, name: str) -> bool:
        done = run_service(
            lambda: erase_person(self.database, key, outbox=print_outbox.outbox()),
            self.members.error.say)
        if done:
            self.erased.emit(_tr("Die Daten von %1 wurden gelöscht (%2).")
                             .replace("%1", name).replace("%2", what_goes(done.result())))
        return done.ok
