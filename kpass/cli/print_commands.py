"""``kpass print …`` (the keys and ``kpass verify`` are in :mod:`kpass.cli.keys_command`)."""

from __future__ import annotations

import argparse
from typing import Any

from kpass.cli.common import (
    database_from_args,
    date_arg,
    id_arg,
    month_arg,
    pass_number_arg,
    pass_numbers_arg,
    path_arg,
    text_arg,
)


def register(commands: Any) -> None:
    printing = commands.add_parser("print", help="print cards, sheets, letters, reminders (PDF)")
    kinds = printing.add_subparsers(dest="print_command", metavar="WHAT", required=True)
    card = kinds.add_parser("card", help="one ID-1 card")
    card.add_argument(
        "--pass", dest="number", type=pass_number_arg, required=True, metavar="NUMBER"
    )
    card.add_argument("--back", action="store_true", help="with the back side")
    card.set_defaults(handler=_card)
    sheet = kinds.add_parser("sheet", help="A4 sheets of ten cards")
    which = sheet.add_mutually_exclusive_group(required=True)
    which.add_argument("--issued-on", type=date_arg, metavar="DATE")
    which.add_argument("--passes", type=pass_numbers_arg, metavar="N,N,…")
    sheet.set_defaults(handler=_sheet)
    letter = kinds.add_parser("letter", help="the decision letter (Bescheid)")
    letter.add_argument("--decision", type=id_arg, required=True, metavar="ID")
    letter.add_argument(
        "--representative",
        type=text_arg(200),
        metavar="NAME",
        help="send to a legal representative (Betreuer/in)",
    )
    letter.set_defaults(handler=_letter)
    objection = kinds.add_parser(
        "objection-letter", help="the Widerspruchsbescheid or Abhilfebescheid of an objection"
    )
    objection.add_argument("--objection", type=id_arg, required=True, metavar="ID")
    objection.add_argument("--date", type=date_arg, metavar="DATE", help="the letter's date")
    objection.set_defaults(handler=_objection_letter)
    renewals = kinds.add_parser("renewals", help="reminders for all passes expiring in a month")
    renewals.add_argument("--month", type=month_arg, required=True, metavar="YYYY-MM")
    renewals.set_defaults(handler=_renewals)
    form = kinds.add_parser("application", help="the application form for the applicant to sign")
    form.add_argument("--application", type=id_arg, required=True, metavar="ID")
    form.set_defaults(handler=_application)
    for sub in (card, sheet, letter, objection, renewals, form):
        sub.add_argument(
            "--out",
            type=path_arg,
            required=True,
            metavar="FILE.pdf",
            help="replaces only an existing PDF, never the database",
        )


def _report(result: Any, what: str) -> int:
    print(f"Wrote {result.path}: {what}, {result.pages} page(s).")
    return 0


def _card(args: argparse.Namespace) -> int:
    from kpass.services.printing import print_cards

    result = print_cards(database_from_args(args), [args.number], args.out, back_side=args.back)
    return _report(result, f"card {args.number}")


def _sheet(args: argparse.Namespace) -> int:
    from kpass.services.printing import print_cards, print_sheet_issued_on

    database = database_from_args(args)
    if args.issued_on is not None:
        result = print_sheet_issued_on(database, args.issued_on, args.out)
    else:
        result = print_cards(database, args.passes, args.out, sheet=True)
    return _report(result, f"{result.count} card(s)")


def _letter(args: argparse.Namespace) -> int:
    from kpass.services.printing import print_decision_letter

    result = print_decision_letter(
        database_from_args(args), args.decision, args.out, representative=args.representative
    )
    return _report(result, f"letter for decision {args.decision}")


def _objection_letter(args: argparse.Namespace) -> int:
    from kpass.services.printing import print_objection_letter

    result = print_objection_letter(
        database_from_args(args), args.objection, args.out, letter_date=args.date
    )
    return _report(result, f"letter for objection {args.objection}")


def _renewals(args: argparse.Namespace) -> int:
    from kpass.services.printing import print_renewal_reminders

    year, month = args.month
    result = print_renewal_reminders(database_from_args(args), year, month, args.out)
    return _report(result, f"{result.count} reminder(s)")


def _application(args: argparse.Namespace) -> int:
    from kpass.services.printing import print_application_form

    result = print_application_form(database_from_args(args), args.application, args.out)
    return _report(result, f"application form {args.application}")
