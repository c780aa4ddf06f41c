"""Taking over an existing register (issue 16, point 5): ``kpass import FILE``.

The office's current list — a CSV file (German Excel export) or an XLSX workbook, one row
per person, its columns named by a mapping file (sample: ``resources/import/``) — is read
(:mod:`~kpass.services.register_import.reading`), grouped into households and checked by
the counter's own checks (:mod:`~kpass.services.register_import.planning`), compared with
the register (possible duplicates, pass numbers) and written with a takeover decision for
its passes (:mod:`~kpass.services.register_import.writing`, where the choices about
decisions, statistics and the serial counter are explained). :func:`import_register` is the
use case; the report (:class:`ImportReport`) lists every household of the file with its
rows: imported, skipped with the reason, or to check.
"""

from __future__ import annotations

from kpass.services.register_import.files import (
    ReportRow,
    mapping_toml,
    report_csv,
    report_rows,
    report_text,
    save_mapping,
    save_report,
)
from kpass.services.register_import.mapping import (
    FIELDS,
    Field,
    Mapping,
    guess_columns,
    load_mapping,
    mapping_with,
    sample_mapping_path,
)
from kpass.services.register_import.outcomes import (
    IMPORTED,
    READY,
    SKIPPED,
    STATUS_DE,
    STATUS_EN,
    TO_CHECK,
    HouseholdOutcome,
    ImportReport,
    Problem,
    report_lines,
)
from kpass.services.register_import.reading import SourceRow, Table, read_table
from kpass.services.register_import.service import (
    AUDIT_ACTION,
    Cancelled,
    Progress,
    import_register,
    read_import_file,
)
from kpass.services.register_import.writing import TAKEOVER_RULE_SET

__all__ = [
    "AUDIT_ACTION",
    "FIELDS",
    "IMPORTED",
    "READY",
    "SKIPPED",
    "STATUS_DE",
    "STATUS_EN",
    "TAKEOVER_RULE_SET",
    "TO_CHECK",
    "Cancelled",
    "Field",
    "HouseholdOutcome",
    "ImportReport",
    "Mapping",
    "Problem",
    "Progress",
    "ReportRow",
    "SourceRow",
    "Table",
    "guess_columns",
    "import_register",
    "load_mapping",
    "mapping_toml",
    "mapping_with",
    "read_import_file",
    "read_table",
    "report_csv",
    "report_lines",
    "report_rows",
    "report_text",
    "sample_mapping_path",
    "save_mapping",
    "save_report",
]
