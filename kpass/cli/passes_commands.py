"""``kpass passes list|count``."""

from __future__ import annotations

import argparse
import re
from datetime import date
from typing import Any

from kpass.cli.common import database_from_args, iso_date, print_json
from kpass.errors import InvalidInput

MAX_LIMIT = 1_000_000


def register(commands: Any) -> None:
    passes = commands.add_parser("passes", help="list and count passes")
    actions = passes.add_subparsers(dest="passes_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="passes valid today (newest validity first)")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--limit", type=int, default=50, metavar="N")
    listing.add_argument("--all", dest="every", action="store_true", help="every status")
    listing.add_argument("--active-on", metavar="DATE")
    listing.add_argument("--expiring-in-month", metavar="YYYY-MM")
    listing.set_defaults(handler=_list)
    count = actions.add_parser("count", help="persons holding a valid pass on a day")
    count.add_argument("--active-on", metavar="DATE", help="default today")
    count.set_defaults(handler=_count)


def parse_month(text: str, option: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})-(\d{2})", text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12 or not 1900 <= int(match.group(1)) <= 2999:
        raise InvalidInput(
            f"{option}: {text!r} is not a month (expected YYYY-MM, e.g. 2027-03).",
            f"{option}: {text!r} ist kein Monat (erwartet JJJJ-MM, z. B. 2027-03).",
        )
    return int(match.group(1)), int(match.group(2))


def _list(args: argparse.Namespace) -> int:
    from kpass.services.pass_queries import list_passes

    if not 1 <= args.limit <= MAX_LIMIT:
        raise InvalidInput(
            f"--limit must be between 1 and {MAX_LIMIT:,}.",
            f"--limit muss zwischen 1 und {MAX_LIMIT:,} liegen.",
        )
    rows = list_passes(
        database_from_args(args),
        active_on=iso_date(args.active_on, "--active-on") if args.active_on else None,
        every_status=args.every,
        expiring_in=parse_month(args.expiring_in_month, "--expiring-in-month")
        if args.expiring_in_month
        else None,
        limit=args.limit,
    )
    if args.json:
        print_json([row.as_json() for row in rows])
        return 0
    for row in rows:
        print(
            f"{row.number}  {row.valid_from:%d.%m.%Y}–{row.valid_until:%d.%m.%Y}  "
            f"{row.status:8} {row.type:16} {row.name}"
        )
    return 0


def _count(args: argparse.Namespace) -> int:
    from kpass.services.pass_queries import count_pass_holders

    day = iso_date(args.active_on, "--active-on") if args.active_on else date.today()
    print(count_pass_holders(database_from_args(args), day))
    return 0
