"""Writing a document in one piece: to a temporary file beside the target, then renamed.

A failure (unwritable folder, full disk, an exception while drawing) leaves neither a partial
document nor a temporary file behind; an existing file of the same name stays as it was.
"""

from __future__ import annotations

import errno
import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kpass.documents.errors import DocumentError

#: Where a document goes: a file path, or an open binary stream (written once, at the end).
Output = Path | str | BinaryIO


def _unwritable(path: Path, reason_en: str, reason_de: str | None = None) -> DocumentError:
    return DocumentError(
        f"cannot write {path}: {reason_en}",
        f"{path} kann nicht geschrieben werden: {reason_de or reason_en}",
    )


_OS_REASONS = {
    errno.EACCES: ("permission denied", "keine Schreibberechtigung"),
    errno.EPERM: ("permission denied", "keine Schreibberechtigung"),
    errno.EROFS: ("the drive is read-only", "das Laufwerk ist schreibgeschützt"),
    errno.ENOSPC: ("the disk is full", "der Datenträger ist voll"),
    errno.ENOENT: ("the folder does not exist", "der Ordner existiert nicht"),
}


def _os_failure(path: Path, exc: OSError) -> DocumentError:
    reason_en = exc.strerror or str(exc)
    reason_en, reason_de = _OS_REASONS.get(exc.errno or 0, (reason_en, reason_en))
    return _unwritable(path, reason_en, reason_de)


def _umask() -> int:
    # os.umask can only be read by setting it; /proc avoids that race where it exists.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current


def _final_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777  # keep the mode of the file being replaced
    except OSError:
        return 0o666 & ~_umask()  # mkstemp's 0600 would differ from any other new file


def write_document(out: Output, produce: Callable[[BinaryIO], None]) -> None:
    """Run ``produce(stream)`` and deliver what it wrote to ``out`` only if it succeeded.

    Raises :class:`DocumentError` when the target cannot be written; any other exception of
    ``produce`` propagates after the temporary file is removed.
    """
    if isinstance(out, str | os.PathLike):
        _write_file(Path(out), produce)
        return
    buffer = io.BytesIO()
    produce(buffer)
    out.write(buffer.getvalue())


def _write_file(path: Path, produce: Callable[[BinaryIO], None]) -> None:
    if path.is_dir():
        raise _unwritable(path, "it is a folder", "es ist ein Ordner")
    folder = path.parent
    if not folder.is_dir():
        raise _unwritable(
            path, f"the folder {folder} does not exist", f"der Ordner {folder} existiert nicht"
        )
    try:
        handle, temporary_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".part", dir=folder
        )
    except OSError as exc:
        raise _os_failure(path, exc) from exc
    temporary = Path(temporary_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            produce(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _final_mode(path))
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise _os_failure(path, exc) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_bytes(out: Output, data: bytes) -> None:
    """Write finished bytes (a rendered PDF, a key file) the same safe way."""

    def produce(stream: BinaryIO) -> None:
        stream.write(data)

    write_document(out, produce)
