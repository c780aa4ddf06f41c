"""Documents as PDF (ReportLab): ID-1 pass cards, A4 card sheets, decision letters,
objection letters, reminders.

Plain data in (:mod:`kpass.documents.data`), PDF files or bytes out; no database, no Qt.
Every file is written atomically (see :mod:`kpass.documents.output`) and uses only the
embedded DejaVu Sans fonts.
"""

from kpass.documents.cards import render_card_sheet, render_cards
from kpass.documents.data import (
    CardData,
    DecisionLetterData,
    LetterMember,
    LetterRules,
    ObjectionLetterData,
    ReminderData,
)
from kpass.documents.decision_letter import render_decision_letter
from kpass.documents.errors import DocumentError
from kpass.documents.labels import BASIS_LABELS, PASS_TYPE_TITLES, basis_label, pass_title
from kpass.documents.letter_settings import LetterSettings, load_letter_settings
from kpass.documents.objection_letter import render_objection_letter
from kpass.documents.reminders import render_renewal_reminders
from kpass.vocabulary import format_date, format_euro, format_month, format_weights

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
