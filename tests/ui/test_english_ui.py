"""The window speaks English with the English catalog installed and German without one; every
text the screens ask the translator for is in the catalog."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.services.household.validation import PersonInput
from kpass.ui.main_window import MainWindow
from kpass.ui.translation import catalog_file, install_translators, remove_translators

pytestmark = pytest.mark.gui
TODAY = date.today()

# What a person sees first, in both languages (menus, search, the household form, labels
# from other layers, month names, statistics terms).
EXPECTED = {
    "de": {
        "menu": "&Vorgang",
        "new action": "&Neuer Antrag",
        "search label": "&Suche nach Person",
        "search name": "Personensuche",
        "search info": "Bitte Namen, Geburtsdatum, Passnummer oder Straße eingeben.",
        "page title": "Neuer Antrag – neuer Haushalt (noch nicht gespeichert)",
        "tab": "&Haushalt",
        "save": "Haushalt &speichern",
        "persons": "Personen im Haushalt",
        "incomes": "Einkommen (netto)",
        "address": "Anschrift",
        "proof": "Lichtbild",
        "role": "Antragsteller/in",
        "income kind": "Lohn/Gehalt (netto)",
        "dimension": "Stadtteil",
        "month": "Januar",
        "what if": "Was wäre, wenn die Einkommensgrenze anders wäre?",
        "login role": "Verwaltung",
    },
    "en": {
        "menu": "&Tasks",
        "new action": "&New application",
        "search label": "&Search for a person",
        "search name": "Person search",
        "search info": "Please enter a name, date of birth, pass number or street.",
        "page title": "New application – new household (not saved yet)",
        "tab": "&Household",
        "save": "&Save household",
        "persons": "Persons in the household",
        "incomes": "Income (net)",
        "address": "Address",
        "proof": "Photo",
        "role": "Applicant",
        "income kind": "Wages/salary (net)",
        "dimension": "District",
        "month": "January",
        "what if": "What if the income limit were different?",
        "login role": "Administrator",
    },
}


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    installed = install_translators(qapp, request.param)
    yield str(request.param)
    remove_translators(installed)


def seen_texts(window: MainWindow) -> dict[str, str]:
    page = window.household_page
    window.new_application()
    income_kinds = [page.incomes.kind.itemText(i) for i in range(page.incomes.kind.count())]
    roles = [page.members.role.itemText(i) for i in range(page.members.role.count())]
    dashboard = window.dashboard_page
    dimensions = dashboard.dimension_combos[0]
    january = dashboard.from_combo.findData(f"{TODAY.year}-01")
    texts = {
        "menu": window.case_menu.title(),
        "new action": window.new_action.text(),
        "search label": window.search_page.search_label.text(),
        "search name": window.search_field.accessibleName(),
        "search info": window.result_info.text(),
        "page title": page.title.text(),
        "tab": page.tabs.tabText(0),
        "save": page.save_button.text(),
        "persons": page.members.title(),
        "incomes": page.incomes.title(),
        "address": page.address.title(),
        "proof": page.proofs["lichtbild"].text(),
        "role": roles[0],
        "income kind": income_kinds[0],
        "dimension": dimensions.itemText(0),
        "month": dashboard.from_combo.itemText(january).split()[0],
        "what if": window.what_if_page.title.text(),
        "login role": window.user_label.text().rsplit("(", 1)[-1].rstrip(")"),
    }
    return texts


@pytest.mark.parametrize("language", ["de", "en"], indirect=True)
def test_the_window_speaks_the_chosen_language(
    qtbot: QtBot, database: Database, language: str
) -> None:
    window = MainWindow(database, TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert seen_texts(window) == EXPECTED[language]


def test_qt_standard_texts_are_german_in_the_german_app(qapp: QApplication) -> None:
    installed = install_translators(qapp, "de")
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    finally:
        remove_translators(installed)


class RecordingTranslator(QTranslator):
    """The English catalog, noting every text of kpass's own contexts that is asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.missing: set[tuple[str, str]] = set()
        self.asked = 0

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        found = super().translate(context, source, disambiguation, n)
        if not re.match(r"Q[A-Z]", context):  # Qt's own contexts are not ours
            self.asked += 1
            if not found:
                self.missing.add((context, source))
        return found or None


def test_every_text_the_screens_ask_for_is_in_the_catalog(
    qtbot: QtBot, database: Database
) -> None:
    recorder = RecordingTranslator()
    assert recorder.load(str(catalog_file("en")))
    QCoreApplication.installTranslator(recorder)
    try:
        window = MainWindow(database, TODAY)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.search_field.setText("Özdemir")
        window.run_search()
        fill_and_decide(window)
        window.show_renewals()
        window.show_dashboard()
        assert window.dashboard_page.wait()
        window.dashboard_page.set_dimensions("household_type", "basis")
        window.dashboard_page.reload()
        assert window.dashboard_page.wait()
        window.show_what_if()
        window.what_if_page.threshold_field.setText("1.500,00 €")
        window.what_if_page.calculate()
        assert window.what_if_page.wait()
        window.what_if_page.secret_box.setChecked(True)
        QApplication.processEvents()
    finally:
        QCoreApplication.removeTranslator(recorder)
    assert recorder.asked > 300
    missing = sorted(recorder.missing)
    assert not missing, (
        "texts asked for but not in the catalog (mark them with QT_TRANSLATE_NOOP or "
        "translatable_tables, then run scripts/update-translations):\n"
        + "\n".join(f"{context}: {source!r}" for context, source in missing)
    )


def fill_and_decide(window: MainWindow) -> None:
    page = window.household_page
    window.new_application()
    page.address.street.setText("Rheinstraße")
    page.address.number.setText("24")
    page.address.postcode.setText("76185")
    page.address.stadtteil.set_code("11")
    editor = page.editor
    born = TODAY.year
    mother = editor.add_member(PersonInput("Özdemir", "Ayşe", date(born - 38, 2, 1)),
                               "applicant")
    child = editor.add_member(PersonInput("Özdemir", "Elif", date(born - 7, 11, 3),
                                          disability=True), "child")
    first = TODAY.replace(day=1)
    editor.add_income(mother, "minijob", Decimal("520.00"), "month", first)
    editor.add_income(child, "kindergeld", Decimal("255.00"), "month", first)
    page.proofs["personalausweis"].setChecked(True)
    page.decide_today()
    page.issue()
    page.tabs.setCurrentIndex(1)
    page.tabs.setCurrentIndex(0)


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_a_refusal_of_a_service_is_shown_in_english(
    qtbot: QtBot, database: Database, language: str
) -> None:
    # The services explain every refusal in English and German; the English window must not
    # answer a typing error in German.
    window = MainWindow(database, TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.new_application()
    members = window.household_page.members
    members.family.setText("New")
    members.given.setText("Nina")
    members.birth.setText("01.01.2090")
    assert not members.add_member()
    label = members.errors.label_for("birth_date")
    assert label is not None and label.isVisible()
    assert "in the future" in label.text() and "Zukunft" not in label.text()
