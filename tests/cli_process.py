"""``python -m kpass …`` as a process of its own, without paying for Python's start each time.

A test of the command line wants what a script gets: a separate process with its own
arguments, environment, working directory, standard streams and exit status. Starting the
interpreter and importing ``kpass.cli`` takes about 0.7 s of the ~0.8 s most commands take,
and the suite runs about a hundred of them. So a *zygote* process starts once, imports what
``python -m kpass`` imports before ``main()`` (``kpass.cli``, nothing else: no engine, no
connection, no thread), and forks for every command. The fork then does what ``python -m
kpass`` does after its imports: it takes the command's argv, environment, working directory
and standard streams, runs ``kpass.__main__`` through runpy as ``-m`` does, and ends through
the interpreter's normal shutdown (atexit handlers, buffered output flushed, exit status
from ``SystemExit`` or 1 with a traceback). The test gets a ``subprocess.CompletedProcess``,
as from ``subprocess.run``.

What the zygote fixes at its start — the interpreter, its flags and every variable of the
environment except kpass's own (``KPASS_*``, read when a command runs) — is the key of the
zygote: a command with another environment (``LANG``, ``PYTHON…``) gets a zygote started with
that environment. If the import of ``kpass.cli`` fails, the zygote forks all the same and the
command imports it again and fails the way ``python -m kpass`` would. Where ``os.fork`` is
missing, or ``KPASS_TEST_REAL_PROCESSES=1`` is set, every command starts Python as before.

Two differences remain, neither seen by a command: the forks share the zygote's hash seed
(a new process draws its own), and the objects of the imports are frozen for the cycle
collector (``gc.freeze``: so the forks share those pages instead of copying them when the
collector walks them — a fork then takes ~0.07 s, not ~0.25 s); everything the command
makes is collected as usual. tests/cli/test_cli_process.py holds the runner to a process started
from scratch.
"""

from __future__ import annotations

import atexit
import io
import json
import locale
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping
from pathlib import Path

REAL_PROCESSES_ENV = "KPASS_TEST_REAL_PROCESSES"

# Runs as ``python -c ZYGOTE <requests fd> <replies fd>``; "-c" like "-m" puts the working
# directory first on sys.path. Until the fork it must not start a thread or open a database.
ZYGOTE = r"""
import json, os, sys
try:
    import kpass.cli  # what "python -m kpass" imports before it calls main()
except BaseException:
    pass  # the command imports it again and fails as "python -m kpass" would
import gc, threading
gc.freeze()  # the imports' objects stay shared with the forks instead of copied on write
_requests = os.fdopen(int(sys.argv[1]), "rb", buffering=0)
_replies = os.fdopen(int(sys.argv[2]), "wb", buffering=0)
_replies.write(json.dumps({"threads": threading.active_count()}).encode() + b"\n")
_pending = b""
while True:
    while b"\n" not in _pending:
        _chunk = _requests.read(65536)
        if not _chunk:
            os._exit(0)
        _pending += _chunk
    _line, _pending = _pending.split(b"\n", 1)
    _order = json.loads(_line)
    sys.stdout.flush()
    sys.stderr.flush()
    _pid = os.fork()
    if _pid == 0:
        break
    _replies.write(json.dumps({"pid": _pid}).encode() + b"\n")
    _, _status = os.waitpid(_pid, 0)
    _replies.write(json.dumps({"returncode": os.waitstatus_to_exitcode(_status)}).encode() + b"\n")
# The command's process from here on.
_requests.close()
_replies.close()
os.chdir(_order["cwd"])
os.environ.clear()
os.environ.update(_order["env"])
for _fd, _path, _flags in ((0, _order["stdin"], os.O_RDONLY), (1, _order["stdout"], os.O_WRONLY),
                           (2, _order["stderr"], os.O_WRONLY)):
    _opened = os.open(_path, _flags)
    os.dup2(_opened, _fd)
    os.close(_opened)
sys.argv = ["-m", *_order["args"]]
sys.path[0] = os.getcwd()
import runpy
runpy._run_module_as_main(_order["module"])
"""


def _zygote_key(env: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The part of the environment a Python process takes in at its start."""
    return tuple(
        sorted(
            (k, v)
            for k, v in env.items()
            if not k.startswith("KPASS_") and k != "PYTEST_CURRENT_TEST"
        )
    )


class _Zygote:
    def __init__(self, env: dict[str, str]) -> None:
        requests_read, self._requests = os.pipe()
        self._replies, replies_write = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, "-c", ZYGOTE, str(requests_read), str(replies_write)],
            pass_fds=(requests_read, replies_write),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=os.getcwd(),
        )
        os.close(requests_read)
        os.close(replies_write)
        self._pending = b""
        hello = self._reply(timeout=120)
        # A thread would not survive the fork: such a zygote could not stand for Python.
        self.usable = hello is not None and hello.get("threads") == 1

    def _reply(self, timeout: float | None) -> dict[str, int] | None:
        deadline = None if timeout is None else time.monotonic() + timeout
        while b"\n" not in self._pending:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([self._replies], [], [], left)
            if not ready:
                raise TimeoutError
            chunk = os.read(self._replies, 65536)
            if not chunk:
                return None
            self._pending += chunk
        line, self._pending = self._pending.split(b"\n", 1)
        return json.loads(line)  # type: ignore[no-any-return]

    def run(self, order: Mapping[str, object], timeout: float | None) -> int:
        os.write(self._requests, json.dumps(order).encode() + b"\n")
        started = self._reply(timeout=120)
        if started is None:
            raise RuntimeError("the kpass zygote ended")
        try:
            finished = self._reply(timeout)
        except TimeoutError:
            os.kill(started["pid"], signal.SIGKILL)  # as subprocess.run does on a timeout
            self._reply(timeout=None)
            raise
        if finished is None:
            raise RuntimeError("the kpass zygote ended")
        return finished["returncode"]

    def close(self) -> None:
        if self._requests < 0:
            return
        os.close(self._requests)  # the zygote ends at the end of its requests
        os.close(self._replies)
        self._requests = self._replies = -1
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


#: The zygotes by their key, the one used last at the end; a test that changes the
#: environment gets a zygote of its own, and only the last few are kept.
_zygotes: dict[tuple[tuple[str, str], ...], _Zygote] = {}
_KEPT = 3
_lock = threading.Lock()


@atexit.register
def _close_zygotes() -> None:
    for zygote in _zygotes.values():
        zygote.close()
    _zygotes.clear()


def _zygote_for(env: dict[str, str]) -> _Zygote | None:
    if not hasattr(os, "fork") or os.environ.get(REAL_PROCESSES_ENV) == "1":
        return None
    key = _zygote_key(env)
    zygote = _zygotes.pop(key, None)
    if zygote is not None and zygote.process.poll() is not None:
        zygote.close()
        zygote = None
    if zygote is None:
        zygote = _Zygote(dict(key))
    _zygotes[key] = zygote
    while len(_zygotes) > _KEPT:
        _zygotes.pop(next(iter(_zygotes))).close()
    return zygote if zygote.usable else None


def _discard(zygote: _Zygote) -> None:
    """Ends a zygote whose replies may no longer match its requests."""
    for key, kept in list(_zygotes.items()):
        if kept is zygote:
            del _zygotes[key]
    zygote.close()


def _text(data: bytes) -> str:
    """Bytes read as ``subprocess.run(text=True)`` reads them (locale encoding, newlines)."""
    return io.TextIOWrapper(io.BytesIO(data), encoding=locale.getpreferredencoding(False)).read()


def run_kpass(
    *args: str,
    input: str | None = None,  # the name subprocess.run gives it
    env: Mapping[str, str] | None = None,
    cwd: str | Path | None = None,
    timeout: float | None = 180,
    check: bool = False,
) -> subprocess.CompletedProcess[str]:
    """``subprocess.run([sys.executable, "-m", "kpass", *args], capture_output=True,
    text=True, …)``, in a process forked from the zygote. Without ``input`` standard input is
    empty; without ``env`` the command gets this process's environment."""
    return run_module(
        "kpass", *args, input=input, env=env, cwd=cwd, timeout=timeout, check=check
    )


def run_module(
    module: str,
    *args: str,
    input: str | None = None,  # the name subprocess.run gives it
    env: Mapping[str, str] | None = None,
    cwd: str | Path | None = None,
    timeout: float | None = 180,
    check: bool = False,
) -> subprocess.CompletedProcess[str]:
    """``python -m <module> *args`` as :func:`run_kpass` runs ``kpass`` (for
    tests/cli/test_cli_process.py, which compares the runner with new processes on a module of its
    own)."""
    argv = [sys.executable, "-m", module, *args]
    environment = dict(os.environ if env is None else env)
    workdir = str(cwd if cwd is not None else os.getcwd())
    with _lock:
        zygote = _zygote_for(environment)
    if zygote is None:
        return subprocess.run(
            argv,
            input=input if input is not None else "",
            capture_output=True,
            text=True,
            env=environment,
            cwd=workdir,
            timeout=timeout,
            check=check,
        )
    with tempfile.TemporaryDirectory(prefix="kpass-cli-") as folder:
        streams = {name: Path(folder) / name for name in ("stdin", "stdout", "stderr")}
        streams["stdin"].write_bytes(
            (input or "").encode(locale.getpreferredencoding(False))
        )
        for name in ("stdout", "stderr"):
            streams[name].touch()
        order = {
            "module": module,
            "args": list(args),
            "env": environment,
            "cwd": workdir,
            **{name: str(path) for name, path in streams.items()},
        }
        with _lock:
            try:
                returncode = zygote.run(order, timeout)
            except TimeoutError:
                raise subprocess.TimeoutExpired(
                    argv, timeout or 0, streams["stdout"].read_bytes(),
                    streams["stderr"].read_bytes()
                ) from None
            except BaseException:
                _discard(zygote)
                raise
        stdout = _text(streams["stdout"].read_bytes())
        stderr = _text(streams["stderr"].read_bytes())
    result = subprocess.CompletedProcess(argv, returncode, stdout, stderr)
    if check:
        result.check_returncode()
    return result
