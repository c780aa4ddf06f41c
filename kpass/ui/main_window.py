"""The main window: search ↔ household ↔ renewals, driven by the keyboard."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QToolBar, QWidget

from kpass.services import Database
from kpass.services.access import ROLE_LABELS, Permission, can, current_login
from kpass.ui.common.background import stop_background_work
from kpass.ui.common.run_service import run_service
from kpass.ui.register_import.permission import PERMISSION as IMPORT_PERMISSION
from kpass.ui.search.page import PersonSearchPage
from kpass.ui.translation import translatable_tables

if TYPE_CHECKING:
    from kpass.ui.approvals.page import ApprovalsPage
    from kpass.ui.audit.view import AuditView
    from kpass.ui.dashboard.dashboard_widget import DashboardWidget
    from kpass.ui.dashboard.what_if_panel import WhatIfPanel
    from kpass.ui.help.handbook import HandbookWindow
    from kpass.ui.household.page import HouseholdPage
    from kpass.ui.objections.page import ObjectionsPage
    from kpass.ui.printing.day_sheet import DaySheetPrinter
    from kpass.ui.renewals.page import RenewalsPage

translatable_tables("MainWindow", ROLE_LABELS)  # the role shown beside the login's name

Page = TypeVar("Page", bound=QWidget)


class MainWindow(QMainWindow):
    """Ctrl+F search, Ctrl+N new application, Enter opens, Esc goes back.

    Only the search page, in front at the start, is built with the window; every other page
    and the day's card printer are built (and their modules imported) when first asked for
    (``window.household_page`` …), so that the window is there fast. Their shortcuts and
    menu entries exist from the start."""

    person_opened = Signal(int)

    def __init__(self, database: Database, today: date | None = None) -> None:
        super().__init__()
        self.database = database
        self.today = today
        self.setObjectName("mainWindow")
        self.resize(1280, 800)
        self.search_page = PersonSearchPage(database)
        self._household_page: HouseholdPage | None = None
        self._renewals_page: RenewalsPage | None = None
        self._dashboard_page: DashboardWidget | None = None
        self._what_if_page: WhatIfPanel | None = None
        self._audit_page: AuditView | None = None
        self._objections_page: ObjectionsPage | None = None
        self._approvals_page: ApprovalsPage | None = None
        self._day_sheet: DaySheetPrinter | None = None
        self._handbook: HandbookWindow | None = None
        self._dashboard_loaded = False
        self.stack = QStackedWidget()
        self.stack.addWidget(self.search_page)
        self.setCentralWidget(self.stack)
        # the search widgets, as before the pages existed
        self.search_field = self.search_page.search_field
        self.results = self.search_page.results
        self.model = self.search_page.model
        self.result_info = self.search_page.result_info

        self.search_action = QAction(self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.renewals_action = QAction(self)
        self.renewals_action.setShortcut(QKeySequence("Ctrl+R"))
        self.dashboard_action = QAction(self)
        self.dashboard_action.setShortcut(QKeySequence("Ctrl+D"))
        self.what_if_action = QAction(self)
        self.what_if_action.setShortcut(QKeySequence("Ctrl+W"))
        self.audit_action = QAction(self)
        self.audit_action.setShortcut(QKeySequence("Ctrl+L"))
        self.objections_action = QAction(self)
        self.objections_action.setShortcut(QKeySequence("Ctrl+J"))
        self.approvals_action = QAction(self)
        self.approvals_action.setShortcut(QKeySequence("Ctrl+G"))
        self.day_sheet_action = QAction(self)
        self.voucher_list_action = QAction(self)
        self.import_action = QAction(self)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.settings_action = QAction(self)
        self.handbook_action = QAction(self)
        self.handbook_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.handbook_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.about_action = QAction(self)
        for action in (self.search_action, self.new_action, self.renewals_action,
                       self.objections_action, self.approvals_action, self.dashboard_action,
                       self.what_if_action, self.audit_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.case_menu = self.menuBar().addMenu("")
        self.case_menu.addActions([self.search_action, self.new_action, self.renewals_action,
                                   self.objections_action, self.approvals_action])
        self.case_menu.addAction(self.day_sheet_action)
        self.case_menu.addAction(self.import_action)
        self.case_menu.addSeparator()
        self.case_menu.addAction(self.quit_action)
        self.report_menu = self.menuBar().addMenu("")
        self.report_menu.addActions([self.dashboard_action, self.what_if_action,
                                     self.audit_action, self.voucher_list_action])
        self.extras_menu = self.menuBar().addMenu("")
        # one menu for settings and help: the screens leave no second free Alt+letter
        self.extras_menu.addActions([self.handbook_action, self.about_action])
        self.extras_menu.addSeparator()
        self.extras_menu.addAction(self.settings_action)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions([self.search_action, self.new_action, self.renewals_action])
        self.addToolBar(self.toolbar)

        self.search_action.triggered.connect(self.show_search)
        self.new_action.triggered.connect(self.new_application)
        self.renewals_action.triggered.connect(self.show_renewals)
        self.dashboard_action.triggered.connect(self.show_dashboard)
        self.what_if_action.triggered.connect(self.show_what_if)
        self.audit_action.triggered.connect(self.show_audit)
        self.objections_action.triggered.connect(self.show_objections)
        self.approvals_action.triggered.connect(self.show_approvals)
        self.quit_action.triggered.connect(self.close)
        self.day_sheet_action.triggered.connect(lambda: self.day_sheet.ask_and_print())
        self.import_action.triggered.connect(self.show_import)
        self.voucher_list_action.triggered.connect(self.show_voucher_list)
        self.settings_action.triggered.connect(self.show_settings)
        self.handbook_action.triggered.connect(self.show_handbook)
        self.about_action.triggered.connect(self.show_about)
        self.search_page.person_opened.connect(self.person_opened)
        self.search_page.person_opened.connect(self._open_person)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.go_back)

        self.user_label = QLabel()
        self.user_label.setObjectName("loggedInUser")
        self.statusBar().addPermanentWidget(self.user_label)
        self.translate_ui()
        self.load_settings()
        # a permanent label: a passing message must not take away which register this is
        self.database_label = QLabel(self.tr("Datenbank: %1").replace(
            "%1", database.display_url()))
        self.database_label.setObjectName("databaseInUse")
        self.statusBar().insertPermanentWidget(0, self.database_label)
        self.search_field.setFocus()

    # -- the pages, built when first asked for ---------------------------------------------
    def _added(self, page: Page) -> Page:
        self.stack.addWidget(page)
        return page

    @property
    def household_page(self) -> HouseholdPage:
        if self._household_page is None:
            from kpass.ui.household.page import HouseholdPage

            page = self._added(HouseholdPage(self.database, self.today))
            page.open_household.connect(self.open_household)
            page.open_person.connect(self.open_household)
            page.closed.connect(self.show_search)
            page.erased.connect(self.after_erasure)
            self._household_page = page
        return self._household_page

    @property
    def renewals_page(self) -> RenewalsPage:
        if self._renewals_page is None:
            from kpass.ui.renewals.page import RenewalsPage

            page = self._added(RenewalsPage(self.database, self.today))
            page.household_opened.connect(
                lambda household, holder: self.open_household(household, holder))
            self._renewals_page = page
        return self._renewals_page

    @property
    def dashboard_page(self) -> DashboardWidget:
        if self._dashboard_page is None:
            from kpass.ui.dashboard.dashboard_widget import DashboardWidget

            self._dashboard_page = self._added(DashboardWidget(self.database, today=self.today))
        return self._dashboard_page

    @property
    def what_if_page(self) -> WhatIfPanel:
        if self._what_if_page is None:
            from kpass.ui.dashboard.what_if_panel import WhatIfPanel

            self._what_if_page = self._added(WhatIfPanel(self.database, today=self.today))
        return self._what_if_page

    @property
    def audit_page(self) -> AuditView:
        if self._audit_page is None:
            from kpass.ui.audit.view import AuditView

            self._audit_page = self._added(AuditView(self.database))
        return self._audit_page

    @property
    def objections_page(self) -> ObjectionsPage:
        if self._objections_page is None:
            from kpass.ui.objections.page import ObjectionsPage

            page = self._added(ObjectionsPage(self.database, self.today))
            page.household_opened.connect(self.open_household)
            self._objections_page = page
        return self._objections_page

    @property
    def approvals_page(self) -> ApprovalsPage:
        if self._approvals_page is None:
            from kpass.ui.approvals.page import ApprovalsPage

            page = self._added(ApprovalsPage(self.database))
            page.household_opened.connect(self.open_household)
            self._approvals_page = page
        return self._approvals_page

    @property
    def day_sheet(self) -> DaySheetPrinter:
        if self._day_sheet is None:
            from kpass.ui.printing.day_sheet import DaySheetPrinter

            self._day_sheet = DaySheetPrinter(self, self.database, self.today)
        return self._day_sheet

    def show_role(self) -> None:
        """Offer what the login's role may do (the services check again) and say who works."""
        self.dashboard_action.setVisible(can(self.database, Permission.EXACT_STATISTICS))
        self.what_if_action.setVisible(can(self.database, Permission.WHAT_IF))
        self.audit_action.setVisible(can(self.database, Permission.AUDIT))
        self.import_action.setVisible(can(self.database, IMPORT_PERMISSION))
        self.objections_action.setVisible(can(self.database, Permission.READ_REGISTER))
        self.approvals_action.setVisible(can(self.database, Permission.APPROVE))
        self.voucher_list_action.setVisible(can(self.database, Permission.BULK_READ))
        self.report_menu.menuAction().setVisible(
            any(action.isVisible() for action in self.report_menu.actions())
        )
        login = current_login(self.database)
        if login is not None:
            self.user_label.setText(
                self.tr("Angemeldet: %1 (%2)")
                .replace("%1", login.display_name)
                .replace("%2", self.tr(ROLE_LABELS.get(login.role, login.role)))
            )

    def translate_ui(self) -> None:
        # Qt appends the application display name ("kpass"): "Karlsruher Pass — kpass"
        self.setWindowTitle(self.tr("Karlsruher Pass"))
        self.case_menu.setTitle(self.tr("&Vorgang"))
        self.search_action.setText(self.tr("&Suche"))
        self.search_action.setToolTip(self.tr("Person suchen (Strg+F)"))
        self.new_action.setText(self.tr("&Neuer Antrag"))
        self.new_action.setToolTip(self.tr("Neuer Antrag mit neuem Haushalt (Strg+N)"))
        self.renewals_action.setText(self.tr("&Verlängerungen"))
        self.renewals_action.setToolTip(self.tr("Pässe, die diesen und nächsten Monat ablaufen "
                                                "(Strg+R)"))
        self.objections_action.setText(self.tr("Wi&dersprüche"))
        self.objections_action.setToolTip(self.tr("Offene Widersprüche nach Fälligkeit (Strg+J)"))
        self.approvals_action.setText(self.tr("Frei&gaben (Vier-Augen-Prinzip)"))
        self.approvals_action.setToolTip(
            self.tr("Entscheidungen, die auf die Freigabe der Leitung warten (Strg+G)"))
        self.day_sheet_action.setText(self.tr("&Karten des Tages drucken …"))
        self.day_sheet_action.setToolTip(self.tr("Alle Karten eines Tages auf A4-Bögen"))
        self.import_action.setText(self.tr("Bestand &importieren …"))
        self.import_action.setToolTip(self.tr("Eine bisherige Liste (CSV/XLSX) übernehmen"))
        self.quit_action.setText(self.tr("&Beenden"))
        self.report_menu.setTitle(self.tr("Aus&wertung"))
        self.dashboard_action.setText(self.tr("&Übersicht für die Leitung"))
        self.dashboard_action.setToolTip(self.tr("Kennzahlen, Verlauf und Export (Strg+D)"))
        self.what_if_action.setText(self.tr("&Was wäre, wenn …"))
        self.what_if_action.setToolTip(self.tr("Andere Einkommensgrenze durchrechnen (Strg+W)"))
        self.audit_action.setText(self.tr("&Protokoll der Änderungen"))
        self.audit_action.setToolTip(self.tr("Wer hat was wann getan; Kette prüfen (Strg+L)"))
        self.voucher_list_action.setText(self.tr("&Gutscheinliste für die Buchhaltung …"))
        self.voucher_list_action.setToolTip(
            self.tr("Ausgegebene 60plus-Gutscheine eines Monats als CSV oder XLSX"))
        self.extras_menu.setTitle(self.tr("E&xtras"))
        self.settings_action.setText(self.tr("&Einstellungen …"))
        self.settings_action.setToolTip(self.tr("Sprache der Oberfläche"))
        self.handbook_action.setText(self.tr("&Handbuch"))
        self.handbook_action.setToolTip(self.tr("Die Seite des Handbuchs zu dieser Ansicht (F1)"))
        self.about_action.setText(self.tr("Ü&ber kpass …"))
        self.toolbar.setWindowTitle(self.tr("Werkzeugleiste"))
        self.toolbar.setAccessibleName(self.tr("Werkzeugleiste"))
        self.menuBar().setAccessibleName(self.tr("Menüleiste"))
        self.show_role()

    def load_settings(self) -> None:
        geometry = QSettings().value("mainWindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def save_settings(self) -> None:
        QSettings().setValue("mainWindow/geometry", self.saveGeometry())
        # a page never built has nothing of its own to keep
        for page in (self._household_page, self._dashboard_page, self._what_if_page):
            if page is not None:
                page.save_settings()

    # -- the existing search API -----------------------------------------------------------
    def run_search(self) -> None:
        self.search_page.run_search()

    def focus_search(self) -> None:
        self.search_page.focus_search()

    # -- navigation ------------------------------------------------------------------------
    def _leave_household(self) -> bool:
        page = self._household_page
        if page is not None and self.stack.currentWidget() is page:
            return page.may_leave()
        return True

    def show_search(self) -> None:
        if not self._leave_household():
            return
        self.stack.setCurrentWidget(self.search_page)
        self.search_page.focus_search()

    def after_erasure(self, what: str) -> None:
        """The household shown is gone: back to a search that no longer finds it."""
        self.household_page.start_new()  # nothing of the erased household stays on screen
        self.show_search()
        self.search_page.run_search()
        self.statusBar().showMessage(what, 15000)

    def go_back(self) -> None:
        """Esc: from a page back to the search; on the search page to the search field."""
        self.show_search()

    def new_application(self) -> None:
        if not self._leave_household():
            return
        self.stack.setCurrentWidget(self.household_page)
        self.household_page.start_new()

    def show_renewals(self) -> None:
        if not self._leave_household():
            return
        self.stack.setCurrentWidget(self.renewals_page)
        self.renewals_page.refresh()
        self.renewals_page.table.setFocus()

    def show_dashboard(self) -> None:
        if not self._leave_household():
            return
        self.stack.setCurrentWidget(self.dashboard_page)
        if not self._dashboard_loaded:  # the figures are fetched only when first asked for
            self._dashboard_loaded = True
            self.dashboard_page.reload()

    def show_what_if(self) -> None:
        if not self._leave_household():
            return
        self.stack.setCurrentWidget(self.what_if_page)

    def show_audit(self) -> None:
        if not self._leave_household():
            return
        self.stack.setCurrentWidget(self.audit_page)  # showing it reads the newest events
        self.audit_page.date_from.setFocus()

    def show_objections(self) -> None:
        if not self._leave_household():
            return
        self.stack.setCurrentWidget(self.objections_page)
        self.objections_page.refresh()
        self.objections_page.table.setFocus()

    def show_approvals(self) -> None:
        if not self._leave_household():
            return
        self.stack.setCurrentWidget(self.approvals_page)
        self.approvals_page.refresh()
        self.approvals_page.table.setFocus()

    def show_import(self) -> None:
        """The take-over wizard (admins): a modal dialog over the page shown."""
        if not self._leave_household():
            return
        from kpass.ui.register_import.wizard import ImportWizard

        wizard = ImportWizard(self.database, self)
        wizard.imported.connect(lambda _report: self.search_page.run_search())
        wizard.household_opened.connect(self.open_household)
        wizard.exec()
        wizard.deleteLater()

    def show_voucher_list(self) -> None:
        """The accounting department's voucher list of a month: a dialog over the page."""
        from kpass.ui.vouchers.list_dialog import open_voucher_list

        open_voucher_list(self.database, self.today, self)

    def show_settings(self) -> None:
        from kpass.ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(self)
        if dialog.exec():
            self.statusBar().showMessage(dialog.note.text(), 15000)
        dialog.deleteLater()

    def show_handbook(self) -> None:
        """F1: the guide's page for the screen in front, in a window beside this one."""
        from kpass.ui.help.handbook import HandbookWindow, page_for

        if self._handbook is None:
            # a window of its own, not held above this one: side by side with the counter
            self._handbook = HandbookWindow(None)
        screen = self.stack.currentWidget()
        self._handbook.show()  # first: the pictures are fitted to the shown window's width
        self._handbook.show_page(page_for(screen.objectName() if screen else ""))
        self._handbook.raise_()
        self._handbook.activateWindow()

    def show_about(self) -> None:
        from kpass.ui.help.about import AboutDialog

        dialog = AboutDialog(self)
        dialog.exec()
        dialog.deleteLater()

    def _open_person(self, person_id: int) -> None:
        row = self.results.currentIndex().row()
        household = self.search_page.household_of_row(row) if row >= 0 else None
        if household is None or self.model.hit(row).person_id != person_id:
            self.statusBar().showMessage(self.tr("Die Person gehört zu keinem Haushalt."))
            return
        self.open_household(household, person_id)  # the person searched for is selected

    def open_household(self, household_id: int, person_id: int | None = None) -> None:
        if not self._leave_household():
            return
        if not run_service(lambda: self.household_page.open(household_id, person_id),
                           self.statusBar().showMessage):
            return
        self.stack.setCurrentWidget(self.household_page)
        self.household_page.members.table.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leave_household():
            event.ignore()
            return
        self.save_settings()
        # The pages are not closed themselves: stop their work here (the dashboard's query,
        # the reminder letters, the day's sheets, a preview printing), before the database
        # and the widgets it would report to go away.
        self.stop()
        event.accept()

    def stop(self) -> None:
        """Stop the background work of every page and dialog of the window (those built)."""
        if self._day_sheet is not None:
            self._day_sheet.stop()
        if self._handbook is not None:
            self._handbook.close()
        if self._audit_page is not None:
            self._audit_page.checks.stop()
        for page in (self._renewals_page, self._dashboard_page, self._what_if_page):
            if page is not None:
                page.stop()
        stop_background_work(self)  # and what the pages opened (previews printing)
