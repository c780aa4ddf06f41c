"""A command for tests/cli/test_cli_process.py: ``python -m tests.cli_process_probe ACTION …``.

It shows what a process was given (argv, a variable, its directory, standard input) and ends
the ways a command can end, so that the forked runner of tests/cli_process.py can be held to
a process started from scratch.
"""

from __future__ import annotations

import atexit
import json
import os
import sys
import time


def main() -> None:
    action = sys.argv[1]
    if action == "show":
        seen = {
            "argv": sys.argv,
            "variable": os.environ.get("KPASS_PROBE"),
            "encoding": sys.stdout.encoding,
            "cwd": os.getcwd(),
            "path0": sys.path[0],
            "stdin": sys.stdin.read(),
            "name": __name__,
        }
        print(json.dumps(seen, sort_keys=True))
        sys.exit(int(sys.argv[2]))
    if action == "crash":
        print("before the crash", flush=True)
        raise ZeroDivisionError("the probe divided by zero")
    if action == "unflushed":
        # Buffered output and atexit handlers are left to the interpreter's shutdown.
        atexit.register(lambda: sys.stderr.write("atexit ran\n"))
        sys.stdout.write("written, not flushed\n")
        sys.exit("a message as the exit status")
    if action == "sleep":
        time.sleep(float(sys.argv[2]))
        return
    raise SystemExit(f"unknown action {action!r}")


if __name__ == "__main__":
    main()
