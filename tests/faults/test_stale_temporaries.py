"""What a killed writer leaves (``.NAME.xxxxxxxx.part``) the next write to the same file
removes — but never the temporary file of a writer that is still at work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kpass.atomic_file import remove_stale_temporaries, replace_bytes

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"

# A writer at work: holds the lock on its temporary file, as kpass.atomic_file does.
WRITER = r"""
import fcntl, os, sys, time
descriptor = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
fcntl.flock(descriptor, fcntl.LOCK_EX)
print("writing", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_only_what_nobody_holds_is_removed(tmp_path: Path) -> None:
    target = tmp_path / "bogen.pdf"
    killed = tmp_path / ".bogen.pdf.0badc0de.part"  # its writer was killed: nobody holds it
    killed.write_bytes(b"%PDF-1.4\nhalf a sheet")
    at_work = tmp_path / ".bogen.pdf.5eed5eed.part"
    other_target = tmp_path / ".karte.pdf.0badc0de.part"  # another file's: its writer's job
    other_target.write_bytes(b"")
    unlike = tmp_path / ".bogen.pdf.notours.part"  # not a name the writer makes
    unlike.write_bytes(b"")
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(at_work)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "writing"
        replace_bytes(target, PDF)
        assert target.read_bytes() == PDF
        assert not killed.exists()
        assert at_work.exists() and other_target.exists() and unlike.exists()
    finally:
        writer.kill()
        writer.wait()
    # its writer gone, it is stale too
    assert remove_stale_temporaries(target) == [at_work]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [target.name, other_target.name, unlike.name]
    )
