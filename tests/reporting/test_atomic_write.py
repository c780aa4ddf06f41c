"""Writing export files: all or nothing, and a clear bilingual error for a bad path."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from kpass.reporting import (
    ExportWriteError,
    StatisticsReport,
    write_csv,
    write_json,
    write_xlsx,
)

Writer = Callable[[StatisticsReport, Path], Path]


@pytest.mark.parametrize("writer", [write_csv, write_json, write_xlsx])
def test_missing_folder(writer: Writer, report_1d: StatisticsReport, tmp_path: Path) -> None:
    target = tmp_path / "fehlt" / "statistik.out"
    with pytest.raises(ExportWriteError) as caught:
        writer(report_1d, target)
    assert str(target) in caught.value.message_en
    assert "folder does not exist" in caught.value.message_en
    assert "Ordner existiert nicht" in caught.value.message_de
    assert list(tmp_path.iterdir()) == []


def test_path_is_a_folder(report_1d: StatisticsReport, tmp_path: Path) -> None:
    with pytest.raises(ExportWriteError) as caught:
        write_csv(report_1d, tmp_path)
    assert "it is a folder" in caught.value.message_en
    assert "das ist ein Ordner" in caught.value.message_de
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_folder(report_1d: StatisticsReport, tmp_path: Path) -> None:
    folder = tmp_path / "nur-lesen"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportWriteError) as caught:
            write_xlsx(report_1d, folder / "statistik.xlsx")
        assert "Berechtigung" in caught.value.message_de
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_permission_denied(
    report_1d: StatisticsReport, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the read-only folder test cannot run as root; this one fails the way Windows does
    # when Excel holds the file open
    def denied(*args: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(ExportWriteError) as caught:
        write_csv(report_1d, tmp_path / "statistik.csv")
    assert "permission denied" in caught.value.message_en
    assert "in einem anderen Programm geöffnet" in caught.value.message_de
    assert caught.value.bilingual().count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_failed_rename_keeps_the_old_file_and_leaves_no_temporary(
    report_1d: StatisticsReport, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "statistik.csv"
    target.write_bytes(b"old")

    def broken_replace(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ExportWriteError) as caught:
        write_csv(report_1d, target)
    assert "disk is full" in caught.value.message_en
    assert "Datenträger ist voll" in caught.value.message_de
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["statistik.csv"]


def test_an_existing_file_is_replaced_whole(report_1d: StatisticsReport, tmp_path: Path) -> None:
    target = tmp_path / "statistik.json"
    target.write_text("x" * 1_000_000)
    write_json(report_1d, target)
    assert target.read_bytes().startswith(b"{\n")
    assert target.stat().st_size < 1_000_000
    assert [p.name for p in tmp_path.iterdir()] == ["statistik.json"]
    assert target.stat().st_mode & 0o044  # readable like an ordinary document, not 0600
