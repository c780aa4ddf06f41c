"""Cards, letters and sheets carry personal data: written with ``--out`` they are 0600
whatever the umask (statistics exports keep the usual permissions)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from kpass.documents.output import write_document


def test_a_document_is_written_for_its_owner_only(tmp_path: Path) -> None:
    def produce(stream: BinaryIO) -> None:
        stream.write(b"%PDF-1.4\n%%EOF\n")

    previous = os.umask(0o022)
    try:
        target = tmp_path / "karte.pdf"
        write_document(target, produce)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        target.chmod(0o644)  # an older print that others could read is replaced privately
        write_document(target, produce)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    finally:
        os.umask(previous)
