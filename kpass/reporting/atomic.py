"""Export files are written all at once (see :mod:`kpass.atomic_file`)."""

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

    Raises :class:`~kpass.reporting.errors.ExportWriteError` (English and German) when the
    file cannot be written; then no temporary or partial file is left behind.
    """
    target = Path(path)
    try:
        replace_bytes(target, data)
    except OSError as error:
        raise write_error(target, error) from error
    return target
