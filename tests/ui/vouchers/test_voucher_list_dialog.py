""""Gutscheinliste für die Buchhaltung …": the month before today's proposed, XLSX or CSV, the
file where the supervisor chose it, a refusal shown in the dialog; keyboard and names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.services.vouchers import hand_out_vouchers
from kpass.ui.vouchers import VoucherListDialog, list_dialog
from tests.logins import log_in_admin, log_in_as
from tests.services.vouchers.conftest import Holder, holder
from tests.ui.keyboard import press
from tests.ui.mnemonics import clashes, window_mnemonics

pytestmark = pytest.mark.gui
TODAY = date(2026, 4, 7)  # the list of March is proposed


@pytest.fixture
def senior(database: Database) -> Holder:
    person = holder(database, "Weiß-Özdemir", "Jürgen", date(1950, 5, 5))
    hand_out_vouchers(database, person.person, on=date(2026, 3, 20))
    log_in_as(database, "supervisor")
    return person


def _dialog(qtbot: QtBot, database: Database, today: date = TODAY) -> VoucherListDialog:
    dialog = VoucherListDialog(database, today)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.month)  # opens on the month
    return dialog


def test_march_as_xlsx_where_the_supervisor_chose(
    qtbot: QtBot, database: Database, senior: Holder, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, database)
    assert dialog.chosen() == (2026, 3, "xlsx")
    assert dialog.month.currentText() == "März"
    asked: list[tuple[Path, str]] = []

    def answer(_parent: QWidget, suggested: Path, kind: str) -> Path:
        asked.append((suggested, kind))
        return tmp_path / suggested.name

    monkeypatch.setattr(list_dialog, "ask_list_path", answer)
    dialog.save_button.setFocus()
    press(Qt.Key.Key_Space)
    assert [(p.name, k) for p, k in asked] == [("60plus-gutscheine-2026-03.xlsx", "xlsx")]
    written = tmp_path / "60plus-gutscheine-2026-03.xlsx"
    assert dialog.written == written
    sheet = load_workbook(written).active
    assert [c.value for c in sheet[4]][1:] == [senior.number, "Weiß-Özdemir, Jürgen", 120]
    assert dialog.message.kind == "success" and "März 2026" in dialog.message.text()
    assert str(written) in dialog.message.text()


def test_csv_and_another_month(
    qtbot: QtBot, database: Database, senior: Holder, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, database)
    dialog.csv.setChecked(True)
    dialog.month.setCurrentIndex(1)  # Februar: nobody yet
    monkeypatch.setattr(list_dialog, "ask_list_path",
                        lambda _parent, suggested, _kind: tmp_path / suggested.name)
    assert dialog.ask_and_save()
    data = (tmp_path / "60plus-gutscheine-2026-02.csv").read_bytes()
    assert data == "Ausgabetag;Passnummer;Name;Betrag (EUR)\r\n".encode("utf-8-sig")


def test_cancelled_nothing_is_written(
    qtbot: QtBot, database: Database, senior: Holder, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, database)
    monkeypatch.setattr(list_dialog, "ask_list_path", lambda *_args: None)
    assert not dialog.ask_and_save()
    assert dialog.written is None and not dialog.message.isVisible()


def test_a_caseworker_is_refused_in_the_dialog(
    qtbot: QtBot, database: Database, senior: Holder, tmp_path: Path
) -> None:
    log_in_admin(database)
    log_in_as(database, "caseworker")
    dialog = _dialog(qtbot, database)
    assert not dialog.save_to(tmp_path / "liste.xlsx")
    assert dialog.message.kind == "error" and not (tmp_path / "liste.xlsx").exists()


def test_keys_names_and_the_month_before_january(qtbot: QtBot, database: Database) -> None:
    dialog = _dialog(qtbot, database, date(2027, 1, 15))
    assert dialog.chosen()[:2] == (2026, 12)
    found = window_mnemonics(dialog)
    assert not clashes(found)
    assert {m.key for m in found} >= {"Alt+M", "Alt+J", "Alt+X", "Alt+C", "Alt+S", "Alt+I"}
    for control in (dialog.month, dialog.year, dialog.xlsx, dialog.csv, dialog.save_button,
                    dialog.close_button):
        assert control.accessibleName()
    for button in (dialog.xlsx, dialog.csv, dialog.save_button, dialog.close_button):
        assert button.text().replace("&", "").startswith(button.accessibleName()[:6])
    order = [QApplication.focusWidget()]
    for _ in range(4):
        press(Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order[:3] == [dialog.month, dialog.year, dialog.xlsx]
    assert dialog.save_button in order
