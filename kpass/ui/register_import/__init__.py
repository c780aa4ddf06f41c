"""The takeover wizard (issue 16, point 5): an existing register from a CSV or XLSX file.

The wizard and the import service load when the wizard is first wanted (PEP 562); who is
offered it (:data:`PERMISSION`) is known without them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from kpass.ui.register_import.permission import PERMISSION

if TYPE_CHECKING:
    from kpass.ui.register_import.wizard import ImportWizard


def __getattr__(name: str) -> object:
    if name != "ImportWizard":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = importlib.import_module("kpass.ui.register_import.wizard").ImportWizard
    globals()[name] = value  # looked up once
    return value


__all__ = ["PERMISSION", "ImportWizard"]
