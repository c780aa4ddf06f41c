"""A PostgreSQL server for the benchmarks: the URL in ``KPASS_BENCH_PG_URL`` (a superuser
who may create databases and roles), else a cluster of the bench's own, started from
Debian's ``postgresql`` binaries as ``./test.sh`` does, but kept under bench/.cache/pg so
that a register loaded once (a million persons take minutes) serves later runs. The
cluster listens only on a Unix socket in a fresh temp dir and is stopped when the process
ends.
"""

from __future__ import annotations

import atexit
import os
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

# KPASS_BENCH_CACHE: another place for the registers (the test of the bench itself)
CACHE = Path(os.environ.get("KPASS_BENCH_CACHE") or Path(__file__).resolve().parent / ".cache")
_url: str | None = None


def _binaries() -> Path | None:
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return found[-1].parent if found else None


def available() -> bool:
    return bool(os.environ.get("KPASS_BENCH_PG_URL")) or _binaries() is not None


def _as_owner(command: list[str]) -> list[str]:
    # initdb and pg_ctl refuse to run as root
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _chown(path: Path) -> None:
    if os.geteuid() == 0:
        shutil.chown(path, "postgres")


def server_url() -> str:
    """The server's URL (psycopg driver, database ``postgres``), started on first use."""
    global _url
    if _url is None:
        _url = os.environ.get("KPASS_BENCH_PG_URL") or _start()
    return _url


def _running(data: Path) -> str | None:
    """The URL of the cluster when another process already runs it (postmaster.pid names
    its port and socket directory)."""
    try:
        lines = (data / "postmaster.pid").read_text().splitlines()
        os.kill(int(lines[0]), 0)
    except (OSError, ValueError, IndexError):
        return None
    port, socket_dir = lines[3].strip(), lines[4].strip()
    return f"postgresql+psycopg://postgres@/postgres?host={socket_dir}&port={port}"


def _start() -> str:
    binaries = _binaries()
    if binaries is None:
        raise RuntimeError("PostgreSQL is not installed (Debian package postgresql)")
    data = CACHE / f"pg-{binaries.parent.name}"
    CACHE.mkdir(exist_ok=True)
    if not (data / "PG_VERSION").exists():
        shutil.rmtree(data, ignore_errors=True)
        data.mkdir()
        _chown(data)
        subprocess.run(
            _as_owner([str(binaries / "initdb"), "-D", str(data), "-U", "postgres",
                       "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "-N"]),
            check=True, capture_output=True,
        )
    running = _running(data)
    if running is not None:
        return running  # another bench process started it and stops it
    socket_dir = Path(tempfile.mkdtemp(prefix="kpass-bench-pg-"))
    _chown(socket_dir)
    port = 20000 + random.randrange(20000)
    log = socket_dir / "server.log"
    # the same settings as the test cluster: a benchmark measures kpass, not the disk's fsync
    options = (f"-k {socket_dir} -p {port} -c listen_addresses='' -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200 "
               "-c shared_buffers=512MB -c max_wal_size=4GB")
    subprocess.run(
        _as_owner([str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log), "-w",
                   "-o", options, "start"]),
        check=True, capture_output=True,
    )

    def stop() -> None:
        subprocess.run(
            _as_owner([str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(socket_dir, ignore_errors=True)

    atexit.register(stop)
    return f"postgresql+psycopg://postgres@/postgres?host={socket_dir}&port={port}"
