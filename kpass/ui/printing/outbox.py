"""Printing through ``kpass.services.printing`` into an outbox folder.

The printing services (and ReportLab behind them) are loaded with the first print, not with
the pages that offer printing.

The PDFs are shown by :mod:`kpass.ui.printing.preview_dialog` and sent to a printer by
:mod:`kpass.ui.printing.pdf_printing`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from kpass.atomic_file import keep_private
from kpass.services import Database
from kpass.settings import OUTBOX_NAME, private_data_dir, private_dir

_outbox: Path | None = None


class PrintNotifier(QObject):
    """Tells open views (the household's Verlauf) that something was printed; the reminder
    letters are printed in a pool thread, so receivers get the signal queued."""

    printed = Signal(str)  # the kind of the print record (card, sheet, letter …)


_notifier: PrintNotifier | None = None


def notifier() -> PrintNotifier:
    global _notifier
    if _notifier is None:
        _notifier = PrintNotifier()
        app = QCoreApplication.instance()
        if app is not None:
            _notifier.moveToThread(app.thread())
    return _notifier


def set_outbox(path: Path | None) -> None:
    """Where PDFs go (tests and screenshots use a temporary folder)."""
    global _outbox
    _outbox = path


def outbox() -> Path:
    """The folder the PDFs go to: like the register, only its owner may enter it (0700)
    and read the PDFs in it (0600), whatever the umask."""
    folder = private_dir(_outbox or private_data_dir() / OUTBOX_NAME)
    keep_private(folder)
    return folder


def _target(prefix: str) -> Path:
    return outbox() / f"{prefix}-{datetime.now():%Y%m%d-%H%M%S-%f}.pdf"


def print_cards(database: Database, numbers: Sequence[str], *, sheet: bool = False) -> Path:
    from kpass.services import printing

    prefix = "bogen" if sheet else f"karte-{numbers[0] if len(numbers) == 1 else 'mehrere'}"
    result = printing.print_cards(database, list(numbers), _target(prefix), sheet=sheet)
    notifier().printed.emit("sheet" if sheet else "card")
    return Path(result.path)


def print_sheet_issued_on(database: Database, day: date) -> Path:
    """A4 sheets with the cards of every pass issued, renewed or replaced on ``day``."""
    from kpass.services import printing

    result = printing.print_sheet_issued_on(database, day, _target(f"tagesbogen-{day:%Y-%m-%d}"))
    return Path(result.path)


def print_decision_letter(database: Database, decision_id: int) -> Path:
    from kpass.services import printing

    result = printing.print_decision_letter(database, decision_id,
                                              _target(f"bescheid-{decision_id}"))
    notifier().printed.emit("letter")
    return Path(result.path)


def print_application_form(database: Database, application_id: int) -> Path:
    from kpass.services import printing

    result = printing.print_application_form(database, application_id,
                                               _target(f"antrag-{application_id}"))
    notifier().printed.emit("application_form")
    return Path(result.path)


def print_renewal_reminders(database: Database, year: int, month: int) -> Path:
    from kpass.services import printing

    result = printing.print_renewal_reminders(
        database, year, month, _target(f"erinnerungen-{year}-{month:02d}"))
    notifier().printed.emit("renewals")
    return Path(result.path)
