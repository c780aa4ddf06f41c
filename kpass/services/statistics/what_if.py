"""Policy what-if: persons gained and lost if a rule parameter changed. Writes nothing.

Every household with a decision in the twelve months before the day is evaluated on that
day twice, from its latest decision's input snapshot: once with the parameters in force and
once with the changed one. Snapshots hold exactly what the rules saw, so the answer needs
no personal data beyond birth dates and the Stadtteil.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select

from kpass.errors import InvalidInput
from kpass.models import Application, Decision
from kpass.models.engine import Database
from kpass.models.statistics import OUTSIDE
from kpass.reporting import SUPPRESSED_MARK, suppress_grid, with_totals
from kpass.rules import (
    AGE_GROUP_LABELS,
    Parameters,
    age_group,
    default_parameters,
    evaluate,
    rule_input_from_json,
)
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.uow import UnitOfWork

Key = tuple[str, str]  # (stadtteil, age group)


@dataclass
class ImpactReport:
    on: date
    threshold_before: Decimal
    threshold_after: Decimal
    households: int = 0
    persons: int = 0
    eligible_before: int = 0
    eligible_after: int = 0
    gained: Counter[Key] = field(default_factory=Counter)
    lost: Counter[Key] = field(default_factory=Counter)

    def as_json(self, *, exact: bool = False) -> dict[str, object]:
        """The report; unless ``exact``, small counts are suppressed as in every export."""
        gained, gained_total = _shown(self.gained, exact)
        lost, lost_total = _shown(self.lost, exact)
        keys = sorted(set(self.gained) | set(self.lost))
        return {
            "on": self.on.isoformat(),
            "threshold_before": f"{self.threshold_before:.2f}",
            "threshold_after": f"{self.threshold_after:.2f}",
            "households": self.households,
            "persons": self.persons,
            "eligible_before": self.eligible_before,
            "eligible_after": self.eligible_after,
            "exact": exact,
            "gained": gained_total,
            "lost": lost_total,
            "by_stadtteil_and_age_group": [
                {"stadtteil": s, "age_group": a, "gained": gained[(s, a)], "lost": lost[(s, a)]}
                for s, a in keys
            ],
        }


def _shown(counts: Counter[Key], exact: bool) -> tuple[dict[Key, int | str], int | str]:
    """Cells (and the grand total) as shown: exact, or with 1–4 and their give-aways as "·"."""
    rows = [f"{n:02d}" for n in range(1, 28)] + [OUTSIDE]
    grid = with_totals([[counts[(r, c)] for c in AGE_GROUP_LABELS] for r in rows])
    hidden: frozenset[tuple[int, int]] = frozenset() if exact else suppress_grid(grid)

    def show(row: int, column: int) -> int | str:
        return SUPPRESSED_MARK if (row, column) in hidden else grid[row][column]

    cells: dict[Key, int | str] = {
        (r, c): show(i, j) for i, r in enumerate(rows) for j, c in enumerate(AGE_GROUP_LABELS)
    }
    return cells, show(len(rows), len(AGE_GROUP_LABELS))


def parse_threshold(text: str) -> Decimal:
    try:
        value = Decimal(
            text.replace(",", ".") if text.count(",") == 1 and "." not in text else text
        )
    except InvalidOperation:
        value = Decimal(-1)
    # A sane amount first: quantize() fails on huge exponents such as 1e400.
    if (
        not value.is_finite()
        or value <= 0
        or value.adjusted() > 6
        or value != value.quantize(Decimal("0.01"))
    ):
        raise InvalidInput(
            f"--threshold: {text!r} is not an amount in euro (e.g. 1430.00).",
            f"--threshold: {text!r} ist kein Eurobetrag (z. B. 1430,00).",
        )
    return value.quantize(Decimal("0.01"))


def changed_parameters(base: Parameters, name: str, value: Decimal, on: date) -> Parameters:
    """``base`` with ``name`` set to ``value`` from ``on`` (earlier values kept)."""
    values = dict(base.parameters[name].values)
    values[on] = value
    return base.with_values(name, values)


@requires(Permission.WHAT_IF)
def policy_impact(database: Database, threshold: Decimal, on: date) -> ImpactReport:
    base = default_parameters()
    rule_set = base.rule_set_on(on)
    if rule_set is None:
        raise InvalidInput(
            f"No rule set is in force on {on:%d.%m.%Y}.",
            f"Am {on:%d.%m.%Y} gilt kein Regelwerk.",
        )
    changed = changed_parameters(base, "threshold", threshold, on)
    report = ImpactReport(on, Decimal(str(rule_set.threshold)), threshold)
    # Twelve months back; 29 February goes back to the 28th.
    since = (
        on.replace(year=on.year - 1, day=28)
        if (on.month, on.day) == (2, 29)
        else on.replace(year=on.year - 1)
    )
    latest = (
        select(func.max(Decision.id).label("id"))
        .join(Application, Application.id == Decision.application_id)
        .where(Decision.decided_on > since, Decision.decided_on <= on)
        .group_by(Application.household_id)
        .subquery()
    )
    statement = select(Decision.input_snapshot).where(Decision.id.in_(select(latest.c.id)))
    with UnitOfWork(database, write=False) as uow:
        for (snapshot,) in uow.session.execute(statement.execution_options(yield_per=2000)):
            rule_input = dataclasses.replace(
                rule_input_from_json(snapshot, base), application_date=on
            )
            before = evaluate(rule_input, base)
            after = evaluate(rule_input, changed)
            stadtteil = rule_input.residence.stadtteil or OUTSIDE
            report.households += 1
            for member, was, now in zip(
                rule_input.members, before.members, after.members, strict=True
            ):
                report.persons += 1
                report.eligible_before += was.eligible
                report.eligible_after += now.eligible
                if was.eligible != now.eligible:
                    key = (stadtteil, age_group(member.birth_date, on))
                    (report.gained if now.eligible else report.lost)[key] += 1
    return report
