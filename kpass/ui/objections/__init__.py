"""The objections (Widersprüche) page, the dialog that records one against a decision, and
the questions of their steps."""

from kpass.ui.objections.lodge_dialog import LodgeObjectionDialog, lodge_with_dialog
from kpass.ui.objections.page import ObjectionsPage

__all__ = ["LodgeObjectionDialog", "ObjectionsPage", "lodge_with_dialog"]
