"""Documents as PDF (ReportLab): ID-1 pass cards, A4 card sheets, decision letters,
objection letters, reminders.

Plain data in (:mod:`kpass.documents.data`), PDF files or bytes out; no database, no Qt.
Every file is written atomically (see :mod:`kpass.documents.output`) and uses only the
embedded DejaVu Sans fonts.

The plain data, labels and letter settings load with this package; the renderers, which
bring ReportLab, on first use (PEP 562): importing a service that may print must not load
ReportLab into a program that does not print (the app's start, most commands).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from kpass.documents.data import (
    CardData,
    DecisionLetterData,
    LetterMember,
    LetterRules,
    ObjectionLetterData,
    ReminderData,
)
from kpass.documents.errors import DocumentError
from kpass.documents.labels import BASIS_LABELS, PASS_TYPE_TITLES, basis_label, pass_title
from kpass.documents.letter_settings import LetterSettings, load_letter_settings
from kpass.vocabulary import format_date, format_euro, format_month, format_weights

if TYPE_CHECKING:
    from kpass.documents.cards import render_card_sheet, render_cards
    from kpass.documents.decision_letter import render_decision_letter
    from kpass.documents.objection_letter import render_objection_letter
    from kpass.documents.reminders import render_renewal_reminders

#: each renderer exported here and the module that defines it
_LAZY: dict[str, str] = {
    "render_card_sheet": "kpass.documents.cards",
    "render_cards": "kpass.documents.cards",
    "render_decision_letter": "kpass.documents.decision_letter",
    "render_objection_letter": "kpass.documents.objection_letter",
    "render_renewal_reminders": "kpass.documents.reminders",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # looked up once
    return value


__all__ = [
    "BASIS_LABELS",
    "PASS_TYPE_TITLES",
    "CardData",
    "DecisionLetterData",
    "DocumentError",
    "LetterMember",
    "LetterRules",
    "LetterSettings",
    "ObjectionLetterData",
    "ReminderData",
    "basis_label",
    "format_date",
    "format_euro",
    "format_month",
    "format_weights",
    "load_letter_settings",
    "pass_title",
    "render_card_sheet",
    "render_cards",
    "render_decision_letter",
    "render_objection_letter",
    "render_renewal_reminders",
]
