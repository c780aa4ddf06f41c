"""Cold start of the desktop app in a new process, against a bare PySide6 window.

value: seconds from just before a new Python process is spawned until kpass's main window
is usable — the process started as the ``kpass`` command starts (its modules imported, the
command line parsed), the QApplication with kpass's style and translations, the register
opened and checked for upgrades, the admin logged in through the login service, the main
window built and shown with the search page in front and the search field focused, its
first paint done and the event loop gone round once after it (bench/window_child.py).
baseline: the same for a bare ``QMainWindow`` of the same size in a new process of the same
interpreter, same offscreen platform, same clock and the same moment "painted, loop ran
once". The median of 5 runs each (quick) or 10 (full), interleaved, the order swapped every
round. Budget: ratio ≤ 2.0. ``imported_s``, ``opened_s``, ``logged_in_s``, ``built_s`` and
``usable_s`` split the value (medians): the imports and the command line, opening the
register, the login (its Argon2 key derivations), building the main window, showing and
painting it. ``first_search_ms`` (a fact, not timed against anything) is
the first search typed into the fresh window, at its debounce timer's call.

On the quick register (20,000 households) or the full one (the start reads no more of a
larger register, but ``register`` says which it was).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from bench.common import demo_register, households_for, median, register_label, result
from bench.window_child import Child, child_environment
from kpass.services.admin.demo_users import DEMO_PASSWORD

DATABASES = ("sqlite",)
USER = "a.verwaltung"  # the demo register's admin


PHASES = ("imported", "opened", "logged_in", "built", "usable_at")


def _start(
    kind: str, env: dict[str, str], extra: tuple[str, ...] = (),
    phases: dict[str, list[float]] | None = None,
) -> tuple[float, Child]:
    child = Child(kind, env, extra)
    line = child.line()
    if phases is not None:  # seconds each phase took: imports, opening, login, window, show
        before = child.started
        for phase in PHASES:
            phases.setdefault(phase, []).append(line[phase] - before)
            before = line[phase]
    return line["usable_at"] - child.started, child


def measure(quick: bool, database: str = "sqlite") -> list[dict[str, object]]:
    households = households_for(quick)
    register = demo_register(households, database=database)
    label = register_label(households, register)
    url = register.url.render_as_string(hide_password=False)
    register.dispose()
    runs = 5 if quick else 10
    kpass_s: list[float] = []
    bare_s: list[float] = []
    first_search: list[float] = []
    phases: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="kpass-bench-start-") as config:
        kpass_env = child_environment(url, USER, DEMO_PASSWORD, config)
        bare_env = child_environment(None, "", "", config)
        searches = Path(config) / "searches.json"
        searches.write_text(json.dumps(["Müller"]), "utf-8")
        # one start of each first, not counted: the files read at a start are then cached
        # by the operating system, as on a machine where the app was started before
        for kind, env in (("bare", bare_env), ("kpass", kpass_env)):
            _seconds, child = _start(kind, env)
            child.finish()
        for round_ in range(runs):
            order = ("bare", "kpass") if round_ % 2 == 0 else ("kpass", "bare")
            for kind in order:
                if kind == "bare":
                    seconds, child = _start("bare", bare_env)
                    bare_s.append(seconds)
                    child.finish()
                    continue
                seconds, child = _start("kpass", kpass_env, ("--searches", str(searches)),
                                        phases)
                searched = child.line()
                child.finish()
                kpass_s.append(seconds)
                first_search.append(searched["seconds"] * 1000)
    print(
        "# startup_vs_bare_qt: kpass "
        + " ".join(f"{s:.2f}" for s in kpass_s) + " s; bare "
        + " ".join(f"{s:.2f}" for s in bare_s) + " s",
        file=sys.stderr,
    )
    breakdown = {f"{phase.removesuffix('_at')}_s": round(median(values), 3)
                 for phase, values in phases.items()}
    return [
        result("startup_vs_bare_qt", median(kpass_s), median(bare_s), unit="s",
               database=database, register=label, runs=runs,
               first_search_ms=round(median(first_search), 1), **breakdown),
    ]


if __name__ == "__main__":
    for line in measure(quick="--quick" in sys.argv):
        print(json.dumps(line, ensure_ascii=False))
