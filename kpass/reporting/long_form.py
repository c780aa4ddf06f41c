"""One table in long form: a line per month and cell, totals included, the measures side by side.

CSV, JSON and the breakdown sheets of the XLSX all write these lines, so every format shows the
same suppressed numbers. Order: months ascending; within a month the values of the first
dimension in their order with ``Insgesamt`` last, within each of those the values of the second
dimension the same way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kpass.reporting.definitions import TOTAL_LABEL, get_dimension
from kpass.reporting.errors import ReportInputError
from kpass.reporting.tables import Breakdown, StatisticsReport


@dataclass(frozen=True)
class LongRow:
    """A line of the long form; ``None`` in ``values`` is a total, in ``counts`` a hidden count."""

    month: str
    values: tuple[str | None, ...]
    counts: tuple[int | None, ...]


def select_breakdown(
    report: StatisticsReport, dimensions: Sequence[str] | None = None
) -> Breakdown | None:
    """The one table a CSV or JSON file holds; ``None`` means the month totals (overview).

    Without ``dimensions`` the report must hold at most one breakdown.
    """
    if dimensions is not None:
        if not dimensions:
            return None
        try:
            return report.breakdown(tuple(dimensions))
        except KeyError:
            raise ReportInputError(
                f"The report has no breakdown by {list(dimensions)}.",
                f"Der Bericht enthält keine Aufgliederung nach {list(dimensions)}.",
            ) from None
    if len(report.breakdowns) > 1:
        titles = "; ".join(b.title for b in report.breakdowns)
        raise ReportInputError(
            f"This file holds one table, the report has several ({titles}); choose one.",
            f"Diese Datei enthält eine Tabelle, der Bericht mehrere ({titles}); bitte eine wählen.",
        )
    return report.breakdowns[0] if report.breakdowns else None


def dimension_titles(breakdown: Breakdown | None) -> list[str]:
    """German titles of the dimension columns."""
    if breakdown is None:
        return []
    return [get_dimension(key).title for key in breakdown.dimensions]


def value_labels(breakdown: Breakdown | None, row: LongRow) -> list[str]:
    """German labels of a line's dimension values, ``Insgesamt`` for totals."""
    if breakdown is None:
        return []
    return [
        TOTAL_LABEL if value is None else get_dimension(key).label(value)
        for key, value in zip(breakdown.dimensions, row.values, strict=True)
    ]


def long_rows(report: StatisticsReport, breakdown: Breakdown | None) -> Iterator[LongRow]:
    """The lines of ``breakdown`` (or of the overview for ``None``), in file order."""
    for month in report.months:
        if breakdown is None:
            counts = tuple(report.overview_shown(month, m) for m in report.measures)
            yield LongRow(month=month, values=(), counts=counts)
            continue
        tables = [breakdown.table(month, measure) for measure in report.measures]
        first = tables[0]
        row_values: list[str | None] = [*first.row_values, None]
        column_values: list[str | None] = [*first.column_values, None]
        for r, row_value in enumerate(row_values):
            if not first.two_dimensional:
                yield LongRow(month, (row_value,), tuple(t.shown_at((r, 0)) for t in tables))
                continue
            for c, column_value in enumerate(column_values):
                yield LongRow(
                    month, (row_value, column_value), tuple(t.shown_at((r, c)) for t in tables)
                )
