"""``kpass user add|list|disable|enable|reset-password|set-role|lockout``."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from kpass.cli.common import database_from_args, number_arg, print_json, text_arg
from kpass.cli.login import MAX_PASSWORD_CHARS, log_in_from_args
from kpass.errors import InvalidInput

ROLES = ("caseworker", "supervisor", "admin")


def register(commands: Any) -> None:
    user = commands.add_parser("user", help="the people who log in (admins only)")
    actions = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add",
        help="add a user; on a register without users the first admin, without a login",
    )
    add.add_argument("--name", required=True, type=text_arg(80), help="the user name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--display-name", type=text_arg(120))
    add.add_argument("--issuer", metavar="CODE",
                     help="bind the user to one issuer's seats (e.g. ka, et); default: all")
    _new_password_option(add)
    add.set_defaults(handler=_add)

    listing = actions.add_parser("list", help="list the users and their roles")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=_list)

    for name, handler, text in (
        ("disable", _disable, "disable a user (they can no longer log in or save)"),
        ("enable", _enable, "enable a user again and lift a lock"),
    ):
        sub = actions.add_parser(name, help=text)
        sub.add_argument("--name", required=True, type=text_arg(80))
        sub.set_defaults(handler=handler)

    reset = actions.add_parser("reset-password", help="set a new password for a user")
    reset.add_argument("--name", required=True, type=text_arg(80))
    _new_password_option(reset)
    reset.set_defaults(handler=_reset)

    role = actions.add_parser("set-role", help="change a user's role")
    role.add_argument("--name", required=True, type=text_arg(80))
    role.add_argument("--role", required=True, choices=ROLES)
    role.set_defaults(handler=_set_role)

    lockout = actions.add_parser(
        "lockout", help="how many failed logins lock an account, and for how long"
    )
    lockout.add_argument("--max-failures", required=True, type=number_arg(1, 100))
    lockout.add_argument("--minutes", required=True, type=number_arg(1, 1440))
    lockout.set_defaults(handler=_lockout)


def _new_password_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin",
        dest="new_password_stdin",
        action="store_true",
        help="read the new user's password from standard input (else a prompt); the "
        "admin's own password then comes from $KPASS_PASSWORD or a prompt",
    )


def _new_password(args: argparse.Namespace) -> str:
    if args.new_password_stdin:
        return sys.stdin.readline(MAX_PASSWORD_CHARS + 1).rstrip("\r\n")
    if not sys.stdin.isatty():
        raise InvalidInput(
            "No new password: give it with --password-stdin or on a terminal.",
            "Kein neues Passwort: bitte über --password-stdin oder am Terminal angeben.",
        )
    first = getpass.getpass("Neues Passwort: ")
    if getpass.getpass("Neues Passwort wiederholen: ") != first:
        raise InvalidInput(
            "The two passwords differ.", "Die beiden Passwörter stimmen nicht überein."
        )
    return first


def _add(args: argparse.Namespace) -> int:
    from kpass.services.access import add_user, create_first_admin, has_login_users

    database = database_from_args(args, login=False)
    if not has_login_users(database):
        if args.role != "admin":
            raise InvalidInput(
                "This register has no users yet: the first one must be an admin "
                "(--role admin).",
                "Dieses Register hat noch keine Benutzer: der erste muss die Verwaltung sein "
                "(--role admin).",
            )
        create_first_admin(database, args.name, _new_password(args), args.display_name or "")
        print(f"First admin {args.name.strip().lower()} created.")
        return 0
    log_in_from_args(database, args)
    add_user(database, args.name, args.role, _new_password(args), args.display_name or "",
             issuer=args.issuer)
    print(f"User {args.name.strip().lower()} ({args.role}) added.")
    return 0


def _list(args: argparse.Namespace) -> int:
    from kpass.services.access import list_users

    rows = list_users(database_from_args(args))
    if args.json:
        print_json(
            [
                {
                    "name": r.username,
                    "display_name": r.display_name,
                    "role": r.role,
                    "active": r.active,
                    "can_log_in": r.can_log_in,
                    "locked_until": r.locked_until.isoformat() if r.locked_until else None,
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        state = "active" if r.active else "disabled"
        if not r.can_log_in:
            state += ", no password"
        if r.locked_until is not None:
            state += f", locked until {r.locked_until.astimezone():%Y-%m-%d %H:%M}"
        print(f"{r.username:20} {r.role:11} {state:30} {r.display_name}")
    return 0


def _disable(args: argparse.Namespace) -> int:
    from kpass.services.access import disable_user

    disable_user(database_from_args(args), args.name)
    print(f"User {args.name} disabled.")
    return 0


def _enable(args: argparse.Namespace) -> int:
    from kpass.services.access import enable_user

    may_sign = enable_user(database_from_args(args), args.name)
    print(f"User {args.name} enabled.")
    if not may_sign:
        print(f"To print cards again, {args.name} needs a new password: "
              f"kpass user reset-password --name {args.name}")
        print(f"Zum Drucken von Karten braucht {args.name} ein neues Passwort: "
              f"kpass user reset-password --name {args.name}")
    return 0


def _reset(args: argparse.Namespace) -> int:
    from kpass.services.access import reset_password

    database = database_from_args(args)
    reset_password(database, args.name, _new_password(args))
    print(f"New password set for {args.name}.")
    return 0


def _set_role(args: argparse.Namespace) -> int:
    from kpass.services.access import set_role

    set_role(database_from_args(args), args.name, args.role)
    print(f"{args.name} is now {args.role}.")
    return 0


def _lockout(args: argparse.Namespace) -> int:
    from kpass.services.access import set_login_policy

    set_login_policy(database_from_args(args), args.max_failures, args.minutes)
    print(f"{args.max_failures} failed tries lock an account for {args.minutes} minutes.")
    return 0
