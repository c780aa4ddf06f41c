"""``kpass stats``: monthly counts for Sozialplanung as CSV, XLSX or JSON."""

from __future__ import annotations

import argparse
from typing import Any

from kpass.cli.common import database_from_args, month_arg, path_arg, text_arg


def register(commands: Any) -> None:
    stats = commands.add_parser(
        "stats", help="monthly statistics (suppressed unless --exact) as csv, xlsx or json"
    )
    stats.add_argument("--from", dest="first", type=month_arg, required=True, metavar="YYYY-MM")
    stats.add_argument("--to", dest="last", type=month_arg, required=True, metavar="YYYY-MM")
    stats.add_argument(
        "--by",
        type=text_arg(80, required=False),
        default="",
        metavar="DIM[,DIM]",
        help="up to two of: stadtteil, age_group, household_type, basis, pass_type",
    )
    stats.add_argument(
        "--exact",
        action="store_true",
        help="unsuppressed counts, marked 'nur für den Dienstgebrauch' (supervisors only)",
    )
    stats.add_argument("--issuer", metavar="CODE",
                       help="only this issuing municipality (code or name, e.g. et, Ettlingen)")
    stats.add_argument("--format", choices=("csv", "xlsx", "json"), required=True)
    stats.add_argument("--out", type=path_arg, required=True, metavar="FILE")
    stats.set_defaults(handler=_stats)


def _stats(args: argparse.Namespace) -> int:
    from kpass.services.statistics import export_statistics, parse_dimensions, parse_month_range

    months = parse_month_range(args.first.text, args.last.text)
    dimensions = parse_dimensions(args.by)
    path = export_statistics(database_from_args(args), months, dimensions, args.format,
                             args.out, exact=args.exact, issuer=args.issuer)
    marking = " (nur für den Dienstgebrauch)" if args.exact else ""
    scope = f", issuer {args.issuer}" if args.issuer else ""
    print(f"Wrote {path}: {len(months)} month(s), by {', '.join(dimensions) or 'month'}"
          f"{scope}{marking}.")
    return 0
