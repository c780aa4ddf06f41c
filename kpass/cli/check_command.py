"""``kpass check FILE|-``: decide a household given as JSON, without any database.

Exit status 0 with the decision on standard output, or 2 with a message in English and German
on standard error (invalid input, unreadable file); nothing is written anywhere else. The input
is read up to :data:`kpass.rules.json_io.MAX_INPUT_BYTES`; a larger one is refused unread.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, BinaryIO

from kpass.errors import ConfigurationError, InvalidInput

#: The longest message ``kpass check`` prints for one language (the rules already shorten
#: what they repeat of the input; this is the last guard).
MAX_MESSAGE_CHARACTERS = 600


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


def _limited(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` + 1 bytes of ``stream``: enough to tell that it is too large."""
    data = stream.read(limit + 1)
    return data if isinstance(data, bytes) else bytes(data or b"")


def _read(name: str, limit: int) -> bytes:
    if name == "-":
        return _limited(sys.stdin.buffer, limit)
    try:
        with Path(name).open("rb") as handle:
            return _limited(handle, limit)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        shown = _short(name, 200)
        raise InvalidInput(
            f"Cannot read {shown}: {reason}.",
            f"{shown} kann nicht gelesen werden: {reason}.",
        ) from exc


def _short(text: str, limit: int = MAX_MESSAGE_CHARACTERS) -> str:
    """One line of at most ``limit`` characters, control characters written as escapes."""
    from kpass.services.applications import shorten

    return shorten(text, limit)


def _check(args: argparse.Namespace) -> int:
    from kpass.services.applications import (
        MAX_INPUT_BYTES,
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
    data = _read(args.file, MAX_INPUT_BYTES)
    try:
        rule_input = parse_check_input(data, parameters)
    except InputError as exc:
        raise InvalidInput(_short(exc.message), _short(exc.message_de)) from exc
    sys.stdout.write(dumps_decision(evaluate(rule_input, parameters)))
    sys.stdout.write("\n")
    return 0
