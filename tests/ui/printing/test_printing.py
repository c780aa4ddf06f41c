"""Printing from the preview through Qt's print system: a PDF-file printer stands in for the
office printer, and the printed file is checked like paper — its size, its QR code."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter, ImageStat
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageRanges
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.services.admin.signing_keys import public_keys
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes
from kpass.signing import verify_payload
from kpass.ui.printing import outbox as print_outbox
from kpass.ui.printing import preview_dialog
from kpass.ui.printing.pdf_printing import PrintingFailed, PrintRun, print_pdf
from kpass.ui.printing.preview_dialog import PreviewDialog
from tests.register_builder import add_household, add_income, household_of
from tests.ui.keyboard import focused, press

pytestmark = pytest.mark.gui
TODAY = date.today()
CARD_PT = (242.646, 153.014)  # ID-1: 85.60 × 53.98 mm
A4_PT = (595.276, 841.89)


def pdf_printer(out: Path, dpi: int = 300) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(dpi)
    return printer


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], check=True,
                          capture_output=True, text=True).stdout
    return [(float(w), float(h)) for w, h in
            re.findall(r"Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)", info)]


def render(pdf: Path, page: int, folder: Path, dpi: int = 300) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    root = folder / f"{pdf.stem}-{page}-{dpi}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-f", str(page),
                    "-l", str(page), str(pdf), str(root)], check=True)
    return root.with_suffix(".png")


def qr_of(pdf: Path, page: int, folder: Path) -> str:
    return subprocess.run(["zbarimg", "--nodbus", "-q", "--raw", str(render(pdf, page, folder))],
                          check=True, capture_output=True, text=True).stdout.strip()


def difference(original: Path, printed: Path, page: int, folder: Path) -> float:
    """Mean difference (0–255) of a page as made and as printed, both rendered at 100 dpi
    and slightly blurred (two rasterisations differ in anti-aliasing). For a card, a shift of
    2 px (0.5 mm) gives about 4.3, 1 mm 7.5, scaling by 2 % 10."""
    def load(pdf: Path, name: str) -> Image.Image:
        image = Image.open(render(pdf, page, folder / name, 100)).convert("L")
        return image.filter(ImageFilter.GaussianBlur(2))

    a, b = load(original, "original"), load(printed, "gedruckt")
    assert abs(a.width - b.width) <= 1 and abs(a.height - b.height) <= 1
    return float(ImageStat.Stat(ImageChops.difference(a, b.resize(a.size))).mean[0])


@pytest.fixture
def issued(database: Database) -> tuple[list[str], int]:
    """Three issued passes of one household, and the decision that granted them."""
    ids = add_household(database, [
        ("Weiß", "Jürgen", date(1950, 5, 5), "applicant"),
        ("Weiß", "Erika", date(1952, 7, 1), "partner"),
        ("Weiß", "Otto", date(1975, 2, 3), "other"),
    ])
    add_income(database, ids[0], "pension", "900.00")
    application = apply(database, household_of(database, ids[0]), TODAY, today=TODAY)
    decision = decide(database, application.application_id)
    numbers = [i.number for i in issue_passes(database, decision.decision_id) if i.number]
    assert len(numbers) == 3
    return numbers, decision.decision_id


@pytest.fixture
def cards(issued: tuple[list[str], int]) -> list[str]:
    return issued[0]


def test_a_printed_card_has_its_true_size_and_a_genuine_qr(
    qtbot: QtBot, database: Database, cards: list[str], tmp_path: Path
) -> None:
    pdf = print_outbox.print_cards(database, cards[:1])
    printed = tmp_path / "gedruckt.pdf"
    assert print_pdf(pdf, pdf_printer(printed)) == 1
    if os.name == "posix":  # printed to a file: readable by its owner only
        assert printed.stat().st_mode & 0o077 == 0
    [(width, height)] = page_sizes(printed)
    # Qt rounds page sizes to whole points: within 0.5 pt (0.2 mm) of ID-1, not A4.
    assert abs(width - CARD_PT[0]) <= 0.5 and abs(height - CARD_PT[1]) <= 0.5
    payload = qr_of(printed, 1, tmp_path)
    assert payload == qr_of(pdf, 1, tmp_path)
    assert verify_payload(payload, public_keys(database), TODAY).status.accept
    # Same picture in the same place: not shifted, cropped or scaled.
    assert difference(pdf, printed, 1, tmp_path / "vergleich") < 3.5


def test_a_printer_that_keeps_its_a4_paper_gets_the_card_at_true_size_centred(
    qtbot: QtBot, database: Database, cards: list[str], tmp_path: Path
) -> None:
    pdf = print_outbox.print_cards(database, cards[:1])
    printed = tmp_path / "a4.pdf"
    printer = pdf_printer(printed, dpi=200)
    # like a printer driver without custom paper sizes: the page layout stays A4
    printer.setPageLayout = lambda _layout: False  # type: ignore[method-assign]
    assert print_pdf(pdf, printer) == 1
    [(width, height)] = page_sizes(printed)
    assert abs(width - A4_PT[0]) <= 0.5 and abs(height - A4_PT[1]) <= 0.5
    card = Image.open(render(pdf, 1, tmp_path / "karte", 100)).convert("L")
    sheet = Image.open(render(printed, 1, tmp_path / "bogen", 100)).convert("L")

    def ink(image: Image.Image) -> tuple[int, int, int, int]:
        box = ImageChops.invert(image).point(lambda v: 255 if v > 40 else 0).getbbox()
        assert box is not None
        return box

    left, top, right, bottom = ink(card)
    s_left, s_top, s_right, s_bottom = ink(sheet)
    assert abs((s_right - s_left) - (right - left)) <= 2  # not stretched
    assert abs((s_bottom - s_top) - (bottom - top)) <= 2
    dx, dy = (sheet.width - card.width) / 2, (sheet.height - card.height) / 2
    assert abs(s_left - (left + dx)) <= 2 and abs(s_top - (top + dy)) <= 2  # centred
    assert verify_payload(qr_of(printed, 1, tmp_path), public_keys(database), TODAY).status.accept


def test_a_letter_stays_a4(qtbot: QtBot, database: Database, issued: tuple[list[str], int],
                           tmp_path: Path) -> None:
    pdf = print_outbox.print_decision_letter(database, issued[1])
    printed = tmp_path / "bescheid.pdf"
    pages = print_pdf(pdf, pdf_printer(printed, dpi=150))
    original_sizes = page_sizes(pdf)
    assert pages == len(original_sizes) >= 1
    for width, height in page_sizes(printed):
        assert abs(width - A4_PT[0]) <= 0.5 and abs(height - A4_PT[1]) <= 0.5
    assert difference(pdf, printed, 1, tmp_path / "vergleich") < 3.5


def test_page_range_and_collated_copies(qtbot: QtBot, database: Database, cards: list[str],
                                        tmp_path: Path) -> None:
    pdf = print_outbox.print_cards(database, cards)  # one card per page
    printed = tmp_path / "auswahl.pdf"
    printer = pdf_printer(printed, dpi=200)
    ranges = QPageRanges()
    ranges.addRange(2, 3)
    printer.setPageRanges(ranges)
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    assert print_pdf(pdf, printer) == 4
    assert len(page_sizes(printed)) == 4
    numbers = [qr_of(printed, page, tmp_path).split("*")[2] for page in range(1, 5)]
    assert numbers == [cards[1], cards[2], cards[1], cards[2]]


def test_failures_are_clear_german_messages(
    qtbot: QtBot, database: Database, cards: list[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    broken = tmp_path / "kaputt.pdf"
    broken.write_bytes(b"%PDF-1.4\nnicht wirklich")
    with pytest.raises(PrintingFailed) as error:
        print_pdf(broken, pdf_printer(tmp_path / "a.pdf"))
    assert error.value.message_de == "Die PDF-Datei „kaputt.pdf“ ist beschädigt oder nicht lesbar."
    with pytest.raises(PrintingFailed, match="does not exist"):
        print_pdf(tmp_path / "fehlt.pdf", pdf_printer(tmp_path / "b.pdf"))

    pdf = print_outbox.print_cards(database, cards[:1])
    # A printer that cannot be opened (here: a file in a folder that does not exist).
    with pytest.raises(PrintingFailed) as error:
        print_pdf(pdf, pdf_printer(tmp_path / "nirgends" / "c.pdf"))
    assert error.value.message_de.startswith(
        f"Die Datei „{tmp_path / 'nirgends' / 'c.pdf'}“ kann nicht geschrieben werden")

    printer = pdf_printer(tmp_path / "d.pdf")
    printer.setFromTo(5, 6)
    with pytest.raises(PrintingFailed) as error:
        print_pdf(pdf, printer)
    assert "keine Seite" in error.value.message_de and not (tmp_path / "d.pdf").exists()

    # "print to file" onto the document itself would empty it before its pages are read
    original = pdf.read_bytes()
    with pytest.raises(PrintingFailed) as error:
        print_pdf(pdf, pdf_printer(pdf))
    assert "nicht das Dokument selbst ersetzen" in error.value.message_de
    assert pdf.read_bytes() == original

    real_which = shutil.which
    monkeypatch.setattr(shutil, "which",
                        lambda name: None if name == "pdftoppm" else real_which(name))
    with pytest.raises(PrintingFailed) as error:
        print_pdf(pdf, pdf_printer(tmp_path / "e.pdf"))
    assert "„pdftoppm“ (Paket poppler-utils) ist nicht installiert" in error.value.message_de


def test_a_cancelled_print_to_file_leaves_no_half_file(
    qtbot: QtBot, database: Database, cards: list[str], tmp_path: Path
) -> None:
    pdf = print_outbox.print_cards(database, cards)
    out = tmp_path / "abgebrochen.pdf"
    run = PrintRun(pdf, pdf_printer(out, dpi=100))
    steps = run.steps()
    assert len(steps) == 3 and steps[0][0] == "Seite 1 von 3 wird gedruckt …"
    steps[0][1]()
    run.finish(False)
    assert run.sheets == 1 and not out.exists()


class FakePrintDialog:
    """Accepts at once with a PDF-file printer (the real dialog is modal)."""

    def __init__(self, out: Path, accept: bool = True) -> None:
        self.out = out
        self.accept = accept
        self.calls: list[int] = []
        self.suggested: list[str] = []

    def __call__(self, printer: QPrinter, pages: int, parent: QWidget) -> bool:
        self.calls.append(pages)
        self.suggested.append(printer.outputFileName())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.out))
        printer.setResolution(300)
        return self.accept


def test_the_preview_prints_through_the_print_dialog(
    qtbot: QtBot, database: Database, cards: list[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pdf = print_outbox.print_cards(database, cards[:1])
    dialog = PreviewDialog(pdf, f"Karte {cards[0]}")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert focused() is dialog.print_button
    assert dialog.print_button.isDefault() and dialog.print_button.text() == "&Drucken …"
    assert dialog.print_button.accessibleName() == "Dokument drucken"
    assert len(dialog.page_labels) == 1

    # cancelled in the dialog: nothing printed
    cancelled = FakePrintDialog(tmp_path / "nein.pdf", accept=False)
    monkeypatch.setattr(preview_dialog, "choose_printer", cancelled)
    press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert cancelled.calls == [1] and dialog.job is None
    assert not (tmp_path / "nein.pdf").exists()

    # Ctrl+P, the dialog accepts: the card goes to the printer in the background
    out = tmp_path / "drucker.pdf"
    fake = FakePrintDialog(out)
    monkeypatch.setattr(preview_dialog, "choose_printer", fake)
    with qtbot.waitSignal(dialog.printed, timeout=30000) as blocker:
        press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        assert dialog.job is not None and not dialog.print_button.isEnabled()
    assert blocker.args == [1, False, ""]
    assert fake.calls == [1]
    if not QPrinterInfo.availablePrinterNames():  # only "print to file": a file is suggested
        assert cancelled.suggested == [str(pdf.with_name(f"{pdf.stem}-gedruckt.pdf"))]
    assert dialog.message.text() == f"1 Seite(n) an „{out}“ gesendet."
    assert dialog.print_button.isEnabled()
    [(width, height)] = page_sizes(out)
    assert abs(width - CARD_PT[0]) <= 0.5 and abs(height - CARD_PT[1]) <= 0.5
    assert verify_payload(qr_of(out, 1, tmp_path), public_keys(database), TODAY).status.accept

    # Enter on the dialog is the default button: print again, to the printer chosen before
    assert dialog.focusWidget() is dialog.print_button  # back where it was
    dialog.activateWindow()  # the offscreen platform does not reactivate after the progress
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.print_button)
    out.unlink()
    with qtbot.waitSignal(dialog.printed, timeout=30000):
        press(Qt.Key.Key_Return)
    assert out.exists() and fake.calls == [1, 1]


def test_cancelling_in_the_progress_dialog(
    qtbot: QtBot, database: Database, cards: list[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pdf = print_outbox.print_cards(database, cards)
    dialog = PreviewDialog(pdf, "Karten")
    qtbot.addWidget(dialog)
    out = tmp_path / "abbruch.pdf"
    monkeypatch.setattr(preview_dialog, "choose_printer", FakePrintDialog(out))
    with qtbot.waitSignal(dialog.printed, timeout=30000) as blocker:
        job = dialog.print_document()
        assert job is not None
        job.cancel()
    sent, cancelled, error = blocker.args
    assert cancelled and not error and sent < 3
    assert dialog.message.text() == "Drucken abgebrochen; die Datei wurde nicht geschrieben."
    assert not out.exists() and dialog.print_button.isEnabled()


def test_a_broken_pdf_in_the_preview_is_a_message(qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.pdf"
    broken.write_bytes(b"kein PDF")
    dialog = PreviewDialog(broken, "Kaputt")
    qtbot.addWidget(dialog)
    assert not dialog.print_button.isEnabled() and dialog.close_button.isDefault()
    assert dialog.print_document() is None


def test_the_real_print_dialog_is_set_up_for_the_document(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[QPrintDialog] = []

    def reject(self: QPrintDialog) -> int:
        seen.append(self)
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QPrintDialog, "exec", reject)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert preview_dialog.choose_printer(QPrinter(), 7, parent) is False
    [dialog] = seen
    assert (dialog.minPage(), dialog.maxPage()) == (1, 7)
    assert dialog.testOption(QPrintDialog.PrintDialogOption.PrintPageRange)
    assert dialog.windowTitle() == "Drucken"


def test_reminder_letters_go_from_the_renewals_queue_to_a_printer(
    qtbot: QtBot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kpass.ui.main_window import MainWindow

    # passes issued on the first of the month eleven months ago expire at the end of next month
    month = TODAY.month - 11
    year, month = TODAY.year + (month - 1) // 12, (month - 1) % 12 + 1
    for family, born in (("Lang", date(1950, 1, 1)), ("Kurz", date(1953, 8, 17))):
        [person] = add_household(database, [(family, "Lena", born, "applicant")],
                                 since=date(year - 2, 1, 1))
        add_income(database, person, "pension", "900.00")
        application = apply(database, household_of(database, person), date(year, month, 1),
                            today=date(year, month, 1))
        issue_passes(database, decide(database, application.application_id).decision_id)
    window = MainWindow(database, TODAY)
    qtbot.addWidget(window)
    window.show()
    window.show_renewals()
    page = window.renewals_page
    page.scope.setCurrentIndex(1)  # this month: nothing expires
    assert page.print_reminders() is None
    assert page.message.text() == "In den gewählten Monaten laufen keine Pässe ab."
    page.scope.setCurrentIndex(0)  # this and next month, as the queue opens
    assert page.table.rowCount() == 2
    assert not page.preview_button.isEnabled()
    page.print_reminders()
    qtbot.waitUntil(lambda: page.preview_button.isEnabled() or "Gedruckt" in page.message.text(),
                    timeout=30000)
    assert len(page.printed) == 1, page.message.text()  # the empty month is left out
    assert page.preview_button.text() == "Vorschau und Dr&ucken …"
    [letters] = page.show_printed()
    assert len(letters.pages) == len(page_sizes(page.printed[0])) >= 2
    out = tmp_path / "erinnerungen.pdf"
    monkeypatch.setattr(preview_dialog, "choose_printer", FakePrintDialog(out))
    with qtbot.waitSignal(letters.printed, timeout=60000) as blocker:
        letters.print_button.click()
    assert blocker.args == [len(letters.pages), False, ""]
    for width, height in page_sizes(out):
        assert abs(width - A4_PT[0]) <= 0.5 and abs(height - A4_PT[1]) <= 0.5
