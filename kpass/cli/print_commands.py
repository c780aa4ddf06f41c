"""``kpass print …``, ``kpass keys …`` and ``kpass verify``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from typing import Any

from kpass.cli.common import (
    database_from_args,
    date_arg,
    id_arg,
    iso_date,
    month_arg,
    pass_number_arg,
    pass_numbers_arg,
    path_arg,
    text_arg,
)
from kpass.errors import InvalidInput


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
    renewals = kinds.add_parser("renewals", help="reminders for all passes expiring in a month")
    renewals.add_argument("--month", type=month_arg, required=True, metavar="YYYY-MM")
    renewals.set_defaults(handler=_renewals)
    form = kinds.add_parser("application", help="the application form for the applicant to sign")
    form.add_argument("--application", type=id_arg, required=True, metavar="ID")
    form.set_defaults(handler=_application)
    for sub in (card, sheet, letter, renewals, form):
        sub.add_argument(
            "--out",
            type=path_arg,
            required=True,
            metavar="FILE.pdf",
            help="replaces only an existing PDF, never the database",
        )

    keys = commands.add_parser("keys", help="the office's signing keys for the QR codes")
    actions = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    public = actions.add_parser("export-public", help="public keys for partners")
    public.add_argument("--out", type=path_arg, required=True, metavar="FILE")
    public.set_defaults(handler=_export_public)
    rotate = actions.add_parser("rotate", help="retire the current key and start a new one")
    rotate.set_defaults(handler=_rotate)
    revoked = actions.add_parser("export-revoked", help="signed list of revoked pass numbers")
    revoked.add_argument("--out", type=path_arg, required=True, metavar="FILE")
    revoked.set_defaults(handler=_export_revoked)

    verify = commands.add_parser(
        "verify", help="check a pass's QR payload (exit 0 valid, 3 not valid now, 1 forged)"
    )
    verify.add_argument("payload")
    verify.add_argument(
        "--public-key",
        metavar="FILE",
        help="partners' public-key file (default: this office's database)",
    )
    verify.add_argument("--revoked", metavar="FILE", help="signed list of revoked numbers")
    verify.add_argument("--on", metavar="DATE", help="check for this day (default today)")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=_verify)


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


def _renewals(args: argparse.Namespace) -> int:
    from kpass.services.printing import print_renewal_reminders

    year, month = args.month
    result = print_renewal_reminders(database_from_args(args), year, month, args.out)
    return _report(result, f"{result.count} reminder(s)")


def _application(args: argparse.Namespace) -> int:
    from kpass.services.printing import print_application_form

    result = print_application_form(database_from_args(args), args.application, args.out)
    return _report(result, f"application form {args.application}")


def _export_public(args: argparse.Namespace) -> int:
    from kpass.services.admin import export_public_key_file

    path = export_public_key_file(database_from_args(args), args.out)
    print(f"Wrote the public keys to {path}.")
    return 0


def _rotate(args: argparse.Namespace) -> int:
    from kpass.services.admin import rotate_key

    print(f"New signing key {rotate_key(database_from_args(args))}; the old one is retired.")
    return 0


def _export_revoked(args: argparse.Namespace) -> int:
    from kpass.services.admin import export_revocation_list

    count = export_revocation_list(database_from_args(args), args.out)
    print(f"Wrote a signed list of {count} revoked pass number(s) to {args.out}.")
    return 0


def _read_text(name: str, option: str) -> str:
    # newline="": line ends as they are in the file (a CR LF revocation list is refused)
    try:
        with open(name, encoding="ascii", newline="") as stream:
            return stream.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(
            f"{option}: cannot read {name} ({exc}).",
            f"{option}: {name} kann nicht gelesen werden ({exc}).",
        ) from exc


def _today_in_germany() -> date:
    """Today in Europe/Berlin, the day the document's validity dates refer to."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return datetime.now(ZoneInfo("Europe/Berlin")).date()
    except ZoneInfoNotFoundError:  # no time zone database (Windows without tzdata)
        return date.today()


def _verify(args: argparse.Namespace) -> int:
    from kpass.services.passes import load_public_keys, load_revocation_list, verify_payload

    if args.public_key:
        keys = load_public_keys(_read_text(args.public_key, "--public-key"))
    else:
        from kpass.services.admin import public_keys

        # read only: a database without a key says so (exit 1) instead of making one
        keys = public_keys(database_from_args(args))
    revoked = (
        load_revocation_list(_read_text(args.revoked, "--revoked"), keys) if args.revoked else None
    )
    on = iso_date(args.on, "--on") if args.on else _today_in_germany()
    # Not stripped here: verify_payload ignores exactly the white space the document allows.
    result = verify_payload(args.payload, keys, on, revoked)
    fields = result.fields
    if args.json:
        json.dump(
            {
                "status": str(result.status),
                "message": result.message_en,
                "number": fields.number if fields else None,
                "type": fields.pass_type if fields else None,
                "valid_until": fields.valid_until.isoformat() if fields else None,
            },
            sys.stdout,
        )
        sys.stdout.write("\n")
    else:
        print(result.message_en)
        print(result.message_de)
        if fields is not None and result.status.genuine:
            print(f"{fields.number}  {fields.pass_type}  valid until {fields.valid_until:%d.%m.%Y}")
    if result.status.accept:
        return 0
    return 3 if result.status.genuine else 1
