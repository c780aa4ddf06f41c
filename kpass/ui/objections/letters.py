"""The letter that ends an objection (Abhilfe- or Widerspruchsbescheid) into the outbox, as
the other letters go (:mod:`kpass.ui.printing.outbox`), for the preview to show."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from kpass.services import Database
from kpass.ui.printing import outbox as print_outbox


def print_objection_letter(database: Database, objection_id: int) -> Path:
    from kpass.services import printing  # ReportLab with the first letter, not with the page

    target = (print_outbox.outbox()
              / f"widerspruch-{objection_id}-{datetime.now():%Y%m%d-%H%M%S-%f}.pdf")
    result = printing.print_objection_letter(database, objection_id, target)
    print_outbox.notifier().printed.emit("letter")  # the household's Verlauf shows it
    return Path(result.path)
