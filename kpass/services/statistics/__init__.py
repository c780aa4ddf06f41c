"""Statistics for supervisors and Sozialplanung: counts by month and dimension (never personal
data), their export as CSV, XLSX or JSON, and "what if the income limit changed?"."""

# what the counter and the command line need of the lower layers, through this package
from kpass.reporting import (
    DIMENSION_KEYS,
    MEASURE_TITLES,
    MEASURES,
    CountRow,
    get_dimension,
    parse_dimensions,
    parse_month_range,
)
from kpass.reporting.definitions import (
    BASIS_LABELS,
    DIMENSION_TITLES,
    HOUSEHOLD_TYPE_LABELS,
    PASS_TYPE_LABELS,
    STADTTEIL_OUTSIDE,
)
from kpass.services.statistics.counts import check_issuer_code, count_rows
from kpass.services.statistics.export import export_statistics, suggested_file_name
from kpass.services.statistics.what_if import ImpactReport, parse_threshold, policy_impact

__all__ = [
    "BASIS_LABELS",
    "DIMENSION_KEYS",
    "DIMENSION_TITLES",
    "HOUSEHOLD_TYPE_LABELS",
    "MEASURES",
    "MEASURE_TITLES",
    "PASS_TYPE_LABELS",
    "STADTTEIL_OUTSIDE",
    "CountRow",
    "ImpactReport",
    "check_issuer_code",
    "count_rows",
    "export_statistics",
    "get_dimension",
    "parse_dimensions",
    "parse_month_range",
    "parse_threshold",
    "policy_impact",
    "suggested_file_name",
]
