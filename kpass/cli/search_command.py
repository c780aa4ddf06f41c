"""``kpass search TEXT``: the counter's person search, scriptable."""

from __future__ import annotations

import argparse
from typing import Any

from kpass.cli.common import database_from_args, print_json
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
    database = database_from_args(args)
    page = search_persons(database, args.text, limit=max(1, args.limit))
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
    return 0 if page.hits else 1
