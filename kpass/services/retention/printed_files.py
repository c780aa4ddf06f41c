"""PDFs in a seat's outbox folder: working copies for the printer, deleted on schedule.

Only ``*.pdf`` files directly in the folder are considered, nothing below it and nothing
else: the folder may be shared with files kpass does not own.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path


def old_files(folder: Path | None, cutoff: date) -> list[Path]:
    """PDFs written before ``cutoff`` (local time), oldest first."""
    if folder is None or not folder.is_dir():
        return []
    limit = datetime.combine(cutoff, datetime.min.time()).timestamp()
    found: list[tuple[float, Path]] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_file(follow_symlinks=False) and entry.name.lower().endswith(".pdf"):
                written = entry.stat(follow_symlinks=False).st_mtime
                if written < limit:
                    found.append((written, Path(entry.path)))
    return [path for _, path in sorted(found)]


def named_files(folder: Path | None, names: Iterable[str]) -> list[Path]:
    """The files of deleted print records that are still in the folder."""
    if folder is None:
        return []
    found = []
    for name in sorted(set(names)):
        if not name or Path(name).name != name:
            continue  # a record naming a path elsewhere is not this folder's file
        path = folder / name
        if path.is_file() and not path.is_symlink():
            found.append(path)
    return found


def remove(paths: Iterable[Path]) -> int:
    removed = 0
    for path in paths:
        try:
            path.unlink()
            removed += 1
        except FileNotFoundError:
            continue  # removed meanwhile by another run
    return removed
