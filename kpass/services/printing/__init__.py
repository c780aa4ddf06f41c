"""Printing: cards, card sheets, decision letters, objection letters, application forms and
renewal reminders as PDF, each print recorded (what, for whom, by whom) and rendered outside
the write transaction. One module per document kind; :mod:`~kpass.services.printing.record`
is the print record they share."""

from kpass.services.printing.application_form import print_application_form
from kpass.services.printing.cards import (
    passes_issued_on,
    print_cards,
    print_sheet_issued_on,
)
from kpass.services.printing.letters import print_decision_letter, print_renewal_reminders
from kpass.services.printing.objection_letters import print_objection_letter
from kpass.services.printing.record import PrintResult

__all__ = [
    "PrintResult",
    "passes_issued_on",
    "print_application_form",
    "print_cards",
    "print_decision_letter",
    "print_objection_letter",
    "print_renewal_reminders",
    "print_sheet_issued_on",
]
