"""The lists answer the question at the counter: the search rows tell two persons of the same
name apart and say what their pass is worth today; the renewals queue is in expiry and name
order, narrows as one types and opens the holder's household."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes, replace_pass, revoke_pass
from kpass.ui.main_window import MainWindow
from kpass.ui.search.model import PersonSearchModel as Columns
from tests.register_builder import add_household, household_of

pytestmark = pytest.mark.gui
TODAY = date.today()


@pytest.fixture
def backend() -> str:
    return "sqlite"  # the widgets do not care which database answers


def months_ago(months: int) -> date:
    """The first of the month ``months`` before this one."""
    index = TODAY.year * 12 + TODAY.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def issue(database: Database, persons: list[tuple[str, str, date, str]], applied: date,
          stadtteil: str = "01") -> tuple[int, dict[int, str]]:
    """A household whose members got passes on an application of ``applied``: its id and
    the pass number of each person."""
    ids = add_household(database, persons, stadtteil=stadtteil,
                        since=date(applied.year - 2, 1, 1))
    household = household_of(database, ids[0])
    application = apply(database, household, applied, today=applied)
    issued = issue_passes(database, decide(database, application.application_id).decision_id)
    return household, {i.person_id: i.number for i in issued if i.number}


@pytest.fixture
def window(qtbot: QtBot, database: Database) -> MainWindow:
    win = MainWindow(database, TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def search(window: MainWindow, text: str) -> list[dict[int, str]]:
    window.search_field.setText(text)
    window.run_search()
    model = window.model
    return [{column: model.index(row, column).data() for column in range(model.columnCount())}
            for row in range(model.rowCount())]


# -- the search rows ---------------------------------------------------------------------------


def test_two_persons_of_the_same_name_are_told_apart(
    qtbot: QtBot, database: Database, window: MainWindow, tmp_path: Path
) -> None:
    first, first_passes = issue(database, [("Seitz", "Timo", date(1985, 4, 2), "applicant")],
                                TODAY)
    second, second_passes = issue(
        database, [("Seitz", "Timo", date(1992, 9, 17), "applicant")], months_ago(11))
    [third] = add_household(database, [("Seitz", "Timo", date(2001, 1, 1), "applicant")])
    without_pass = household_of(database, third)
    rows = search(window, "seitz timo")
    assert len(rows) == 3
    by_household = {row[Columns.HOUSEHOLD]: row for row in rows}
    assert set(by_household) == {str(first), str(second), str(without_pass)}
    one, two = by_household[str(first)], by_household[str(second)]
    assert one[Columns.NUMBER] == next(iter(first_passes.values()))
    assert two[Columns.NUMBER] == next(iter(second_passes.values()))
    assert one[Columns.NUMBER] != two[Columns.NUMBER]
    assert one[Columns.STATUS] == "aktiv"
    until = months_ago(-2) - timedelta(days=1)  # the end of next month
    assert two[Columns.STATUS] == f"läuft ab {until:%m/%Y}"
    assert two[Columns.VALID_UNTIL] == f"{until:%d.%m.%Y}"
    none = by_household[str(without_pass)]
    assert (none[Columns.NUMBER], none[Columns.STATUS]) == ("", "kein Pass")
    # the rows differ in what is shown, not only in the ids behind them
    assert len({tuple(row.values()) for row in rows}) == 3
    window.grab().save(str(tmp_path / "search_same_name.png"))


def test_a_revoked_pass_found_by_its_number_says_gesperrt(
    database: Database, window: MainWindow
) -> None:
    _household, passes = issue(database, [("Kaya", "Elif", date(1980, 1, 10), "applicant")],
                               months_ago(2))
    [number] = passes.values()
    revoke_pass(database, number, TODAY, "Wegzug", today=TODAY)
    [row] = search(window, number)
    assert (row[Columns.FAMILY], row[Columns.NUMBER]) == ("Kaya", number)
    assert row[Columns.STATUS] == "gesperrt"
    assert row[Columns.VALID_UNTIL] == f"{TODAY - timedelta(days=1):%d.%m.%Y}"
    model = window.model
    status = model.index(0, Columns.STATUS)
    assert status.data(Qt.ItemDataRole.ToolTipRole) == f"gesperrt seit {TODAY:%d.%m.%Y}"
    # the text says it; the colour only stresses it
    assert isinstance(status.data(Qt.ItemDataRole.ForegroundRole), QColor)
    assert status.data(Qt.ItemDataRole.AccessibleTextRole) == "gesperrt"
    # typed without hyphens, and by name: the same pass, since the holder has no other
    [row] = search(window, number.replace("-", " ").lower())
    assert row[Columns.STATUS] == "gesperrt"
    [row] = search(window, "kaya elif")
    assert (row[Columns.NUMBER], row[Columns.STATUS]) == (number, "gesperrt")


def test_a_revocation_dated_ahead_and_a_replaced_number(
    database: Database, window: MainWindow
) -> None:
    _household, passes = issue(database, [("Adler", "Anna", date(1960, 1, 1), "applicant"),
                                          ("Brand", "Ben", date(1970, 1, 1), "partner")],
                               months_ago(2))
    anna, ben = passes.values()
    ahead = TODAY + timedelta(days=10)
    revoke_pass(database, anna, ahead, "Wegzug angekündigt", today=TODAY)
    [row] = search(window, anna)
    assert row[Columns.STATUS] == f"gesperrt ab {ahead:%d.%m.%Y}"
    tooltip = window.model.index(0, Columns.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == f"gültig bis {ahead - timedelta(days=1):%d.%m.%Y}, dann gesperrt"
    new = replace_pass(database, ben, TODAY, "verloren", today=TODAY)
    [row] = search(window, ben)  # the old card shown at the counter
    assert (row[Columns.NUMBER], row[Columns.STATUS]) == (ben, "ersetzt")
    [row] = search(window, "brand ben")  # by name: the card that counts now
    assert (row[Columns.NUMBER], row[Columns.STATUS]) == (new.number, "aktiv")


def test_an_expired_pass_and_the_column_headers(database: Database, window: MainWindow) -> None:
    issue(database, [("Ernst", "Eva", date(1950, 1, 1), "applicant")], months_ago(14))
    [row] = search(window, "ernst")
    assert row[Columns.STATUS] == "abgelaufen"
    model = window.model
    horizontal = Qt.Orientation.Horizontal
    names = [model.headerData(c, horizontal, Qt.ItemDataRole.AccessibleTextRole)
             for c in range(model.columnCount())]
    assert names[Columns.HOUSEHOLD] == "Haushaltsnummer"
    assert names[Columns.NUMBER] == "Passnummer"
    assert names[Columns.STATUS] == "Passstatus"
    assert names[Columns.VALID_UNTIL] == "Pass gültig bis"
    assert all(names) and len(set(names)) == len(names)
    # what a screen reader gets for the table's column headers
    table = QAccessible.queryAccessibleInterface(window.results)
    spoken = [table.child(i).text(QAccessible.Text.Name) for i in range(table.childCount())
              if table.child(i).role() == QAccessible.Role.ColumnHeader]
    assert spoken == names
    header = window.results.horizontalHeader()
    for column in range(model.columnCount()):  # wide enough for its header
        title = str(model.headerData(column, horizontal))
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title)


# -- the renewals queue ------------------------------------------------------------------------


@pytest.fixture
def queue(database: Database) -> dict[str, int]:
    """Households with passes expiring this month (Zimmer) and next (Becker, Adler), and one
    that expires later (Neu): the household id of each family."""
    households = {
        "Becker": issue(database, [("Becker", "Anna", date(1970, 1, 1), "applicant")],
                        months_ago(11), stadtteil="05")[0],
        "Adler": issue(database, [("Adler", "Zoe", date(1975, 1, 1), "applicant"),
                                  ("Adler", "Max", date(1976, 1, 1), "partner")],
                       months_ago(11), stadtteil="07")[0],
        "Zimmer": issue(database, [("Zimmer", "Yusuf", date(1965, 1, 1), "applicant")],
                        months_ago(12), stadtteil="05")[0],
        "Neu": issue(database, [("Neu", "Nora", date(1990, 1, 1), "applicant")],
                     months_ago(3))[0],
    }
    return households


def names_shown(window: MainWindow) -> list[str]:
    page = window.renewals_page
    return [page.table.item(row, 2).text() for row in page.shown_rows()]


def test_the_renewals_queue_is_in_expiry_and_name_order(
    window: MainWindow, queue: dict[str, int], tmp_path: Path
) -> None:
    window.show_renewals()
    page = window.renewals_page
    assert names_shown(window) == ["Zimmer, Yusuf", "Adler, Max", "Adler, Zoe", "Becker, Anna"]
    assert page.table.item(0, 3).text() == str(queue["Zimmer"])
    assert page.table.item(0, 4).text() == "Weststadt"
    assert page.count.text() == "4 Pässe"
    window.grab().save(str(tmp_path / "renewals.png"))


def test_the_filter_narrows_the_queue_as_one_types(
    qtbot: QtBot, window: MainWindow, queue: dict[str, int]
) -> None:
    window.show_renewals()
    page = window.renewals_page
    field = page.filter_field
    assert field.accessibleName() and "&" in page.filter_label.text()
    qtbot.keyClicks(field, "adl")
    assert names_shown(window) == ["Adler, Max", "Adler, Zoe"]
    assert page.count.text() == "2 von 4 Pässen"
    qtbot.keyClicks(field, " z")  # every word must match
    assert names_shown(window) == ["Adler, Zoe"]
    field.setText("weststadt")  # the Stadtteil
    assert names_shown(window) == ["Zimmer, Yusuf", "Becker, Anna"]
    number = page.table.item(page.shown_rows()[1], 1).text()
    field.setText(number)  # a pass number
    assert names_shown(window) == ["Becker, Anna"]
    field.setText(number[:7].lower())  # begun, in lower case
    assert "Becker, Anna" in names_shown(window)
    field.setText("Müller")
    assert names_shown(window) == [] and page.count.text() == "0 von 4 Pässen"
    field.clear()
    assert len(names_shown(window)) == 4 and page.count.text() == "4 Pässe"


def test_enter_and_double_click_open_the_household(
    qtbot: QtBot, window: MainWindow, queue: dict[str, int]
) -> None:
    window.show_renewals()
    page = window.renewals_page
    qtbot.keyClicks(page.filter_field, "becker")
    qtbot.keyClick(page.filter_field, Qt.Key.Key_Return)  # from the filter to the list
    assert page.table.hasFocus() and page.table.currentRow() == page.shown_rows()[0]
    holder = page.rows[page.table.currentRow()].pass_row.person_id
    with qtbot.waitSignal(page.household_opened, timeout=3000) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [queue["Becker"], holder]
    assert window.stack.currentWidget() is window.household_page
    assert window.household_page.editor.draft.household_id == queue["Becker"]
    # the pass holder is the selected person: "Verlängern", "Karte drucken" act on them
    assert window.household_page.members.selected_key() == holder

    window.show_renewals()
    page.filter_field.setText("adler")  # the filter stays while the caseworker comes back
    row = page.shown_rows()[0]  # Max Adler: the partner, not the household's first person
    page.table.scrollToItem(page.table.item(row, 0))
    where = page.table.visualItemRect(page.table.item(row, 2)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert page.table.currentRow() == row
    with qtbot.waitSignal(page.household_opened, timeout=3000) as opened:
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened.args == [queue["Adler"], page.rows[row].pass_row.person_id]
    assert window.household_page.editor.draft.household_id == queue["Adler"]
    assert page.rows[row].given_names == "Max"
    assert window.household_page.members.selected_key() == page.rows[row].pass_row.person_id


@pytest.mark.parametrize("scale", [1.0, 1.25])
def test_search_cells_are_not_cut_off_at_1280_by_800(
    qtbot: QtBot, database: Database, scale: float
) -> None:
    from PySide6.QtWidgets import QApplication

    issue(database, [("Schneider-Wagner", "Anna-Lena Marie", date(1980, 1, 1), "applicant")],
          months_ago(11), stadtteil="18")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    normal = font.pointSizeF()
    font.setPointSizeF(normal * scale)
    app.setFont(font)
    try:
        win = MainWindow(database, TODAY)
        qtbot.addWidget(win)
        win.resize(1280, 800)
        win.show()
        qtbot.waitExposed(win)
        [row] = search(win, "schneider")
        table, metrics = win.results, win.results.fontMetrics()
        for column, text in row.items():
            if text and not table.isColumnHidden(column):
                # 12 px: the style's item padding; the rest of the cell must hold the text
                assert metrics.horizontalAdvance(str(text)) + 12 <= table.columnWidth(column), (
                    column, text)
        if scale == 1.0:  # larger fonts may scroll sideways, but never cut a text
            assert sum(table.columnWidth(c) for c in range(len(row))) <= table.viewport().width()
    finally:
        font.setPointSizeF(normal)
        app.setFont(font)
