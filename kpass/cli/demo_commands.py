"""``kpass demo-data``: a synthetic register for trying kpass out and for benchmarks."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from typing import Any

from kpass.cli.common import MAX_ID, database_from_args, date_arg, number_arg
from kpass.errors import InvalidInput


def register(commands: Any) -> None:
    demo = commands.add_parser(
        "demo-data",
        help="write a deterministic synthetic register (German names, Karlsruhe) into an "
        "empty or demo database; again with a seed continues its households",
    )
    demo.add_argument(
        "--households", type=_household_count, default=1000, metavar="N", help="0 … 2,000,000"
    )
    demo.add_argument(
        "--seed", type=number_arg(0, MAX_ID), default=1, metavar="S", help="0 … 2,147,483,647"
    )
    demo.add_argument(
        "--as-of", type=date_arg, metavar="DATE", help="reference day YYYY-MM-DD (default today)"
    )
    demo.add_argument("--quiet", action="store_true", help="no progress bar")
    demo.add_argument(
        "--register-only",
        action="store_true",
        help="persons and households only, without two years of applications and passes",
    )
    demo.set_defaults(handler=_demo_data)


def _household_count(text: str) -> int:
    from kpass.services.admin import MAX_HOUSEHOLDS

    return number_arg(0, MAX_HOUSEHOLDS)(text)


class _ProgressBar:
    """A one-line progress bar, drawn only on a terminal."""

    def __init__(self) -> None:
        self.started = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        rate = done / max(time.monotonic() - self.started, 1e-6)
        sys.stderr.write(
            f"\r[{'#' * filled}{' ' * (width - filled)}] {100 * done // max(total, 1):3d} % "
            f"{done:,}/{total:,} Haushalte ({rate:,.0f}/s)"
        )
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _demo_data(args: argparse.Namespace) -> int:
    from kpass.services.admin import check_household_count, create_demo_data

    check_household_count(args.households)
    as_of: date = args.as_of or date.today()
    if not 2000 <= as_of.year <= 2100:
        raise InvalidInput(
            f"--as-of {as_of.isoformat()} is outside 2000–2100.",
            f"--as-of {as_of.isoformat()} liegt außerhalb von 2000–2100.",
        )
    database = database_from_args(args, login=False)
    progress = _ProgressBar() if sys.stderr.isatty() and not args.quiet else None
    started = time.monotonic()
    result = create_demo_data(
        database, args.households, args.seed, as_of, progress, history=not args.register_only
    )
    continued = (
        f", continuing the seed at its household {result.first_index + 1:,}"
        if result.first_index
        else ""
    )
    print(
        f"Wrote {result.households:,} demo households (seed {result.seed}, as of "
        f"{result.as_of.isoformat()}{continued}) in {time.monotonic() - started:.1f} s."
    )
    return 0
