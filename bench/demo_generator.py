"""The demo generator's share of ``kpass demo-data --register-only``.

``kpass demo-data`` has a budget of 100,000 households in ≤ 60 s (register only); generating
them in memory may take a quarter of it (≤ 15 s per 100,000, measured ≈ 7 s on the
development machine when this was a timed unit test, tests/demo/test_speed.py).

value: seconds to generate the households in memory (``generate_households``, seed 1) —
``demo_generator_plain`` without, ``demo_generator_kept_apart`` with the registry that keeps
persons apart from likely duplicates, as ``kpass demo-data`` runs it; baseline: seconds of
``create_demo_data(history=False)`` for the same number of households into a fresh SQLite
file (generation, rows and insert: the run the budget is about). ratio = the share of the run
spent generating; the budget is ≤ 0.25.

    python -m bench.demo_generator [--quick]    # prints one JSON line per measure
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script from a checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import AS_OF, result
from kpass.demo.generator import generate_households
from kpass.models.engine import open_database
from kpass.models.migrate import upgrade
from kpass.services.admin.demo_data import DistinctPersons, create_demo_data

SEED = 1


def _generation(households: int, kept_apart: bool) -> tuple[float, int]:
    """Seconds to generate ``households`` and the persons they hold."""
    distinct = DistinctPersons() if kept_apart else None
    started = time.perf_counter()
    persons = sum(
        len(h.persons) for h in generate_households(households, SEED, AS_OF, distinct=distinct)
    )
    return time.perf_counter() - started, persons


def _register_only(households: int) -> float:
    """Seconds of the register-only demo-data run into a fresh, migrated SQLite file."""
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(f"sqlite:///{Path(folder) / 'demo.sqlite'}")
        upgrade(database, backup=False)
        started = time.perf_counter()
        create_demo_data(database, households, SEED, AS_OF, history=False)
        elapsed = time.perf_counter() - started
        database.dispose()
    return elapsed


def measure(quick: bool) -> list[dict[str, object]]:
    households = 5_000 if quick else 100_000
    plain, persons = _generation(households, kept_apart=False)
    kept_apart, _ = _generation(households, kept_apart=True)
    whole = _register_only(households)
    # The old test's behavioural check, kept here as the sanity check of the measurement.
    assert persons > 1.9 * households, f"{persons} persons in {households} households"
    return [
        result("demo_generator_plain", plain, whole, unit="s"),
        result("demo_generator_kept_apart", kept_apart, whole, unit="s"),
    ]


if __name__ == "__main__":
    import json

    for line in measure(quick="--quick" in sys.argv):
        print(json.dumps(line))
