"""Export files are written all at once (see :mod:`kpass.atomic_file`).

An export replaces only a file of its own kind (a CSV or JSON export only a text file, an
XLSX only a ZIP), never the open database: :class:`~kpass.atomic_file.OutputRefused`
(exit code 2) says so and nothing is written.
"""

from __future__ import annotations

import os
from pathlib import Path

from kpass.atomic_file import failure_reasons, replace_bytes
from kpass.reporting.errors import ExportWriteError


def write_error(path: Path, error: OSError) -> ExportWriteError:
    """The bilingual error for a file that cannot be written."""
    english, german = failure_reasons(error)
    return ExportWriteError(
        f"Cannot write {path}: {english}. Choose another folder or file name.",
        f"{path} kann nicht geschrieben werden: {german}. "
        "Bitte einen anderen Ordner oder Dateinamen wählen.",
    )


def write_atomically(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename; return the path.

    The kind of the export (XLSX or text) is told from ``data``. Raises
    :class:`~kpass.reporting.errors.ExportWriteError` (English and German) when the file
    cannot be written, :class:`~kpass.atomic_file.OutputRefused` when it must not be
    replaced; then no temporary or partial file is left behind.
    """
    target = Path(path)
    try:
        replace_bytes(target, data)
    except OSError as error:
        raise write_error(target, error) from error
    return target
