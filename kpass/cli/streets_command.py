"""``kpass streets import FILE.csv``: the city's street directory for Stadtteil suggestions."""

from __future__ import annotations

import argparse
from typing import Any

from kpass.cli.common import database_from_args, path_arg


def register(commands: Any) -> None:
    streets = commands.add_parser("streets", help="the street directory (Straßenverzeichnis)")
    actions = streets.add_subparsers(dest="streets_command", metavar="ACTION", required=True)
    load = actions.add_parser(
        "import", help="replace the directory by a CSV file: Straße;Hausnummern;Stadtteil"
    )
    load.add_argument("file", type=path_arg, metavar="FILE.csv")
    load.set_defaults(handler=_import)


def _import(args: argparse.Namespace) -> int:
    from kpass.services.search import import_directory

    count = import_directory(database_from_args(args), args.file)
    print(f"Street directory imported: {count} entries.")
    return 0
