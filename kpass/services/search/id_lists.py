"""A list of values (a page's person ids, the typed pass numbers) bound as one parameter.

An ``IN`` with an expanding parameter is rendered anew at every execution, and one
parameter per value costs SQLAlchemy and the driver their work per value every time (for
a page of 50 ids, a good part of what the search adds to the queries). Bound as one value
instead — a JSON array that SQLite reads with ``json_each``, an array on PostgreSQL — the
statement has one shape whatever the length of the list: compiled once, and prepared once
by PostgreSQL's driver.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY


def in_list(column: Any, name: str, dialect: str) -> ColumnElement[bool]:
    """``column`` is one of the values bound as ``name`` (see :func:`list_param`), in SQL
    for ``dialect`` ("sqlite" or "postgresql")."""
    if dialect == "sqlite":
        values = func.json_each(bindparam(name)).table_valued("value")
        condition: ColumnElement[bool] = column.in_(select(values.c.value))
    else:
        condition = column == any_(bindparam(name, type_=ARRAY(column.type)))
    return condition


def list_param(values: Sequence[Any], dialect: str) -> Any:
    """The value of :func:`in_list`'s parameter for ``values`` (numbers or text)."""
    return json.dumps(list(values)) if dialect == "sqlite" else list(values)
