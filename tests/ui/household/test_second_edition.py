"""The second edition of the rules at the counter: notices "bis auf Weiteres", incomes that are
not counted, the salutation, what the applicant is told about the income limit, and what the
Verlauf says about a pass that changed its type or is revoked from a later day."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from kpass.models import Decision
from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.household.changes import add_notice as save_notice
from kpass.services.household.details import household_details
from kpass.services.household.validation import NoticeInput, PersonInput
from kpass.services.passes.actions import issue_passes, renew_pass
from kpass.services.uow import UnitOfWork
from kpass.ui.household.page import HouseholdPage
from kpass.ui.main_window import MainWindow
from tests.register_builder import add_household, add_income, add_notice, household_of
from tests.ui.keyboard import focused, press, save, tab, type_text

pytestmark = pytest.mark.gui
TODAY = date.today()
FUTURE = date(2030, 1, 1)


@pytest.fixture
def window(qtbot: QtBot, database: Database) -> MainWindow:
    win = MainWindow(database, TODAY)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def new_household(window: MainWindow, applicant: str = "Nora") -> HouseholdPage:
    """Ctrl+N, an address and the applicant (born 1985), not saved yet."""
    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    page = window.household_page
    for field, text in ((page.address.street, "Kaiserstraße"), (page.address.number, "3"),
                        (page.address.postcode, "76133")):
        field.setText(text)
    page.address.stadtteil.set_code("01")
    page.editor.add_member(PersonInput("Neu", applicant, date(1985, 2, 1)), "applicant")
    return page


def open_stored(qtbot: QtBot, window: MainWindow, household: int) -> HouseholdPage:
    window.open_household(household)
    page = window.household_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.members.table)
    return page


def table_rows(table: object) -> list[list[str]]:
    from PySide6.QtWidgets import QTableWidget

    assert isinstance(table, QTableWidget)
    return [[table.item(r, c).text() if table.item(r, c) else "" for c in
             range(table.columnCount())] for r in range(table.rowCount())]


def shot(widget: QWidget, path: str) -> None:
    """A screenshot to look at, once the layouts have settled."""
    QApplication.processEvents()
    widget.grab().save(path)


def tree_texts(item: QTreeWidgetItem) -> list[str]:
    texts = [item.text(0)]
    for index in range(item.childCount()):
        texts += tree_texts(item.child(index))
    return texts


# -- notices "bis auf Weiteres" ---------------------------------------------------------------
def test_an_empty_until_field_means_bis_auf_weiteres(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    page = new_household(window)
    notices = page.notices
    notices.kind.setCurrentIndex(notices.kind.findData("asylblg"))
    assert notices.valid_until.placeholderText() == "leer: bis auf Weiteres"
    notices.valid_until.setFocus()
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(Qt.Key.Key_Delete)
    tab()
    assert focused() is notices.reference
    type_text("AsylbLG 4711")
    press(Qt.Key.Key_Return)  # Enter in the reference adds the notice

    assert notices.errors.messages() == []
    assert table_rows(notices.table) == [[
        "Leistungen nach dem Asylbewerberleistungsgesetz", f"{TODAY.replace(day=1):%d.%m.%Y}",
        "bis auf Weiteres", "AsylbLG 4711", "ganzer Haushalt"]]
    # the preview counts it: the applicant is eligible by the notice
    assert page.panel.table.item(0, 2).text().endswith(
        "Leistungen nach dem Asylbewerberleistungsgesetz")
    shot(notices, "/tmp/kpass-notice-open-ended.png")

    assert page.save_everything()
    household = page.editor.draft.household_id
    assert household is not None
    [stored] = household_details(database, household, TODAY).notices
    assert (stored.kind, stored.valid_until, stored.reference) == ("asylblg", None, "AsylbLG 4711")
    assert table_rows(notices.table)[0][2] == "bis auf Weiteres"  # as loaded from the register


def test_a_notice_ending_before_it_starts_is_refused_at_the_field(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    [person] = add_household(database, [("Lang", "Lena", date(1970, 1, 1), "applicant")])
    page = open_stored(qtbot, window, household_of(database, person))
    notices = page.notices
    version = page.editor.draft.version
    notices.valid_from.setText("01.03.2026")
    notices.valid_until.setText("28.02.2026")
    notices.reference.setText("JC-1")
    assert not notices.add_notice()

    label = notices.errors.label_for("valid_until")
    assert label is not None and label.isVisible()
    assert label.text() == ("Bescheid: Gültig bis (28.02.2026) liegt vor „Gültig ab“ "
                            "(01.03.2026).")
    assert focused() is notices.valid_until
    assert page.editor.draft.notices == [] and page.editor.draft.version == version
    shot(notices, "/tmp/kpass-notice-refused.png")

    # a text that is no date is named as such, not taken as "bis auf Weiteres"
    notices.valid_until.setText("Ende Juni")
    assert not notices.add_notice()
    assert label.text().startswith("Gültig bis: bitte als TT.MM.JJJJ eingeben oder leer lassen")


# -- incomes that are not counted -------------------------------------------------------------
def test_pflegegeld_is_offered_and_shown_as_not_counted(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = new_household(window, "Ilse")
    incomes = page.incomes
    offered = [incomes.kind.itemText(i) for i in range(incomes.kind.count())]
    for label in ("Pflegegeld (Pflegeversicherung)",
                  "Pflegegeld für ein Pflegekind (§ 39 SGB VIII)",
                  "Blindengeld / Landesblindenhilfe"):
        assert label in offered
    assert offered[0] == "Lohn/Gehalt (netto)"  # the counted kinds first
    pflegegeld = incomes.kind.findData("pflegegeld")
    assert "nicht angerechnet" in str(incomes.kind.itemData(pflegegeld,
                                                            Qt.ItemDataRole.ToolTipRole))

    incomes.kind.setCurrentIndex(incomes.kind.findData("pension"))
    incomes.amount.setText("1.000,00")
    assert incomes.add_income()
    incomes.kind.setCurrentIndex(pflegegeld)
    incomes.amount.setText("347")
    incomes.valid_from.setText("01.01.2024")
    assert incomes.add_income()

    assert [row[1:3] for row in table_rows(incomes.table)] == [
        ["Rente/Pension", "1.000,00 €"],
        ["Pflegegeld (Pflegeversicherung) – nicht angerechnet", "347,00 €"],
    ]
    panel = page.panel
    assert panel.not_counted.isVisible()
    assert panel.not_counted.text() == (
        "Nicht angerechnet: Pflegegeld (Pflegeversicherung) 347,00 € monatlich (Ilse Neu)")
    assert panel.sentence.text().startswith("Haushaltsnettoeinkommen 1.000,00 € ÷")
    shot(window, "/tmp/kpass-not-counted.png")
    shot(incomes, "/tmp/kpass-incomes-not-counted.png")

    # the stored decision says the same
    page.decide_today()
    assert panel.heading.text().startswith("Entscheidung Nr.")
    assert panel.not_counted.text().startswith("Nicht angerechnet: Pflegegeld")
    # without such incomes the line goes away
    page.open(page.editor.draft.household_id or 0)
    stored = next(i for i in page.editor.draft.incomes if i.kind == "pflegegeld")
    page.editor.end_income(stored.key, TODAY - timedelta(days=1))
    assert not panel.not_counted.isVisible()


# -- salutation -------------------------------------------------------------------------------
def test_the_salutation_is_chosen_and_corrected(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    page = new_household(window)
    members = page.members
    assert [members.salutation.itemText(i) for i in range(members.salutation.count())] == [
        "—", "Frau", "Herr"]
    assert members.salutation.accessibleName() == "Anrede der neuen Person"
    members.family.setFocus()
    type_text("Neu")
    tab()
    type_text("Nils")
    tab()
    type_text("03.04.1987")
    tab()
    assert focused() is members.role
    type_text("P")  # Partner/in
    tab()
    assert focused() is members.salutation  # after the role, before the marks
    type_text("H")  # the first letter chooses, as in every list
    assert members.salutation_code() == "herr"
    press(Qt.Key.Key_Return)  # Enter adds the person from the list too
    nils = next(m for m in page.editor.draft.members if m.given_names == "Nils")
    assert nils.salutation == "herr"
    assert members.salutation.currentIndex() == 0  # cleared for the next person
    assert page.save_everything()
    household = page.editor.draft.household_id
    assert household is not None

    def stored() -> dict[str, str | None]:
        return {m.given_names: m.salutation
                for m in household_details(database, household, TODAY).members}

    assert stored() == {"Nora": None, "Nils": "herr"}
    # correcting Nora (row 0): Tab skips the role of a stored person
    members.table.setFocus()
    press(Qt.Key.Key_Home)
    press(Qt.Key.Key_F2)
    assert members.salutation.currentIndex() == 0
    assert members.salutation.accessibleName() == "Anrede von Nora Neu"
    tab(3)
    assert focused() is members.salutation
    press(Qt.Key.Key_Down)  # "—" → "Frau"
    assert members.salutation_code() == "frau" and members.pending()
    shot(members, "/tmp/kpass-salutation.png")
    press(Qt.Key.Key_Return)
    assert members.editing is None
    save()
    assert stored() == {"Nora": "frau", "Nils": "herr"}


# -- what the applicant is told ---------------------------------------------------------------
def test_the_panel_tells_the_highest_eligible_income(qtbot: QtBot, window: MainWindow) -> None:
    """The spec's example: 2,820.00 € for weights 2.1 is too much; eligible up to 2,729.98 €
    (not the limit 2,730.00 €)."""
    page = new_household(window, "Ayşe")
    editor, year = page.editor, TODAY.year
    applicant = page.editor.draft.members[0].key
    partner = editor.add_member(PersonInput("Neu", "Murat", date(year - 43, 1, 5)), "partner")
    first = editor.add_member(PersonInput("Neu", "Can", date(year - 12, 1, 5)), "child")
    second = editor.add_member(PersonInput("Neu", "Elif", date(year - 9, 1, 5)), "child")
    month = TODAY.replace(day=1)
    editor.add_income(partner, "wages", Decimal("2310.00"), "month", month)
    editor.add_income(first, "kindergeld", Decimal("255.00"), "month", month)
    editor.add_income(second, "kindergeld", Decimal("255.00"), "month", month)
    assert applicant != partner
    sentence = page.panel.sentence.text()
    assert "Nettoäquivalenzeinkommen 1.342,86 €" in sentence
    assert sentence.endswith("Berechtigt wäre der Haushalt nur bis zu einem "
                             "Haushaltsnettoeinkommen von 2.729,98 €.")
    assert "2.730,00" not in sentence and "Höchstes" not in sentence
    shot(page.panel, "/tmp/kpass-decision-sentence.png")

    editor.end_income(editor.draft.incomes[0].key, TODAY)  # the wages removed
    editor.add_income(partner, "wages", Decimal("2000.00"), "month", month)
    assert page.panel.sentence.text().endswith(
        "Der Haushalt ist berechtigt bis zu einem Haushaltsnettoeinkommen von 2.729,98 €.")


def test_an_old_stored_decision_in_the_verlauf(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    """A decision stored before the second edition has no highest eligible income: the
    Verlauf works it out from the stored figures."""
    year = TODAY.year
    ids = add_household(database, [
        ("Adler", "Ute", date(year - 45, 1, 5), "applicant"),
        ("Adler", "Jan", date(year - 43, 1, 5), "partner"),
        ("Adler", "Kai", date(year - 12, 1, 5), "child"),
        ("Adler", "Mia", date(year - 9, 1, 5), "child"),
    ])
    add_income(database, ids[0], "wages", "2310.00")
    add_income(database, ids[2], "kindergeld", "255.00")
    add_income(database, ids[3], "kindergeld", "255.00")
    household = household_of(database, ids[0])
    application = apply(database, household, TODAY, today=TODAY)
    decided = decide(database, application.application_id)
    with UnitOfWork(database) as uow:
        stored = uow.session.get(Decision, decided.decision_id)
        assert stored is not None
        figures = {k: v for k, v in stored.output["household"].items()
                   if k != "highest_eligible_income"}
        members = [{**m, "reasons": [{"code": "no_rule_set", "text": "Für den 01.01.2019 gibt "
                                      "es keinen Regelsatz."}]} for m in stored.output["members"]]
        stored.output = {**stored.output, "household": figures, "members": members}
        uow.commit()

    page = open_stored(qtbot, window, household)
    page.tabs.setCurrentWidget(page.history)
    top = page.history.decisions.topLevelItem(0)
    assert f"Entscheidung {decided.decision_id}, Regelwerk " in top.text(1)
    assert "Regelsatz" not in top.text(1)
    texts = tree_texts(top)
    assert "Für den 01.01.2019 gibt es kein Regelwerk." in texts
    assert not any("Regelsatz" in text for text in texts)
    income_line = top.child(top.childCount() - 1).text(0)
    assert income_line.startswith("Haushaltsnettoeinkommen 2.820,00 €")
    assert income_line.endswith("bis zu einem Haushaltsnettoeinkommen von 2.729,98 €.")


# -- window title -----------------------------------------------------------------------------
def test_the_window_names_kpass_once(window: MainWindow) -> None:
    # Qt appends the application's display name ("kpass") to the title: "Karlsruher Pass — kpass"
    assert window.windowTitle() == "Karlsruher Pass"
    assert "kpass" not in window.windowTitle()


# -- the Verlauf ------------------------------------------------------------------------------
def test_the_verlauf_names_the_change_of_pass_type(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    mother, child = add_household(database, [
        ("Kaya", "Elif", date(1980, 1, 10), "applicant"),
        ("Kaya", "Can", date(2008, 9, 1), "child"),
    ])
    household = household_of(database, mother)
    add_notice(database, household, "sgb2", date(2025, 1, 1), date(2027, 12, 31))
    application = apply(database, household, date(2025, 9, 10), today=FUTURE)
    issued = issue_passes(database, decide(database, application.application_id).decision_id)
    number = next(i.number for i in issued if i.person_id == child)
    assert number is not None
    renewed = renew_pass(database, number, date(2026, 9, 5), today=FUTURE)

    page = open_stored(qtbot, window, household)
    page.tabs.setCurrentWidget(page.history)
    sentence = ("Passart gewechselt: Karlsruher Kinderpass → Karlsruher Pass, "
                "Passnummer bleibt")
    rows = table_rows(page.history.passes)
    row = next(r for r in rows if r[0] == number)
    assert row[2] == "Karlsruher Pass"
    assert row[6] == f"{sentence} (ab 01.10.2026)"
    assert all(r[6] == "" for r in rows if r[0] != number)
    decisions = page.history.decisions
    newest = next(decisions.topLevelItem(i) for i in range(decisions.topLevelItemCount())
                  if f"Entscheidung {renewed.decision.decision_id}," in
                  decisions.topLevelItem(i).text(1))
    assert f"{sentence} (Pass {number})" in tree_texts(newest)
    oldest = decisions.topLevelItem(decisions.topLevelItemCount() - 1)
    assert not any("Passart" in text for text in tree_texts(oldest))
    shot(window, "/tmp/kpass-verlauf-type-change.png")


def test_a_revocation_from_a_later_day_leaves_the_pass_valid_until_then(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    [person] = add_household(database, [("Brandt", "Greta", date(1948, 4, 2), "applicant")])
    add_income(database, person, "pension", "950.00")
    household = household_of(database, person)
    application = apply(database, household, TODAY, today=TODAY)
    [card] = issue_passes(database, decide(database, application.application_id).decision_id)
    assert card.number is not None
    page = open_stored(qtbot, window, household)
    later = TODAY + timedelta(days=10)

    page.revoke(card.number, later, "Wegzug nach Ettlingen")
    assert page.panel.message.text() == (
        f"Pass {card.number} wird ab {later:%d.%m.%Y} gesperrt; bis dahin bleibt er gültig.")
    state = f"gültig, gesperrt ab {later:%d.%m.%Y}"
    combo = page.panel.passes.itemText(page.panel.passes.findData(card.number))
    assert combo.endswith(f"({state})")
    [row] = table_rows(page.history.passes)
    assert (row[5], row[6]) == ("gültig", f"gesperrt ab {later:%d.%m.%Y}")
    page.tabs.setCurrentWidget(page.history)
    shot(window, "/tmp/kpass-verlauf-revoked-later.png")

    # on the day itself it is revoked
    window.household_page.editor.today = later
    page.refresh_history()
    assert table_rows(page.history.passes)[0][5:] == ["gesperrt", ""]


def test_renewing_a_kinderpass_at_18_says_the_number_stays(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    """Can got his Kinderpass twelve months ago at 17; renewed today at 18 it goes on as a
    Karlsruher Pass under the same number, and the counter is told so."""
    a_year_ago = date(TODAY.year - 1, TODAY.month, 1)
    mother, can = add_household(database, [
        ("Kaya", "Elif", date(1980, 1, 10), "applicant"),
        ("Kaya", "Can", date(TODAY.year - 18, TODAY.month, 1), "child"),
    ], since=date(TODAY.year - 3, 1, 1))
    household = household_of(database, mother)
    version = household_details(database, household, TODAY).version
    save_notice(database, household, version,
                NoticeInput("sgb2", a_year_ago, None, "JC-9"))  # "bis auf Weiteres"
    application = apply(database, household, a_year_ago, today=TODAY)
    issued = issue_passes(database, decide(database, application.application_id).decision_id)
    number = next(i.number for i in issued if i.person_id == can)
    assert number is not None

    page = open_stored(qtbot, window, household)
    page.panel.passes.setCurrentIndex(page.panel.passes.findData(number))
    page.renew()
    message = page.panel.message.text()
    assert message.startswith(f"Pass {number} verlängert bis ")
    assert message.endswith("Passart gewechselt: Karlsruher Kinderpass → Karlsruher Pass, "
                            "Passnummer bleibt.")
    row = next(r for r in table_rows(page.history.passes) if r[0] == number)
    assert row[2] == "Karlsruher Pass" and row[6].startswith("Passart gewechselt")
