"""The household page's print buttons: card, card sheet, decision letter, application form.

Each renders outside any write transaction (``print_outbox``) and opens the preview, from
where the caseworker prints; a refusal ("kann nicht gedruckt werden") is shown as an error.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kpass.ui.common.run_service import run_service
from kpass.ui.printing import outbox as print_outbox
from kpass.ui.printing.preview_dialog import PreviewDialog

if TYPE_CHECKING:
    from kpass.services import Database
    from kpass.ui.household.decision_panel import DecisionPanel
    from kpass.ui.household.history_source import HouseholdHistory


def _tr(text: str) -> str:
    return QCoreApplication.translate("HouseholdPage", text)


class PrintActions:
    """Mixed into :class:`~kpass.ui.household.page.HouseholdPage` (a ``QWidget``)."""

    if TYPE_CHECKING:
        database: Database
        panel: DecisionPanel
        history_data: HouseholdHistory
        preview_windows: list[PreviewDialog]

        def _latest_decision_id(self) -> int | None: ...
        def _latest_application_id(self) -> int | None: ...

    def _render(self, render: Callable[[], Path], title: str) -> PreviewDialog | None:
        done = run_service(render, self.panel.show_error)
        if not done:
            return None
        pdf = done.result()
        self.panel.say(_tr("PDF gespeichert: %1").replace("%1", str(pdf)), "success")
        assert isinstance(self, QWidget)
        dialog = PreviewDialog(pdf, title, self)
        self.preview_windows.append(dialog)
        dialog.show()
        return dialog

    def print_card(self) -> PreviewDialog | None:
        """The card of the selected person's pass."""
        entry = self.panel.chosen_entry()
        if entry is None:
            return None
        return self._render(lambda: print_outbox.print_cards(self.database, [entry.number]),
                            _tr("Karte %1 – %2").replace("%1", entry.number)
                            .replace("%2", entry.name))

    def print_sheet(self) -> PreviewDialog | None:
        """The household's valid cards on one A4 sheet."""
        numbers = [p.number for p in self.history_data.passes if p.status == "active"]
        if not numbers:
            return None
        return self._render(lambda: print_outbox.print_cards(self.database, numbers,
                                                             sheet=True), _tr("Kartenbogen"))

    def print_letter(self) -> PreviewDialog | None:
        decision_id = self._latest_decision_id()
        if decision_id is None:
            return None
        return self._render(
            lambda: print_outbox.print_decision_letter(self.database, decision_id),
            _tr("Bescheid %1").replace("%1", str(decision_id)))

    def print_application_form(self) -> PreviewDialog | None:
        application_id = self._latest_application_id()
        if application_id is None:
            return None
        return self._render(
            lambda: print_outbox.print_application_form(self.database, application_id),
            _tr("Antrag %1").replace("%1", str(application_id)))
