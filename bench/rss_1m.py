"""Memory of the running desktop app on the register, in a new process.

value: MB (MiB) resident — ``VmRSS`` of ``/proc/<pid>/status``, the current resident set
after the work — of a new kpass process started as the ``kpass`` command starts, logged in,
its main window shown, after ten searches typed into the search page (each run as the
page's debounce timer runs it, the result list painted; texts from bench/search_steps.py:
single letters, family names, names with a given name, a birth date, a street, a pass
number) (bench/window_child.py). baseline: ``VmRSS`` of a bare PySide6 ``QMainWindow``
shown in a new process of the same interpreter, same offscreen platform. Budget for the
value: 300 MB on the register of a million persons (quick: 20,000 households; ``register``
says which). ``peak_mb`` is the kpass process's ``VmHWM`` (the peak resident set).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from bench.common import RawConnection, demo_register, households_for, register_label, result
from bench.search_steps import hard_steps, typed_queries
from bench.window_child import Child, child_environment
from kpass.services.admin.demo_users import DEMO_PASSWORD

DATABASES = ("sqlite", "postgresql")
USER = "a.verwaltung"  # the demo register's admin
SEARCHES = 10


def _texts(raw: RawConnection) -> list[str]:
    """Ten different texts: two single letters, then the steps of other persons, spread
    over names, given names, birth dates, streets and pass numbers."""
    typed = typed_queries(raw, 2, seed=21)
    hard = [step for step in hard_steps(raw, 4, seed=22, letters=False) if len(step) > 2]
    picks = ["m", "s", typed[len(typed) // 3], typed[-2], typed[-1]]
    step = max(1, len(hard) // (SEARCHES - len(picks)))
    picks += hard[::step]
    distinct = list(dict.fromkeys(picks))
    return distinct[:SEARCHES]


def measure(quick: bool, database: str = "sqlite") -> list[dict[str, object]]:
    households = households_for(quick)
    register = demo_register(households, database=database)
    label = register_label(households, register)
    url = register.url.render_as_string(hide_password=False)
    raw = RawConnection(register)
    texts = _texts(raw)
    raw.close()
    register.dispose()
    assert len(texts) == SEARCHES, texts
    with tempfile.TemporaryDirectory(prefix="kpass-bench-rss-") as config:
        searches = Path(config) / "searches.json"
        searches.write_text(json.dumps(texts), "utf-8")
        bare = Child("bare", child_environment(None, "", "", config), ("--wait",))
        bare.line()
        bare_mb = bare.status()
        bare.finish()
        child = Child("kpass", child_environment(url, USER, DEMO_PASSWORD, config),
                      ("--searches", str(searches), "--wait"))
        child.line()
        searched = child.line()
        kpass_mb = child.status()
        child.finish()
    print(f"# rss_1m ({database}): searched {texts} -> rows {searched['rows']}",
          file=sys.stderr)
    return [
        result("rss_1m", kpass_mb["VmRSS"], bare_mb["VmRSS"], unit="MB", database=database,
               register=label, measure="VmRSS after the work", searches=SEARCHES,
               peak_mb=round(kpass_mb["VmHWM"], 1), baseline_peak_mb=round(bare_mb["VmHWM"], 1)),
    ]


if __name__ == "__main__":
    for line in measure(quick="--quick" in sys.argv):
        print(json.dumps(line, ensure_ascii=False))
