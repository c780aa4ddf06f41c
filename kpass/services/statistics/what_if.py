"""Policy what-if: persons gained and lost if a rule parameter changed. Writes nothing.

Every household with a decision in the twelve months before the day is evaluated on that
day twice, from its latest decision's input snapshot: once with the parameters in force and
once with the changed one. Snapshots hold exactly what the rules saw, so the answer needs
no personal data beyond birth dates and the Stadtteil. A large register is decided by
several processes at once (:mod:`kpass.services.statistics.impact_batches`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from kpass.errors import InvalidInput
from kpass.models.engine import Database
from kpass.models.statistics import OUTSIDE
from kpass.reporting import SUPPRESSED_MARK, suppress_grid, with_totals
from kpass.rules import AGE_GROUP_LABELS, default_parameters
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.statistics.impact_batches import tally_register
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
            # after − before = gained − lost: hidden with a hidden total, as in the app
            "eligible_after": self.eligible_after
            if isinstance(gained_total, int) and isinstance(lost_total, int)
            else SUPPRESSED_MARK,
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


@requires(Permission.WHAT_IF)
def policy_impact(database: Database, threshold: Decimal, on: date) -> ImpactReport:
    base = default_parameters()
    rule_set = base.rule_set_on(on)
    if rule_set is None:
        raise InvalidInput(
            f"No rule set is in force on {on:%d.%m.%Y}.",
            f"Am {on:%d.%m.%Y} gilt kein Regelwerk.",
        )
    report = ImpactReport(on, Decimal(str(rule_set.threshold)), threshold)
    # Twelve months back; 29 February goes back to the 28th.
    since = (
        on.replace(year=on.year - 1, day=28)
        if (on.month, on.day) == (2, 29)
        else on.replace(year=on.year - 1)
    )
    with UnitOfWork(database, write=False) as uow:
        counted = tally_register(uow.session, database, base, threshold, on, since, OUTSIDE)
    report.households = counted.households
    report.persons = counted.persons
    report.eligible_before = counted.eligible_before
    report.eligible_after = counted.eligible_after
    report.gained = counted.gained
    report.lost = counted.lost
    return report
