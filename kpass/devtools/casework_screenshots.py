"""Screenshots of the objections page, the 60plus voucher question and the supervisors'
four-eyes queue, on casework recorded for them (:mod:`kpass.devtools.screenshot_cases`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from kpass.devtools import screenshot_cases

Save = Callable[[QWidget, Path], None]


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _with_dialog(window: QWidget, dialog: QWidget, path: Path) -> Path:
    """The window with ``dialog`` drawn over its right half (the form on the left, with the
    button that asked, stays in sight), as the counter sees a question."""
    _settle()
    picture: QPixmap = window.grab()
    over = dialog.grab()
    painter = QPainter(picture)
    corner = QPoint(max(0, picture.width() * 3 // 4 - over.width() // 2),
                    (picture.height() - over.height()) // 3)
    painter.drawPixmap(corner, over)
    painter.end()
    if not picture.save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def objections_screenshot(window: QMainWindow, today: date, out: Path, save: Save) -> Path:
    """14: open objections by due day, the one whose Wiedervorlage is overdue selected,
    with the summary of the last twelve months."""
    from kpass.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    screenshot_cases.add_objections(window.database, today)
    window.show_objections()
    page = window.objections_page
    page.summary.period.setCurrentIndex(1)  # the last 12 months: never empty in January
    page.refresh()
    due = next((i for i, row in enumerate(page.rows) if row.follow_up_due), 0)
    page.table.selectRow(due)  # its details name the Wiedervorlage's note
    page.table.setFocus()
    path = out / "14-widersprueche.png"
    save(window, path)
    return path


def voucher_screenshot(window: QMainWindow, today: date, out: Path) -> Path:
    """18: a pensioner's household, the 60plus button and the question before handing out."""
    from kpass.services.vouchers import check_vouchers
    from kpass.ui.household.voucher_actions import voucher_question
    from kpass.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    holder = screenshot_cases.add_voucher_holder(window.database, today)
    window.open_household(holder.household, holder.person)
    page = window.household_page
    page.form_scroll.ensureWidgetVisible(page.members.vouchers_button)
    page.members.vouchers_button.setFocus()
    member = page.editor.draft.member(holder.person)
    box = voucher_question(page, member.name,
                           check_vouchers(window.database, holder.person, on=today))
    box.show()
    path = _with_dialog(window, box, out / "18-gutscheine.png")
    box.close()
    box.deleteLater()
    window.show_search()
    return path


def approvals_screenshot(window: QMainWindow, today: date, out: Path, save: Save,
                         password: str) -> Path:
    """15: the four-eyes rule switched on by the administrator, three decisions of the
    caseworker waiting, the queue as the supervisor sees it."""
    from kpass.services.access import log_in
    from kpass.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    screenshot_cases.add_waiting_decisions(window.database, today, "a.verwaltung",
                                           "s.beispiel", password)
    log_in(window.database, "l.muster", password)
    window.show_role()
    window.show_approvals()
    page = window.approvals_page
    if page.table.rowCount():
        page.table.selectRow(0)
    page.table.setFocus()
    path = out / "15-freigaben.png"
    save(window, path)
    return path
