"""The takeover wizard (issue 16, point 5): an existing register from a CSV or XLSX file."""

from kpass.ui.register_import.wizard import PERMISSION, ImportWizard

__all__ = ["PERMISSION", "ImportWizard"]
