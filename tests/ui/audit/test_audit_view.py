"""The audit view: events newest first, filtered; "Kette prüfen" tells in German whether
anything was changed; an anchor is noted and later confirmed; only for supervisors."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.services.passes import revoke_pass
from kpass.ui.audit import AuditView
from tests.logins import log_in_admin, log_in_as
from tests.services.audit.trail_helpers import DAY, issue_passes_for, one, raw

pytestmark = pytest.mark.gui


def shown_view(qtbot: QtBot, database: Database) -> AuditView:
    view = AuditView(database)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def column(view: AuditView, index: int) -> list[str]:
    return [view.table.item(row, index).text() for row in range(view.table.rowCount())]


def verified(qtbot: QtBot, view: AuditView) -> str:
    qtbot.mouseClick(view.checks.verify_button, Qt.MouseButton.LeftButton)
    view.checks.jobs.wait(30_000)
    qtbot.waitUntil(lambda: view.checks.verify_button.isEnabled())
    return view.checks.result.toPlainText()


@pytest.fixture
def register(database: Database) -> list[str]:
    numbers = issue_passes_for(database, 3)
    revoke_pass(database, numbers[0], DAY, "Wegzug nach Müllheim")
    return numbers


def test_the_events_are_listed_newest_first(
    qtbot: QtBot, database: Database, register: list[str]
) -> None:
    view = shown_view(qtbot, database)
    headers = [view.table.horizontalHeaderItem(c).text() for c in range(6)]
    assert headers == ["Zeit", "Benutzer", "Aktion", "Bereich", "Nr.", "Einzelheiten"]
    actions = column(view, 2)
    assert actions[0] == "Pass gesperrt" and "Pass ausgestellt" in actions
    assert set(column(view, 1)) <= {"testerin", "system"}  # system: the first admin
    assert "Müllheim" in view.table.item(0, 5).text()
    assert view.count.text() == f"{view.table.rowCount()} Ereignisse"
    # reading the list was recorded as a read, after the events shown
    assert one(database, "SELECT action FROM audit_event ORDER BY seq DESC")[0] == "read_audit"


def test_the_filter_narrows_the_list(
    qtbot: QtBot, database: Database, register: list[str]
) -> None:
    view = shown_view(qtbot, database)
    view.entity.setCurrentIndex(view.entity.findText("Pass"))
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    assert set(column(view, 3)) == {"Pass"} and view.table.rowCount() == 4
    view.text.setText("müllheim")
    qtbot.keyClick(view.text, Qt.Key.Key_Return)
    assert column(view, 2) == ["Pass gesperrt"]
    view.date_from.setText("31.02.2026")
    qtbot.keyClick(view.date_from, Qt.Key.Key_Return)
    assert "TT.MM.JJJJ" in view.message.text()


def test_kette_pruefen_tells_intact_then_changed(
    qtbot: QtBot, database: Database, register: list[str]
) -> None:
    view = shown_view(qtbot, database)
    text = verified(qtbot, view)
    assert text.startswith("Ergebnis: unverändert.") and "3 mit dem Protokoll" in text
    seq = one(database, "SELECT min(seq) FROM audit_event WHERE action = 'decide'")[0]
    raw(database, "UPDATE audit_event SET details = '{\"eligible\": 5}' WHERE seq = :s", s=seq)
    raw(database, "UPDATE pass SET status = 'active', revoked_on = NULL WHERE number = :n",
        n=register[0])
    text = verified(qtbot, view)
    assert text.startswith("Ergebnis: VERÄNDERT")
    assert f"gebrochen bei Ereignis Nr. {seq}" in text
    assert f"Pass {register[0]} weicht vom letzten Stand im Protokoll ab" in text
    view.grab().save("/tmp/audit-view-broken.png")


def test_an_anchor_is_noted_and_confirmed(
    qtbot: QtBot, database: Database, register: list[str]
) -> None:
    view = shown_view(qtbot, database)
    qtbot.mouseClick(view.checks.note_button, Qt.MouseButton.LeftButton)
    noted = view.checks.result.toPlainText()
    link = re.search(r"\b[0-9a-f]{64}\b", noted)
    assert link is not None and "Papierprotokoll" in noted
    issue_passes_for(database, 1)
    view.checks.anchor.setText(link.group(0))
    assert "Anker: bestätigt bei Ereignis Nr." in verified(qtbot, view)
    view.checks.anchor.setText("ef" * 32)
    assert "Anker: nicht in der Kette" in verified(qtbot, view)


def test_caseworkers_see_no_trail(qtbot: QtBot, database: Database) -> None:
    log_in_as(database, "caseworker")
    view = shown_view(qtbot, database)
    assert view.table.rowCount() == 0
    assert not view.checks.isEnabled() and not view.show_button.isEnabled()
    assert "Leitung" in view.message.text()
    log_in_admin(database)


def _plain(text: str) -> str:
    return text.replace("&", "").rstrip(":").strip()


def test_every_control_is_named_with_its_label_and_reached_by_tab(
    qtbot: QtBot, database: Database, register: list[str]
) -> None:
    view = shown_view(qtbot, database)
    for label in view.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None:
            assert _plain(label.text()) in buddy.accessibleName(), label.text()
    for button in (view.show_button, view.more_button, view.checks.verify_button,
                   view.checks.note_button):
        assert _plain(button.text()) in button.accessibleName()
    focusable = [w for w in view.findChildren(QWidget)
                 if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(view)
                 and w.isEnabled() and w.objectName() != "qt_scrollarea_viewport"]
    assert all(w.accessibleName() or w.parentWidget().accessibleName() for w in focusable)
    view.date_from.setFocus()
    reached = set()
    for _ in range(len(focusable) + 3):
        reached.add(view.focusWidget())
        qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Tab)
    for widget in (view.user, view.text, view.table, view.checks.verify_button,
                   view.checks.anchor, view.checks.result):
        assert widget in reached, widget.objectName()


def test_screenshot(qtbot: QtBot, database: Database, register: list[str]) -> None:
    view = shown_view(qtbot, database)
    verified(qtbot, view)
    view.grab().save("/tmp/audit-view.png")


def test_weitere_laden_reads_the_older_events(
    qtbot: QtBot, database: Database, register: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kpass.ui.audit import view as audit_view

    monkeypatch.setattr(audit_view, "PAGE", 5)
    view = shown_view(qtbot, database)
    assert view.table.rowCount() == 5 and view.more_button.isEnabled()
    seqs = [view.table.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(5)]
    qtbot.mouseClick(view.more_button, Qt.MouseButton.LeftButton)
    assert view.table.rowCount() == 10
    assert view.table.item(5, 0).data(Qt.ItemDataRole.UserRole) == seqs[-1] - 1
    while view.more_button.isEnabled():
        qtbot.mouseClick(view.more_button, Qt.MouseButton.LeftButton)
    assert view.table.item(view.table.rowCount() - 1, 0).data(Qt.ItemDataRole.UserRole) == 1


def test_every_action_kpass_records_has_a_german_label() -> None:
    """A supervisor reads "Einkommen berichtigt", not ``correct_income``: every action name
    the services pass to the trail has its label."""
    import re
    from pathlib import Path

    import kpass
    from kpass.services.audit.pass_records import CREATING_ACTIONS
    from kpass.services.bulk_reads import BULK_READ
    from kpass.ui.audit.texts import ACTION_LABELS

    recorded = {BULK_READ, *CREATING_ACTIONS}
    for path in Path(kpass.__file__).parent.joinpath("services").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        recorded |= set(re.findall(r"\.audit\(\s*\"([a-z_]+)\"", source))
        recorded |= set(re.findall(r"\"(extend_pass|issue_pass)\"", source))
    assert len(recorded) > 30
    assert not sorted(recorded - set(ACTION_LABELS))


def test_every_area_kpass_records_has_a_german_label() -> None:
    """The "Bereich" column says "Statistik" or "60plus-Gutscheine", never ``voucher_issue``:
    every entity the services name in the trail (bulk reads included) has its label."""
    import re
    from pathlib import Path

    import kpass
    from kpass.ui.audit.texts import ENTITY_LABELS

    recorded: set[str] = set()
    for path in Path(kpass.__file__).parent.joinpath("services").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        recorded |= set(re.findall(r"\.audit\(\s*\"[a-z_]+\",\s*\"([a-z_]+)\"", source))
        recorded |= set(re.findall(r"record_bulk_read\(\s*[a-z_.]+,\s*\"([a-z_]+)\"", source))
    assert {"pass", "statistics", "voucher_issue"} <= recorded
    assert not sorted(recorded - set(ENTITY_LABELS))
