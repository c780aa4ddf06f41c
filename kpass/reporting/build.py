"""Build a :class:`StatisticsReport` from the exact counts of the database layer."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from kpass.reporting.definitions import DIMENSION_KEYS, MEASURES, get_dimension
from kpass.reporting.errors import ReportInputError
from kpass.reporting.suppression import column_with_total, suppress_grid, with_totals
from kpass.reporting.tables import Breakdown, CountRow, StatisticsReport, Table, dimension_values
from kpass.reporting.validation import MAX_EXPORT_DIMENSIONS, check_month

BreakdownRows = tuple[Sequence[str], Iterable[CountRow]]


def build_report(
    rows: Iterable[CountRow],
    dimensions: Sequence[str],
    months: Sequence[str],
    exact: bool,
    rule_sets: Sequence[str],
    created_at: datetime,
    *,
    measures: Sequence[str] = MEASURES,
) -> StatisticsReport:
    """A report with one breakdown (or none: ``dimensions=()`` gives the month totals only).

    ``rows`` are the exact counts of that breakdown; cells without a row count 0. Totals are
    the sums of the exact cells. Unless ``exact``, every table is suppressed per month and
    measure, and the overview by rule 1.
    """
    return build_report_from_breakdowns(
        [(dimensions, rows)],
        months=months,
        exact=exact,
        rule_sets=rule_sets,
        created_at=created_at,
        measures=measures,
    )


def build_report_from_breakdowns(
    breakdowns: Sequence[BreakdownRows],
    *,
    months: Sequence[str],
    exact: bool,
    rule_sets: Sequence[str],
    created_at: datetime,
    measures: Sequence[str] = MEASURES,
) -> StatisticsReport:
    """A report with several breakdowns, e.g. for an XLSX with one sheet per breakdown.

    Each item is ``(dimensions, rows)``. All breakdowns must agree on the month totals (they
    count the same persons); the overview is taken from them. An item with ``()`` as its
    dimensions only supplies month totals and gets no sheet of its own.
    """
    month_list = _checked_months(months)
    measure_list = _checked_measures(measures)
    if not breakdowns:
        raise ReportInputError(
            "A report needs the counts of at least one breakdown.",
            "Ein Bericht braucht die Zahlen mindestens einer Aufgliederung.",
        )
    totals: dict[str, dict[str, int]] | None = None
    built: list[Breakdown] = []
    for dimension_keys, rows in breakdowns:
        keys = _checked_dimensions(dimension_keys, [b.dimensions for b in built])
        counts = _collect(rows, keys, month_list, measure_list)
        these_totals = {month: {measure: 0 for measure in measure_list} for month in month_list}
        for (month, _, measure), count in counts.items():
            these_totals[month][measure] += count
        if totals is None:
            totals = these_totals
        elif these_totals != totals:
            raise ReportInputError(
                f"The breakdown by {keys or 'month only'} has other month totals than the "
                "first breakdown; every breakdown must count the same persons.",
                f"Die Aufgliederung nach {keys or 'Monat'} ergibt andere Monatssummen als die "
                "erste; alle Aufgliederungen müssen dieselben Personen zählen.",
            )
        if keys:
            built.append(_breakdown(keys, counts, month_list, measure_list, exact))
    assert totals is not None
    return StatisticsReport(
        months=tuple(month_list),
        measures=tuple(measure_list),
        exact=exact,
        rule_sets=tuple(rule_sets),
        created_at=created_at,
        totals=totals,
        breakdowns=tuple(built),
    )


def _breakdown(
    keys: tuple[str, ...],
    counts: dict[tuple[str, tuple[str, ...], str], int],
    months: list[str],
    measures: list[str],
    exact: bool,
) -> Breakdown:
    row_values, column_values = dimension_values(keys)
    tables: dict[tuple[str, str], Table] = {}
    for month in months:
        for measure in measures:
            if column_values:
                grid = with_totals(
                    [
                        [counts.get((month, (r, c), measure), 0) for c in column_values]
                        for r in row_values
                    ]
                )
            else:
                grid = column_with_total(
                    [counts.get((month, (r,), measure), 0) for r in row_values]
                )
            tables[(month, measure)] = Table(
                dimensions=keys,
                row_values=row_values,
                column_values=column_values,
                grid=tuple(tuple(row) for row in grid),
                suppressed=frozenset() if exact else suppress_grid(grid),
            )
    return Breakdown(dimensions=keys, tables=tables)


def _checked_months(months: Sequence[str]) -> list[str]:
    if not months:
        raise ReportInputError(
            "A report needs at least one month.", "Ein Bericht braucht mindestens einen Monat."
        )
    result: list[str] = []
    for month in months:
        year, number = check_month(month)
        if month != f"{year:04d}-{number:02d}" or month in result:
            raise ReportInputError(
                f"The months must be distinct and written YYYY-MM, not {month!r}.",
                f"Die Monate müssen verschieden und als JJJJ-MM geschrieben sein, nicht „{month}“.",
            )
        result.append(month)
    return sorted(result)


def _checked_measures(measures: Sequence[str]) -> list[str]:
    unknown = [m for m in measures if m not in MEASURES]
    if unknown or not measures or len(set(measures)) != len(measures):
        raise ReportInputError(
            f"Measures must be distinct and among {', '.join(MEASURES)}; got {list(measures)}.",
            f"Die Maße müssen verschieden sein und zu {', '.join(MEASURES)} gehören.",
        )
    return [m for m in MEASURES if m in measures]  # files always show them in the fixed order


def _checked_dimensions(
    dimension_keys: Sequence[str], earlier: list[tuple[str, ...]]
) -> tuple[str, ...]:
    keys = tuple(dimension_keys)
    if (
        any(key not in DIMENSION_KEYS for key in keys)
        or len(set(keys)) != len(keys)
        or len(keys) > MAX_EXPORT_DIMENSIONS
    ):
        raise ReportInputError(
            f"A breakdown takes up to {MAX_EXPORT_DIMENSIONS} distinct dimensions of "
            f"{', '.join(DIMENSION_KEYS)}; got {list(keys)}.",
            f"Eine Aufgliederung nimmt bis zu {MAX_EXPORT_DIMENSIONS} verschiedene Merkmale aus "
            f"{', '.join(DIMENSION_KEYS)}; angegeben: {list(keys)}.",
        )
    if keys and keys in earlier:
        raise ReportInputError(
            f"The breakdown by {list(keys)} is asked for twice.",
            f"Die Aufgliederung nach {list(keys)} ist doppelt angefordert.",
        )
    return keys


def _collect(
    rows: Iterable[CountRow],
    keys: tuple[str, ...],
    months: list[str],
    measures: list[str],
) -> dict[tuple[str, tuple[str, ...], str], int]:
    """The counts by (month, value keys, measure), each row checked against the breakdown."""
    month_set = set(months)
    allowed = [set(get_dimension(key).values) for key in keys]
    counts: dict[tuple[str, tuple[str, ...], str], int] = {}
    for row in rows:
        problem = _row_problem(row, keys, allowed, month_set, measures)
        if problem:
            raise ReportInputError(
                f"Count row {row!r} does not fit the report: {problem[0]}",
                f"Zählzeile {row!r} passt nicht zum Bericht: {problem[1]}",
            )
        where = (row.month, tuple(row.keys), row.measure)
        if where in counts:
            raise ReportInputError(
                f"Count row {row!r} repeats a cell that already has a count.",
                f"Zählzeile {row!r} wiederholt eine schon gezählte Zelle.",
            )
        counts[where] = row.count
    return counts


def _row_problem(
    row: CountRow,
    keys: tuple[str, ...],
    allowed: list[set[str]],
    months: set[str],
    measures: list[str],
) -> tuple[str, str] | None:
    if row.month not in months:
        return "its month is outside the period.", "der Monat liegt außerhalb des Zeitraums."
    if row.measure not in measures:
        return "unknown or unrequested measure.", "unbekanntes oder nicht angefordertes Maß."
    if isinstance(row.count, bool) or not isinstance(row.count, int) or row.count < 0:
        return "the count must be a whole number ≥ 0.", "die Zahl muss ganz und ≥ 0 sein."
    if len(row.keys) != len(keys):
        return (
            f"it needs one value for each of {list(keys)}.",
            f"sie braucht je einen Wert für {list(keys)}.",
        )
    for key, value, values in zip(keys, row.keys, allowed, strict=True):
        if value not in values:
            valid = ", ".join(get_dimension(key).values)
            return (
                f"{value!r} is not a value of {key} ({valid}).",
                f"„{value}“ ist kein Wert von {get_dimension(key).title} ({valid}).",
            )
    return None
