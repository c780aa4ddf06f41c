"""Replacing a file in one piece: written to a temporary file beside it, then renamed.

Documents (PDFs, key files) and exports (CSV, XLSX, JSON) both go through here, each
wrapping the :class:`OSError` into its own bilingual error. A reader (a printer spool, Excel)
never sees half a file; a failure leaves neither a partial file nor a temporary one, and an
existing file of the same name stays as it was. The rename stays within one folder and so
within one file system, where it is atomic.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def failure_reasons(error: OSError) -> tuple[str, str]:
    """Why ``error`` stopped a write, in English and German, for a person to act on."""
    if isinstance(error, FileNotFoundError):
        return "the folder does not exist", "der Ordner existiert nicht"
    if isinstance(error, IsADirectoryError):
        return "it is a folder", "das ist ein Ordner"
    if isinstance(error, NotADirectoryError):
        return "a part of the path is not a folder", "ein Teil des Pfads ist kein Ordner"
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM):
        # on Windows this is also what a file held open by Excel or a PDF viewer gives
        return (
            "permission denied (is the file open in another program?)",
            "keine Schreibberechtigung (ist die Datei in einem anderen Programm geöffnet?)",
        )
    if error.errno == errno.ENOSPC:
        return "the disk is full", "der Datenträger ist voll"
    if error.errno == errno.EROFS:
        return "the drive is read-only", "das Laufwerk ist schreibgeschützt"
    detail = error.strerror or str(error)
    return detail, f"Fehler des Betriebssystems: {detail}"


def _create_temporary(target: Path) -> Path:
    # os.open with 0o666 rather than mkstemp's 0o600: the new file gets the permissions the
    # user's umask gives any other document
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            os.close(os.open(candidate, flags, 0o666))
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(target))


def replace_file(path: Path, produce: Callable[[BinaryIO], None]) -> None:
    """Run ``produce(stream)`` and let its bytes replace ``path`` only if it succeeded.

    Raises :class:`OSError` (with :func:`failure_reasons` to explain it) when the file cannot
    be written; any other exception of ``produce`` propagates. Either way nothing is left.
    """
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
    try:
        previous_mode: int | None = path.stat().st_mode & 0o777
    except OSError:
        previous_mode = None
    temporary: Path | None = _create_temporary(path)
    assert temporary is not None
    try:
        with temporary.open("wb") as stream:
            produce(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if previous_mode is not None:
            os.chmod(temporary, previous_mode)  # a replaced file keeps its permissions
        os.replace(temporary, path)
        temporary = None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()


def replace_bytes(path: Path, data: bytes) -> None:
    """:func:`replace_file` for bytes that are already complete."""

    def produce(stream: BinaryIO) -> None:
        stream.write(data)

    replace_file(path, produce)
