"""``kpass search TEXT``: the counter's person search, scriptable."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kpass.cli.common import database_from_args, print_json
from kpass.errors import InvalidInput
from kpass.services.person_search import search_persons


def register(commands: Any) -> None:
    search = commands.add_parser(
        "search", help="find persons by name parts, birth date (12.03.1980) or birth year"
    )
    search.add_argument("text", help="what you would type in the search field")
    search.add_argument("--limit", type=int, default=20, metavar="N")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(handler=_search)


def _search(args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= 1000:
        raise InvalidInput(
            "--limit must be between 1 and 1000.", "--limit muss zwischen 1 und 1000 liegen."
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
