"""``kill -9`` during a command: start ``python -m kpass …`` as a real process, kill it at
chosen moments, and look at what it left.

Real processes (not the forks of :mod:`tests.cli_process`), each in a session of its own, so
SIGKILL reaches the command and whatever it started, and nothing of the test. A moment is a
number of seconds after the start, or after a condition first holds (a row count reached, a
temporary file seen), so that a kill lands in the middle of a batch on a slow machine too.

To add a bulk command (retention, import): write the register it works on, then::

    for outcome in kill_during(["retention", "apply", …], env, [0.5, After(first_batch, 0.2)]):
        assert_register_sound(url)               # kpass db check and audit verify, exit 0
        assert_no_half_written_files(out_folder)  # for a command that writes a file

and finally run the command to the end and check its result (it must carry on from what
the killed runs left, or start again, as it promises).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

POLL_SECONDS = 0.02


@dataclass(frozen=True)
class After:
    """``delay`` seconds after ``condition()`` first returns True (polled while the command
    runs; it must be quick and must not take a write lock)."""

    condition: Callable[[], bool]
    delay: float = 0.0
    #: give up waiting (and kill) this long after the start
    timeout: float = 60.0


Moment = float | After


@dataclass(frozen=True)
class Outcome:
    """What one run came to: killed at ``elapsed`` seconds after its start, or finished
    before the moment came (``returncode`` set)."""

    moment: Moment
    killed: bool
    elapsed: float
    returncode: int | None
    stdout: str
    stderr: str


def kpass_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "kpass", *args]


def _wait_for(process: subprocess.Popen[bytes], moment: Moment, started: float) -> bool:
    """Wait until the moment; False when the process ended first."""
    if isinstance(moment, After):
        while not moment.condition():
            if process.poll() is not None:
                return False
            if time.monotonic() - started > moment.timeout:
                break
            time.sleep(POLL_SECONDS)
        deadline = time.monotonic() + moment.delay
    else:
        deadline = started + moment
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        time.sleep(min(POLL_SECONDS, max(0.0, deadline - time.monotonic())))
    return process.poll() is None


def run_and_kill(
    argv: Sequence[str],
    env: Mapping[str, str],
    moment: Moment,
    *,
    cwd: Path | None = None,
) -> Outcome:
    """Start ``argv``, SIGKILL it (its whole session) at ``moment``, and reap it."""
    process = subprocess.Popen(
        list(argv),
        env=dict(env),
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    started = time.monotonic()
    try:
        alive = _wait_for(process, moment, started)
        elapsed = time.monotonic() - started
        if alive:
            os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate(timeout=60)
    except BaseException:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        raise
    killed = process.returncode == -signal.SIGKILL
    return Outcome(
        moment,
        killed,
        elapsed,
        None if killed else process.returncode,
        stdout.decode(errors="replace"),
        stderr.decode(errors="replace"),
    )


def kill_during(
    argv: Sequence[str],
    env: Mapping[str, str],
    moments: Sequence[Moment],
    *,
    cwd: Path | None = None,
) -> Iterator[Outcome]:
    """Run ``argv`` once per moment and kill it then; yields each outcome before the next
    run starts, so the caller checks what each kill left (the next run then starts from
    there, as a person would start the command again)."""
    for moment in moments:
        yield run_and_kill(argv, env, moment, cwd=cwd)


# -- what a kill may leave ---------------------------------------------------------------------


def run_kpass_to_end(
    *args: str, env: Mapping[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        kpass_argv(*args), env=dict(env), capture_output=True, text=True, timeout=timeout
    )


def assert_register_sound(url: str, env: Mapping[str, str]) -> None:
    """``kpass db check`` and ``kpass audit verify`` both pass (exit 0)."""
    from tests.cli_process import run_kpass

    for command in (("db", "check"), ("audit", "verify")):
        result = run_kpass("--database", url, *command, env=env, timeout=120)
        assert result.returncode == 0, (command, result.stdout[-2000:], result.stderr[-2000:])
        assert "Traceback" not in result.stderr


def temporaries(folder: Path) -> list[Path]:
    """The atomic writer's temporary files (see :mod:`kpass.atomic_file`)."""
    return sorted(p for p in folder.iterdir() if p.name.endswith(".part"))


def assert_complete_pdf_or_none(path: Path) -> None:
    """A PDF target is either not there or a whole PDF (its header, its trailer)."""
    if not path.exists():
        return
    data = path.read_bytes()
    assert data.startswith(b"%PDF-"), f"{path} is no PDF"
    assert data.rstrip().endswith(b"%%EOF"), f"{path} is cut off ({len(data)} bytes)"


def assert_no_half_written_files(folder: Path, outputs: Sequence[Path]) -> None:
    """Every output is whole or absent, and only temporary files of the atomic writer can
    be left over (which the next write to the same target removes)."""
    for output in outputs:
        assert_complete_pdf_or_none(output)
    names = {output.name for output in outputs}
    for part in temporaries(folder):
        # .NAME.xxxxxxxx.part, only for the outputs the command writes
        assert any(part.name.startswith(f".{name}.") for name in names), part
