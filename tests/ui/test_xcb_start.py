"""The real app starts on a real X display (Xvfb) through Qt's xcb platform plugin.

The other GUI tests run in-process on the offscreen platform, which never loads the xcb
plugin: a missing system library (libxcb-cursor0, libxcb-icccm4, …) only shows when a
person starts kpass on a desktop. This test starts ``kpass`` as a new user would — a
fresh SQLite database, no settings — under its own Xvfb, and waits for the main window.

Needs ``Xvfb`` (package xvfb) and ``xwininfo`` (x11-utils); ./test.sh installs both.
Without them the test is skipped, except in CI (CI=true), where that is a failure.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.logins import TEST_PASSWORD, TEST_USER

pytestmark = [pytest.mark.gui, pytest.mark.slow]

WINDOW_TIMEOUT = 12.0  # seconds until the main window must be on the screen
STAY_ALIVE = 1.5  # seconds the app must keep running once the window is shown
PLUGIN_FAILURES = (
    "could not load the qt platform plugin",
    "could not find the qt platform plugin",
    "no qt platform plugin could be initialized",
    "is needed to load the qt xcb platform plugin",
)
# xwininfo -root -tree:   0x200007 "kpass – Karlsruher Pass": ("kpass" "kpass")  1280x800+0+0  +0+0
TREE_LINE = re.compile(r'^\s*(0x[0-9a-f]+) "(.*)": \((.*)\)\s+(\d+)x(\d+)[+-]')
TITLE = re.compile(r"kpass|karlsruhe", re.IGNORECASE)


def _require(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path:
        return path
    reason = f"{tool} is not installed (apt-get install {package}; ./test.sh installs it)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: in CI the xcb start must be tested")
    pytest.skip(reason)


def _kpass_command() -> list[str]:
    bundle = os.environ.get("KPASS_BUNDLE")  # scripts/build-bundle: the frozen app itself
    if bundle:
        return [bundle]
    script = Path(sys.executable).with_name("kpass")  # .venv/bin/kpass, as run.sh starts it
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "kpass"]


def _stop(process: subprocess.Popen[bytes] | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def _start_xvfb(xvfb: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on a free display: it picks the number itself and writes it to a pipe."""
    read_end, write_end = os.pipe()
    try:
        with log.open("wb") as log_file:
            process = subprocess.Popen(
                [
                    xvfb,
                    "-displayfd",
                    str(write_end),
                    "-screen",
                    "0",
                    "1280x1024x24",
                    "-nolisten",
                    "tcp",
                    "-noreset",
                ],
                pass_fds=(write_end,),
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
        os.close(write_end)
        write_end = -1
        number = b""
        deadline = time.monotonic() + 10
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            ready, _, _ = select.select([read_end], [], [], 0.2)
            if ready:
                chunk = os.read(read_end, 16)
                if not chunk:
                    break
                number += chunk
            elif process.poll() is not None:
                break
    finally:
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)
    if not number.strip().isdigit():
        _stop(process)
        pytest.fail(f"Xvfb did not start: {log.read_text(errors='replace')[-2000:]}")
    return process, f":{number.strip().decode()}"


def _main_window(xwininfo: str, env: dict[str, str]) -> str | None:
    """The id of a viewable top-level window of kpass of at least 400×300, if there is one."""
    try:
        tree = subprocess.run(
            [xwininfo, "-root", "-tree"], env=env, capture_output=True, text=True, timeout=5
        ).stdout
    except subprocess.TimeoutExpired:
        return None
    for line in tree.splitlines():
        match = TREE_LINE.match(line)
        if not match:
            continue
        window_id, title, _class, width, height = match.groups()
        if not TITLE.search(title) or "Selection Owner" in title:
            continue
        if int(width) < 400 or int(height) < 300:
            continue
        try:
            info = subprocess.run(
                [xwininfo, "-id", window_id], env=env, capture_output=True, text=True, timeout=5
            ).stdout
        except subprocess.TimeoutExpired:
            continue
        if "IsViewable" in info:
            return f"{window_id} {title!r} {width}x{height}"
    return None


def test_app_opens_its_main_window_on_xcb(tmp_path: Path) -> None:
    xvfb = _require("Xvfb", "xvfb")
    xwininfo = _require("xwininfo", "x11-utils")

    home = tmp_path / "home"
    for sub in ("config", "data", "cache", "runtime"):
        (home / sub).mkdir(parents=True)
    (home / "runtime").chmod(0o700)
    database = tmp_path / "kpass.sqlite"
    app_log = tmp_path / "kpass.log"
    # A new register with its first admin, who logs in from the environment (KPASS_USER,
    # KPASS_PASSWORD) as on a kiosk seat: the app's window is the main window, not the login.
    for argv, stdin in ((["db", "upgrade"], None),
                        (["user", "add", "--name", TEST_USER, "--role", "admin",
                          "--password-stdin"], TEST_PASSWORD + "\n")):
        made = subprocess.run([*_kpass_command(), "--database", f"sqlite:///{database}", *argv],
                              input=stdin, capture_output=True, text=True, timeout=60,
                              check=False)
        assert made.returncode == 0, made.stderr

    xvfb_process: subprocess.Popen[bytes] | None = None
    app: subprocess.Popen[bytes] | None = None
    try:
        xvfb_process, display = _start_xvfb(xvfb, tmp_path / "xvfb.log")
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("QT_", "WAYLAND_", "KPASS_DATABASE"))
            and key not in ("DISPLAY", "XAUTHORITY")
        }
        env.update(
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",  # exactly this plugin: no silent fallback to another
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CACHE_HOME=str(home / "cache"),
            XDG_RUNTIME_DIR=str(home / "runtime"),
        )

        def output() -> str:
            return app_log.read_text(errors="replace")[-4000:]

        with app_log.open("wb") as log_file:
            app = subprocess.Popen(
                [*_kpass_command(), "--database", f"sqlite:///{database}"],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

        found = None
        deadline = time.monotonic() + WINDOW_TIMEOUT
        while found is None and time.monotonic() < deadline:
            if app.poll() is not None:
                pytest.fail(f"kpass exited early (exit {app.returncode}):\n{output()}")
            found = _main_window(xwininfo, env)
            if found is None:
                time.sleep(0.25)
        if found is None:
            pytest.fail(
                f"no kpass main window on {display} after {WINDOW_TIMEOUT:.0f} s:\n{output()}"
            )

        time.sleep(STAY_ALIVE)
        if app.poll() is not None:
            pytest.fail(f"kpass exited (exit {app.returncode}) after showing {found}:\n{output()}")
        text = output().lower()
        for failure in PLUGIN_FAILURES:
            assert failure not in text, f"Qt platform plugin problem:\n{output()}"
        assert database.is_file(), "the app did not create its database"
    finally:
        _stop(app)
        _stop(xvfb_process)
