"""Accessible names on every control, German input helpers, decision sentence, renewals queue."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.rules import HouseholdFigures
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes
from kpass.ui.common.german_input import parse_amount, parse_date
from kpass.ui.household.decision_text import household_sentence
from kpass.ui.main_window import MainWindow
from tests.register_builder import add_household, household_of

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, database: Database) -> MainWindow:
    win = MainWindow(database)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _owner_name(widget: QWidget) -> str:
    """Inner editors of spin and combo boxes are named by their box."""
    parent = widget.parentWidget()
    while parent is not None and parent.focusProxy() is widget:
        if parent.accessibleName():
            return parent.accessibleName()
        widget, parent = parent, parent.parentWidget()
    return widget.accessibleName()


def unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(root):
            continue
        if widget.objectName() == "qt_scrollarea_viewport":
            continue
        if not (widget.accessibleName() or _owner_name(widget)):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_on_the_main_screens_has_an_accessible_name(
    window: MainWindow, database: Database
) -> None:
    assert unnamed_controls(window.search_page) == []
    window.new_application()
    assert unnamed_controls(window.household_page) == []
    window.show_renewals()
    assert unnamed_controls(window.renewals_page) == []
    assert unnamed_controls(window.toolbar) == []


def test_german_input() -> None:
    assert parse_date("12.03.1980") == date(1980, 3, 12)
    assert parse_date("1.3.1980") == date(1980, 3, 1)
    assert parse_date("12031980") == date(1980, 3, 12)
    assert parse_date("31.02.1980") is None
    assert parse_amount("1.234,56 €") == Decimal("1234.56")
    assert parse_amount("1.234") == Decimal("1234")
    assert parse_amount("12.5") == Decimal("12.5")
    assert parse_amount("-5") is None
    assert parse_amount("zwölf") is None


def test_household_sentence_of_the_spec_example() -> None:
    """What the caseworker reads to the applicant is the highest eligible income (a few cents
    under the limit because of the rounding), never the limit itself."""
    figures = HouseholdFigures(Decimal("2820.00"), Decimal("2.1"), Decimal("1342.86"),
                               Decimal("1300.00"), Decimal("-42.86"), Decimal("2730.00"),
                               Decimal("2729.98"))
    assert household_sentence(figures) == (
        "Haushaltsnettoeinkommen 2.820,00 € ÷ Summe der Gewichte 2,1 = "
        "Nettoäquivalenzeinkommen 1.342,86 €; das sind 42,86 € über der Grenze von "
        "1.300,00 €: Einkommensprüfung nicht bestanden. Berechtigt wäre der Haushalt nur "
        "bis zu einem Haushaltsnettoeinkommen von 2.729,98 €."
    )
    passing = HouseholdFigures(Decimal("2500.00"), Decimal("2.1"), Decimal("1190.48"),
                               Decimal("1300.00"), Decimal("109.52"), Decimal("2730.00"),
                               Decimal("2729.98"))
    assert household_sentence(passing).endswith(
        "Einkommensprüfung bestanden. Der Haushalt ist berechtigt bis zu einem "
        "Haushaltsnettoeinkommen von 2.729,98 €.")
    assert "2.730,00" not in household_sentence(passing)


def test_household_sentence_without_the_highest_eligible_income() -> None:
    """Figures without it (none passes) name the limit for what it is."""
    figures = HouseholdFigures(Decimal("2820.00"), Decimal("2.1"), Decimal("1342.86"),
                               Decimal("1300.00"), Decimal("-42.86"), Decimal("2730.00"))
    assert household_sentence(figures).endswith(
        "Einkommensprüfung nicht bestanden. Einkommensgrenze (darunter berechtigt): 2.730,00 €.")
    assert household_sentence(HouseholdFigures()) == (
        "Keine Einkommensprüfung: Wohnsitz oder Regelwerk fehlen.")


def _issue_pass_expiring_next_month(database: Database, day: date) -> str:
    ids = add_household(database, [("Lang", "Lena", date(1970, 1, 1), "applicant")],
                        since=date(day.year - 2, 1, 1))
    application = apply(database, household_of(database, ids[0]), day, today=day)
    result = decide(database, application.application_id)
    issued = issue_passes(database, result.decision_id)
    assert issued[0].number is not None
    return issued[0].number


def test_renewals_queue_prints_reminders_off_the_gui_thread(
    qtbot: QtBot, database: Database, tmp_path: Path
) -> None:
    today = date.today()
    # a pass issued eleven months ago (first of that month) expires at the end of next month
    month = today.month - 11
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    number = _issue_pass_expiring_next_month(database, date(year, month, 1))
    win = MainWindow(database, today)
    qtbot.addWidget(win)
    win.show()
    win.show_renewals()
    page = win.renewals_page
    numbers = [page.table.item(r, 1).text() for r in range(page.table.rowCount())]
    assert number in numbers
    assert page.count.text() == "1 Pass"

    gui_thread = threading.get_ident()
    threads: list[int] = []

    def step() -> Path:
        threads.append(threading.get_ident())
        return tmp_path / "x.pdf"

    job = page.print_reminders([("eins", step), ("zwei", step)])
    qtbot.waitUntil(lambda: page.message.text().startswith("Gedruckt"), timeout=5000)
    assert len(threads) == 2 and gui_thread not in threads
    assert job.cancelled is False

    # cancelled before it starts: no step runs
    blocker = threading.Event()
    ran: list[str] = []

    def slow() -> Path:
        blocker.wait(2)
        ran.append("slow")
        return tmp_path / "y.pdf"

    job = page.print_reminders([("langsam", slow), ("danach", lambda: ran.append("after"))])
    job.cancel()
    blocker.set()
    qtbot.waitUntil(lambda: page.message.text().startswith("Abgebrochen"), timeout=5000)
    assert "after" not in ran

    page.scope.setCurrentIndex(2)  # next month only
    page.printed = []  # forget the cancelled job's result before waiting for this one
    page.print_reminders()
    qtbot.waitUntil(lambda: bool(page.printed) or "Fehler" in page.message.text(),
                    timeout=30000)
    assert page.printed, page.message.text()
    assert page.printed[0].read_bytes().startswith(b"%PDF")
