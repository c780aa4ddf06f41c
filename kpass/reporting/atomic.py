"""Write an export file all at once: a temporary file in the same folder, then a rename.

A reader (or Excel) never sees half a file, and a failure leaves the old file, if any, as it was.
The rename stays within one folder and so within one file system, where it is atomic.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from kpass.reporting.errors import ExportWriteError


def _reasons(error: OSError) -> tuple[str, str]:
    if isinstance(error, FileNotFoundError):
        return "the folder does not exist", "der Ordner existiert nicht"
    if isinstance(error, IsADirectoryError):
        return "it is a folder", "das ist ein Ordner"
    if isinstance(error, NotADirectoryError):
        return "a part of the path is not a folder", "ein Teil des Pfads ist kein Ordner"
    if isinstance(error, PermissionError):
        return (
            "permission denied (is the file open in another program?)",
            "keine Berechtigung (ist die Datei in einem anderen Programm geöffnet?)",
        )
    if error.errno == errno.ENOSPC:
        return "the disk is full", "der Datenträger ist voll"
    if error.errno == errno.EROFS:
        return "the drive is read-only", "das Laufwerk ist schreibgeschützt"
    detail = error.strerror or str(error)
    return detail, f"Fehler des Betriebssystems: {detail}"


def write_error(path: Path, error: OSError) -> ExportWriteError:
    """The bilingual error for a file that cannot be written."""
    english, german = _reasons(error)
    return ExportWriteError(
        f"Cannot write {path}: {english}. Choose another folder or file name.",
        f"{path} kann nicht geschrieben werden: {german}. "
        "Bitte einen anderen Ordner oder Dateinamen wählen.",
    )


def _create_temporary(target: Path) -> Path:
    """A new empty file next to ``target``.

    Made with ``os.open`` and mode 0o666 (not ``mkstemp``'s 0o600), so the export gets the
    permissions the user's umask gives ordinary documents.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            os.close(os.open(candidate, flags, 0o666))
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(target))


def write_atomically(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename; return the path.

    Raises :class:`~kpass.reporting.errors.ExportWriteError` (English and German) when the
    file cannot be written; then no temporary or partial file is left behind.
    """
    target = Path(path)
    if target.is_dir():
        raise write_error(target, IsADirectoryError(errno.EISDIR, "Is a directory"))
    temporary: Path | None = None
    try:
        temporary = _create_temporary(target)
        with temporary.open("wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise write_error(target, error) from error
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
    return target
