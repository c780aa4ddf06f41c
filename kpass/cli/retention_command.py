"""``kpass retention rules|set|run|erase``: the Löschkonzept from the command line.

``run`` applies every deletion class (administrators); ``--dry-run`` shows what a run would
delete and changes nothing, and only a dry run may look at another day (``--as-of``).
``erase`` is erasure on a person's request (Art. 17 DSGVO, supervisors): exit 1 with the
reason while a pass is valid or a retention duty holds.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kpass.cli.common import (
    ServiceChoices,
    database_from_args,
    date_arg,
    id_arg,
    number_arg,
    path_arg,
    print_json,
    text_arg,
)
from kpass.errors import InvalidInput
from kpass.settings import default_outbox

if TYPE_CHECKING:
    from kpass.services.retention import RetentionReport

_COUNT_LABELS = {
    "households": "households", "persons": "persons", "passes": "passes",
    "applications": "applications", "decisions": "decisions", "prints": "print records",
    "notices": "benefit notices", "incomes": "incomes", "photos": "photos",
    "files": "PDF files", "held_back": "households held back (needed by a kept one)",
}


def _classes() -> tuple[str, ...]:
    from kpass.services.retention import CLASSES

    return CLASSES


def register(commands: Any) -> None:
    retention = commands.add_parser(
        "retention", help="the deletion schedule (Löschkonzept): rules, run, erase on request"
    )
    actions = retention.add_subparsers(dest="retention_command", metavar="ACTION",
                                       required=True)
    rules = actions.add_parser("rules", help="the deletion classes, periods and reasons")
    rules.add_argument("--json", action="store_true", help="print JSON")
    rules.set_defaults(handler=_rules)

    change = actions.add_parser("set", help="change the period of a deletion class (admins)")
    change.add_argument("retention_class", choices=ServiceChoices(_classes), metavar="CLASS",
                        help="one of %(choices)s")
    period = change.add_mutually_exclusive_group(required=True)
    period.add_argument("--years", type=number_arg(1, 30), metavar="N")
    period.add_argument("--months", type=number_arg(1, 360), metavar="N")
    period.add_argument("--days", type=number_arg(1, 10_980), metavar="N")
    change.add_argument("--reason", required=True, type=text_arg(500),
                        help="the legal reason or the decision behind the period")
    change.set_defaults(handler=_set)

    run = actions.add_parser("run", help="delete what is due (admins); --dry-run only lists")
    run.add_argument("--dry-run", action="store_true", help="list and count, change nothing")
    run.add_argument("--as-of", type=date_arg, metavar="DATE",
                     help="with --dry-run: what would be due on DATE")
    run.add_argument("--outbox", type=path_arg, metavar="DIR",
                     help="the folder of printed PDFs (default: this user's Ausgabe folder)")
    run.add_argument("--json", action="store_true", help="print JSON")
    run.set_defaults(handler=_run)

    erase = actions.add_parser(
        "erase", help="erase a person on their request (Art. 17 DSGVO; supervisors)")
    erase.add_argument("--person", required=True, type=id_arg, metavar="ID")
    erase.add_argument("--dry-run", action="store_true", help="check and count, change nothing")
    erase.add_argument("--outbox", type=path_arg, metavar="DIR",
                       help="the folder of printed PDFs (default: this user's Ausgabe folder)")
    erase.add_argument("--json", action="store_true", help="print JSON")
    erase.set_defaults(handler=_erase)


def _rules(args: argparse.Namespace) -> int:
    from kpass.services.retention import retention_classes

    classes = retention_classes(database_from_args(args))
    if args.json:
        print_json([rule.as_json() for rule in classes])
        return 0
    for rule in classes:
        changed = " (changed by an administrator)" if rule.changed else ""
        print(f"{rule.key}: {rule.label}")
        print(f"  period:  {rule.period_de()}{changed}")
        print(f"  from:    {rule.event}")
        print(f"  deletes: {rule.what}")
        print(f"  reason:  {rule.reason}")
        print(f"  source:  {rule.source}")
    return 0


def _set(args: argparse.Namespace) -> int:
    from kpass.services.retention import set_retention_period

    unit = next(u for u in ("years", "months", "days") if getattr(args, u) is not None)
    rule = set_retention_period(database_from_args(args), args.retention_class, unit,
                               getattr(args, unit), args.reason)
    print(f"{rule.label}: {rule.period_de()} — {rule.reason}")
    return 0


def _outbox(args: argparse.Namespace) -> Path | None:
    folder: Path = args.outbox or default_outbox()
    return folder if folder.is_dir() else None


def _run(args: argparse.Namespace) -> int:
    from kpass.services.retention import run_retention

    if args.as_of is not None and not args.dry_run:
        raise InvalidInput(
            "--as-of is only allowed with --dry-run: a real run deletes what is due today.",
            "--as-of ist nur mit --dry-run erlaubt: ein echter Lauf löscht, was heute "
            "fällig ist.",
        )
    report = run_retention(database_from_args(args), today=args.as_of or date.today(),
                           dry_run=args.dry_run, outbox=_outbox(args))
    if args.json:
        print_json(report.as_json())
        return 0
    _print_report(report)
    return 0


def _print_report(report: RetentionReport) -> None:
    verb = "would delete" if report.dry_run else "deleted"
    print(f"Retention run {'(dry run) ' if report.dry_run else ''}as of "
          f"{report.today:%d.%m.%Y}:")
    for result in report.classes:
        print(f"- {result.rule.label} ({result.rule.period_de()}; data before "
              f"{result.cutoff:%d.%m.%Y}):")
        shown = {k: v for k, v in result.counts.items() if v}
        if not shown:
            print("    nothing due")
        for key, count in shown.items():
            label = _COUNT_LABELS.get(key, key)
            print(f"    {count:>8,} {label}" + ("" if key == "held_back" else f" {verb}"))
    if report.dry_run and report.households:
        ids = ", ".join(str(h) for h in sorted(report.households)[:50])
        more = len(report.households) - 50
        print(f"Households due: {ids}" + (f" … and {more} more" if more > 0 else ""))
    if report.dry_run:
        print("Nothing was changed (dry run).")


def _erase(args: argparse.Namespace) -> int:
    from kpass.services.retention import erase_person

    result = erase_person(database_from_args(args), args.person, dry_run=args.dry_run,
                          outbox=_outbox(args))
    if args.json:
        print_json(result.as_json())
        return 0
    verb = "Would erase" if args.dry_run else "Erased"
    counts = ", ".join(f"{v} {_COUNT_LABELS.get(k, k)}" for k, v in result.counts.items() if v)
    print(f"{verb} person {args.person}: {counts or 'nothing'}.")
    if args.dry_run:
        print("Nothing was changed (dry run).")
    return 0
