"""``python -m bench [--quick] [--json] [--database sqlite|postgresql] [NAME …]``.

Every result is one JSON object per line: ``{"name", "value", "unit", "baseline", "ratio",
"database"}`` (plus what it was measured on, e.g. ``"register"``), where ``baseline`` is
measured in the same run on the same machine and ``ratio = value / baseline`` (see
bench/RESULTS.md and each module's docstring for what each pair means). A benchmark that
touches the database runs once per database: SQLite, and PostgreSQL in a cluster of the
bench's own (bench/postgres.py) unless ``--database`` names one. ``database`` is null for
those that touch none.

The full run works on a register of a million persons, built once and cached; ``--quick``
on 20,000 households, in under five minutes. NAME selects benchmarks by name (or part of
it); the extra benchmarks (history prints, demo generator, retention, row-level security)
run only when named or with ``--all``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from typing import Any

# the budgets of issue 17, in the order a run takes them (cheap ones first)
MODULES = (
    "bench.rules_throughput",
    "bench.cards_vs_reportlab",
    "bench.startup_vs_bare_qt",
    "bench.demo_register",
    "bench.search_vs_sql",
    "bench.search_p95",
    "bench.stats_month",
    "bench.stats_series",
    "bench.impact_register",
    "bench.rss_1m",
    "bench.seats_20",
)
EXTRA = (
    "bench.history_prints",
    "bench.demo_generator",
    "bench.retention_run",
    "bench.row_security",
)


def _databases(choice: str | None) -> tuple[str, ...]:
    from bench import postgres

    if choice is not None:
        return (choice,)
    if postgres.available():
        return ("sqlite", "postgresql")
    print("# PostgreSQL is not installed: SQLite only", file=sys.stderr)
    return ("sqlite",)


def _selected(module_name: str, names: list[str], everything: bool) -> bool:
    short = module_name.removeprefix("bench.")
    if names:
        return any(n in short for n in names)
    return everything or module_name in MODULES


def _run(module: Any, quick: bool, database: str | None) -> list[dict[str, object]]:
    if database is None:
        return list(module.measure(quick))
    return list(module.measure(quick, database))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="20,000 households instead of a million persons; < 5 min")
    parser.add_argument("--json", action="store_true", help="only the JSON lines on stdout")
    parser.add_argument("--database", choices=("sqlite", "postgresql"),
                        help="only this database (default: both, where PostgreSQL is installed)")
    parser.add_argument("--all", action="store_true", help="the extra benchmarks as well")
    parser.add_argument("--households", type=int, metavar="N",
                        help="registers of N households instead (how kpass grows)")
    parser.add_argument("names", nargs="*", help="run only benchmarks whose name contains these")
    args = parser.parse_args(argv)
    databases = _databases(args.database)
    if args.households:
        from bench import common

        common.HOUSEHOLDS_OVERRIDE = args.households
    failed = False
    run_started = time.monotonic()
    for module_name in MODULES + EXTRA:
        if not _selected(module_name, args.names, args.all):
            continue
        try:
            module = importlib.import_module(module_name)
        except Exception as exc:  # one broken benchmark must not hide the others
            failed = True
            print(f"{module_name}: failed to load: {exc!r}", file=sys.stderr)
            continue
        wanted: tuple[str | None, ...] = (
            tuple(d for d in databases if d in module.DATABASES)
            if getattr(module, "DATABASES", None) else (None,)
        )
        for database in wanted:
            started = time.monotonic()
            try:
                results = _run(module, args.quick, database)
            except Exception as exc:
                failed = True
                where = f" on {database}" if database else ""
                print(f"{module_name}{where}: failed: {exc!r}", file=sys.stderr)
                continue
            for line in results:
                print(json.dumps(line, ensure_ascii=False), flush=True)
            if not args.json:
                where = f" ({database})" if database else ""
                print(f"# {module_name}{where}: {time.monotonic() - started:.1f} s",
                      file=sys.stderr)
    if not args.json:
        print(f"# whole run: {time.monotonic() - run_started:.1f} s", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
