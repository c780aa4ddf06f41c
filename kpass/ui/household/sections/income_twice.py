"""The warning that an income is entered twice, and the button that adds it all the same.

Typing an income line that is already entered and has not ended warns at the amount instead
of adding it; asked again (Enter or "Trotzdem eintragen") it is added. Kept apart from the
income section (:mod:`kpass.ui.household.sections.incomes`) because this small state — which
line the caseworker was warned about — has its own rule for when it is withdrawn. The texts
keep the catalog context "IncomeSection".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton

from kpass.ui.common.inline_errors import InlineErrors
from kpass.ui.common.labels import income_kind_label, period_label
from kpass.ui.household.draft import DraftIncome
from kpass.vocabulary import format_date, format_euro


def _tr(text: str) -> str:
    return QCoreApplication.translate("IncomeSection", text)


# person, kind, amount, period, start: what makes two income lines the same
Line = tuple[int, str, Decimal, str, date]


def already_entered(incomes: Iterable[DraftIncome], line: Line, today: date) -> bool:
    """An income line with the same person, kind, amount, period and start that has not
    ended (no end, or one from today on)."""
    return any(
        (i.person_key, i.kind, i.amount, i.period, i.valid_from) == line
        and (i.valid_until is None or i.valid_until >= today)
        for i in incomes
    )


class TwiceWarning:
    """The warning at the field ``"amount"`` of ``errors`` and its button ``button``."""

    def __init__(self, errors: InlineErrors) -> None:
        self.errors = errors
        # shown with the warning about an income already entered, to add it all the same
        self.button = QPushButton()
        self.button.setObjectName("addIncomeAnyway")
        self.button.hide()
        self.warned: Line | None = None  # the line the caseworker was warned about

    def translate_ui(self) -> None:
        self.button.setText(_tr("Trotzde&m eintragen"))
        self.button.setAccessibleName(_tr("Gleiches Einkommen trotzdem noch einmal eintragen"))

    def holds_back(self, line: Line, incomes: Iterable[DraftIncome], today: date) -> bool:
        """``line`` is entered already and the caseworker was not yet warned about it."""
        return line != self.warned and already_entered(incomes, line, today)

    def warn(self, line: Line, names: dict[int, str]) -> None:
        person, kind, amount, period, day = line
        self.errors.warn("amount", _tr(
            "Dieses Einkommen ist schon eingetragen: %1, %2, %3 %4 ab %5. Noch einmal "
            "eintragen? Dann Enter drücken oder „Trotzdem eintragen“ wählen.")
            .replace("%1", names.get(person, "?")).replace("%2", income_kind_label(kind))
            .replace("%3", format_euro(amount)).replace("%4", period_label(period))
            .replace("%5", format_date(day)))
        self.warned = line
        self.button.show()

    def forget(self, *_changed: object) -> None:
        """Any change to the entry withdraws the warning and the button that confirms it."""
        if self.warned is None:
            return
        self.warned = None
        self.button.hide()
        label = self.errors.label_for("amount")
        if label is not None and label.is_warning:
            label.say("")
