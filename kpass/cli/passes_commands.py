"""``kpass passes list|count``."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from kpass.cli.common import database_from_args, date_arg, month_arg, number_arg, print_json

MAX_LIMIT = 1_000_000


def register(commands: Any) -> None:
    passes = commands.add_parser("passes", help="list and count passes")
    actions = passes.add_subparsers(dest="passes_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="passes valid today (newest validity first)")
    listing.add_argument("--json", action="store_true")
    listing.add_argument(
        "--limit", type=number_arg(1, MAX_LIMIT), default=50, metavar="N", help="1 … 1,000,000"
    )
    listing.add_argument("--all", dest="every", action="store_true", help="every status")
    listing.add_argument("--active-on", type=date_arg, metavar="DATE")
    listing.add_argument("--expiring-in-month", type=month_arg, metavar="YYYY-MM")
    listing.add_argument("--issuer", metavar="CODE",
                         help="only this issuing municipality's passes (code or name)")
    listing.set_defaults(handler=_list)
    count = actions.add_parser("count", help="persons holding a valid pass on a day")
    count.add_argument("--active-on", type=date_arg, metavar="DATE", help="default today")
    count.set_defaults(handler=_count)


def _list(args: argparse.Namespace) -> int:
    from kpass.services.passes import list_passes
    from kpass.services.statistics import check_issuer_code

    month = args.expiring_in_month
    rows = list_passes(
        database_from_args(args),
        active_on=args.active_on,
        every_status=args.every,
        expiring_in=(month.year, month.month) if month is not None else None,
        limit=args.limit,
        issuer=check_issuer_code(args.issuer),
    )
    if args.json:
        print_json([row.as_json() for row in rows])
        return 0
    for row in rows:
        pending = f"  (revoked from {row.revoked_on:%d.%m.%Y})" if row.revocation_pending else ""
        print(
            f"{row.number}  {row.valid_from:%d.%m.%Y}–{row.valid_until:%d.%m.%Y}  "
            f"{row.status:8} {row.type:16} {row.name}{pending}"
        )
    return 0


def _count(args: argparse.Namespace) -> int:
    from kpass.services.passes import count_pass_holders

    day: date = args.active_on or date.today()
    print(count_pass_holders(database_from_args(args), day))
    return 0
