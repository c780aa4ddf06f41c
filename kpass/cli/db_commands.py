"""``kpass db upgrade|status|check|refold``."""

from __future__ import annotations

import argparse
from typing import Any

from kpass.cli.common import database_from_args, print_json


def register(commands: Any) -> None:
    db = commands.add_parser("db", help="database: upgrade, status, check")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = db_commands.add_parser(
        "upgrade", help="create or upgrade the schema (SQLite is copied aside first)"
    )
    up.set_defaults(handler=_upgrade)
    status = db_commands.add_parser("status", help="schema revision and record counts")
    status.add_argument("--json", action="store_true", help="print JSON")
    status.set_defaults(handler=_status)
    check = db_commands.add_parser(
        "check", help="integrity, foreign keys and register invariants (exit 1 when broken)"
    )
    check.set_defaults(handler=_check)
    refold = db_commands.add_parser(
        "refold", help="rebuild the monthly statistics counts from the statistics rows"
    )
    refold.set_defaults(handler=_refold)


def _upgrade(args: argparse.Namespace) -> int:
    from kpass.services.admin import upgrade_register

    database = database_from_args(args, create=True, require_schema=False, login=False)
    result = upgrade_register(database)
    if not result.changed:
        print(f"Database is up to date (revision {result.after}).")
    else:
        print(f"Database upgraded from {result.before or 'empty'} to {result.after}.")
    if result.copy is not None:
        print(f"Copy of the previous database: {result.copy.path}")
        print(f"Copy verified: {result.copy.tables} tables, {result.copy.rows:,} rows.")
    elif result.backup is not None:
        print(f"Copy of the previous database: {result.backup}")
    if result.row_security:
        print("Row-level security per issuer set (roles kpass_region, kpass_issuer_<code>).")
    if result.missing_roles:
        names = ", ".join(result.missing_roles)
        print(f"Not created (this role lacks CREATEROLE): {names}; an administrator creates "
              "them (CREATE ROLE … NOLOGIN), then run kpass db upgrade again.\n"
              f"Nicht angelegt (dieser Rolle fehlt CREATEROLE): {names}; die Administration "
              "legt sie an (CREATE ROLE … NOLOGIN), dann kpass db upgrade erneut ausführen.")
    return 0


def _status(args: argparse.Namespace) -> int:
    from kpass.services.admin import database_status

    database = database_from_args(args, require_schema=False, login=False)
    status = database_status(database)
    if args.json:
        print_json(status.as_json())
        return 0
    print(f"Database: {status.database}")
    state = "current" if status.revision == status.head else f"needs upgrade to {status.head}"
    print(f"Schema:   {status.revision or 'empty'} ({state})")
    if status.demo_register:
        print("Register: demo data (kpass demo-data), not a real register")
    for name, count in status.counts.items():
        print(f"{name:15} {count:>10,}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from kpass.services.admin import check_database

    database = database_from_args(args, login=False)
    report = check_database(database)
    for note in report.notes:  # facts worth knowing that are not problems
        print(f"Note: {note}")
    if report.ok:
        print("Database check passed: no problems found.")
        return 0
    print(f"Database check found {len(report.problems)} problem(s):")
    for problem in report.problems:
        print(f"- {problem}")
    return 1


def _refold(args: argparse.Namespace) -> int:
    from kpass.services.admin import refold_statistics

    database = database_from_args(args, login=False)
    keys = refold_statistics(database)
    german = f"{keys:,}".replace(",", ".")
    print(f"Monthly statistics counts rebuilt from the statistics rows: {keys:,} keys.\n"
          f"Monatliche Statistikzahlen aus den Statistikzeilen neu berechnet: {german} "
          "Schlüssel.")
    return 0
