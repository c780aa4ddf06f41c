"""The supervisor's dashboard on a demo register: the figures are the service's counts."""

from __future__ import annotations

import csv
import re
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.reporting import MEASURE_TITLES, MEASURES, OFFICIAL_USE_ONLY, get_dimension
from kpass.services.statistics.counts import count_rows
from kpass.ui.dashboard import DashboardWidget
from kpass.ui.dashboard.charts import DATA_COLOUR
from kpass.ui.dashboard.formatting import shift_month
from kpass.vocabulary import format_change, format_count
from tests.ui.dashboard.conftest import (
    AS_OF,
    FIRST,
    LAST,
    colour_share,
    distinct_colours,
    focusable_without_name,
    tab_through,
)

pytestmark = pytest.mark.gui

MONTHS = [shift_month(FIRST, i) for i in range(12)]


def totals(database: Database, months: list[str]) -> dict[str, dict[str, int]]:
    result: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(MEASURES, 0))
    for row in count_rows(database, months, ()):
        result[row.month][row.measure] = row.count
    return result


@pytest.fixture
def make_dashboard(qtbot: QtBot, register: Database) -> Callable[..., DashboardWidget]:
    def make(**kwargs: Any) -> DashboardWidget:
        widget = DashboardWidget(register, today=AS_OF, **kwargs)
        qtbot.addWidget(widget)
        widget.resize(1280, 800)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return make


@pytest.fixture
def dashboard(qtbot: QtBot, make_dashboard: Callable[..., DashboardWidget]) -> DashboardWidget:
    widget = make_dashboard()
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.reload()
    return widget


def reload(qtbot: QtBot, widget: DashboardWidget) -> None:
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.reload()


def test_default_range_is_the_last_twelve_complete_months(dashboard: DashboardWidget) -> None:
    assert dashboard.from_combo.currentData() == FIRST
    assert dashboard.to_combo.currentData() == LAST
    assert dashboard.from_combo.currentText() == "Juni 2025"
    assert dashboard.data is not None and list(dashboard.data.request.months) == MONTHS


def test_key_figures_are_the_service_counts(dashboard: DashboardWidget, register: Database) -> None:
    counted = totals(register, [LAST, shift_month(LAST, -1), shift_month(LAST, -12)])
    assert "Mai 2026" in dashboard.figures_heading.text()
    for measure in ("active", "new", "renewed", "rejected"):
        card = dashboard.cards[measure]
        now = counted[LAST][measure]
        month_change = now - counted["2026-04"][measure]
        year_change = now - counted["2025-05"][measure]
        assert card.figure is not None
        assert (card.figure.value, card.figure.change_to_previous_month) == (now, month_change)
        assert card.figure.change_to_previous_year == year_change
        expected = (
            f"{format_count(now)} ({format_change(month_change)} zum Vormonat, "
            f"{format_change(year_change)} zum Vorjahresmonat)"
        )
        assert card.text() == expected
        assert card.value_label.text() == format_count(now)
        assert card.title_label.text() == MEASURE_TITLES[measure]
        assert card.accessibleDescription() == expected
    assert counted[LAST]["active"] > 100  # the demo register is not empty


def test_numbers_read_the_german_way() -> None:
    assert format_count(4045) == "4.045"
    assert format_count(1234567) == "1.234.567"
    assert format_change(23) == "+23"
    assert format_change(-120) == "\u2212120"
    assert format_change(0) == "±0"
    assert re.fullmatch(r"\d{1,3}(\.\d{3})* \(", "4.045 (")


def test_charts_show_the_series_of_count_rows(
    dashboard: DashboardWidget, register: Database
) -> None:
    counted = totals(register, MONTHS)
    assert dashboard.line_chart.values() == [counted[m]["active"] for m in MONTHS]
    assert dashboard.line_chart.labels()[0] == "Jun 2025"
    assert dashboard.line_chart.labels()[-1] == "Mai 2026"

    by_stadtteil = {
        row.keys[0]: row.count
        for row in count_rows(register, [LAST], ["stadtteil"])
        if row.measure == "active"
    }
    stadtteil = get_dimension("stadtteil")
    assert dashboard.bar_chart.labels() == [stadtteil.label(v) for v in stadtteil.values]
    assert dashboard.bar_chart.values() == [by_stadtteil.get(v, 0) for v in stadtteil.values]
    assert sum(dashboard.bar_chart.values()) == counted[LAST]["active"]

    for chart in (dashboard.line_chart, dashboard.bar_chart):
        assert colour_share(chart, DATA_COLOUR) > 0.002, "the data is painted"
        assert distinct_colours(chart) > 5
        description = chart.accessibleDescription()
        for text in chart.item_texts():
            assert text in description  # a screen reader hears every figure
    first = dashboard.line_chart.item_texts()[0]
    assert first == f"Juni 2025: {format_count(counted[FIRST]['active'])} aktive Pässe"


def test_chart_tooltips_and_keyboard(qtbot: QtBot, dashboard: DashboardWidget) -> None:
    chart = dashboard.bar_chart
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    assert chart.current == 0
    qtbot.keyClick(chart, Qt.Key.Key_End)
    assert chart.current == len(chart.values()) - 1
    middle = chart.item_rects()[5].center()
    assert chart.item_at(middle) == 5
    assert chart.item_texts()[5].startswith("06 Nordweststadt: ")


def table_rows(widget: DashboardWidget) -> list[list[object]]:
    return widget.model.raw_rows()


def test_table_by_one_dimension_lists_every_value_with_totals(
    qtbot: QtBot, dashboard: DashboardWidget, register: Database
) -> None:
    counted: dict[tuple[str, str], int] = {
        (row.keys[0], row.measure): row.count for row in count_rows(register, [LAST], ["age_group"])
    }
    dashboard.set_dimensions("age_group")
    reload(qtbot, dashboard)
    headers = dashboard.model.headers()
    assert headers == ["Altersgruppe", *(MEASURE_TITLES[m] for m in MEASURES)]
    rows = table_rows(dashboard)
    assert [r[0] for r in rows[:-1]] == list(get_dimension("age_group").values)
    for row in rows[:-1]:
        assert row[1:] == [counted.get((str(row[0]), m), 0) for m in MEASURES]
    month_totals = totals(register, [LAST])[LAST]
    assert rows[-1] == ["Insgesamt", *(month_totals[m] for m in MEASURES)]
    assert dashboard.model.is_total_row(len(rows) - 1)
    assert dashboard.model.index(len(rows) - 1, 1).data() == format_count(month_totals["active"])


def test_table_combines_three_dimensions(
    qtbot: QtBot, dashboard: DashboardWidget, register: Database
) -> None:
    keys = ("stadtteil", "age_group", "pass_type")
    dashboard.set_dimensions(*keys)
    reload(qtbot, dashboard)
    counted: dict[tuple[str, ...], dict[str, int]] = defaultdict(dict)
    for row in count_rows(register, [LAST], keys):
        counted[row.keys][row.measure] = row.count
    rows = table_rows(dashboard)
    labels = [get_dimension(k).labels for k in keys]
    shown = {tuple(rows[i][:3]): rows[i][3:] for i in range(len(rows) - 1)}
    expected = {
        tuple(lab[k] for lab, k in zip(labels, combo, strict=True)): [
            measures.get(m, 0) for m in MEASURES
        ]
        for combo, measures in counted.items()
    }
    assert shown == expected
    assert rows[-1][:3] == ["Insgesamt", "", ""]
    assert rows[-1][3:] == [totals(register, [LAST])[LAST][m] for m in MEASURES]


def test_table_month_can_be_chosen(
    qtbot: QtBot, dashboard: DashboardWidget, register: Database
) -> None:
    dashboard.table_month_combo.setCurrentIndex(0)
    assert dashboard.table_month_combo.currentText() == "Juni 2025"
    assert table_rows(dashboard)[-1][1:] == [totals(register, [FIRST])[FIRST][m] for m in MEASURES]


def test_range_end_before_start_is_explained(qtbot: QtBot, dashboard: DashboardWidget) -> None:
    before = dashboard.data
    dashboard.set_range("2026-03", "2026-01")
    dashboard.reload()
    assert dashboard.range_message.isVisible()
    assert "endet vor seinem Beginn" in dashboard.range_message.text()
    assert dashboard.data is before and not dashboard.is_busy


def test_a_dimension_chosen_twice_is_explained(qtbot: QtBot, dashboard: DashboardWidget) -> None:
    dashboard.set_dimensions("stadtteil", "stadtteil")
    dashboard.reload()
    assert dashboard.range_message.text() == "Bitte jedes Merkmal nur einmal wählen."


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM for German Excel
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))


def test_csv_export_writes_what_is_shown(
    qtbot: QtBot, make_dashboard: Callable[..., DashboardWidget], tmp_path: Path
) -> None:
    asked: list[tuple[str, str]] = []

    def provider(kind: str, suggested: str) -> Path:
        asked.append((kind, suggested))
        return tmp_path / "auswertung"

    dashboard = make_dashboard(path_provider=provider)
    dashboard.set_dimensions("stadtteil", "age_group")
    reload(qtbot, dashboard)
    with qtbot.waitSignal(dashboard.exported, timeout=10000) as written:
        qtbot.mouseClick(dashboard.csv_button, Qt.MouseButton.LeftButton)
    assert asked == [("csv", f"kpass-statistik-{FIRST}-bis-{LAST}-dienstgebrauch.csv")]
    path = Path(written.args[0])
    assert path == tmp_path / "auswertung.csv"
    assert "Gespeichert" in dashboard.export_message.text()
    rows = read_csv(path)
    assert {r["Monat"] for r in rows} == set(MONTHS)  # every month of the range
    assert {r["Hinweis"] for r in rows} == {OFFICIAL_USE_ONLY}
    assert set(rows[0]) >= {"Stadtteil", "Altersgruppe"}
    overview = {r["Monat"]: r for r in rows if r["Stadtteil"] == "Insgesamt" == r["Altersgruppe"]}
    assert [int(overview[m][MEASURE_TITLES["active"]]) for m in MONTHS] == (
        dashboard.line_chart.values()
    )
    shown = {(str(r[0]), str(r[1])): r[2:] for r in table_rows(dashboard)[:-1]}
    for row in rows:
        if row["Monat"] == LAST and (row["Stadtteil"], row["Altersgruppe"]) in shown:
            counts = [int(row[MEASURE_TITLES[m]]) for m in MEASURES]
            assert counts == shown[(row["Stadtteil"], row["Altersgruppe"])]
    assert [int(overview[LAST][MEASURE_TITLES[m]]) for m in MEASURES] == table_rows(dashboard)[-1][
        2:
    ]


def test_excel_export_overview_equals_the_dashboard(
    qtbot: QtBot, dashboard: DashboardWidget, tmp_path: Path
) -> None:
    with qtbot.waitSignal(dashboard.exported, timeout=10000):
        assert dashboard.export("xlsx", tmp_path / "statistik.xlsx")
    book = openpyxl.load_workbook(tmp_path / "statistik.xlsx")
    assert "Stadtteil" in book.sheetnames and "Hinweise" in book.sheetnames
    overview = book["Übersicht"]
    header_row = next(
        i for i, row in enumerate(overview.iter_rows(values_only=True), 1) if row[0] == "Monat"
    )
    header = [c.value for c in overview[header_row]]
    by_month = {
        row[0]: dict(zip(header, row, strict=False))
        for row in overview.iter_rows(min_row=header_row + 1, values_only=True)
        if row[0] in MONTHS
    }
    assert list(by_month) == MONTHS
    assert [by_month[m][MEASURE_TITLES["active"]] for m in MONTHS] == (
        dashboard.line_chart.values()
    )
    for measure, card in dashboard.cards.items():
        assert card.figure is not None
        assert by_month[LAST][MEASURE_TITLES[measure]] == card.figure.value
    sheet_text = " ".join(str(c) for row in overview.iter_rows(values_only=True) for c in row if c)
    assert OFFICIAL_USE_ONLY in sheet_text


def test_three_dimensions_are_not_exported_and_say_why(
    qtbot: QtBot, make_dashboard: Callable[..., DashboardWidget], tmp_path: Path
) -> None:
    asked: list[str] = []
    out = tmp_path / "exporte"
    out.mkdir()
    dashboard = make_dashboard(path_provider=lambda kind, name: asked.append(kind) or out / name)
    dashboard.set_dimensions("stadtteil", "age_group", "household_type")
    reload(qtbot, dashboard)
    for button in (dashboard.csv_button, dashboard.xlsx_button):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert dashboard.export_message.isVisible()
        assert "höchstens zwei Merkmale" in dashboard.export_message.text()
    assert asked == [] and list(out.iterdir()) == []
    assert not dashboard.is_busy


def test_a_cancelled_file_dialog_writes_nothing(
    qtbot: QtBot, make_dashboard: Callable[..., DashboardWidget], tmp_path: Path
) -> None:
    dashboard = make_dashboard(path_provider=lambda kind, name: None)
    reload(qtbot, dashboard)
    assert dashboard.export("csv") is False
    assert list(tmp_path.glob("*.csv")) == []


def test_loading_runs_off_the_gui_thread_and_can_be_cancelled(
    qtbot: QtBot, make_dashboard: Callable[..., DashboardWidget], monkeypatch: pytest.MonkeyPatch
) -> None:
    import kpass.ui.dashboard.dashboard_data as dashboard_data

    threads: list[threading.Thread] = []
    release = threading.Event()
    real = dashboard_data.count_rows

    def slow_count_rows(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(dashboard_data, "count_rows", slow_count_rows)
    dashboard = make_dashboard()
    dashboard.reload()
    qtbot.waitUntil(lambda: bool(threads), timeout=5000)
    assert threads[0] is not threading.main_thread()
    assert dashboard.busy.isVisible() and dashboard.is_busy
    started = time.monotonic()
    qtbot.wait(50)  # the event loop runs while the query waits
    assert time.monotonic() - started < 5
    qtbot.mouseClick(dashboard.busy.cancel_button, Qt.MouseButton.LeftButton)
    assert not dashboard.busy.isVisible() and not dashboard.is_busy
    release.set()
    assert dashboard.wait()
    assert dashboard.data is None  # the cancelled result is dropped

    with qtbot.waitSignal(dashboard.loaded, timeout=10000):
        dashboard.reload()
    assert dashboard.data is not None


def test_every_control_has_an_accessible_name_and_tab_reaches_them(
    dashboard: DashboardWidget,
) -> None:
    assert focusable_without_name(dashboard) == []
    controls = [
        dashboard.from_combo,
        dashboard.to_combo,
        dashboard.refresh_button,
        dashboard.line_chart,
        *dashboard.dimension_combos,
        dashboard.table_month_combo,
        dashboard.table,
        dashboard.csv_button,
        dashboard.xlsx_button,
        dashboard.bar_chart,
    ]
    # Tab visits them top to bottom, left column first (the cancel button is hidden now).
    visited = tab_through(dashboard.from_combo, len(controls))
    assert visited == controls


def test_settings_keep_the_chosen_dimensions(
    qtbot: QtBot, dashboard: DashboardWidget, make_dashboard: Callable[..., DashboardWidget]
) -> None:
    dashboard.set_dimensions("basis", "pass_type")
    dashboard.save_settings()
    other = make_dashboard()
    other.load_settings()
    assert other.selected_dimensions() == ("basis", "pass_type")
    dashboard.translate_ui()  # idempotent; the texts stay German
    assert dashboard.csv_button.text() == "&CSV exportieren"
    assert dashboard.xlsx_button.text() == "&Excel exportieren"
    dashboard.wait()
    other.wait()
