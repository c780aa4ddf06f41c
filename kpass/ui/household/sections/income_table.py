"""The table of the household's incomes and an income in words: its columns, one row per
income line, the kind with "nicht angerechnet" where the rules do not count it.

Apart from the section (:mod:`kpass.ui.household.sections.incomes`) because it only turns
the draft into text and rows and knows nothing of entering or correcting. The texts keep
the catalog context "IncomeSection".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from kpass.ui.common.labels import income_counted, income_kind_label, period_label
from kpass.ui.household.draft import DraftIncome
from kpass.ui.household.sections.base import RecordSection
from kpass.ui.translation import QT_TRANSLATE_NOOP
from kpass.vocabulary import format_date, format_euro


def _tr(text: str) -> str:
    return QCoreApplication.translate("IncomeSection", text)


# translated in IncomeSection.translate_ui(); marked here for the catalog
COLUMNS = (
    QT_TRANSLATE_NOOP("IncomeSection", "Person"),
    QT_TRANSLATE_NOOP("IncomeSection", "Art"),
    QT_TRANSLATE_NOOP("IncomeSection", "Betrag"),
    QT_TRANSLATE_NOOP("IncomeSection", "Zeitraum"),
    QT_TRANSLATE_NOOP("IncomeSection", "ab"),
    QT_TRANSLATE_NOOP("IncomeSection", "bis"),
)


def kind_text(kind: str, today: date) -> str:
    """The kind as the table shows it, with "nicht angerechnet" for a kind the rules
    do not count."""
    if income_counted(kind, today):
        return income_kind_label(kind)
    return _tr("%1 – nicht angerechnet").replace("%1", income_kind_label(kind))


def uncounted_tooltip(kind: str, today: date) -> str | None:
    """The tooltip of a kind the rules accept but do not count; None for one they count."""
    return None if income_counted(kind, today) else _tr(
        "Wird erfasst, aber nicht angerechnet (zählt nicht zum Haushaltsnettoeinkommen).")


def income_text(income: DraftIncome, names: dict[int, str]) -> str:
    """The income in words, for the questions about it (``names``: person key → name)."""
    return (_tr("%1, %2, %3 %4 ab %5").replace("%1", names.get(income.person_key, "?"))
            .replace("%2", income_kind_label(income.kind))
            .replace("%3", format_euro(income.amount))
            .replace("%4", period_label(income.period))
            .replace("%5", format_date(income.valid_from)))


def fill_income_table(table: QTableWidget, incomes: Sequence[DraftIncome],
                      names: dict[int, str], today: date, changed: dict[int, str]) -> None:
    """One row per income line (the key in each item's UserRole); one not paid on ``today``
    in grey, one not saved yet marked with ``changed``."""
    table.setRowCount(len(incomes))
    for row, income in enumerate(incomes):
        values = (names.get(income.person_key, "?"), kind_text(income.kind, today),
                  format_euro(income.amount), period_label(income.period),
                  format_date(income.valid_from), format_date(income.valid_until))
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(Qt.ItemDataRole.UserRole, income.key)
            if column == 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            if not income.covers(today):
                item.setForeground(Qt.GlobalColor.darkGray)
            if column == 1 and income.key in changed:
                RecordSection.mark_unsaved(item, changed[income.key])
            table.setItem(row, column, item)
