"""The forked runner of the command-line tests (tests/cli_process.py) gives what a process
started from scratch gives: same exit status, output, tracebacks, shutdown and timeouts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_process import run_module

PROBE = "tests.cli_process_probe"
ROOT = Path(__file__).resolve().parents[2]


def from_scratch(
    *args: str, input: str = "", env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", PROBE, *args], input=input, capture_output=True, text=True,
        env=env, cwd=cwd, timeout=60,
    )


@pytest.mark.parametrize(
    "args", [("show", "0"), ("show", "3"), ("crash",), ("unflushed",), ("nonsense",)]
)
def test_forked_like_from_scratch(args: tuple[str, ...], tmp_path: Path) -> None:
    env = {**os.environ, "KPASS_PROBE": "wert äöü", "PYTHONPATH": str(ROOT)}
    forked = run_module(PROBE, *args, input="eingabe\nzwei", env=env, cwd=tmp_path)
    scratch = from_scratch(*args, input="eingabe\nzwei", env=env, cwd=tmp_path)
    assert (forked.returncode, forked.stdout) == (scratch.returncode, scratch.stdout)
    # a traceback's outer frames are the runner's instead of runpy's; its last line is the same
    assert forked.stderr.splitlines()[-1:] == scratch.stderr.splitlines()[-1:]
    assert ("Traceback" in forked.stderr) == ("Traceback" in scratch.stderr)


def test_a_crash_is_a_traceback_and_status_1() -> None:
    result = run_module(PROBE, "crash")
    assert result.returncode == 1 and result.stdout == "before the crash\n"
    assert "Traceback (most recent call last)" in result.stderr
    assert result.stderr.endswith("ZeroDivisionError: the probe divided by zero\n")


def test_shutdown_flushes_and_runs_atexit() -> None:
    result = run_module(PROBE, "unflushed")
    assert result.returncode == 1 and result.stdout == "written, not flushed\n"
    assert result.stderr == "a message as the exit status\natexit ran\n"


def test_another_environment_gets_its_own_interpreter() -> None:
    # Python reads PYTHONIOENCODING when it starts: a zygote started before cannot take it.
    plain = run_module(PROBE, "show", "0")
    latin = run_module(PROBE, "show", "0", env={**os.environ, "PYTHONIOENCODING": "latin-1"})
    assert '"encoding": "utf-8"' in plain.stdout and '"encoding": "iso8859-1"' in latin.stdout


def test_a_timeout_kills_the_command_and_the_next_one_runs() -> None:
    with pytest.raises(subprocess.TimeoutExpired):
        run_module(PROBE, "sleep", "30", timeout=0.5)
    assert run_module(PROBE, "show", "5").returncode == 5
