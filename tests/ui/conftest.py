"""GUI tests: settings in a temporary folder, PDFs into a temporary outbox, questions answered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from kpass.ui.printing import outbox as print_outbox


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    # A modal box would wait for ever offscreen (e.g. when qtbot closes a window with unsaved
    # input); tests that check the question replace this answer.
    from kpass.ui.common import dialogs

    monkeypatch.setattr(dialogs, "ask_unsaved", lambda _parent: "discard")
    # "Verlängern" asks which passes: unless a test answers itself, the caseworker renews
    # the pass of the person selected on the page (if it is due), as when only that box is
    # left ticked.
    monkeypatch.setattr(dialogs, "ask_renewal", lambda _parent, choices: [
        c.number for c in choices if c.current and c.due] or None)
    # deciding again on an unchanged household asks first; tests that decide twice mean it
    monkeypatch.setattr(dialogs, "ask_decide_again", lambda _parent, _decision: True)


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> Iterator[None]:
    # The window stores its geometry; tests must neither read nor write the user's settings.
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    print_outbox.set_outbox(tmp_path / "ausgabe")
    yield
    print_outbox.set_outbox(None)


@pytest.fixture
def backend() -> str:
    return "sqlite"  # the widgets do not care which database answers
