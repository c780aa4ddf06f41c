"""Start of the desktop application: open (and if needed upgrade) the database, show the window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from kpass import __version__
from kpass.languages import SOURCE_LANGUAGE, chosen_language
from kpass.services.admin import open_and_upgrade
from kpass.settings import APP_AUTHOR, APP_NAME
from kpass.ui.common.run_service import run_service
from kpass.ui.common.style import STYLE_SHEET
from kpass.ui.help.icon import application_icon
from kpass.ui.login import log_in_at_start
from kpass.ui.main_window import MainWindow
from kpass.ui.translation import install_translators


def create_application(
    argv: list[str] | None = None, language: str = SOURCE_LANGUAGE
) -> QApplication:
    """The application object, speaking ``language`` (an existing one is returned as it is)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("kpass")
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(application_icon())
    app.setDesktopFileName("kpass")  # Wayland/X11 find the desktop entry and its icon
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
    try:
        install_translators(app, language)
    except FileNotFoundError as exc:  # a broken installation still works, in German
        print(f"kpass: {exc}; using German / es gilt Deutsch", file=sys.stderr)
    return app


def run_app(url_text: str | None, language_option: str | None = None) -> int:
    """Start the desktop app; ``language_option`` (``--language``) wins over KPASS_LANGUAGE."""
    from kpass.ui.settings.preferences import saved_language

    language, warning = chosen_language(language_option, saved=saved_language())
    if warning:
        print(f"kpass: {warning}", file=sys.stderr)
    app = create_application(language=language)
    opened = run_service(lambda: open_and_upgrade(url_text),
                         lambda text: QMessageBox.critical(None, "kpass", text))
    if opened.error is not None:  # the log gets the English text, the shell the exit code
        print(f"kpass: {opened.error.message_en}", file=sys.stderr)
        return opened.error.exit_code
    database = opened.result()
    from kpass.services.continuity import backup_if_due  # what only this start needs

    # the daily automatic backup (SQLite): a failure is told and logged, the app goes on
    backed_up = run_service(lambda: backup_if_due(database),
                            lambda text: QMessageBox.warning(None, "kpass", text))
    if backed_up.error is not None:
        print(f"kpass: {backed_up.error.message_en}", file=sys.stderr)
    if not log_in_at_start(database):
        return 0
    window = MainWindow(database)
    window.show()
    return app.exec()
