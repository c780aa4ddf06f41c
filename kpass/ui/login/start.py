"""Who works with the app: ``KPASS_USER``/``KPASS_PASSWORD`` (kiosk set-ups, GUI tests), else
the login dialog, and on a register without users first the first admin."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QDialog

from kpass.errors import KpassError
from kpass.services.access import has_login_users, log_in
from kpass.services.admin import Database
from kpass.ui.login.first_admin_dialog import FirstAdminDialog
from kpass.ui.login.login_dialog import LoginDialog


def log_in_at_start(database: Database) -> bool:
    """True once somebody is logged in on ``database``; False when the person cancelled."""
    name, password = os.environ.get("KPASS_USER", ""), os.environ.get("KPASS_PASSWORD")
    if name and password is not None:
        try:
            log_in(database, name, password)
            return True
        except KpassError as exc:  # the dialog then asks; the shell learns why
            print(f"kpass: {exc.message_en}", file=sys.stderr)
    if not has_login_users(database):
        return FirstAdminDialog(database).exec() == QDialog.DialogCode.Accepted
    return LoginDialog(database).exec() == QDialog.DialogCode.Accepted
