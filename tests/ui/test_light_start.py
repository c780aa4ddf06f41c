"""The app starts with what its first screen needs (issue 17): the letters (ReportLab), the
spreadsheets (openpyxl), the demo data and the other pages load when first used, and every
page is still one action away."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.ui.main_window import MainWindow
from tests.ui.keyboard import press

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parent.parent.parent

#: the libraries a start must not load: printing, spreadsheets, test tools
HEAVY_LIBRARIES = ("reportlab", "openpyxl", "segno", "qrcode", "hypothesis", "pytest")
#: what only a later step needs: the other pages, their dialogs and the services behind them
LATER = (
    "kpass.ui.household", "kpass.ui.renewals", "kpass.ui.dashboard", "kpass.ui.audit",
    "kpass.ui.objections", "kpass.ui.approvals", "kpass.ui.printing", "kpass.ui.vouchers",
    "kpass.ui.register_import.wizard", "kpass.documents", "kpass.services.admin.demo_data",
    "kpass.services.admin.check", "kpass.services.continuity", "kpass.services.privacy",
    "kpass.services.retention", "kpass.services.printing", "kpass.services.register_import",
    "kpass.reporting.export_xlsx",
)

# What the ``kpass`` command does up to a usable window (as bench/window_child.py does):
# parse the command line, open the register, log in, build and show the main window.
START = """
import json, sys
from kpass.cli import build_parser
args = build_parser().parse_args(["--database", sys.argv[1], "gui"])
from kpass.services.access import create_first_admin, log_in
from kpass.services.admin import open_and_upgrade
from kpass.ui.app import create_application
from kpass.ui.main_window import MainWindow
from tests.ui.keyboard import press
app = create_application()
database = open_and_upgrade(args.database)
create_first_admin(database, "erste-verwaltung", "ein-langes-passwort")
log_in(database, "erste-verwaltung", "ein-langes-passwort")
window = MainWindow(database)
window.show()
app.processEvents()
assert window.stack.currentWidget() is window.search_page and window.search_field.hasFocus()
print(json.dumps(sorted(sys.modules)))
"""


def test_the_start_loads_no_printing_spreadsheets_or_other_pages(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path))
    for name in ("KPASS_DATABASE_URL", "KPASS_DATABASE_URL_FILE", "KPASS_USER",
                 "KPASS_PASSWORD", "KPASS_LANGUAGE"):
        env.pop(name, None)
    url = f"sqlite:///{tmp_path / 'register.sqlite'}"
    started = subprocess.run([sys.executable, "-c", START, url], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=300, check=False)
    assert started.returncode == 0, started.stderr[-3000:]
    loaded = json.loads(started.stdout.splitlines()[-1])
    assert "kpass.ui.search.page" in loaded  # it did build the window
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY_LIBRARIES)
    assert heavy == []
    early = sorted(m for m in loaded if m.startswith(LATER))
    assert early == []


def test_only_the_search_page_is_built_with_the_window(
    qtbot: QtBot, database: Database
) -> None:
    window = MainWindow(database)
    qtbot.addWidget(window)
    assert window.stack.count() == 1
    assert window.stack.currentWidget() is window.search_page


def test_every_page_is_built_when_first_asked_for_and_kept(
    qtbot: QtBot, database: Database
) -> None:
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.search_field.hasFocus())
    keys = {  # the shortcut of each page and the page it shows
        Qt.Key.Key_N: lambda: window.household_page,
        Qt.Key.Key_R: lambda: window.renewals_page,
        Qt.Key.Key_J: lambda: window.objections_page,
        Qt.Key.Key_G: lambda: window.approvals_page,
        Qt.Key.Key_D: lambda: window.dashboard_page,
        Qt.Key.Key_W: lambda: window.what_if_page,
        Qt.Key.Key_L: lambda: window.audit_page,
    }
    seen: list[QWidget] = []
    for key, page in keys.items():
        press(key, Qt.KeyboardModifier.ControlModifier)
        shown = window.stack.currentWidget()
        assert shown is page() and shown.isVisible() and shown not in seen
        seen.append(shown)
        press(Qt.Key.Key_Escape)
        assert window.stack.currentWidget() is window.search_page
        assert window.search_field.hasFocus()
    assert window.stack.count() == 1 + len(keys)
    # a page asked for again is the same page, not a second one
    press(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is seen[1] and window.stack.count() == 1 + len(keys)
    window.dashboard_page.wait()
    window.close()  # stops the work of the pages built
