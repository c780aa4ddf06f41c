"""``kpass vouchers hand-out|list``: the 60plus vouchers (Bildungs- und Kulturgutscheine),
once per person and calendar year, and the accounting department's list of a month
(supervisors; ``--out`` writes CSV or XLSX by the file ending)."""

from __future__ import annotations

import argparse
from typing import Any

from kpass.cli.common import (
    database_from_args,
    date_arg,
    id_arg,
    month_arg,
    path_arg,
    print_json,
)
from kpass.services.vouchers import export_voucher_list, hand_out_vouchers, voucher_list
from kpass.vocabulary import format_euro


def register(commands: Any) -> None:
    vouchers = commands.add_parser("vouchers", help="60plus vouchers (once per calendar year)")
    actions = vouchers.add_subparsers(dest="vouchers_command", metavar="ACTION", required=True)

    hand_out = actions.add_parser("hand-out", help="hand out this year's 60plus vouchers")
    hand_out.add_argument("--person", type=id_arg, required=True, metavar="ID")
    hand_out.add_argument("--date", type=date_arg, metavar="DATE",
                          help="the day of the hand-out (default: today)")
    hand_out.add_argument("--json", action="store_true", help="print JSON")
    hand_out.set_defaults(handler=_hand_out)

    listing = actions.add_parser("list", help="the hand-outs of a month (supervisors)")
    listing.add_argument("--month", type=month_arg, required=True, metavar="YYYY-MM")
    listing.add_argument("--out", type=path_arg, metavar="FILE",
                         help="write the list as FILE.csv or FILE.xlsx")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=_list)


def _hand_out(args: argparse.Namespace) -> int:
    issued = hand_out_vouchers(database_from_args(args), args.person, on=args.date)
    if args.json:
        print_json(issued.as_json())
    else:
        print(f"60plus vouchers {issued.year} handed out / 60plus-Gutscheine ausgegeben: "
              f"{issued.person_name}, pass {issued.pass_number}, "
              f"{format_euro(issued.amount)}, {issued.handed_out_on:%d.%m.%Y}")
    return 0


def _list(args: argparse.Namespace) -> int:
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
