"""``kpass screenshots``: the main screens on a demo database, for the README and user guide."""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from kpass.services.household import PersonInput

SIZE = (1280, 800)


def _grab(widget: QWidget, path: Path) -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(3):
        app.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")


def _save(widget: QWidget, path: Path, saved: list[Path]) -> None:
    _grab(widget, path)
    saved.append(path)


def _screens_of_the_day(window: QMainWindow, today: date, out: Path,
                        folder: Path) -> list[Path]:
    """Objections, 60plus vouchers, the take-over wizard (on a new register in ``folder``)
    and the four-eyes queue, each on casework recorded for it (the supervisor logged in;
    ends with her again)."""
    from kpass.devtools.casework_screenshots import (
        approvals_screenshot,
        objections_screenshot,
        voucher_screenshot,
    )
    from kpass.devtools.import_screenshots import import_screenshots
    from kpass.services.admin.demo_users import DEMO_PASSWORD

    saved = [objections_screenshot(window, today, out, _grab),
             voucher_screenshot(window, today, out)]
    saved += import_screenshots(window, folder, today, out, _grab)
    saved.append(approvals_screenshot(window, today, out, _grab, DEMO_PASSWORD))
    return saved


def _help_screens(window: QMainWindow, out: Path, saved: list[Path]) -> None:
    """F1 on the search page (the guide's first application), and "Über kpass"."""
    from kpass.ui.help.about import AboutDialog
    from kpass.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.show_search()
    window.show_handbook()
    guide = window._handbook
    assert guide is not None
    _save(guide, out / "19-handbuch.png", saved)
    guide.close()
    about = AboutDialog(window)
    about.show()
    _save(about, out / "20-ueber-kpass.png", saved)
    about.close()
    about.deleteLater()


def _renewal_and_correction(window: QMainWindow, out: Path, saved: list[Path]) -> None:
    """A household from the renewals queue: which passes to renew (the question), and a
    saved income being corrected with another change not saved yet."""
    from kpass.ui.common import dialogs
    from kpass.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    renewals = window.renewals_page
    row = renewals.first_shown_row()
    if row is None:
        return
    renewals.open_row(row)
    page = window.household_page
    question = dialogs.RenewalDialog(window, page.renewal_choices())
    question.show()
    _save(question, out / "10-verlaengern-auswahl.png", saved)
    question.close()
    incomes = page.incomes
    if incomes.table.rowCount() == 0 or page.editor.draft.is_new:
        return
    present = page.editor.draft.present_members(page.editor.today)
    page.editor.add_income(present[-1].key, "unterhalt", Decimal("180.00"), "month",
                           page.editor.today.replace(day=1))
    incomes.table.selectRow(0)
    incomes.start_correction()
    incomes.amount.setText("1.180,00")
    page.form_scroll.ensureWidgetVisible(incomes)
    _save(window, out / "11-berichtigen.png", saved)
    incomes.cancel_correction()


def take_screenshots(out: Path, households: int = 2000) -> list[Path]:
    """Open a fresh demo database offscreen and save a PNG (1280 × 800) of each screen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kpass.services.access import log_in
    from kpass.services.admin import create_demo_data, open_register, upgrade_register
    from kpass.services.admin.demo_users import DEMO_PASSWORD
    from kpass.ui.app import create_application
    from kpass.ui.common import dialogs
    from kpass.ui.login import LoginDialog
    from kpass.ui.main_window import MainWindow
    from kpass.ui.printing import outbox as print_outbox

    out.mkdir(parents=True, exist_ok=True)
    # the pictures show a demo user, not whoever made them
    user = os.environ.get("KPASS_USER")
    os.environ["KPASS_USER"] = "s.beispiel"
    create_application()
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        # the screens as a new user sees them: neither read nor write the user's settings
        # (splitter positions, window size)
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(Path(tmp) / "settings"))
        print_outbox.set_outbox(Path(tmp) / "ausgabe")
        ask_unsaved = dialogs.ask_unsaved
        dialogs.ask_unsaved = lambda _parent: "discard"  # type: ignore[assignment]
        database = open_register(f"sqlite:///{Path(tmp) / 'demo.sqlite'}", create=True,
                                 require_schema=False)
        upgrade_register(database)
        today = date.today()
        create_demo_data(database, households, 7, today)
        login = LoginDialog(database)
        login.username.setText("l.muster")
        login.show()
        login.password.setFocus()
        _save(login, out / "12-anmelden.png", saved)
        login.close()
        # the supervisor sees every screen a caseworker sees, and the dashboard too
        log_in(database, "l.muster", DEMO_PASSWORD)
        window = MainWindow(database, today)
        # the pictures name the demo file, not the temporary folder it was made in
        # no path of the machine that took the pictures
        window.database_label.setText(
            window.tr("Datenbank: %1").replace("%1", "sqlite:///…/demo.sqlite"))
        window.resize(*SIZE)
        window.show()
        window.activateWindow()

        window.search_field.setText("müller")
        window.run_search()
        window.results.setFocus()
        _save(window, out / "01-suche.png", saved)

        page = window.household_page
        window.new_application()
        editor = page.editor
        address = page.address
        address.street.setText("Rheinstraße")
        address.number.setText("24")
        address.postcode.setText("76185")
        address.stadtteil.set_code("08")  # Mühlburg, as the street directory says
        born = today.year
        mother = editor.add_member(PersonInput("Özdemir", "Ayşe", date(born - 38, 2, 1),
                                               salutation="frau"), "applicant")
        father = editor.add_member(PersonInput("Özdemir", "Murat", date(born - 41, 9, 17),
                                               salutation="herr"), "partner")
        child1 = editor.add_member(PersonInput("Özdemir", "Can", date(born - 12, 6, 15)),
                                   "child")
        child2 = editor.add_member(PersonInput("Özdemir", "Elif", date(born - 7, 11, 3),
                                               disability=True), "child")
        first = today.replace(day=1)
        editor.add_income(father, "wages", Decimal("2310.00"), "month", first)
        editor.add_income(mother, "minijob", Decimal("520.00"), "month", first)
        editor.add_income(child1, "kindergeld", Decimal("255.00"), "month", first)
        editor.add_income(child2, "kindergeld", Decimal("255.00"), "month", first)
        editor.add_income(child2, "pflegegeld", Decimal("347.00"), "month", first)
        for proof in ("personalausweis", "lohnabrechnungen", "mietvertrag", "lichtbild"):
            page.proofs[proof].setChecked(True)
        page.members.family.setFocus()
        _save(window, out / "02-haushalt.png", saved)

        page.decide_today()
        page.issue()
        page.panel.passes.setFocus()
        _save(window, out / "03-entscheidung.png", saved)

        preview = page.print_sheet()
        if preview is not None:
            preview.resize(*SIZE)
            preview.print_button.setFocus()
            _save(preview, out / "04-vorschau.png", saved)
            preview.close()
        letter = page.print_letter()
        if letter is not None:
            letter.close()
        page.panel.say("")  # it names the temporary folder the PDF went to
        page.tabs.setCurrentIndex(1)
        _save(window, out / "08-verlauf.png", saved)
        page.tabs.setCurrentIndex(0)

        window.show_renewals()
        _save(window, out / "05-verlaengerungen.png", saved)
        _renewal_and_correction(window, out, saved)
        from kpass.devtools.dashboard_screenshots import save_dashboard_screenshots

        saved += save_dashboard_screenshots(out, database)
        window.show_audit()
        window.audit_page.checks.verify()
        checks = window.audit_page.checks
        for _ in range(600):  # the check runs in the background: up to a minute
            if checks.verify_button.isEnabled():
                break
            time.sleep(0.1)
            QApplication.processEvents()
        _save(window, out / "13-protokoll.png", saved)
        _help_screens(window, out, saved)
        saved += _screens_of_the_day(window, today, out, Path(tmp))
        window.close()
        database.dispose()
        print_outbox.set_outbox(None)
        dialogs.ask_unsaved = ask_unsaved
    if user is None:
        os.environ.pop("KPASS_USER", None)
    else:
        os.environ["KPASS_USER"] = user
    return saved
