"""``kpass export-person --person ID --out FILE.pdf|FILE.json``: the information to a data
subject (Art. 15 DSGVO) — everything the register stores about one person, as a readable
German PDF or as machine-readable JSON; the export is recorded in the audit trail."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kpass.cli.common import database_from_args, id_arg, path_arg
from kpass.errors import InvalidInput


def _export_path(value: str) -> Path:
    """``--out``: a file name ending in .pdf or .json (checked before the register opens)."""
    from kpass.services.privacy import export_format

    path = path_arg(value)
    try:
        export_format(path)
    except InvalidInput as exc:
        # argparse prints the two lines and ends with exit code 2, like every bad argument
        raise argparse.ArgumentTypeError(f"{exc.message_en}\n{exc.message_de}") from None
    return path


def register(commands: Any) -> None:
    export = commands.add_parser(
        "export-person",
        help="information to a data subject (Art. 15 GDPR): everything stored about one "
        "person, as a readable German PDF or machine-readable JSON (recorded in the audit "
        "trail)",
    )
    export.add_argument("--person", type=id_arg, required=True, metavar="ID", help="person id")
    export.add_argument(
        "--out",
        type=_export_path,
        required=True,
        metavar="FILE.pdf|FILE.json",
        help="the format follows the ending; written 0600, replaces only a file of the same "
        "kind, never the database",
    )
    export.set_defaults(handler=_export)


def _export(args: argparse.Namespace) -> int:
    from kpass.services.privacy import export_person

    result = export_person(database_from_args(args), args.person, args.out)
    counts = result.counts
    print(
        f"Wrote {result.path} ({result.format.upper()}): person {args.person}, "
        f"{counts['memberships']} household membership(s), {counts['incomes']} income(s), "
        f"{counts['notices']} notice(s), {counts['decisions']} decision(s), "
        f"{counts['passes']} pass(es), {counts['prints']} print(s), "
        f"{counts['events']} audit event(s). The export is recorded in the audit trail."
    )
    return 0
