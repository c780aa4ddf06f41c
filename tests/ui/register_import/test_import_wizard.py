"""The takeover wizard driven like a person at the administrator's desk, on SQLite and
PostgreSQL: the shipped sample file and mapping, what each page shows, what lands in the
register, cancelling, a broken file, a mapping that lacks a required field."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kpass.models import Household, Pass, Person
from kpass.models.engine import Database
from kpass.resource_files import resource_path
from kpass.services.access import can
from kpass.services.register_import import FIELDS, IMPORTED, ImportReport, load_mapping
from kpass.services.search import import_directory
from kpass.services.uow import UnitOfWork
from kpass.ui.register_import import PERMISSION, ImportWizard
from kpass.ui.register_import.texts import FIELD_LABELS
from tests.logins import log_in_admin, log_in_as
from tests.ui.mnemonics import clashes, describe, window_mnemonics

pytestmark = pytest.mark.gui

TODAY = date(2026, 12, 4)
SAMPLE = resource_path("import", "register-beispiel.csv")
GOOD = ("H001", "H002", "H003", "H004", "H005", "H012")


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)  # the wizard writes the register: both kinds of database


@pytest.fixture
def register(database: Database) -> Database:
    import_directory(database, resource_path("streets", "strassenverzeichnis-beispiel.csv"))
    return database


@pytest.fixture
def wizard(qtbot: QtBot, register: Database) -> Iterator[ImportWizard]:
    shown = ImportWizard(register, today=TODAY)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.stop()


def _counts(database: Database) -> tuple[int, int, int]:
    with UnitOfWork(database, write=False) as uow:
        return tuple(int(uow.session.scalar(select(func.count()).select_from(model)) or 0)
                     for model in (Household, Person, Pass))  # type: ignore[return-value]


def _clean_file(folder: Path) -> Path:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    path = folder / "gut.csv"
    path.write_text("\n".join([lines[0], *(line for line in lines[1:]
                                           if line.split(";")[0] in GOOD)]) + "\n",
                    encoding="utf-8")
    return path


def _next(qtbot: QtBot, wizard: ImportWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isVisible() and button.isEnabled(), "Weiter is not offered"
    button.click()


def _to_mapping(qtbot: QtBot, wizard: ImportWizard, path: Path, *,
                partial: bool = False) -> None:
    wizard.file_page.path.setText(str(path))
    (wizard.file_page.partial if partial else wizard.file_page.all_or_nothing).setChecked(True)
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)


def _to_dry_run(qtbot: QtBot, wizard: ImportWizard) -> None:
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.dry_run_page
    qtbot.waitUntil(lambda: wizard.dry_run_page.report is not None, timeout=30_000)


def _table(view_table: QWidget) -> list[list[str]]:
    from PySide6.QtWidgets import QTableWidget

    assert isinstance(view_table, QTableWidget)
    return [[(view_table.item(r, c).text() if view_table.item(r, c) else "")  # type: ignore[union-attr]
             for c in range(view_table.columnCount())] for r in range(view_table.rowCount())]


def _shot(widget: QWidget, folder: Path, name: str) -> None:
    QApplication.processEvents()
    image = widget.grab()
    assert not image.isNull()
    image.save(str(folder / f"{name}.png"))


def test_the_field_labels_follow_the_service() -> None:
    assert list(FIELD_LABELS) == [f.name for f in FIELDS]
    assert all(FIELD_LABELS[f.name] == f.label_de for f in FIELDS)


def test_the_sample_all_or_nothing_then_per_household(
    qtbot: QtBot, wizard: ImportWizard, register: Database, tmp_path: Path
) -> None:
    shots = tmp_path / "shots"
    shots.mkdir()
    assert can(register, PERMISSION)
    before = _counts(register)
    _shot(wizard, shots, "1-datei")
    _to_mapping(qtbot, wizard, SAMPLE)

    # page 2: pre-filled from the shipped mapping, the preview shows the rows as read
    page = wizard.mapping_page
    sample = load_mapping()
    for fld in FIELDS:
        assert page.boxes[fld.name].currentText() == sample.columns.get(fld.name, "— nicht in "
                                                                         "der Datei —")
    assert "register-beispiel.csv" in page.file_info.text() and "18 Zeilen" in \
        page.file_info.text()
    headers = [page.preview.horizontalHeaderItem(c).text()  # type: ignore[union-attr]
               for c in range(page.preview.columnCount())]
    assert headers[0] == "Zeile" and "Familienname\n(Name)" in headers and "Rolle" in headers
    first = _table(page.preview)[0]
    assert first[0] == "2" and "Beispiel" in first and "12.03.1968" in first
    assert page.preview.rowCount() == 5
    _shot(wizard, shots, "2-spalten")

    # page 3: the dry run's report, all or nothing refuses to go on
    _to_dry_run(qtbot, wizard)
    dry = wizard.dry_run_page
    summary = dry.view.summary.text()
    assert "Probelauf — nichts wurde gespeichert." in summary
    assert "Zeilen: 18, Haushalte: 12" in summary
    assert "Haushalte in Ordnung: 6 (Personen: 10, Pässe: 9)" in summary
    assert "Haushalte übersprungen: 5. Haushalte zu prüfen: 1." in summary
    rows = _table(dry.view.table)
    by_household = {row[1]: row for row in rows}
    assert by_household["H006"][0] == "11" and by_household["H006"][2] == "übersprungen"
    assert "Geburtsdatum" in by_household["H006"][4]
    assert "Prüfziffern" in by_household["H007"][4]
    assert by_household["H011"][2] == "zu prüfen" and "Zeile 2" in by_household["H011"][4]
    assert "Straßenverzeichnis" in by_household["H010"][4]
    assert "Alles oder nichts" in dry.verdict.text() and dry.verdict.kind == "error"
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    _shot(wizard, shots, "3-probelauf")
    assert dry.view.save(tmp_path / "probelauf.csv", "csv")
    saved = (tmp_path / "probelauf.csv").read_text(encoding="utf-8-sig")
    assert saved.startswith("Zeile;Haushalt;Ergebnis") and "H006" in saved
    assert dry.view.save(tmp_path / "probelauf", "txt")
    assert "Probelauf" in (tmp_path / "probelauf.txt").read_text(encoding="utf-8")
    assert _counts(register) == before

    # back to page 1: per household; the dry run now lets the good households through
    wizard.back()
    wizard.back()
    assert wizard.currentPage() is wizard.file_page
    wizard.file_page.partial.setChecked(True)
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)
    _to_dry_run(qtbot, wizard)
    assert wizard.dry_run_page.verdict.kind == "warning"
    _next(qtbot, wizard)

    # page 4: the real import
    run = wizard.import_page
    assert wizard.currentPage() is run
    assert "laut Probelauf: 6" in run.plan.text()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    _shot(wizard, shots, "4-importieren")
    reports: list[ImportReport] = []
    wizard.imported.connect(reports.append)
    run.start_button.click()
    qtbot.waitUntil(lambda: run.report is not None, timeout=30_000)
    assert run.outcome.text().startswith("Übernommen: Haushalte: 6, Personen: 10, Pässe: 9.")
    assert run.outcome.kind == "warning"  # the others were not taken over
    assert "Haushalte übernommen: 6 (Personen: 10, Pässe: 9)." in run.view.summary.text()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert len(reports) == 1 and reports[0].count(IMPORTED) == 6
    _shot(wizard, shots, "5-ergebnis")
    assert _counts(register) == (6, 10, 9)
    with UnitOfWork(register, write=False) as uow:
        numbers = set(uow.session.scalars(select(Pass.number)))
    assert {"KA-100101-63", "KA-100104-54", "KA-100110-36"} <= numbers

    # every household is listed; an imported one opens (the wizard closes)
    listed = {run.view.table.item(r, 1).text()  # type: ignore[union-attr]
              for r in range(run.view.table.rowCount())}
    assert listed == {f"H{n:03d}" for n in range(1, 13)}
    row = next(r for r in range(run.view.table.rowCount())
               if run.view.table.item(r, 1).text() == "H003")  # type: ignore[union-attr]
    assert run.view.table.item(row, 2).text() == "übernommen"  # type: ignore[union-attr]
    run.view.table.setCurrentCell(row, 0)
    assert run.open_button.isEnabled()
    opened: list[int] = []
    wizard.household_opened.connect(opened.append)
    run.open_button.click()
    h003 = next(h for h in reports[0].households if h.key == "H003")
    assert opened == [h003.household_id]
    assert not wizard.isVisible()


def test_a_clean_file_all_or_nothing_with_the_keyboard_only(
    qtbot: QtBot, wizard: ImportWizard, register: Database, tmp_path: Path
) -> None:
    from tests.ui.keyboard import press, type_text

    path = _clean_file(tmp_path)
    wizard.activateWindow()
    wizard.file_page.path.setFocus()
    type_text(str(path))
    press(Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # Weiter
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10_000)
    assert wizard.mapping_page.boxes["household"].hasFocus()
    press(Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.dry_run_page.report is not None, timeout=30_000)
    assert "Alle Haushalte sind in Ordnung (6)" in wizard.dry_run_page.verdict.text()
    press(Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # a mnemonic clicks after a moment
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.import_page, timeout=5_000)
    assert wizard.import_page.start_button.hasFocus()
    press(Qt.Key.Key_Space)  # Import starten
    qtbot.waitUntil(lambda: wizard.import_page.report is not None, timeout=30_000)
    assert wizard.import_page.outcome.kind == "success"
    assert _counts(register) == (6, 10, 9)
    press(Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # Fertig
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5_000)


@pytest.mark.parametrize("partial", [False, True], ids=["all-or-nothing", "partial"])
def test_cancel_keeps_what_the_page_says(qtbot: QtBot, wizard: ImportWizard,
                                         register: Database, tmp_path: Path,
                                         partial: bool) -> None:
    _to_mapping(qtbot, wizard, _clean_file(tmp_path), partial=partial)
    _to_dry_run(qtbot, wizard)
    _next(qtbot, wizard)
    run = wizard.import_page
    # "Abbrechen" as the second household is done: the check before the third says stop
    original = wizard.import_work

    def work_cancelled_after_two():  # type: ignore[no-untyped-def]
        inner = original()

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            seen = []

            def counting(done: int, total: int) -> None:
                seen.append(done)
                progress(done, total)

            return inner(counting, lambda: len(seen) >= 2 or cancelled())
        return work

    wizard.import_work = work_cancelled_after_two  # type: ignore[method-assign]
    run.start_button.click()
    assert run.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: run.report is not None, timeout=30_000)
    text = run.outcome.text()
    if partial:
        assert text.startswith("Abgebrochen. Gespeichert sind nur diese — Haushalte: 2, "
                               "Personen: 5, Pässe: 5: H001, H002.")
        assert _counts(register) == (2, 5, 5)
        assert "Haushalte in Ordnung, aber nicht gespeichert: 4." in run.view.summary.text()
    else:
        assert text.startswith("Abgebrochen: nichts wurde gespeichert")
        assert _counts(register) == (0, 0, 0)
    assert run.outcome.kind == "warning"


def test_the_cancel_button_and_esc_stop_a_running_import(
    qtbot: QtBot, wizard: ImportWizard, register: Database, tmp_path: Path
) -> None:
    import threading

    _to_mapping(qtbot, wizard, _clean_file(tmp_path))
    _to_dry_run(qtbot, wizard)
    _next(qtbot, wizard)
    run = wizard.import_page
    release = threading.Event()
    original = wizard.import_work

    def held_work():  # type: ignore[no-untyped-def]
        inner = original()

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            def slow(done: int, total: int) -> None:
                progress(done, total)
                release.wait(10)  # the person presses "Abbrechen" while this household runs

            return inner(slow, cancelled)
        return work

    wizard.import_work = held_work  # type: ignore[method-assign]
    run.start_button.click()
    qtbot.waitUntil(lambda: run.bar.value() == 1, timeout=10_000)
    wizard.reject()  # Esc: cancels the import, the wizard stays
    assert wizard.isVisible() and run.run.cancelling
    assert "nichts wird gespeichert" in run.status.text()
    assert not run.cancel_button.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: run.report is not None, timeout=30_000)
    assert run.report is not None and run.report.cancelled
    assert _counts(register) == (0, 0, 0)
    assert wizard.isVisible()


def test_a_broken_file_is_explained_on_the_first_page(
    qtbot: QtBot, wizard: ImportWizard, register: Database, tmp_path: Path
) -> None:
    broken = tmp_path / "kaputt.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    wizard.file_page.path.setText(str(broken))
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.file_page.message.kind == "error", timeout=10_000)
    assert wizard.currentPage() is wizard.file_page
    message = wizard.file_page.message.text()
    assert message.startswith("kaputt.xlsx: keine lesbare Excel-Arbeitsmappe (XLSX)")
    assert "Traceback" not in message
    _shot(wizard, tmp_path, "fehler")
    missing = tmp_path / "gibt-es-nicht.csv"
    wizard.file_page.path.setText(str(missing))
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: "gibt-es-nicht.csv: kann nicht gelesen werden"
                    in wizard.file_page.message.text(), timeout=10_000)
    bad_mapping = tmp_path / "m.toml"
    bad_mapping.write_text("[spalten\n", encoding="utf-8")
    wizard.file_page.path.setText(str(SAMPLE))
    wizard.file_page.mapping_path.setText(str(bad_mapping))
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: "Zuordnungsdatei m.toml: keine TOML-Datei"
                    in wizard.file_page.message.text(), timeout=10_000)
    assert wizard.currentPage() is wizard.file_page


def test_an_unmapped_required_field_and_saving_the_mapping(
    qtbot: QtBot, wizard: ImportWizard, register: Database, tmp_path: Path
) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    renamed = tmp_path / "andere.csv"
    renamed.write_text("\n".join([lines[0].replace("Vorname;", "Rufname;"), *lines[1:]]) + "\n",
                       encoding="utf-8")
    _to_mapping(qtbot, wizard, renamed)
    page = wizard.mapping_page
    assert page.boxes["given_names"].currentText() == "— nicht in der Datei —"
    assert page.message.kind == "error"
    assert page.message.text() == "Jedes Pflichtfeld braucht eine Spalte; es fehlt: Vornamen."
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    _shot(wizard, tmp_path, "zuordnung-fehlt")
    box = page.boxes["given_names"]
    box.setCurrentIndex(box.findText("Rufname"))
    assert page.message.text() == ""
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert page.save(tmp_path / "meine")
    saved = load_mapping(tmp_path / "meine.toml")
    assert saved.columns["given_names"] == "Rufname"
    assert "meine.toml" in page.message.text()
    # the saved mapping is found next time: nothing to choose by hand
    wizard.back()
    wizard.file_page.mapping_path.setText(str(tmp_path / "meine.toml"))
    _next(qtbot, wizard)
    qtbot.waitUntil(lambda: page.boxes["given_names"].currentText() == "Rufname",
                    timeout=10_000)


def test_mnemonics_and_accessible_names_on_every_page(
    qtbot: QtBot, wizard: ImportWizard, tmp_path: Path
) -> None:
    def check() -> None:
        QApplication.processEvents()
        found = clashes(window_mnemonics(wizard))
        assert not found, describe(found)
        for widget in wizard.currentPage().findChildren(QWidget):
            if not widget.isVisible() or isinstance(widget, QLabel) or \
                    widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
                continue
            name = widget.accessibleName()
            assert name, f"{widget.objectName() or type(widget).__name__} has no name"
            text = getattr(widget, "text", None)
            if callable(text) and isinstance(text(), str) and text():
                visible = text().replace("&", "")
                if visible and widget.metaObject().className() == "QPushButton":
                    assert visible in name, (visible, name)

    check()
    _to_mapping(qtbot, wizard, _clean_file(tmp_path))
    check()
    _to_dry_run(qtbot, wizard)
    check()
    _next(qtbot, wizard)
    check()
    wizard.import_page.start_button.click()
    qtbot.waitUntil(lambda: wizard.import_page.report is not None, timeout=30_000)
    check()


def test_only_the_roles_that_may_import_see_it(register: Database) -> None:
    try:
        for role, allowed in (("caseworker", False), ("supervisor", False)):
            log_in_admin(register)
            log_in_as(register, role)
            assert can(register, PERMISSION) is allowed
    finally:
        log_in_admin(register)
    assert can(register, PERMISSION)


def test_it_fits_at_twice_the_font(qtbot: QtBot, register: Database, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    normal = font.pointSizeF()
    font.setPointSizeF(normal * 2)
    app.setFont(font)
    try:
        shown = ImportWizard(register, today=TODAY)
        qtbot.addWidget(shown)
        shown.show()
        qtbot.waitExposed(shown)
        from tests.ui.test_layout_fits import cut_texts

        pages = [("1", lambda: None),
                 ("2", lambda: _to_mapping(qtbot, shown, SAMPLE, partial=True)),
                 ("3", lambda: _to_dry_run(qtbot, shown)),
                 ("4", lambda: _next(qtbot, shown))]
        for name, reach in pages:
            reach()
            QApplication.processEvents()
            # fits the office's 1280 × 800 screens (scrolling within, never beyond)
            hint = shown.minimumSizeHint()
            assert hint.width() <= 1280 and hint.height() <= 800, (name, hint)
            assert cut_texts(shown) == [], name
            _shot(shown, tmp_path, f"200-{name}")
        shown.stop()
    finally:
        font.setPointSizeF(normal)
        app.setFont(font)
    QTest.qWait(10)
