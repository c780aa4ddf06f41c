"""Printing: cards, card sheets, decision letters, application forms and renewal reminders as
PDF, each print recorded (what, for whom, by whom) and rendered outside the write
transaction."""

from kpass.services.printing.prints import (
    print_application_form,
    print_cards,
    print_decision_letter,
    print_renewal_reminders,
    print_sheet_issued_on,
)

__all__ = [
    "print_application_form",
    "print_cards",
    "print_decision_letter",
    "print_renewal_reminders",
    "print_sheet_issued_on",
]
