"""Writing a document in one piece (see :mod:`kpass.atomic_file`).

A failure (unwritable folder, full disk, an exception while drawing) leaves neither a partial
document nor a temporary file behind; an existing file of the same name stays as it was. A
document replaces only a file of its own kind (a PDF only a PDF), never the open database:
:class:`~kpass.atomic_file.OutputRefused` (exit code 2) says so before anything is drawn.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kpass.atomic_file import (
    PRIVATE_MODE,
    Kind,
    PreparedFile,
    failure_reasons,
    kind_of,
    prepare_file,
)
from kpass.documents.errors import DocumentError

#: Where a document goes: a file path, or an open binary stream (written once, at the end).
Output = Path | str | BinaryIO


def _unwritable(path: Path, error: OSError) -> DocumentError:
    reason_en, reason_de = failure_reasons(error)
    return DocumentError(
        f"cannot write {path}: {reason_en}",
        f"{path} kann nicht geschrieben werden: {reason_de}",
    )


def prepare_document(
    path: Path, produce: Callable[[BinaryIO], None], kind: Kind | None = "pdf"
) -> PreparedFile:
    """Run ``produce`` into a temporary file beside ``path``; the caller installs it (e.g.
    after recording the print) or discards it. :class:`DocumentError` when it cannot be
    written."""
    try:
        # cards, letters and sheets carry personal data: only the office's account reads them
        return prepare_file(path, produce, kind, mode=PRIVATE_MODE)
    except OSError as exc:
        raise _unwritable(path, exc) from exc


def install_document(prepared: PreparedFile) -> None:
    """Rename a prepared document into place; :class:`DocumentError` when that fails (the
    temporary file is then removed)."""
    try:
        prepared.install()
    except OSError as exc:
        prepared.discard()
        raise _unwritable(prepared.path, exc) from exc


def write_document(
    out: Output, produce: Callable[[BinaryIO], None], kind: Kind | None = "pdf"
) -> None:
    """Run ``produce(stream)`` and deliver what it wrote to ``out`` only if it succeeded.

    ``kind`` is what the document is (None: told from its bytes). Raises
    :class:`DocumentError` when the target cannot be written,
    :class:`~kpass.atomic_file.OutputRefused` when it must not be replaced; any other
    exception of ``produce`` propagates after the temporary file is removed.
    """
    if isinstance(out, str | os.PathLike):
        path = Path(out)
        with prepare_document(path, produce, kind) as prepared:
            install_document(prepared)
        return
    buffer = io.BytesIO()
    produce(buffer)
    out.write(buffer.getvalue())


def write_bytes(out: Output, data: bytes, kind: Kind | None = None) -> None:
    """Write finished bytes (a rendered PDF, a key file) the same safe way; their kind is
    told from the bytes unless given."""

    def produce(stream: BinaryIO) -> None:
        stream.write(data)

    write_document(out, produce, kind if kind is not None else kind_of(data[:8192]))
