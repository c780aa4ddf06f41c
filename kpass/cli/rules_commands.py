"""``kpass rules impact``: what a changed income limit would mean. Writes nothing."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from kpass.cli.common import amount_arg, database_from_args, date_arg, print_json


def register(commands: Any) -> None:
    rules = commands.add_parser("rules", help="rule parameters: what-if")
    actions = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    impact = actions.add_parser(
        "impact", help="persons gained and lost if the income limit were another (writes nothing)"
    )
    impact.add_argument(
        "--threshold", type=amount_arg, required=True, metavar="EURO", help="e.g. 1430.00"
    )
    impact.add_argument(
        "--on", type=date_arg, metavar="DATE", help="evaluation day (default today)"
    )
    impact.add_argument("--json", action="store_true")
    impact.add_argument(
        "--exact", action="store_true", help="no suppression of small counts (Dienstgebrauch)"
    )
    impact.set_defaults(handler=_impact)


def _impact(args: argparse.Namespace) -> int:
    from kpass.services.statistics import parse_threshold, policy_impact

    threshold = parse_threshold(args.threshold)
    on: date = args.on or date.today()
    report = policy_impact(database_from_args(args), threshold, on)
    shown = report.as_json(exact=args.exact)
    if args.json:
        print_json(shown)
        return 0
    print(
        f"Households with a decision in the 12 months before {on:%d.%m.%Y}: "
        f"{report.households:,} ({report.persons:,} persons)"
    )
    # the text says what the JSON says: small counts hidden unless --exact
    print(
        f"Income limit {report.threshold_before:.2f} € → {report.threshold_after:.2f} €: "
        f"eligible {report.eligible_before:,} → {_count(shown['eligible_after'])} "
        f"(+{_count(shown['gained'])} / −{_count(shown['lost'])})"
    )
    for row in shown["by_stadtteil_and_age_group"]:  # type: ignore[attr-defined]
        print(f"  {row['stadtteil']:10} {row['age_group']:6} +{row['gained']!s:<6} "
              f"−{row['lost']}")
    return 0


def _count(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)
