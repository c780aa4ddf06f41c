"""Helpers shared by the CLI commands: opening the database, parsing dates, printing."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from kpass.errors import DatabaseError, InvalidInput
from kpass.models.engine import Database, open_database
from kpass.models.migrate import ensure_current
from kpass.settings import resolve_database_url


def database_from_args(
    args: argparse.Namespace, *, create: bool = False, require_schema: bool = True
) -> Database:
    """Open the database named by ``--database``/the environment/the default.

    Only ``create=True`` (``kpass db upgrade``, the app's start) may create a new SQLite
    file; every other command says that there is none instead of leaving an empty one.
    """
    database = open_database(
        resolve_database_url(getattr(args, "database", None)), create_dir=create
    )
    path = database.sqlite_path
    if not create and path is not None and not path.exists():
        raise DatabaseError(
            f"There is no database at {path}; create it with: kpass db upgrade",
            f"Unter {path} gibt es keine Datenbank; anlegen mit: kpass db upgrade",
        )
    if require_schema:
        ensure_current(database)
    return database


def iso_date(text: str, option: str) -> date:
    """A date given on the command line as YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            f"{option}: {text!r} is not a date (expected YYYY-MM-DD, e.g. 2026-03-15).",
            f"{option}: {text!r} ist kein Datum (erwartet JJJJ-MM-TT, z. B. 2026-03-15).",
        ) from None


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
