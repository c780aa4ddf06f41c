"""``kpass screenshots --out DIR``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(commands: Any) -> None:
    shots = commands.add_parser(
        "screenshots", help="save PNGs of the main screens on a demo database (offscreen)"
    )
    shots.add_argument("--out", required=True, metavar="DIR")
    shots.set_defaults(handler=_screenshots)


def _screenshots(args: argparse.Namespace) -> int:
    from kpass.ui.screenshots import take_screenshots  # Qt only when asked for

    for path in take_screenshots(Path(args.out)):
        print(path)
    return 0
