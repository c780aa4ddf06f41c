"""Age groups of the statistics for Sozialplanung (``statistics.md``)."""

from __future__ import annotations

from datetime import date

from kpass.rules.age import completed_years

#: (label, lowest age, highest age or None for open-ended), in the order of the reports.
AGE_GROUPS: tuple[tuple[str, int, int | None], ...] = (
    ("0–5", 0, 5),
    ("6–13", 6, 13),
    ("14–17", 14, 17),
    ("18–24", 18, 24),
    ("25–39", 25, 39),
    ("40–59", 40, 59),
    ("60–64", 60, 64),
    ("65–74", 65, 74),
    ("75+", 75, None),
)

AGE_GROUP_LABELS: tuple[str, ...] = tuple(label for label, _, _ in AGE_GROUPS)


def age_group_for_age(age: int) -> str:
    """The label of the group that contains ``age`` (completed years)."""
    if age < 0:
        raise ValueError(f"an age cannot be negative: {age}")
    for label, low, high in AGE_GROUPS:
        if low <= age and (high is None or age <= high):
            return label
    raise AssertionError("the groups cover every age")  # pragma: no cover


def age_group(birth_date: date, on_date: date) -> str:
    """The age group of a person born on ``birth_date``, on ``on_date``.

    The statistics use the age on the last day of each month; pass that day as ``on_date``.
    29 February birthdays follow the rules' convention (new age on 1 March in other years).
    """
    return age_group_for_age(completed_years(birth_date, on_date))
