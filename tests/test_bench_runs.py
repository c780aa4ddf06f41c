"""``python -m bench`` runs its database benchmarks on both databases and prints the result
lines the issue asks for — on a tiny register (no timing is asserted here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ("search_vs_sql", "stats_month", "stats_series", "impact_register")


def test_the_database_benchmarks_run_on_both_databases(tmp_path: Path) -> None:
    environment = {**os.environ, "KPASS_BENCH_CACHE": str(tmp_path), "PYTHONPATH": str(ROOT),
                   "QT_QPA_PLATFORM": "offscreen"}
    databases = ["sqlite"]
    if os.environ.get("KPASS_TEST_PG_URL"):
        environment["KPASS_BENCH_PG_URL"] = os.environ["KPASS_TEST_PG_URL"]
        databases.append("postgresql")
    for database in databases:
        done = subprocess.run(
            [sys.executable, "-m", "bench", "--json", "--households", "120",
             "--database", database, *NAMES],
            cwd=ROOT, env=environment, capture_output=True, text=True, timeout=600,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        lines = [json.loads(line) for line in done.stdout.splitlines()]
        assert {line["name"] for line in lines} >= {*NAMES, "person_search_p95"}
        for line in lines:
            assert line["database"] == database
            assert {"name", "value", "unit", "baseline", "ratio"} <= set(line)
            assert line["value"] > 0 and line["baseline"] > 0
            assert line["ratio"] > 0  # value ÷ baseline before both are rounded for printing
            assert "120 households" in line["register"]
        impact = next(line for line in lines if line["name"] == "impact_register")
        assert impact["households_evaluated"] > 0
