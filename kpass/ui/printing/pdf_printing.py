"""Sending a PDF from the outbox to a printer, page by page, at its true size.

QtPdf is not part of PySide6-Essentials, so each page is rendered by ``pdftoppm``
(poppler) at the printer's resolution and painted onto the ``QPrinter``. Every page keeps
its physical size: the printer's paper is set to the page's size (an ID-1 card prints as
85.6 × 54 mm, a letter on A4); when a printer refuses that size, the page is centred on the
paper it has and only ever shrunk to fit, never stretched.

:class:`PrintRun` cuts the work into one step per page, so a sheet of many cards or a
hundred reminder letters can run in a background job with progress and cancel
(:mod:`kpass.ui.common.background`); :func:`print_pdf` runs the same steps at once.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from kpass.errors import KpassError
from kpass.settings import tighten

# Enough for text and QR codes. Each page travels as an image: at 600 dpi ten letters took
# 15 s and 50 MB of spool, at 300 dpi 4 s and 20 MB.
MAX_DPI = 300
RENDER_TIMEOUT = 120  # seconds for one page

_PAGE_SIZE = re.compile(r"^Page\s+(\d+)\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts", re.MULTILINE)
_PAGE_ROT = re.compile(r"^Page\s+(\d+)\s+rot:\s+(\d+)", re.MULTILINE)
_PAGES = re.compile(r"^Pages:\s+(\d+)", re.MULTILINE)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PdfPrinting", text)


class PrintingFailed(KpassError):
    """The document could not be sent to the printer (tool missing, broken PDF, printer)."""


@dataclass(frozen=True)
class PdfPage:
    number: int  # 1-based, as the print dialog counts
    width_pt: float  # as displayed, after the page's rotation
    height_pt: float


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise PrintingFailed(
            f"The program {name} (poppler-utils) is not installed.",
            _tr("Das Programm „%1“ (Paket poppler-utils) ist nicht installiert.")
            .replace("%1", name),
        )
    return path


def _unreadable(pdf: Path) -> PrintingFailed:
    return PrintingFailed(
        f"The PDF file {pdf} is damaged or cannot be read.",
        _tr("Die PDF-Datei „%1“ ist beschädigt oder nicht lesbar.").replace("%1", pdf.name),
    )


def _run(command: list[str], pdf: Path) -> bytes:
    if not pdf.is_file():
        raise PrintingFailed(
            f"The PDF file {pdf} does not exist (any more).",
            _tr("Die PDF-Datei „%1“ gibt es nicht (mehr).").replace("%1", str(pdf)),
        )
    try:
        done = subprocess.run(command, capture_output=True, timeout=RENDER_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as exc:
        raise PrintingFailed(
            f"Rendering {pdf.name} took too long.",
            _tr("Die PDF-Datei „%1“ konnte nicht rechtzeitig aufbereitet werden.")
            .replace("%1", pdf.name),
        ) from exc
    except OSError as exc:
        raise PrintingFailed(
            f"Cannot run {command[0]}: {exc}",
            _tr("Das Programm „%1“ lässt sich nicht starten.").replace("%1", command[0]),
        ) from exc
    if done.returncode != 0:
        raise _unreadable(pdf)
    return done.stdout


def read_pages(pdf: Path) -> list[PdfPage]:
    """Every page of ``pdf`` with its size in points (``pdfinfo``)."""
    tool = _tool("pdfinfo")
    summary = _run([tool, str(pdf)], pdf).decode("utf-8", "replace")
    found = _PAGES.search(summary)
    if found is None or int(found.group(1)) < 1:
        raise _unreadable(pdf)
    count = int(found.group(1))
    details = _run([tool, "-f", "1", "-l", str(count), str(pdf)], pdf).decode("utf-8", "replace")
    rotation = {int(n): int(r) % 180 for n, r in _PAGE_ROT.findall(details)}
    pages = []
    for number, width, height in _PAGE_SIZE.findall(details):
        w, h = float(width), float(height)
        if rotation.get(int(number)) == 90:
            w, h = h, w
        pages.append(PdfPage(int(number), w, h))
    if len(pages) != count:
        raise _unreadable(pdf)
    return pages


def render_page(pdf: Path, number: int, dpi: int) -> QImage:
    """Page ``number`` of ``pdf`` as an image at ``dpi`` (``pdftoppm`` to a pipe, no files)."""
    data = _run([_tool("pdftoppm"), "-r", str(dpi), "-f", str(number), "-l", str(number),
                 "-singlefile", str(pdf)], pdf)
    image = QImage()
    if not image.loadFromData(data, "PPM"):
        raise _unreadable(pdf)
    return image


def chosen_pages(pages: list[PdfPage], printer: QPrinter) -> list[PdfPage]:
    """The pages the print dialog asked for, in the order the printer wants them."""
    # The dialog leaves the ranges empty for "all pages" (as does a printer nobody set up).
    ranges = printer.pageRanges()
    if not ranges.isEmpty():
        pages = [p for p in pages if ranges.contains(p.number)]
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages = pages[::-1]
    return pages


def _printer_name(printer: QPrinter) -> str:
    return printer.outputFileName() or printer.printerName() or _tr("Drucker")


class PrintRun:
    """One print job of one PDF on one configured printer, cut into steps of one page.

    Call the steps in order (all in one thread) and then :meth:`finish` in that thread.
    """

    def __init__(self, pdf: Path, printer: QPrinter, pages: list[PdfPage] | None = None) -> None:
        self.pdf = pdf
        self.printer = printer
        self.pages = pages if pages is not None else read_pages(pdf)
        target = printer.outputFileName()
        if target and Path(target).resolve() == pdf.resolve():
            # Qt empties the output file when printing starts: the pages to print would go.
            raise PrintingFailed(
                "The printed copy cannot replace the document itself; choose another file.",
                _tr("Der Ausdruck kann nicht das Dokument selbst ersetzen; bitte einen anderen "
                    "Dateinamen wählen."),
            )
        self.selected = chosen_pages(self.pages, printer)
        if not self.selected:
            raise PrintingFailed(
                "There is no page in the chosen range.",
                _tr("Im gewählten Bereich gibt es keine Seite (das Dokument hat %1 Seiten).")
                .replace("%1", str(len(self.pages))),
            )
        # A printer (driver) that makes copies itself gets each page once.
        self.copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
        self.collate = printer.collateCopies()
        self.dpi = max(72, min(printer.resolution(), MAX_DPI))
        self.sheets = 0  # pages painted so far
        self._painter: QPainter | None = None
        self._size: tuple[float, float] | None = None
        printer.setFullPage(True)  # coordinates from the paper's corner, no driver margins
        if not printer.docName():
            printer.setDocName(pdf.name)

    @property
    def printer_name(self) -> str:
        return _printer_name(self.printer)

    @property
    def total(self) -> int:
        """Pages the printer will receive."""
        return len(self.selected) * self.copies

    def steps(self) -> list[tuple[str, Callable[[], int]]]:
        """``(label, step)`` pairs; each step renders one page and paints it (``copies`` times
        when the copies are not collated) and returns the number of pages painted."""
        if self.copies == 1 or self.collate:
            plan = [(page, 1) for _ in range(self.copies) for page in self.selected]
        else:
            plan = [(page, self.copies) for page in self.selected]
        steps: list[tuple[str, Callable[[], int]]] = []
        done = 0
        for page, repeat in plan:
            done += repeat
            label = _tr("Seite %1 von %2 wird gedruckt …").replace("%1", str(done)).replace(
                "%2", str(self.total))
            steps.append((label, self._step(page, repeat)))
        return steps

    def _step(self, page: PdfPage, repeat: int) -> Callable[[], int]:
        return lambda: self.print_page(page, repeat)

    def print_page(self, page: PdfPage, repeat: int = 1) -> int:
        image = render_page(self.pdf, page.number, self.dpi)
        for _ in range(repeat):
            painter = self._next_sheet(page)
            painter.drawImage(self._target(page), image)
            self.sheets += 1
        return repeat

    def _next_sheet(self, page: PdfPage) -> QPainter:
        size = (page.width_pt, page.height_pt)
        if size != self._size:
            # True size: the paper takes the page's size when the printer allows it.
            self.printer.setPageLayout(QPageLayout(
                QPageSize(QSizeF(*size), QPageSize.Unit.Point, "",
                          QPageSize.SizeMatchPolicy.FuzzyMatch),
                QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
            self._size = size
        if self._painter is None:
            painter = QPainter()
            if not painter.begin(self.printer):
                raise self._printer_error()
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            self._painter = painter
        elif not self.printer.newPage():
            raise self._printer_error()
        return self._painter

    def _target(self, page: PdfPage) -> QRectF:
        """Where the page goes, in device pixels: its physical size, centred on the paper."""
        resolution = self.printer.resolution()
        width = page.width_pt / 72 * resolution
        height = page.height_pt / 72 * resolution
        paper = self.printer.paperRect(QPrinter.Unit.DevicePixel)
        # Shrink only when the paper is really smaller (not for a rounding of a point).
        scale = min(1.0, (paper.width() + 2) / width, (paper.height() + 2) / height)
        width, height = width * scale, height * scale
        return QRectF(paper.x() + (paper.width() - width) / 2,
                      paper.y() + (paper.height() - height) / 2, width, height)

    def _printer_error(self) -> PrintingFailed:
        name = self.printer_name
        if self.printer.outputFileName():  # "print to file"
            return PrintingFailed(
                f"Cannot write the file {name}.",
                _tr("Die Datei „%1“ kann nicht geschrieben werden; gibt es den Ordner, und "
                    "darf dort geschrieben werden?").replace("%1", name),
            )
        return PrintingFailed(
            f"The printer {name} reports an error.",
            _tr("Der Drucker „%1“ meldet einen Fehler; bitte Drucker und Papier prüfen.")
            .replace("%1", name),
        )

    def finish(self, completed: bool) -> None:
        """End the job: hand it to the printer, or after a cancel or an error drop what the
        printer allows to drop (a print-to-file leaves no half file behind)."""
        painter, self._painter = self._painter, None
        if painter is None:
            return
        if not completed:
            self.printer.abort()
        ended = painter.end()
        if not completed:
            if self.printer.outputFileName():
                Path(self.printer.outputFileName()).unlink(missing_ok=True)
            return
        if not ended or self.printer.printerState() == QPrinter.PrinterState.Error:
            raise self._printer_error()
        if self.printer.outputFileName():
            # printed to a file: personal data, the office's alone like every file kpass
            # writes (Qt creates it with the umask's mode)
            tighten(Path(self.printer.outputFileName()))


def print_pdf(pdf: Path, printer: QPrinter) -> int:
    """Print ``pdf`` on ``printer`` (already configured, e.g. by a print dialog) in this
    thread; returns the number of pages sent. Raises :class:`PrintingFailed`."""
    run = PrintRun(pdf, printer)
    completed = False
    try:
        for _label, step in run.steps():
            step()
        completed = True
    finally:
        run.finish(completed)
    return run.sheets
