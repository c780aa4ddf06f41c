"""Documents are written whole or not at all."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kpass.documents import (
    DocumentError,
    card_design,
    render_card_sheet,
    render_cards,
    render_decision_letter,
    render_renewal_reminders,
)

from .conftest import MakeCard
from .test_letters import APPROVAL, REMINDERS

needs_permissions = pytest.mark.skipif(
    os.name == "posix" and os.geteuid() == 0,
    reason="root may write into a read-only folder",
)


def test_missing_folder_raises_and_leaves_nothing(tmp_path: Path, make_card: MakeCard) -> None:
    target = tmp_path / "no-such-folder" / "cards.pdf"
    with pytest.raises(DocumentError) as caught:
        render_cards([make_card()], target)
    assert str(target) in caught.value.message_en
    assert "kann nicht geschrieben werden" in caught.value.message_de
    assert not target.parent.exists()


def test_folder_as_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="folder"):
        render_decision_letter(APPROVAL, tmp_path)


@needs_permissions
def test_read_only_folder_raises_and_leaves_nothing(tmp_path: Path,
                                                    make_card: MakeCard) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(DocumentError) as caught:
            render_card_sheet([make_card()], folder / "sheet.pdf")
        assert "permission denied" in caught.value.message_en
        assert "keine Schreibberechtigung" in caught.value.message_de
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(stat.S_IRWXU)


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs Linux sysfs")
def test_unwritable_system_folder_even_for_root(make_card: MakeCard) -> None:
    target = Path("/sys/kpass-test-cards.pdf")  # sysfs refuses new files to everybody
    with pytest.raises(DocumentError) as caught:
        render_cards([make_card()], target)
    assert "permission denied" in caught.value.message_en
    assert not target.exists()


def test_read_only_drive_is_reported(tmp_path: Path, make_card: MakeCard,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # Runs as root too: the refusal comes from the OS call that creates the temporary file.
    import errno

    def refuse(*_args: object, **_kwargs: object) -> int:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(DocumentError) as caught:
        render_cards([make_card()], tmp_path / "cards.pdf")
    assert "read-only" in caught.value.message_en
    assert list(tmp_path.iterdir()) == []


def test_failure_while_drawing_leaves_no_partial_file(tmp_path: Path, make_card: MakeCard,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"n": 0}
    original = card_design.CardPainter.front

    def fail_on_third(self: card_design.CardPainter, *args: object) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("printer data broken")
        original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(card_design.CardPainter, "front", fail_on_third)
    target = tmp_path / "cards.pdf"
    with pytest.raises(RuntimeError, match="printer data broken"):
        render_cards([make_card() for _ in range(5)], target)
    assert list(tmp_path.iterdir()) == []


def test_failure_keeps_the_previous_file(tmp_path: Path, make_card: MakeCard) -> None:
    target = tmp_path / "reminders.pdf"
    render_renewal_reminders(REMINDERS, target)
    before = target.read_bytes()
    with pytest.raises(DocumentError):
        render_cards([make_card(photo=b"broken")], target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["reminders.pdf"]


def test_new_cards_are_for_their_owner_only(tmp_path: Path, make_card: MakeCard) -> None:
    target = tmp_path / "cards.pdf"
    previous = os.umask(0o022)
    try:
        render_cards([make_card()], target)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # personal data, whatever the umask
    assert target.read_bytes().startswith(b"%PDF-")
