"""``kpass stats``: monthly counts for Sozialplanung as CSV, XLSX or JSON; ``kpass stats
objections``: the objections by month of receipt × outcome × in time."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from kpass.cli.common import Month, database_from_args, month_arg, path_arg, text_arg
from kpass.errors import InvalidInput

#: ``kpass stats objections`` without ``--from``: this many months up to ``--to``.
OBJECTION_MONTHS = 12


def register(commands: Any) -> None:
    stats = commands.add_parser(
        "stats", help="monthly statistics (supervisors; small counts suppressed unless "
        "--exact) as csv, xlsx or json; 'stats objections' for the objections by outcome "
        "(everyone)"
    )
    # Not required here: "kpass stats objections …" brings its own; _stats checks them.
    stats.add_argument("--from", dest="first", type=month_arg, metavar="YYYY-MM",
                       help="first month (required)")
    stats.add_argument("--to", dest="last", type=month_arg, metavar="YYYY-MM",
                       help="last month (required)")
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
        help="unsuppressed counts, marked 'nur für den Dienstgebrauch' (recorded as such)",
    )
    stats.add_argument("--issuer", metavar="CODE",
                       help="only this issuing municipality (code or name, e.g. et, Ettlingen)")
    stats.add_argument("--format", choices=("csv", "xlsx", "json"), help="(required)")
    stats.add_argument("--out", type=path_arg, metavar="FILE", help="(required)")
    stats.set_defaults(handler=_stats)
    reports = stats.add_subparsers(dest="stats_report", metavar="[objections]")
    objections = reports.add_parser(
        "objections", help="objections by month of receipt × outcome (abgeholfen, "
        "zurückgewiesen, zurückgenommen, offen) × in time; small counts suppressed unless "
        "--exact")
    objections.add_argument("--from", dest="first", type=month_arg, metavar="YYYY-MM",
                            help=f"first month (default: {OBJECTION_MONTHS} months up to --to)")
    objections.add_argument("--to", dest="last", type=month_arg, metavar="YYYY-MM",
                            help="last month (default: this month)")
    objections.add_argument("--exact", action="store_true",
                            help="unsuppressed counts, marked 'nur für den Dienstgebrauch' "
                            "(supervisors only)")
    objections.add_argument("--format", choices=("csv", "xlsx", "json"), default="csv",
                            help="default: csv")
    objections.add_argument("--out", type=path_arg, required=True, metavar="FILE")
    objections.set_defaults(handler=_objections)


def _stats(args: argparse.Namespace) -> int:
    from kpass.services.statistics import export_statistics, parse_dimensions, parse_month_range

    missing = [name for name, value in (("--from", args.first), ("--to", args.last),
                                        ("--format", args.format), ("--out", args.out))
               if value is None]
    if missing:
        raise InvalidInput(
            f"the following arguments are required: {', '.join(missing)}",
            f"diese Argumente fehlen: {', '.join(missing)}",
        )
    months = parse_month_range(args.first.text, args.last.text)
    dimensions = parse_dimensions(args.by)
    path = export_statistics(database_from_args(args), months, dimensions, args.format,
                             args.out, exact=args.exact, issuer=args.issuer)
    marking = " (nur für den Dienstgebrauch)" if args.exact else ""
    scope = f", issuer {args.issuer}" if args.issuer else ""
    print(f"Wrote {path}: {len(months)} month(s), by {', '.join(dimensions) or 'month'}"
          f"{scope}{marking}.")
    return 0


def _months_back(month: Month, count: int) -> Month:
    index = month.year * 12 + month.month - 1 - count
    return Month(index // 12, index % 12 + 1)


def _objections(args: argparse.Namespace) -> int:
    from kpass.services.objections import export_objection_statistics
    from kpass.services.statistics import parse_month_range

    today = date.today()
    last = args.last or Month(today.year, today.month)
    first = args.first or _months_back(last, OBJECTION_MONTHS - 1)
    months = parse_month_range(first.text, last.text)
    path = export_objection_statistics(database_from_args(args), months, args.format,
                                       args.out, exact=args.exact)
    marking = " (nur für den Dienstgebrauch)" if args.exact else ""
    print(f"Wrote {path}: objections by outcome, {months[0]} to {months[-1]}{marking}.")
    return 0
