"""The layering rule as one table: which part of kpass may import which.

Every module's imports are read from its source (``ast``; imports inside functions count
too) and checked against :data:`ALLOWED`. The UI and the command line reach the use cases
only through a feature's public package (``kpass.services.passes``, never
``kpass.services.passes.actions``). DEVELOPERS.md and the README show the same table.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "kpass"

#: The parts of kpass every layer may use: words and formats, errors, settings, files.
BASE = ("kpass", "kpass.vocabulary", "kpass.errors", "kpass.settings", "kpass.resource_files",
        "kpass.languages", "kpass.text_keys", "kpass.atomic_file", "kpass.components")

#: part → the parts of kpass it may import (besides itself and BASE)
ALLOWED: dict[str, tuple[str, ...]] = {
    "kpass.ui": ("kpass.services",),
    "kpass.cli": ("kpass.services", "kpass.ui.app", "kpass.devtools"),
    # tools for developers (catalog, screenshots) may use every layer
    "kpass.devtools": ("kpass.ui", "kpass.services", "kpass.models", "kpass.rules"),
    "kpass.services": ("kpass.rules", "kpass.models", "kpass.documents", "kpass.signing",
                       "kpass.reporting", "kpass.demo"),
    "kpass.rules": (),
    "kpass.models": (),
    "kpass.documents": ("kpass.signing",),
    "kpass.signing": ("kpass.rules",),  # the pass number's check digit
    "kpass.reporting": ("kpass.rules",),
    "kpass.demo": ("kpass.rules",),
    "kpass.vocabulary": (),
    # the base modules use only each other
    **{base: () for base in BASE if base not in ("kpass", "kpass.vocabulary")},
}

#: Libraries that belong to one layer (or one package of a layer) only.
LIBRARIES: dict[str, tuple[str, ...]] = {
    "PySide6": ("kpass.ui", "kpass.devtools"),
    "sqlalchemy": ("kpass.models", "kpass.services"),
    "alembic": ("kpass.models",),
    "reportlab": ("kpass.documents",),
    # the register import reads the office's XLSX lists (read-only)
    "openpyxl": ("kpass.reporting", "kpass.services.register_import"),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(source: str) -> list[str]:
    """Every module a source imports (``from a import b`` gives ``a`` and ``a.b``)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
            found += [f"{node.module}.{alias.name}" for alias in node.names]
    return found


def _inside(name: str, part: str) -> bool:
    return name == part or name.startswith(part + ".")


def _in_base(target: str) -> bool:
    if target == "kpass" or target.startswith("kpass.__"):  # the package's own (__version__)
        return True
    return any(_inside(target, base) for base in BASE if base != "kpass")


def part_of(module: str) -> str | None:
    return next((p for p in ALLOWED if _inside(module, p)), None)


def violations(module: str, source: str) -> list[str]:
    part = part_of(module)
    if part is None:
        return []  # the top modules (BASE) are checked by what imports them
    wrong = []
    for target in imports_of(source):
        library = target.split(".")[0]
        if library in LIBRARIES and not any(_inside(module, owner)
                                            for owner in LIBRARIES[library]):
            wrong.append(f"{module} imports {target}")
            continue
        if not _inside(target, "kpass") or _inside(target, part) or _in_base(target):
            continue
        if not any(_inside(target, allowed) for allowed in ALLOWED[part]):
            wrong.append(f"{module} imports {target}")
            continue
        # the UI and the CLI use a feature's public package, not its inner modules
        if part in ("kpass.ui", "kpass.cli") and _inside(target, "kpass.services") \
                and target.count(".") > 3:
            wrong.append(f"{module} imports {target} (use kpass.services.<feature>)")
    return wrong


def _modules() -> list[tuple[str, str]]:
    return [(module_name(path), path.read_text(encoding="utf-8"))
            for path in sorted(ROOT.rglob("*.py"))
            if "migrations" not in path.parts and "__pycache__" not in path.parts]


def test_every_import_follows_the_table() -> None:
    wrong = [line for module, source in _modules() for line in violations(module, source)]
    assert wrong == [], "\n".join(wrong)


@pytest.mark.parametrize(("module", "source"), [
    ("kpass.rules.example", "from kpass.models import Person\n"),
    ("kpass.ui.example", "def later():\n    from kpass.models.engine import open_database\n"),
    ("kpass.ui.example", "from kpass.services.passes.actions import issue_passes\n"),
    ("kpass.cli.example", "from kpass.rules import evaluate\n"),
    ("kpass.services.example", "import PySide6.QtCore\n"),
    ("kpass.documents.example", "from kpass.reporting import write_csv\n"),
    ("kpass.vocabulary.example", "from kpass.rules import evaluate\n"),
])
def test_the_check_finds_a_wrong_import(module: str, source: str) -> None:
    assert violations(module, source), f"{source!r} in {module} passed"


def test_the_check_lets_a_right_import_pass() -> None:
    assert violations("kpass.ui.example", "from kpass.services.passes import issue_passes\n"
                      "from kpass.vocabulary import format_date\n") == []
    assert violations("kpass.services.example", "from kpass.rules import evaluate\n") == []
