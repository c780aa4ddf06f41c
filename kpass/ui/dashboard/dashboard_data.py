"""What the dashboard shows, fetched in one go (in a pool thread) from the statistics service.

Three exact queries: month totals for the range and the two comparison months, active
passes by Stadtteil in the last month, and the breakdown the supervisor chose. No Qt here,
so the figures can be checked without a screen.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import product

from kpass.services import Database
from kpass.services.statistics import MEASURES, CountRow, count_rows, get_dimension
from kpass.ui.dashboard.formatting import shift_month

#: The key figures, in the order of the cards.
KEY_MEASURES: tuple[str, ...] = ("active", "new", "renewed", "rejected")
#: The dashboard may combine three dimensions (statistics.md); exports take two.
MAX_DASHBOARD_DIMENSIONS = 3

Keys = tuple[str, ...]


@dataclass(frozen=True)
class DashboardRequest:
    """The months (in order, ``"YYYY-MM"``) and the dimensions of the table."""

    months: tuple[str, ...]
    dimensions: tuple[str, ...]

    @property
    def last_month(self) -> str:
        return self.months[-1]

    @property
    def previous_month(self) -> str:
        return shift_month(self.last_month, -1)

    @property
    def month_a_year_before(self) -> str:
        return shift_month(self.last_month, -12)


@dataclass(frozen=True)
class KeyFigure:
    """One measure in the last month, with the months it is compared to."""

    measure: str
    value: int
    previous_month: int
    previous_year: int

    @property
    def change_to_previous_month(self) -> int:
        return self.value - self.previous_month

    @property
    def change_to_previous_year(self) -> int:
        return self.value - self.previous_year


@dataclass(frozen=True)
class BreakdownRow:
    keys: Keys
    counts: tuple[int, ...]  # in the order of MEASURES


@dataclass(frozen=True)
class DashboardData:
    request: DashboardRequest
    totals: dict[str, dict[str, int]]  # month → measure → count (range and comparison months)
    by_stadtteil: tuple[tuple[str, int], ...]  # active passes in the last month
    cells: dict[str, dict[Keys, dict[str, int]]] = field(repr=False)  # month → keys → measure

    def total(self, month: str, measure: str) -> int:
        return self.totals.get(month, {}).get(measure, 0)

    def key_figures(self) -> list[KeyFigure]:
        request = self.request
        return [
            KeyFigure(
                measure,
                self.total(request.last_month, measure),
                self.total(request.previous_month, measure),
                self.total(request.month_a_year_before, measure),
            )
            for measure in KEY_MEASURES
        ]

    def active_series(self) -> list[tuple[str, int]]:
        return [(month, self.total(month, "active")) for month in self.request.months]

    def breakdown(self, month: str) -> tuple[list[BreakdownRow], tuple[int, ...]]:
        """Rows of the table for ``month`` and their totals (one count per measure).

        One dimension lists every value, zeros included (a Stadtteil without passes is
        news too); combinations list only those with a count, else three dimensions would
        make hundreds of empty rows.
        """
        dimensions = self.request.dimensions
        counts = self.cells.get(month, {})
        all_keys: list[Keys] = list(product(*(get_dimension(d).values for d in dimensions)))
        rows = [
            BreakdownRow(keys, tuple(counts.get(keys, {}).get(m, 0) for m in MEASURES))
            for keys in all_keys
            if len(dimensions) == 1 or keys in counts
        ]
        totals = tuple(sum(measures.get(m, 0) for measures in counts.values()) for m in MEASURES)
        return rows, totals


def load_dashboard(database: Database, request: DashboardRequest) -> DashboardData:
    """The dashboard's exact figures for ``request`` (runs in a pool thread)."""
    comparison = {request.previous_month, request.month_a_year_before}
    months = sorted(set(request.months) | comparison)
    totals: dict[str, dict[str, int]] = defaultdict(dict)
    for row in count_rows(database, months, ()):
        totals[row.month][row.measure] = row.count
    stadtteil = get_dimension("stadtteil")
    active_by_stadtteil = {
        row.keys[0]: row.count
        for row in count_rows(database, [request.last_month], ["stadtteil"])
        if row.measure == "active"
    }
    return DashboardData(
        request=request,
        totals=dict(totals),
        by_stadtteil=tuple((v, active_by_stadtteil.get(v, 0)) for v in stadtteil.values),
        cells=_cells(count_rows(database, request.months, request.dimensions)),
    )


def _cells(rows: Sequence[CountRow]) -> dict[str, dict[Keys, dict[str, int]]]:
    cells: dict[str, dict[Keys, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for row in rows:
        cells[row.month][row.keys][row.measure] = row.count
    return {month: dict(by_keys) for month, by_keys in cells.items()}
