"""The counter, keyboard only: search, new household, persons and incomes, live decision,
decide, issue, print — and what a failed save must not leave behind."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.services.search.persons import search_persons
from kpass.ui.main_window import MainWindow
from tests.register_builder import add_household
from tests.ui.keyboard import focused, press, tab, type_text

pytestmark = pytest.mark.gui
TODAY = date.today()


@pytest.fixture
def window(qtbot: QtBot, database: Database) -> MainWindow:
    add_household(database, [("Müller", "Anna-Lena", date(1980, 3, 12), "applicant")])
    win = MainWindow(database)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def start_new(window: MainWindow) -> None:
    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.household_page
    assert focused() is window.household_page.address.street


def enter_address(stadtteil: str = "Südst") -> None:
    type_text("Kaiserstraße")
    tab()
    type_text("12")
    tab()
    type_text("76133")
    tab(2)  # the municipality is Karlsruhe already
    type_text(stadtteil)


def enter_person(family: str, given: str, birth: str, role_key: str | None = None) -> None:
    type_text(family)
    tab()
    type_text(given)
    tab()
    type_text(birth)
    if role_key is not None:
        tab()
        type_text(role_key)
    press(Qt.Key.Key_Return)


def persons_named(database: Database, text: str) -> int:
    return len(search_persons(database, text, limit=50).hits)


def test_counter_path_by_keyboard(
    qtbot: QtBot, window: MainWindow, database: Database, tmp_path: Path
) -> None:
    page = window.household_page
    # the applicant is not registered yet
    type_text("özdemir")
    press(Qt.Key.Key_Return)
    assert "Keine Person" in window.result_info.text()

    start_new(window)
    enter_address()
    tab()  # to the persons table
    tab()  # to the family name of a new person
    assert focused() is page.members.family
    enter_person("Özdemir", "Ayşe", "01.02.1985")
    assert focused() is page.members.family  # ready for the next person
    enter_person("Özdemir", "Can", "15.06.2015", role_key="K")
    assert [m.role for m in page.editor.draft.members] == ["applicant", "child"]
    assert page.members.table.rowCount() == 2
    age = TODAY.year - 2015 - ((TODAY.month, TODAY.day) < (6, 15))
    assert page.members.table.item(1, 2).text() == f"15.06.2015 ({age} Jahre)"

    # the live decision: without income, both are eligible by the income test
    assert page.panel.summary.text() == "Alle 2 Personen sind berechtigt."
    assert "Nettoäquivalenzeinkommen 0,00 €" in page.panel.sentence.text()

    # an income: wages 2.900,00 € → 2.900 ÷ 1,3 = 2.230,77 € above the limit (as the
    # caseworker types, before the income is even added)
    page.incomes.person.setFocus()
    assert page.incomes.person.currentText() == "Ayşe Özdemir"
    tab()  # kind: wages is first
    tab()
    assert focused() is page.incomes.amount
    type_text("2.900,00")
    qtbot.waitUntil(lambda: "nicht berechtigt" in page.panel.table.item(0, 1).text())
    assert page.panel.summary.text() == "Niemand im Haushalt ist berechtigt."
    sentence = page.panel.sentence.text()
    assert "Haushaltsnettoeinkommen 2.900,00 € ÷ Summe der Gewichte 1,3" in sentence
    assert "= Nettoäquivalenzeinkommen 2.230,77 €" in sentence
    assert "über der Grenze von 1.300,00 €" in sentence
    # corrected before adding: 1.500,00 € → 1.153,85 € below the limit
    page.incomes.amount.selectAll()
    type_text("1.500,00")
    press(Qt.Key.Key_Return)
    assert len(page.editor.draft.incomes) == 1
    assert page.incomes.table.item(0, 2).text() == "1.500,00 €"
    assert page.panel.summary.text() == "Alle 2 Personen sind berechtigt."
    assert "146,15 € unter der Grenze" in page.panel.sentence.text()
    assert page.panel.table.item(0, 2).text() == (
        "Karlsruher Pass – Einkommen unter der Einkommensgrenze")
    assert page.panel.table.item(1, 2).text().startswith("Karlsruher Kinderpass – ")

    # nothing is stored yet
    assert persons_named(database, "özdemir") == 0
    page.proofs["personalausweis"].setChecked(True)

    # decide (saves the household first), issue
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert persons_named(database, "özdemir") == 2
    assert "(gespeichert)" in page.panel.heading.text()
    assert focused() is page.panel.issue_button
    press(Qt.Key.Key_Space)
    assert "Ausgestellt" in page.panel.message.text()
    assert page.panel.passes.count() == 2
    assert page.history.passes.rowCount() == 2
    assert page.history.decisions.topLevelItemCount() == 1
    application = page.history.decisions.topLevelItem(0)
    lines = [application.child(i).text(0) for i in range(application.childCount())]
    assert any(line.startswith("Nachweise:") and "Personalausweis" in line for line in lines)

    assert focused() is page.panel.card_button
    press(Qt.Key.Key_Space)
    assert page.preview_windows, page.panel.message.text()
    pdf = page.preview_windows[-1].pdf
    assert pdf.exists() and pdf.stat().st_size > 1000
    assert pdf.read_bytes().startswith(b"%PDF")
    # The printed card's QR code is genuine and valid today.
    import subprocess

    from kpass.services.admin.signing_keys import public_keys
    from kpass.signing import verify_payload

    subprocess.run(["pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "card")], check=True)
    [png] = sorted(tmp_path.glob("card*.png"))
    payload = subprocess.run(["zbarimg", "--nodbus", "-q", "--raw", str(png)], check=True,
                             capture_output=True, text=True).stdout.strip()
    assert verify_payload(payload, public_keys(database), date.today()).status.accept
    # The application form to sign, with the data-protection notice.
    assert page.panel.form_button.isEnabled()
    form = page.print_application_form()
    assert form is not None
    text = subprocess.run(["pdftotext", str(form.pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "Datenschutzhinweis" in text and "Özdemir" in text

    # Esc: back to the search, where the new household is found
    for dialog in page.preview_windows:
        dialog.close()
    window.activateWindow()
    page.panel.card_button.setFocus()
    press(Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.search_page
    assert focused() is window.search_field


def test_enter_opens_household_and_esc_goes_back(qtbot: QtBot, window: MainWindow) -> None:
    type_text("mueller anna")
    press(Qt.Key.Key_Return)
    assert focused() is window.results
    press(Qt.Key.Key_Return)
    page = window.household_page
    assert window.stack.currentWidget() is page
    assert "Anna-Lena Müller" in page.title.text()
    assert page.address.stadtteil.code() == "01"
    press(Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.search_page


def test_validation_is_shown_at_the_field(qtbot: QtBot, window: MainWindow,
                                          database: Database) -> None:
    page = window.household_page
    start_new(window)
    enter_address()
    page.members.family.setFocus()
    enter_person("Neu", "Nina", "31.02.1990")  # no such day
    label = page.members.errors.label_for("birth_date")
    assert label is not None and label.isVisible()
    assert "TT.MM.JJJJ" in label.text()
    assert focused() is page.members.birth
    page.members.birth.clear()
    type_text("01.01.2090")  # in the future: the service's check
    press(Qt.Key.Key_Return)
    assert "Geburtsdatum liegt in der Zukunft" in label.text()
    assert focused() is page.members.birth
    page.members.birth.clear()
    type_text("01.01.1990")
    press(Qt.Key.Key_Return)
    assert not label.isVisible()
    assert len(page.editor.draft.members) == 1

    # an amount that is none
    page.incomes.amount.setFocus()
    type_text("zwölf")
    press(Qt.Key.Key_Return)
    amount_label = page.incomes.errors.label_for("amount")
    assert amount_label is not None and "Eurobetrag" in amount_label.text()


def test_failed_save_leaves_nothing(qtbot: QtBot, window: MainWindow, database: Database) -> None:
    page = window.household_page
    start_new(window)
    enter_address(stadtteil="Atlantis")  # no Stadtteil of Karlsruhe
    page.members.family.setFocus()
    enter_person("Halbgespeichert", "Hanna", "01.01.1970")
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    label = page.address.errors.label_for("stadtteil_code")
    assert label is not None and label.isVisible()
    assert "Stadtteil" in label.text() and "Atlantis" in label.text()
    assert focused() in (page.address.stadtteil, page.address.stadtteil.lineEdit())
    assert persons_named(database, "halbgespeichert") == 0
    assert page.editor.draft.is_new
    # the live decision says what is wrong with the input, not "nicht berechtigt"
    summary = page.panel.summary.text()
    assert summary.startswith("Noch nicht entscheidbar") and "Atlantis" in summary
    assert page.panel.table.rowCount() == 0

    # a child as applicant while an adult lives there: refused by create_household
    page.address.stadtteil.setEditText("Südstadt")
    page.members.family.setFocus()
    enter_person("Halbgespeichert", "Hugo", "01.01.2015")  # a child by default
    page.editor.draft.members[0].role, page.editor.draft.members[1].role = "other", "applicant"
    page.save()
    assert "volljährig" in page.members.error.text()
    assert persons_named(database, "halbgespeichert") == 0


def test_duplicate_warning_opens_the_other_household(qtbot: QtBot, window: MainWindow) -> None:
    page = window.household_page
    start_new(window)
    page.members.family.setFocus()
    type_text("Mueller")
    tab()
    type_text("Anna-Lena")
    tab()
    type_text("12.03.1980")
    qtbot.waitUntil(lambda: page.members.duplicate_box.isVisible(), timeout=3000)
    assert "Anna-Lena Müller, geb. 12.03.1980" in page.members.duplicate_text.text()
    assert "Kaiserstraße 1" in page.members.duplicate_text.text()
    answers: list[str] = []

    def discard(_parent: object) -> str:
        answers.append("asked")
        return "discard"

    from kpass.ui.common import dialogs

    original = dialogs.ask_unsaved
    dialogs.ask_unsaved = discard  # type: ignore[assignment]
    try:
        page.members.duplicate_open.click()
    finally:
        dialogs.ask_unsaved = original
    assert answers == ["asked"]  # the typed person would be lost: asked first
    assert not page.editor.draft.is_new
    assert "Anna-Lena Müller" in page.title.text()


def test_unsaved_changes_are_asked_for(qtbot: QtBot, window: MainWindow,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from kpass.ui.common import dialogs

    page = window.household_page
    start_new(window)
    enter_address()
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda _parent: "cancel")
    press(Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is page  # stayed
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda _parent: "discard")
    press(Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.search_page


def test_photo_is_cropped_to_passport_proportions(qtbot: QtBot, window: MainWindow,
                                                  tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    from kpass.ui.household.photo_crop import crop_to_passport

    image = QImage(1200, 800, QImage.Format.Format_RGB32)
    image.fill(QColor("steelblue"))
    cropped = crop_to_passport(image)
    assert abs(cropped.width() / cropped.height() - 35 / 45) < 0.01
    path = tmp_path / "foto.png"
    assert image.save(str(path))
    type_text("mueller anna")
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Return)
    page = window.household_page
    key = page.members.selected_key()
    assert key is not None
    assert page.import_photo(key, path)
    assert page.members.table.item(0, 5).text() == "ja"
    assert not page.import_photo(key, tmp_path / "fehlt.png")
    assert "kein lesbares Bild" in page.members.error.text()


def test_app_font(window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)


def test_the_street_directory_suggests_the_stadtteil(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    from kpass.resource_files import resource_path
    from kpass.services.search.streets import import_directory

    import_directory(database, resource_path("streets", "strassenverzeichnis-beispiel.csv"))
    start_new(window)
    type_text("Zähringerstraße")
    tab()
    type_text("5")
    tab()  # leaving the number asks the directory
    assert window.household_page.address.stadtteil.code() == "01"


def test_an_address_without_postcode_and_stadtteil_is_not_yet_decidable(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    """Only street and house number typed, a person added: the preview says the address is
    incomplete ("Noch nicht entscheidbar"), never "nicht berechtigt" in red."""
    page = window.household_page
    start_new(window)
    type_text("Kaiserstraße")
    tab()
    type_text("12")
    page.members.family.setFocus()
    enter_person("Ohneort", "Olga", "01.01.1970")
    summary = page.panel.summary.text()
    assert summary.startswith("Noch nicht entscheidbar"), summary
    assert "Stadtteil" in summary and "berechtigt" not in summary
    assert page.panel.table.rowCount() == 0


def test_an_adult_without_any_income_is_pointed_out(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    """Nothing entered for an adult and no benefit notice: the preview counts 0 € and says
    so beside the decision, so that a forgotten income is asked for; an income entered
    (or a notice) takes the line away."""
    page = window.household_page
    start_new(window)
    enter_address()
    page.members.family.setFocus()
    enter_person("Nullmann", "Nora", "01.01.1970")
    hint = page.panel.not_counted
    assert hint.isVisible() and "Kein Einkommen erfasst für Nora Nullmann" in hint.text()
    incomes = page.incomes
    incomes.kind.setCurrentIndex(incomes.kind.findData("wages"))
    incomes.amount.setText("900,00")
    assert incomes.add_income()
    assert "Kein Einkommen erfasst" not in hint.text()
