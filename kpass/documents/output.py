"""Writing a document in one piece (see :mod:`kpass.atomic_file`).

A failure (unwritable folder, full disk, an exception while drawing) leaves neither a partial
document nor a temporary file behind; an existing file of the same name stays as it was.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kpass.atomic_file import failure_reasons, replace_file
from kpass.documents.errors import DocumentError

#: Where a document goes: a file path, or an open binary stream (written once, at the end).
Output = Path | str | BinaryIO


def _unwritable(path: Path, error: OSError) -> DocumentError:
    reason_en, reason_de = failure_reasons(error)
    return DocumentError(
        f"cannot write {path}: {reason_en}",
        f"{path} kann nicht geschrieben werden: {reason_de}",
    )


def write_document(out: Output, produce: Callable[[BinaryIO], None]) -> None:
    """Run ``produce(stream)`` and deliver what it wrote to ``out`` only if it succeeded.

    Raises :class:`DocumentError` when the target cannot be written; any other exception of
    ``produce`` propagates after the temporary file is removed.
    """
    if isinstance(out, str | os.PathLike):
        path = Path(out)
        try:
            replace_file(path, produce)
        except OSError as exc:
            raise _unwritable(path, exc) from exc
        return
    buffer = io.BytesIO()
    produce(buffer)
    out.write(buffer.getvalue())


def write_bytes(out: Output, data: bytes) -> None:
    """Write finished bytes (a rendered PDF, a key file) the same safe way."""

    def produce(stream: BinaryIO) -> None:
        stream.write(data)

    write_document(out, produce)
