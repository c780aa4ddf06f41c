"""A new process that opens a main window and says when it is usable: the child of
bench/startup_vs_bare_qt.py and bench/rss_1m.py, and the functions those use to start it.

    python -m bench.window_child bare     # a bare PySide6 QMainWindow
    python -m bench.window_child kpass    # kpass's start, logged in, its main window

The child prints one JSON line ``{"usable_at": …}`` on stdout, a ``time.monotonic()``
(one clock for all processes on Linux), once the window has been shown, has painted once
and the event loop has gone round once after that paint. With ``--searches FILE`` (kpass)
it then types each text of that JSON list into the search page and runs the search the
way the page's debounce timer does, and prints ``{"searched": …}``; with ``--wait`` it then
waits until its stdin closes, so that the parent can read its /proc status.

The kpass child starts as the ``kpass`` command does (``kpass.cli`` is imported and parses
the command line, then what ``kpass.ui.app.run_app`` does), with the register's URL in
``KPASS_DATABASE_URL`` and the login in ``KPASS_USER``/``KPASS_PASSWORD``, which
``log_in_at_start`` takes instead of showing the login dialog (kiosk set-ups, GUI tests): it
calls the same login service the dialog calls. The one step of ``run_app`` left out is
the daily automatic backup: it runs once a day, not at every start, and would copy the
cached register. Only the standard library is imported before the clock runs in the
parent: what the child imports is part of what is measured.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 300.0
# when the kpass child had imported its modules, opened the register, logged in, built the
# window (monotonic): where its start goes
PHASES: dict[str, float] = {}


# -- the child -------------------------------------------------------------------------

def _say(line: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(line) + "\n")
    sys.stdout.flush()


def _when_usable(app: Any, window: Any, then: Any) -> None:
    """Call ``then`` once ``window`` has painted and the event loop has run once after."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__(window)
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.seen and watched is window and event.type() == QEvent.Type.Paint:
                self.seen = True
                QTimer.singleShot(0, then)
            return False

    window.installEventFilter(FirstPaint())


def _bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)  # as kpass's main window
    _when_usable(app, window, lambda: _usable(app, None, []))
    window.show()
    return app.exec()


def _kpass(searches: list[str]) -> int:
    from kpass.cli import build_parser

    args = build_parser().parse_args(["gui"])  # the database from KPASS_DATABASE_URL

    from PySide6.QtWidgets import QMessageBox

    from kpass.languages import chosen_language
    from kpass.services.admin import open_and_upgrade
    from kpass.ui.app import create_application
    from kpass.ui.common.run_service import run_service
    from kpass.ui.login import log_in_at_start
    from kpass.ui.main_window import MainWindow

    PHASES["imported"] = time.monotonic()
    language, _warning = chosen_language(getattr(args, "language", None))
    app = create_application(language=language)
    opened = run_service(lambda: open_and_upgrade(args.database),
                         lambda text: QMessageBox.critical(None, "kpass", text))
    if opened.error is not None:
        print(f"kpass: {opened.error.message_en}", file=sys.stderr)
        return opened.error.exit_code
    database = opened.result()
    PHASES["opened"] = time.monotonic()
    if not log_in_at_start(database):
        return 2
    PHASES["logged_in"] = time.monotonic()
    window = MainWindow(database)
    PHASES["built"] = time.monotonic()
    _when_usable(app, window, lambda: _usable(app, window, searches))
    window.show()
    return app.exec()


def _usable(app: Any, window: Any, searches: list[str]) -> None:
    usable_at = time.monotonic()
    line: dict[str, object] = {"usable_at": usable_at, **PHASES}
    if window is not None:
        page = window.search_page
        line["search_focus"] = page.search_field.hasFocus()
        line["page_shown"] = window.stack.currentWidget() is page and page.isVisible()
    _say(line)
    if window is not None and searches:
        rows = []
        for text in searches:
            page.search_field.setText(text)
            page.run_search()  # what the debounce timer calls
            app.processEvents()  # the result list paints its rows
            rows.append(page.model.rowCount())
        _say({"searched": len(searches), "rows": rows,
              "seconds": round(time.monotonic() - usable_at, 3)})
    if "--wait" in sys.argv:
        sys.stdin.read()  # the parent reads our /proc status, then closes our stdin
    app.quit()


def main(argv: list[str]) -> int:
    kind = argv[0]
    searches: list[str] = []
    if "--searches" in argv:
        searches = json.loads(Path(argv[argv.index("--searches") + 1]).read_text("utf-8"))
    return _bare() if kind == "bare" else _kpass(searches)


# -- the parent ------------------------------------------------------------------------

def child_environment(url: str | None, user: str, password: str, config: str) -> dict[str, str]:
    """The environment of both children: offscreen Qt, settings in a fresh folder (no saved
    window geometry), German; the register and the login for the kpass child."""
    env = dict(os.environ)
    for name in ("KPASS_LANGUAGE", "KPASS_DATABASE_URL_FILE", "KPASS_USER", "KPASS_PASSWORD"):
        env.pop(name, None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = config
    if url is not None:
        env["KPASS_DATABASE_URL"] = url
        env["KPASS_USER"] = user
        env["KPASS_PASSWORD"] = password
    return env


class Child:
    """One child process: ``started`` (monotonic, just before it was spawned), its lines."""

    def __init__(self, kind: str, env: dict[str, str], extra: tuple[str, ...] = ()) -> None:
        # the child's stderr, read only when it fails; open as long as the child runs
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.window_child", kind, *extra],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self._errors, text=True,
        )

    def line(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], TIMEOUT_S)
        text = self.process.stdout.readline() if ready else ""
        if not text:
            self.process.kill()
            self.process.wait()
            self._errors.seek(0)
            errors = self._errors.read().decode("utf-8", "replace")[-2000:]
            raise RuntimeError(f"window child gave no answer: {errors}")
        answer: dict[str, Any] = json.loads(text)
        return answer

    def status(self) -> dict[str, float]:
        """VmRSS and VmHWM of the child, in MB (MiB)."""
        values: dict[str, float] = {}
        for row in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            key, _, rest = row.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
        return values

    def finish(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        code = self.process.wait(timeout=TIMEOUT_S)
        self._errors.close()
        if code != 0:
            raise RuntimeError(f"window child ended with {code}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
