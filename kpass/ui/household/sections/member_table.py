"""The table of the household's persons: its columns and one row per membership, in words.

Apart from the section (:mod:`kpass.ui.household.sections.members`) because it only turns
the draft into rows and knows nothing of entering or correcting. The texts keep the catalog
context "MemberSection".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from kpass.ui.common.form_widgets import age_text
from kpass.ui.common.labels import role_label
from kpass.ui.household.draft import DraftMember
from kpass.ui.household.sections.base import RecordSection
from kpass.ui.translation import QT_TRANSLATE_NOOP
from kpass.vocabulary import format_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("MemberSection", text)


# translated in MemberSection.translate_ui(); marked here for the catalog
COLUMNS = (
    QT_TRANSLATE_NOOP("MemberSection", "Name"),
    QT_TRANSLATE_NOOP("MemberSection", "Vorname(n)"),
    QT_TRANSLATE_NOOP("MemberSection", "Geburtsdatum (Alter)"),
    QT_TRANSLATE_NOOP("MemberSection", "Rolle, Merkmale"),
    QT_TRANSLATE_NOOP("MemberSection", "im Haushalt"),
    QT_TRANSLATE_NOOP("MemberSection", "Foto"),
)


def fill_member_table(table: QTableWidget, members: Sequence[DraftMember], today: date,
                      changed: dict[int, str], selected: int | None) -> None:
    """One row per membership (the key in each item's UserRole); one no longer present on
    ``today`` in grey, one not saved yet marked with ``changed``; ``selected`` selected."""
    table.setRowCount(len(members))
    for row, m in enumerate(members):
        flags = [t for on, t in ((m.disability, _tr("Schwerbeh.")),
                                 (m.foster_child, _tr("Pflegekind"))) if on]
        age = age_text(m.birth_date, today)
        values = (m.family_name, m.given_names,
                  f"{format_date(m.birth_date)} ({age})" if age else format_date(m.birth_date),
                  ", ".join([role_label(m.role), *flags]),
                  membership_text(m.valid_from, m.valid_until),
                  _tr("ja") if m.has_photo else _tr("fehlt"))
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(Qt.ItemDataRole.UserRole, m.key)
            if not m.present_on(today):
                item.setForeground(Qt.GlobalColor.darkGray)
            if column == 0 and m.key in changed:
                RecordSection.mark_unsaved(item, changed[m.key])
            table.setItem(row, column, item)
        if m.key == selected:
            table.selectRow(row)


def membership_text(since: date | None, until: date | None) -> str:
    """The column "im Haushalt": until when, "neu" (not saved yet) or since when."""
    if until is not None:
        return _tr("bis %1").replace("%1", format_date(until))
    if since is None:
        return _tr("neu")
    return _tr("seit %1").replace("%1", format_date(since))
