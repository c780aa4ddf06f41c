"""``kpass persons distinct A B --reason …``: two registered persons are different people."""

from __future__ import annotations

import argparse
from typing import Any

from kpass.cli.common import database_from_args, id_arg, text_arg


def register(commands: Any) -> None:
    persons = commands.add_parser("persons", help="registered persons")
    actions = persons.add_subparsers(dest="persons_command", metavar="ACTION", required=True)
    distinct = actions.add_parser(
        "distinct",
        help="record that two persons who look alike (name and birth date) are different "
        "people, so that each may hold a pass",
    )
    distinct.add_argument("person", type=id_arg, help="person id")
    distinct.add_argument("other", type=id_arg, help="the other person's id")
    distinct.add_argument("--reason", type=text_arg(300), required=True,
                          help="why they are different people (kept in the register)")
    distinct.set_defaults(handler=_distinct)


def _distinct(args: argparse.Namespace) -> int:
    from kpass.services.household import record_distinction

    recorded = record_distinction(database_from_args(args), args.person, args.other, args.reason)
    if recorded:
        print(f"Recorded: persons {args.person} and {args.other} are different people.")
    else:
        print(f"Persons {args.person} and {args.other} were already recorded as different.")
    return 0
