"""The data of a statistics report: exact counts in, tables with totals and suppression out.

The database layer delivers :class:`CountRow` values; :func:`kpass.reporting.build_report`
turns them into a :class:`StatisticsReport`, which every writer (CSV, XLSX, JSON) renders the
same way, so the same suppressed table goes into every format (rule 4).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from kpass.reporting.definitions import breakdown_title, get_dimension
from kpass.reporting.suppression import Cell, is_primary


@dataclass(frozen=True)
class CountRow:
    """One exact count from the database.

    ``month`` is ``"YYYY-MM"``; ``keys`` holds one value key per dimension of the breakdown
    (in the breakdown's dimension order, ``()`` for month totals); ``measure`` is one of
    :data:`~kpass.reporting.definitions.MEASURES`; ``count`` is a non-negative integer.
    """

    month: str
    keys: tuple[str, ...]
    measure: str
    count: int


@dataclass(frozen=True)
class Table:
    """One month and measure of a breakdown, as a grid that holds its totals.

    Two dimensions: ``(R + 1) × (C + 1)`` cells, the last row and column being totals. One
    dimension: ``(R + 1) × 1``, the total last. ``suppressed`` holds the ``(row, column)``
    grid positions shown as ``·`` (empty in exact mode).
    """

    dimensions: tuple[str, ...]
    row_values: tuple[str, ...]
    column_values: tuple[str, ...]
    grid: tuple[tuple[int, ...], ...]
    suppressed: frozenset[Cell]

    @property
    def two_dimensional(self) -> bool:
        """True for rows × columns, False for a single column with its total."""
        return len(self.dimensions) == 2

    def position(self, row: str | None, column: str | None = None) -> Cell:
        """Grid position of a cell; ``None`` names the total of that dimension."""
        r = len(self.row_values) if row is None else self.row_values.index(row)
        if not self.two_dimensional:
            if column is not None:
                raise ValueError("a table of one dimension has no columns to choose")
            return (r, 0)
        c = len(self.column_values) if column is None else self.column_values.index(column)
        return (r, c)

    def exact(self, row: str | None, column: str | None = None) -> int:
        """The exact count of a cell (``None`` for totals), whether suppressed or not."""
        r, c = self.position(row, column)
        return self.grid[r][c]

    def shown(self, row: str | None, column: str | None = None) -> int | None:
        """The count as exported: ``None`` where suppressed (``·`` in the files)."""
        return self.shown_at(self.position(row, column))

    def shown_at(self, cell: Cell) -> int | None:
        """Like :meth:`shown`, by grid position."""
        if cell in self.suppressed:
            return None
        return self.grid[cell[0]][cell[1]]

    @property
    def total(self) -> int:
        """The exact grand total (sum of all exact cells)."""
        return self.grid[-1][-1]


@dataclass(frozen=True)
class Breakdown:
    """The tables of one breakdown (one or two dimensions) for every month and measure."""

    dimensions: tuple[str, ...]
    tables: Mapping[tuple[str, str], Table]

    @property
    def title(self) -> str:
        """German title, e.g. ``"Stadtteil × Altersgruppe"``."""
        return breakdown_title(self.dimensions)

    def table(self, month: str, measure: str) -> Table:
        """The table of ``month`` (``"YYYY-MM"``) and ``measure``."""
        return self.tables[(month, measure)]


@dataclass(frozen=True)
class StatisticsReport:
    """Everything an export shows: overview, breakdowns and what the ``Hinweise`` state."""

    months: tuple[str, ...]
    measures: tuple[str, ...]
    exact: bool
    rule_sets: tuple[str, ...]
    created_at: datetime
    totals: Mapping[str, Mapping[str, int]]
    breakdowns: tuple[Breakdown, ...]
    #: The issuing municipality the counts are limited to; "" for the whole register.
    issuer: str = ""

    @property
    def period(self) -> str:
        """``"2026-01 bis 2026-06"``, or the one month."""
        first, last = self.months[0], self.months[-1]
        return first if first == last else f"{first} bis {last}"

    def overview_exact(self, month: str, measure: str) -> int:
        """The exact total of ``measure`` in ``month``."""
        return self.totals[month][measure]

    def overview_shown(self, month: str, measure: str) -> int | None:
        """The overview total as exported: ``None`` when rule 1 hides it (never when exact)."""
        count = self.totals[month][measure]
        if not self.exact and is_primary(count):
            return None
        return count

    def breakdown(self, dimensions: tuple[str, ...]) -> Breakdown:
        """The breakdown by exactly these dimensions, in this order."""
        for candidate in self.breakdowns:
            if candidate.dimensions == tuple(dimensions):
                return candidate
        raise KeyError(f"the report has no breakdown by {dimensions}")


def dimension_values(dimension_keys: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Row values and column values (``()`` for one dimension) of a breakdown."""
    rows = get_dimension(dimension_keys[0]).values
    columns = get_dimension(dimension_keys[1]).values if len(dimension_keys) == 2 else ()
    return rows, columns
