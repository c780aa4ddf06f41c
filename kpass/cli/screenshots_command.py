"""``kpass screenshots --out DIR``."""

from __future__ import annotations

import argparse
from typing import Any

from kpass.cli.common import path_arg


def register(commands: Any) -> None:
    shots = commands.add_parser(
        "screenshots", help="save PNGs of the main screens on a demo database (offscreen)"
    )
    shots.add_argument(
        "--out",
        type=path_arg,
        required=True,
        metavar="DIR",
        help="a folder; its screenshots NN-name.png are replaced, other files are kept",
    )
    shots.set_defaults(handler=_screenshots)


def _screenshots(args: argparse.Namespace) -> int:
    from kpass.atomic_file import check_target, failure_reasons
    from kpass.errors import InvalidInput, KpassError

    out = args.out
    if out.exists() and not out.is_dir():
        raise InvalidInput(
            f"--out: {out} is a file, not a folder; screenshots go into a folder.",
            f"--out: {out} ist eine Datei, kein Ordner; Bildschirmfotos kommen in einen Ordner.",
        )
    for existing in sorted(out.glob("[0-9][0-9]-*.png")) if out.is_dir() else ():
        check_target(existing, "png")  # a screenshot replaces only a PNG of the same name
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason_en, reason_de = failure_reasons(exc)
        raise KpassError(
            f"Cannot create the folder {out}: {reason_en}.",
            f"Der Ordner {out} kann nicht angelegt werden: {reason_de}.",
        ) from exc

    from kpass.devtools.screenshots import take_screenshots  # Qt only when asked for

    for path in take_screenshots(out):
        print(path)
    return 0
