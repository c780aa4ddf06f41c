"""``kpass check FILE|-``: decide a household given as JSON, without any database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kpass.errors import ConfigurationError, InvalidInput


def register(commands: Any) -> None:
    check = commands.add_parser(
        "check",
        help="decide a household given as JSON (FILE or - for standard input); writes nothing",
    )
    check.add_argument("file", metavar="FILE|-")
    check.add_argument(
        "--issuer", metavar="NAME", help="issuing municipality (default: Stadt Karlsruhe)"
    )
    check.set_defaults(handler=_check)


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise InvalidInput(
            f"Cannot read {name}: {exc.strerror}.",
            f"{name} kann nicht gelesen werden: {exc.strerror}.",
        ) from exc


def _check(args: argparse.Namespace) -> int:
    from kpass.rules import (
        InputError,
        ParameterError,
        dumps_decision,
        evaluate,
        load_parameters,
        parse_check_input,
    )

    try:
        parameters = load_parameters(args.issuer)
    except (ParameterError, LookupError, ValueError) as exc:
        raise ConfigurationError(str(exc), f"Ausgebende Gemeinde/Parameter: {exc}") from exc
    data = _read(args.file)
    try:
        rule_input = parse_check_input(data, parameters)
    except InputError as exc:
        raise InvalidInput(exc.message, exc.message_de) from exc
    sys.stdout.write(dumps_decision(evaluate(rule_input, parameters)))
    sys.stdout.write("\n")
    return 0
