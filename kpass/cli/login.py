"""Logging in on the command line: ``--user``/``KPASS_USER`` and the password from
``--password-stdin``, ``KPASS_PASSWORD`` or a prompt on the terminal."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

from kpass.errors import LoginFailed

if TYPE_CHECKING:
    from kpass.services.admin import Database

USER_ENV = "KPASS_USER"
PASSWORD_ENV = "KPASS_PASSWORD"
MAX_PASSWORD_CHARS = 1024


def add_login_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """``--user`` and ``--password-stdin`` before or after the command name (given after it,
    they win; ``SUPPRESS`` keeps a subcommand from overwriting the top level's value). A
    command whose own ``--password-stdin`` reads a *new* password keeps it."""
    options = parser._option_string_actions
    if "--user" not in options:
        parser.add_argument(
            "--user",
            metavar="NAME",
            default=None if top else argparse.SUPPRESS,
            help=f"log in as NAME (default: ${USER_ENV})",
        )
    if "--password-stdin" not in options:
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            default=False if top else argparse.SUPPRESS,
            help="read the password from the first line of standard input (else "
            f"${PASSWORD_ENV}, else a prompt)",
        )


def add_login_options_everywhere(parser: argparse.ArgumentParser) -> None:
    add_login_options(parser, top=True)
    stack = [parser]
    while stack:
        current = stack.pop()
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    if name != "gui":
                        add_login_options(sub, top=False)
                        stack.append(sub)


def _password(args: argparse.Namespace, username: str) -> str:
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline(MAX_PASSWORD_CHARS + 1)
        return line.rstrip("\r\n")
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env is not None:
        return from_env
    if sys.stdin.isatty():
        return getpass.getpass(f"Passwort für {username}: ")
    raise LoginFailed(
        f"No password: give it with --password-stdin, ${PASSWORD_ENV} or on a terminal.",
        f"Kein Passwort: bitte über --password-stdin, ${PASSWORD_ENV} oder am Terminal "
        "angeben.",
    )


def username_from(args: argparse.Namespace) -> str:
    name = (getattr(args, "user", None) or os.environ.get(USER_ENV, "")).strip()
    if not name:
        raise LoginFailed(
            f"Who is working? Give --user NAME or set ${USER_ENV}.",
            f"Wer arbeitet? Bitte --user NAME angeben oder ${USER_ENV} setzen.",
        )
    return name


def log_in_from_args(database: Database, args: argparse.Namespace) -> None:
    from kpass.services.access import has_login_users, log_in

    if not has_login_users(database):
        raise LoginFailed(
            "This register has no users yet: create the first admin with "
            "'kpass user add --name NAME --role admin'.",
            "Dieses Register hat noch keine Benutzer: bitte zuerst die Verwaltung anlegen "
            "mit „kpass user add --name NAME --role admin“.",
        )
    username = username_from(args)
    log_in(database, username, _password(args, username))
