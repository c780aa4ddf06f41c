"""The what-if panel: persons gained and lost by a changed income limit; nothing written."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.reporting import SUPPRESSED_MARK, get_dimension
from kpass.services.admin.status import database_status
from kpass.services.statistics.what_if import policy_impact
from kpass.ui.dashboard import WhatIfPanel
from kpass.vocabulary import format_count
from tests.ui.dashboard.conftest import AS_OF, focusable_without_name, tab_through

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot: QtBot, register: Database) -> WhatIfPanel:
    widget = WhatIfPanel(register, today=AS_OF)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def calculate(qtbot: QtBot, panel: WhatIfPanel, threshold: str) -> None:
    panel.threshold_field.setText(threshold)  # "€" cannot be typed by qtbot.keyClicks
    with qtbot.waitSignal(panel.calculated, timeout=15000):
        qtbot.mouseClick(panel.calculate_button, Qt.MouseButton.LeftButton)


def test_raising_the_limit_gains_persons_and_writes_nothing(
    qtbot: QtBot, panel: WhatIfPanel, register: Database
) -> None:
    before = database_status(register, AS_OF).counts
    assert panel.in_force_label.text() == "Am Stichtag gilt: 1.300,00 €"
    calculate(qtbot, panel, "1.430,00 €")
    report = panel.report
    assert report is not None
    assert sum(report.gained.values()) > 0
    assert sum(report.lost.values()) == 0
    assert database_status(register, AS_OF).counts == before

    service = policy_impact(register, Decimal("1430.00"), AS_OF)
    values = panel.summary_values
    assert values["thresholds"].text() == "1.300,00 € → 1.430,00 €"
    assert values["households"].text() == format_count(service.households)
    assert values["persons"].text() == format_count(service.persons)
    assert values["eligible"].text() == (
        f"{format_count(service.eligible_before)} → {format_count(service.eligible_after)}"
    )
    assert values["gained"].text() == format_count(sum(service.gained.values()))
    assert values["lost"].text() == "0"
    assert "nur für den Dienstgebrauch" in panel.mode_note.text()

    stadtteil = get_dimension("stadtteil")
    rows = panel.model.raw_rows()
    shown = {(str(r[0]), str(r[1])): (r[2], r[3]) for r in rows[:-1]}
    assert shown == {
        (stadtteil.label(s), a): (service.gained[(s, a)], service.lost[(s, a)])
        for s, a in set(service.gained) | set(service.lost)
    }
    assert rows[-1] == ["Insgesamt", "", sum(service.gained.values()), 0]
    ages = [str(r[1]) for r in rows[:-1] if r[0] == rows[0][0]]
    order = get_dimension("age_group").values
    assert ages == sorted(ages, key=order.index)  # 6–13 before 18–24, not after 40–59
    assert panel.threshold_field.text() == "1.430,00 €"


def test_secret_view_shows_the_suppressed_report(
    qtbot: QtBot, panel: WhatIfPanel, register: Database
) -> None:
    calculate(qtbot, panel, "1500")
    assert panel.report is not None
    exact_rows = panel.model.raw_rows()
    panel.secret_box.setFocus()
    qtbot.keyClick(panel.secret_box, Qt.Key.Key_Space)
    assert panel.secret_box.isChecked()
    suppressed = panel.report.as_json(exact=False)
    rows = panel.model.raw_rows()
    cells = suppressed["by_stadtteil_and_age_group"]
    assert isinstance(cells, list)
    assert sorted((r[2], r[3]) for r in rows[:-1]) == sorted(
        (c["gained"], c["lost"]) for c in cells
    )
    assert any(SUPPRESSED_MARK in (r[2], r[3]) for r in rows)
    assert "·" in panel.mode_note.text()
    assert panel.summary_values["gained"].text() in (
        SUPPRESSED_MARK,
        format_count(int(str(suppressed["gained"]))) if suppressed["gained"] != "·" else "",
    )
    panel.secret_box.setChecked(False)
    assert panel.model.raw_rows() == exact_rows


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Bitte eine Einkommensgrenze in Euro eingeben"),
        ("-100", "muss größer als 0 € sein"),
        ("0,00", "muss größer als 0 € sein"),
        ("abc", "„abc“ ist kein Eurobetrag"),
        ("1.430,001", "ist kein Eurobetrag"),
    ],
)
def test_bad_limits_get_a_german_message_beside_the_field(
    qtbot: QtBot, panel: WhatIfPanel, text: str, message: str
) -> None:
    panel.threshold_field.setText(text)
    qtbot.mouseClick(panel.calculate_button, Qt.MouseButton.LeftButton)
    assert not panel.is_busy and panel.report is None
    assert panel.threshold_message.isVisible()
    assert message in panel.threshold_message.text()
    assert panel.threshold_field.hasFocus()
    calculate(qtbot, panel, "1.400")
    assert not panel.threshold_message.isVisible()


def test_keyboard_only(qtbot: QtBot, panel: WhatIfPanel) -> None:
    panel.threshold_field.setFocus()
    qtbot.keyClicks(panel.threshold_field, "1450,50")
    with qtbot.waitSignal(panel.calculated, timeout=15000):
        qtbot.keyClick(panel.threshold_field, Qt.Key.Key_Return)
    assert panel.report is not None
    assert panel.report.threshold_after == Decimal("1450.50")


def test_a_day_without_rules_is_explained(qtbot: QtBot, panel: WhatIfPanel) -> None:
    panel.date_field.setDate(QDate(1990, 1, 1))
    assert panel.in_force_label.text() == "Am Stichtag gilt kein Regelwerk."
    panel.threshold_field.setText("1.430,00 €")
    panel.calculate()
    qtbot.waitUntil(lambda: panel.date_message.isVisible(), timeout=10000)
    assert "gilt kein Regelwerk" in panel.date_message.text()
    assert panel.report is None


def test_every_control_has_an_accessible_name(panel: WhatIfPanel) -> None:
    assert focusable_without_name(panel) == []
    assert panel.threshold_label.buddy() is panel.threshold_field
    assert panel.date_label.buddy() is panel.date_field
    order = [
        panel.threshold_field,
        panel.date_field,
        panel.calculate_button,
        panel.secret_box,
        panel.table,
    ]
    assert tab_through(panel.threshold_field, len(order)) == order


def test_the_secret_view_does_not_give_a_hidden_total_away(
    qtbot: QtBot, panel: WhatIfPanel, register: Database
) -> None:
    """Eligible after − before = gained − lost: with a hidden total of 1 to 4 gained, the
    exact number of eligible persons after the change would tell it; it is hidden too."""
    few = next((limit for limit in range(1301, 1500, 3)
                if 1 <= sum(policy_impact(register, Decimal(limit), AS_OF).gained.values())
                <= 4), None)
    assert few is not None, "the demo register has no limit with 1 to 4 persons gained"
    calculate(qtbot, panel, str(few))
    panel.secret_box.setChecked(True)
    assert panel.summary_values["gained"].text() == SUPPRESSED_MARK
    assert panel.summary_values["eligible"].text().endswith(f"→ {SUPPRESSED_MARK}")
    panel.secret_box.setChecked(False)
    report = panel.report
    assert report is not None
    assert panel.summary_values["eligible"].text() == (
        f"{format_count(report.eligible_before)} → {format_count(report.eligible_after)}")
