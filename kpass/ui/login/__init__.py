"""Logging in at the start of the app, and the first admin of a new register."""

from kpass.ui.login.first_admin_dialog import FirstAdminDialog
from kpass.ui.login.login_dialog import LoginDialog
from kpass.ui.login.start import log_in_at_start

__all__ = ["FirstAdminDialog", "LoginDialog", "log_in_at_start"]
