"""``kpass import FILE.csv|FILE.xlsx``: take over the office's current list (issue 16.5).

Exit codes: 0 every household imported (a dry run: every household good), 1 not every
household imported (skipped, to check, refused as a whole, cancelled), 2 a bad file or
mapping (nothing checked, nothing written).
"""

from __future__ import annotations

import argparse
from typing import Any

from kpass.cli.common import database_from_args, path_arg, print_json


def register(commands: Any) -> None:
    command = commands.add_parser(
        "import",
        help="take over an existing register from a CSV or XLSX file (Übernahme)",
        description="Take over the office's current list: one row per person, the columns "
        "named by a mapping file (sample: resources/import/mapping-beispiel.toml). All or "
        "nothing unless --partial.",
    )
    command.add_argument("file", type=path_arg, metavar="FILE.csv|FILE.xlsx")
    command.add_argument("--mapping", type=path_arg, metavar="MAP.toml",
                         help="the mapping of the columns (default: the shipped sample)")
    command.add_argument("--dry-run", action="store_true",
                         help="check everything and report, save nothing")
    command.add_argument("--partial", action="store_true",
                         help="save each good household on its own (default: all or nothing)")
    command.add_argument("--json", action="store_true", help="the report as JSON")
    command.set_defaults(handler=_import)


def _import(args: argparse.Namespace) -> int:
    from kpass.services.register_import import import_register, report_lines

    report = import_register(database_from_args(args), args.file, args.mapping,
                             dry_run=args.dry_run, partial=args.partial)
    if args.json:
        print_json(report.to_json())
    else:
        print("\n".join(report_lines(report, "de")))
        print()
        print("\n".join(report_lines(report, "en")))
    return 0 if report.everything_imported or (
        report.dry_run and report.households
        and all(h.status == "ready" for h in report.households)) else 1
