"""SQL conditions on the dated rows of the register (memberships, addresses, incomes,
notices, pass periods): "valid on a day" and "still valid from a day on".

Every dated row has ``valid_from`` (inclusive) and ``valid_until`` (inclusive; ``NULL`` where
the column allows it means open-ended). Written once here, the rule is the same in every
query; for a column that cannot be ``NULL`` no ``IS NULL`` branch is added, so indexes on
``valid_until`` keep working.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, or_
from sqlalchemy.sql.elements import ColumnElement


def _nullable(column: Any) -> bool:
    expression = getattr(column, "expression", column)  # a mapped attribute's column
    return bool(getattr(expression, "nullable", True))


def not_ended_before(valid_until: Any, day: date | Any) -> ColumnElement[bool]:
    """Still valid on ``day`` or later: no end, or an end on or after ``day``."""
    if _nullable(valid_until):
        return or_(valid_until.is_(None), valid_until >= day)
    return and_(valid_until >= day)


def valid_on(valid_from: Any, valid_until: Any, day: date | Any) -> ColumnElement[bool]:
    """Valid on ``day`` (a date or a column): begun by then and not ended before."""
    return and_(valid_from <= day, not_ended_before(valid_until, day))

