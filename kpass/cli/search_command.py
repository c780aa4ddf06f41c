"""``kpass search TEXT``: the counter's person search, scriptable."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kpass.cli.common import database_from_args, number_arg, print_json, text_arg
from kpass.errors import InvalidInput

MAX_LIMIT = 1000


def register(commands: Any) -> None:
    search = commands.add_parser(
        "search",
        help="find persons by name parts, birth date (12.03.1980), birth year, pass number "
        "(from four digits: KA-1034) or street",
    )
    search.add_argument("text", type=text_arg(200), help="what you would type in the search field")
    search.add_argument(
        "--limit", type=number_arg(1, MAX_LIMIT), default=20, metavar="N", help="1 … 1000"
    )
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(handler=_search)


def _search(args: argparse.Namespace) -> int:
    from kpass.services.search import pass_query_too_short, search_persons

    if pass_query_too_short(args.text):
        # Like the search field: "KA-" and "KA-1" stand for no number yet, and finding
        # everybody called "Ka…" would only mislead.
        raise InvalidInput(
            "Pass number: please type at least four digits (e.g. KA-1034).",
            "Passnummer: bitte mindestens vier Ziffern eingeben (z. B. KA-1034).",
        )
    database = database_from_args(args)
    page = search_persons(database, args.text, limit=args.limit)
    if args.json:
        print_json([hit.__dict__ for hit in page.hits])
        return 0
    for hit in page.hits:
        address = f"{hit.street} {hit.house_number}, {hit.stadtteil or hit.municipality}"
        print(
            f"{hit.person_id:>8}  {hit.family_name}, {hit.given_names}  "
            f"{hit.birth_date:%d.%m.%Y}  {address}"
        )
    if page.has_more:
        print("… more results; refine the search.")
    if not page.hits:
        print("No person found. / Keine Person gefunden.", file=sys.stderr)
        return 1
    return 0
