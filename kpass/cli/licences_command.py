"""``kpass licences``: what kpass is built from, with versions and licences (as "Über kpass")."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(commands: Any) -> None:
    licences = commands.add_parser(
        "licences", help="list kpass's components (libraries, fonts) with version and licence")
    licences.add_argument("--json", action="store_true", help="as JSON, with the licence texts")
    licences.set_defaults(handler=_licences)


def _licences(args: argparse.Namespace) -> int:
    from kpass.components import components

    found = components()
    if args.json:
        print(json.dumps([vars(c) for c in found], ensure_ascii=False, indent=2))
        return 0
    width = max(len(c.name) for c in found)
    for component in found:
        carried = " (text)" if component.text_carried else ""
        print(f"{component.name:<{width}}  {component.version:<12} {component.licence}{carried}")
    return 0
