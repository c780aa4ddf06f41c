"""Count rows and reports for the reporting tests, built from a seeded random source."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime

import pytest

from kpass.reporting import MEASURES, CountRow, StatisticsReport, build_report, get_dimension

CREATED_AT = datetime(2026, 7, 1, 9, 30)
RULE_SETS = ("Stadt Karlsruhe, gültig ab 2026-01-01",)
# Small counts on purpose: many cells from 1 to 4 exercise the suppression.
COUNT_CHOICES = (0, 0, 0, 1, 2, 3, 4, 5, 7, 12, 30, 250)


def random_rows(dimensions: Sequence[str], months: Sequence[str], seed: int = 7) -> list[CountRow]:
    """One row per non-zero cell of every month and measure, as the database would deliver."""
    rng = random.Random(seed)
    cells: list[tuple[str, ...]] = [()]
    for key in dimensions:
        cells = [(*cell, value) for cell in cells for value in get_dimension(key).values]
    rows = []
    for month in months:
        for cell in cells:
            for measure in MEASURES:
                count = rng.choice(COUNT_CHOICES)
                if count:
                    rows.append(CountRow(month, cell, measure, count))
    return rows


def make_report(
    dimensions: Sequence[str],
    months: Sequence[str] = ("2026-05", "2026-06"),
    exact: bool = False,
    seed: int = 7,
) -> StatisticsReport:
    """A report of random counts by ``dimensions``."""
    return build_report(
        random_rows(dimensions, months, seed), dimensions, months, exact, RULE_SETS, CREATED_AT
    )


@pytest.fixture(scope="session")
def report_2d() -> StatisticsReport:
    """Stadtteil × Altersgruppe over two months, suppressed."""
    return make_report(("stadtteil", "age_group"))


@pytest.fixture(scope="session")
def report_2d_exact() -> StatisticsReport:
    """The same counts as ``report_2d``, exact (nur für den Dienstgebrauch)."""
    return make_report(("stadtteil", "age_group"), exact=True)


@pytest.fixture(scope="session")
def report_1d() -> StatisticsReport:
    """Grundlage over two months, suppressed."""
    return make_report(("basis",))
