"""The resources with a copy of the rule files in which some parameters take new values."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

import kpass.resource_files
from kpass.rules import parameter_files


def clear_rule_caches() -> None:
    parameter_files._load_cached.cache_clear()
    parameter_files.configured_issuers.cache_clear()


def use_changed_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, changes: dict[str, str]
) -> None:
    """Karlsruhe's rule file with ``changes`` (parameter → ``'2026-01-01 = "150.00"'``, a
    new dated value) added; every other resource stays the real one. Undo with
    ``monkeypatch.undo()`` and :func:`clear_rule_caches`."""

    def changed(text: str) -> str:
        for name, new in changes.items():
            text, count = re.subn(
                rf"(\[{name}\][^\[]*?values = \{{[^}}]*?)\s*\}}", rf"\1, {new} }}", text)
            assert count == 1, name
        return text

    use_karlsruhe_rules(tmp_path, monkeypatch, changed)


def use_karlsruhe_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: Callable[[str], str]
) -> Path:
    """The resources with Karlsruhe's rule file passed through ``edit``; every other
    resource stays the real one. Returns the edited file."""
    real = kpass.resource_files.resources_dir()
    copy = tmp_path / "resources"
    copy.mkdir()
    for entry in real.iterdir():
        if entry.name != "rules":
            (copy / entry.name).symlink_to(entry)
    (copy / "rules").mkdir()
    for rule_file in (real / "rules").iterdir():
        text = rule_file.read_text(encoding="utf-8")
        if rule_file.name == "karlsruhe.toml":
            text = edit(text)
        (copy / "rules" / rule_file.name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(kpass.resource_files, "resources_dir", lambda: copy)
    clear_rule_caches()
    return copy / "rules" / "karlsruhe.toml"
