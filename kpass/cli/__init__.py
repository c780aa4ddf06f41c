"""``kpass``: the use cases from the command line; with no command, the desktop app.

Every command module imports the services it calls inside its handlers, not at the top:
building the parser must not load every service (and ReportLab, openpyxl, Alembic …), since
each run of ``kpass`` — and the desktop app's start — builds all of it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from kpass import __version__
from kpass.cli import (
    approvals_command,
    audit_command,
    backup_commands,
    casework_commands,
    check_command,
    db_commands,
    demo_commands,
    import_command,
    keys_command,
    licences_command,
    objections_command,
    passes_commands,
    persons_command,
    print_commands,
    privacy_commands,
    retention_command,
    rules_commands,
    screenshots_command,
    search_command,
    stats_command,
    streets_command,
    users_command,
    vouchers_command,
)
from kpass.cli.common import ArgumentParser, text_arg
from kpass.cli.login import add_login_options_everywhere
from kpass.errors import KpassError
from kpass.languages import LANGUAGE_ENV, LANGUAGES


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="kpass",
        description="Karlsruher Pass und Karlsruher Kinderpass. Without a command the "
        "desktop application starts.",
    )
    parser.add_argument("--version", action="version", version=f"kpass {__version__}")
    parser.add_argument(
        "--database",
        metavar="URL",
        type=text_arg(4096),
        help="SQLAlchemy database URL (default: $KPASS_DATABASE_URL, else a SQLite file "
        "in the user's data directory)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    db_commands.register(commands)
    demo_commands.register(commands)
    search_command.register(commands)
    check_command.register(commands)
    casework_commands.register(commands)
    passes_commands.register(commands)
    persons_command.register(commands)
    rules_commands.register(commands)
    stats_command.register(commands)
    screenshots_command.register(commands)
    print_commands.register(commands)
    keys_command.register(commands)
    streets_command.register(commands)
    users_command.register(commands)
    audit_command.register(commands)
    backup_commands.register(commands)
    privacy_commands.register(commands)
    retention_command.register(commands)
    import_command.register(commands)
    objections_command.register(commands)
    vouchers_command.register(commands)
    approvals_command.register(commands)
    licences_command.register(commands)
    gui = commands.add_parser("gui", help="start the desktop application (the default)")
    gui.add_argument(
        "--language",
        choices=LANGUAGES,
        help=f"language of the user interface (default: ${LANGUAGE_ENV}, else German)",
    )
    gui.set_defaults(handler=_run_gui)
    add_login_options_everywhere(parser)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from kpass.cli.common import warn_if_password
    from kpass.ui.app import run_app  # Qt is loaded only when the GUI is wanted

    warn_if_password(args.database)

    return run_app(args.database, getattr(args, "language", None))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        handler = _run_gui
    try:
        return int(handler(args))
    except KpassError as exc:
        print(f"kpass: {exc.message_en}", file=sys.stderr)
        print(f"kpass: {exc.message_de}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("kpass: interrupted / abgebrochen", file=sys.stderr)
        return 130
    except ValueError as exc:  # a broken rule parameter file: told, not a traceback
        from kpass.services.admin import rule_files_broken
        from kpass.services.applications import ParameterError

        if not isinstance(exc, ParameterError):
            raise
        told = rule_files_broken(exc)
        print(f"kpass: {told.message_en}", file=sys.stderr)
        print(f"kpass: {told.message_de}", file=sys.stderr)
        return told.exit_code
    except BrokenPipeError:
        # The reader (e.g. "| head") stopped early; that is not an error of kpass.
        sys.stderr.close()
        return 0
