"""Errors of the statistics exports, each with an English and a German message."""

from __future__ import annotations

from kpass.errors import KpassError


class ReportingError(KpassError):
    """A statistics report cannot be built or written; the messages say why and what to do."""


class ReportInputError(ReportingError):
    """A month range, dimension list or count row is not acceptable."""

    exit_code = 2


class ExportWriteError(ReportingError):
    """An export file cannot be written; no partial file is left behind."""
