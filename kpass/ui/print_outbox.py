"""Printing through ``kpass.services.printing`` into an outbox folder, and page previews.

Previews are PNGs rendered by ``pdftoppm`` (poppler), because QtPdf is not part of
PySide6-Essentials.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from kpass.models.engine import Database
from kpass.services import printing
from kpass.settings import data_dir

_outbox: Path | None = None


def set_outbox(path: Path | None) -> None:
    """Where PDFs go (tests and screenshots use a temporary folder)."""
    global _outbox
    _outbox = path


def outbox() -> Path:
    folder = _outbox or data_dir() / "Ausgabe"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _target(prefix: str) -> Path:
    return outbox() / f"{prefix}-{datetime.now():%Y%m%d-%H%M%S-%f}.pdf"


def print_cards(database: Database, numbers: Sequence[str], *, sheet: bool = False) -> Path:
    prefix = "bogen" if sheet else f"karte-{numbers[0] if len(numbers) == 1 else 'mehrere'}"
    result = printing.print_cards(database, list(numbers), _target(prefix), sheet=sheet)
    return Path(result.path)


def print_decision_letter(database: Database, decision_id: int) -> Path:
    result = printing.print_decision_letter(database, decision_id,
                                              _target(f"bescheid-{decision_id}"))
    return Path(result.path)


def print_application_form(database: Database, application_id: int) -> Path:
    result = printing.print_application_form(database, application_id,
                                               _target(f"antrag-{application_id}"))
    return Path(result.path)


def print_renewal_reminders(database: Database, year: int, month: int) -> Path:
    result = printing.print_renewal_reminders(
        database, year, month, _target(f"erinnerungen-{year}-{month:02d}"))
    return Path(result.path)


def render_pages(pdf: Path, dpi: int = 80, first_pages: int = 4) -> list[Path]:
    """PNG images of the first pages of ``pdf`` (empty when poppler is not installed)."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return []
    folder = Path(tempfile.mkdtemp(prefix="kpass-vorschau-"))
    subprocess.run(
        [tool, "-r", str(dpi), "-png", "-f", "1", "-l", str(first_pages), str(pdf),
         str(folder / "seite")],
        check=True, capture_output=True, timeout=60,
    )
    return sorted(folder.glob("seite*.png"))
