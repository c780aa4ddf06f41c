"""``kpass vouchers hand-out|receipt|list``: the 60plus vouchers (Bildungs- und
Kulturgutscheine), once per person and calendar year, their printed Empfangsbestätigung
(``hand-out --print FILE.pdf``, or ``receipt`` again later), and the accounting department's
list of a month (supervisors; ``--out`` writes CSV or XLSX by the file ending)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kpass.cli.common import (
    database_from_args,
    date_arg,
    id_arg,
    month_arg,
    path_arg,
    print_json,
)
from kpass.errors import InvalidInput, KpassError
from kpass.vocabulary import format_euro

if TYPE_CHECKING:
    from kpass.services.vouchers import VoucherReceipt


def register(commands: Any) -> None:
    vouchers = commands.add_parser("vouchers", help="60plus vouchers (once per calendar year)")
    actions = vouchers.add_subparsers(dest="vouchers_command", metavar="ACTION", required=True)

    hand_out = actions.add_parser("hand-out", help="hand out this year's 60plus vouchers")
    hand_out.add_argument("--person", type=id_arg, required=True, metavar="ID")
    hand_out.add_argument("--date", type=date_arg, metavar="DATE",
                          help="the day of the hand-out (default: today)")
    hand_out.add_argument("--print", dest="receipt", type=path_arg, metavar="FILE.pdf",
                          help="also write the receipt for the recipient to sign")
    hand_out.add_argument("--json", action="store_true", help="print JSON")
    hand_out.set_defaults(handler=_hand_out)

    receipt = actions.add_parser("receipt", help="the receipt of a hand-out (again)")
    receipt.add_argument("--voucher", type=id_arg, required=True, metavar="ID",
                         help="the hand-out's id (hand-out --json, list --json)")
    receipt.add_argument("--out", type=path_arg, required=True, metavar="FILE.pdf",
                         help="replaces only an existing PDF, never the database")
    receipt.set_defaults(handler=_receipt)

    listing = actions.add_parser("list", help="the hand-outs of a month (supervisors)")
    listing.add_argument("--month", type=month_arg, required=True, metavar="YYYY-MM")
    listing.add_argument("--out", type=path_arg, metavar="FILE",
                         help="write the list as FILE.csv or FILE.xlsx")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=_list)


def _folder_exists(out: Path) -> None:
    """Refused before handing out: the receipt could not be written there afterwards."""
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise InvalidInput(
            f"{out}: the folder {folder} does not exist; nothing was handed out.",
            f"{out}: den Ordner {folder} gibt es nicht; es wurde nichts ausgegeben.",
        )


def _receipt_written(receipt: VoucherReceipt) -> str:
    return f"receipt written / Empfangsbestätigung geschrieben: {receipt.path}"


def _hand_out(args: argparse.Namespace) -> int:
    from kpass.services.vouchers import hand_out_vouchers, print_voucher_receipt

    database = database_from_args(args)
    if args.receipt is not None:
        _folder_exists(args.receipt)
    issued = hand_out_vouchers(database, args.person, on=args.date)
    if args.json:
        print_json(issued.as_json())
    else:
        print(f"60plus vouchers {issued.year} handed out / 60plus-Gutscheine ausgegeben: "
              f"{issued.person_name}, pass {issued.pass_number}, "
              f"{format_euro(issued.amount)}, {issued.handed_out_on:%d.%m.%Y} "
              f"(hand-out / Ausgabe {issued.id})")
    if args.receipt is None:
        return 0
    try:
        receipt = print_voucher_receipt(database, issued.id, args.receipt)
    except KpassError as exc:
        # The hand-out stands (it is stored); only the sheet is missing.
        print(f"kpass: {exc.message_en}", file=sys.stderr)
        print(f"kpass: {exc.message_de}", file=sys.stderr)
        print(f"kpass: the vouchers were handed out; write the receipt with / die Gutscheine "
              f"sind ausgegeben; die Empfangsbestätigung mit: kpass vouchers receipt "
              f"--voucher {issued.id} --out FILE.pdf", file=sys.stderr)
        return exc.exit_code
    print(_receipt_written(receipt), file=sys.stderr if args.json else sys.stdout)
    return 0


def _receipt(args: argparse.Namespace) -> int:
    from kpass.services.vouchers import print_voucher_receipt

    receipt = print_voucher_receipt(database_from_args(args), args.voucher, args.out)
    print(_receipt_written(receipt))
    return 0


def _list(args: argparse.Namespace) -> int:
    from kpass.services.vouchers import export_voucher_list, voucher_list

    database = database_from_args(args)
    month = args.month
    if args.out is not None:
        written = export_voucher_list(database, month.year, month.month, args.out)
        print(f"written / geschrieben: {written}")
        return 0
    rows = voucher_list(database, month.year, month.month)
    if args.json:
        print_json([row.as_json() for row in rows])
        return 0
    for row in rows:
        print(f"{row.handed_out_on:%d.%m.%Y}  {row.pass_number}  {row.person_name}  "
              f"{format_euro(row.amount)}")
    if not rows:
        print(f"no vouchers handed out in {month.text} / keine Gutscheine ausgegeben")
    return 0
