"""A printed PDF shown as page images, with its place in the outbox and a print button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeySequence, QPixmap, QShortcut
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kpass.ui.common.background import BackgroundJobs, Job, JobOutcome
from kpass.ui.common.batch_jobs import start_with_progress
from kpass.ui.common.run_service import run_service
from kpass.ui.common.style import MessageBar, MessageKind
from kpass.ui.printing.pdf_printing import PdfPage, PrintRun, read_pages, render_page

PREVIEW_DPI = 80
PREVIEW_PAGES = 4


def _tr(text: str) -> str:
    return QCoreApplication.translate("PreviewDialog", text)


def choose_printer(printer: QPrinter, pages: int, parent: QWidget) -> bool:
    """Qt's print dialog for ``printer`` (printer, pages, copies); False when cancelled.

    Tests replace this function: a modal dialog would wait for ever offscreen.
    """
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_tr("Drucken"))
    option = QAbstractPrintDialog.PrintDialogOption
    dialog.setOptions(option.PrintToFile | option.PrintPageRange
                      | option.PrintCollateCopies | option.PrintShowPageSize)
    dialog.setMinMax(1, max(1, pages))
    return dialog.exec() == QDialog.DialogCode.Accepted


class PreviewDialog(QDialog):
    # pages sent, cancelled, error message (German; empty when it worked)
    printed = Signal(int, bool, str)

    def __init__(self, pdf: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.title = title
        self.setObjectName("printPreview")
        self.setWindowTitle(_tr("Vorschau: %1").replace("%1", title))
        self.resize(1000, 760)
        self.path_label = QLabel(_tr("Gespeichert als %1").replace("%1", str(pdf)))
        self.path_label.setWordWrap(True)
        self.path_label.setAccessibleName(_tr("Speicherort der PDF-Datei"))
        self.message_bar = MessageBar("printMessage")
        self.message = self.message_bar.label
        self.message.setAccessibleName(_tr("Meldung zum Drucken"))
        self.pages: list[PdfPage] = []
        self.page_labels: list[QLabel] = []
        self.pages_scroll = QScrollArea()
        self.pages_scroll.setWidget(self._page_images())
        self.pages_scroll.setWidgetResizable(True)
        self.pages_scroll.setAccessibleName(_tr("Seiten des Dokuments"))
        self.print_button = QPushButton(_tr("&Drucken …"))
        self.print_button.setObjectName("printButton")
        self.print_button.setAccessibleName(_tr("Dokument drucken"))
        self.print_button.setToolTip(_tr("Drucker wählen und drucken (Strg+P)"))
        self.print_button.setEnabled(bool(self.pages))
        self.folder_button = QPushButton(_tr("&Ordner öffnen"))
        self.folder_button.setAccessibleName(_tr("Ausgabeordner öffnen"))
        self.open_button = QPushButton(_tr("PDF ö&ffnen"))
        self.open_button.setAccessibleName(_tr("PDF im Standardprogramm öffnen"))
        self.close_button = QPushButton(_tr("&Schließen"))
        self.close_button.setAccessibleName(_tr("Vorschau schließen"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.path_label, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages_scroll, 1)
        layout.addWidget(self.message_bar)
        layout.addLayout(buttons)
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf.parent))))
        self.open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf))))
        self.close_button.clicked.connect(self.accept)
        self.print_button.clicked.connect(lambda: self.print_document())
        self.print_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        self.print_shortcut.activated.connect(lambda: self.print_document())
        self.printer: QPrinter | None = None
        self.jobs = BackgroundJobs(self)
        self.job: Job | None = None
        default = self.print_button if self.pages else self.close_button
        default.setDefault(True)
        default.setFocus()

    def _page_images(self) -> QWidget:
        pages = QWidget()
        layout = QVBoxLayout(pages)
        layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        def show_pages() -> None:
            self.pages = read_pages(self.pdf)
            for page in self.pages[:PREVIEW_PAGES]:
                label = QLabel()
                label.setPixmap(QPixmap.fromImage(render_page(self.pdf, page.number,
                                                              PREVIEW_DPI)))
                label.setAccessibleName(_tr("Seite %1").replace("%1", str(page.number)))
                label.setObjectName("previewPage")
                layout.addWidget(label)
                self.page_labels.append(label)

        run_service(show_pages, lambda text: layout.addWidget(
            QLabel(_tr("Keine Vorschau möglich: %1").replace("%1", text))))
        if len(self.pages) > len(self.page_labels) > 0:
            more = QLabel(_tr("Die Vorschau zeigt die ersten %1 von %2 Seiten; gedruckt "
                              "werden alle.").replace("%1", str(len(self.page_labels)))
                          .replace("%2", str(len(self.pages))))
            more.setAccessibleName(more.text())
            layout.addWidget(more)
        return pages

    def say(self, text: str, kind: MessageKind = "success") -> None:
        self.message_bar.say(text, kind)

    def print_document(self) -> Job | None:
        """Ask for printer, pages and copies, then print page by page in the background."""
        if self.job is not None or not self.pages:
            return None
        if self.printer is None:  # kept: a second print goes to the printer chosen first
            self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            self.printer.setDocName(self.title)
            if not QPrinterInfo.availablePrinterNames():
                # Only "print to file" is offered: suggest a file beside the original
                # rather than Qt's default, the home folder itself.
                self.printer.setOutputFileName(
                    str(self.pdf.with_name(f"{self.pdf.stem}-gedruckt.pdf")))
        printer = self.printer
        if not choose_printer(printer, len(self.pages), self):
            return None
        prepared = run_service(lambda: PrintRun(self.pdf, printer, self.pages),
                               self.message_bar.show_error)
        if not prepared:
            return None
        run = prepared.result()
        self.print_button.setEnabled(False)
        self.say(_tr("Wird gedruckt …"), "info")

        def done(outcome: JobOutcome) -> None:
            self.job = None
            self.print_button.setEnabled(True)
            self.print_button.setFocus()  # it lost the focus while it was disabled
            cancelled, error = outcome.cancelled, outcome.error
            sent = sum(int(r) for r in outcome.results)
            kind: MessageKind = "error" if error else "warning" if cancelled else "success"
            if error:
                text = error
            elif cancelled and run.printer.outputFileName():
                text = _tr("Drucken abgebrochen; die Datei wurde nicht geschrieben.")
            elif cancelled:
                # Qt's print engines cannot take back pages already painted.
                text = _tr("Drucken abgebrochen; %1 von %2 Seiten gehen an den Drucker.") \
                    .replace("%1", str(sent)).replace("%2", str(run.total))
            else:
                text = _tr("%1 Seite(n) an „%2“ gesendet.").replace("%1", str(sent)).replace(
                    "%2", run.printer_name)
            self.say(text, kind)
            self.printed.emit(sent, cancelled, error)

        self.job = start_with_progress(self.jobs, _tr("Drucken: %1").replace("%1", self.title),
                                       run.steps(), done, on_stop=run.finish)
        return self.job

    def stop(self) -> None:
        """Paint no further page and wait for the one being painted; the print job is
        aborted (a print to file leaves no file). For closing: no message follows."""
        self.jobs.stop()
        if self.job is not None:
            self.job = None
            self.print_button.setEnabled(True)

    def done(self, result: int) -> None:  # Schließen, Esc
        self.stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # also when it was never shown
        self.stop()
        super().closeEvent(event)
