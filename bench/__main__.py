"""``python -m bench [--quick] [--json] [NAME …]``: run the benchmarks.

Every entry is one JSON object per line: ``{"name", "value", "unit", "baseline",
"ratio"}``, where ``baseline`` is measured in the same run on the same machine and
``ratio = value / baseline`` (see bench/RESULTS.md for what each pair means).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time

MODULES = (
    "bench.demo_data_throughput",
    "bench.search_vs_sql",
    "bench.search_p95",
    "bench.rules_throughput",
    "bench.cards_vs_reportlab",
    "bench.stats_month",
    "bench.history_prints",
    "bench.demo_generator",
    "bench.retention_run",
    "bench.row_security",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, a few seconds each")
    parser.add_argument("--json", action="store_true", help="only the JSON lines on stdout")
    parser.add_argument("names", nargs="*", help="run only modules whose name contains these")
    args = parser.parse_args(argv)
    failed = False
    for module_name in MODULES:
        if args.names and not any(n in module_name for n in args.names):
            continue
        started = time.monotonic()
        try:
            module = importlib.import_module(module_name)
            results = module.measure(args.quick)
        except Exception as exc:  # one broken benchmark must not hide the others
            failed = True
            print(f"{module_name}: failed: {exc!r}", file=sys.stderr)
            continue
        for result in results:
            print(json.dumps(result, ensure_ascii=False), flush=True)
        if not args.json:
            print(f"# {module_name}: {time.monotonic() - started:.1f} s", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
