"""Two seats start the retention run at the same moment: each case file goes once, the
trail stays one chain, the register stays consistent (both databases, two processes)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import date

from kpass.models.engine import Database
from kpass.services.admin import check_database
from kpass.services.audit import verify_trail
from kpass.services.retention import run_retention


def test_two_runs_at_once_delete_each_case_file_once(
    demo_register: Callable[[int, int, date], Database],
) -> None:
    # a register from 2021: by now most of its case files are due
    register = demo_register(200, 21, date(2021, 6, 30))
    due = run_retention(register, dry_run=True)
    assert due.households
    url = register.url.render_as_string(hide_password=False)
    command = [sys.executable, "-m", "kpass", "--database", url, "retention", "run", "--json",
               "--outbox", "/nonexistent-kpass-outbox"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(2)]
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in results]
    deleted = [[h["id"] for h in json.loads(out)["households"]] for out, _ in results]
    assert not set(deleted[0]) & set(deleted[1]), "a case file deleted twice"
    assert sorted(deleted[0] + deleted[1]) == sorted(due.households)
    assert verify_trail(register).intact
    assert check_database(register).ok
