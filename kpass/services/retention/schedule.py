"""The deletion classes of the Löschkonzept: each a period counted from an event.

The defaults and their legal reasons are data (``resources/retention.toml``); a period an
administrator changed is kept in the register (``register_setting``, key
``retention:<class>``) so that every seat deletes by the same schedule.
"""

from __future__ import annotations

import calendar
import json
import tomllib
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kpass.errors import ConfigurationError, InvalidInput
from kpass.models import RegisterSetting
from kpass.resource_files import resource_path

HOUSEHOLD_FILE = "household_file"
PROOFS = "proofs"
PHOTOS = "photos"
PRINTED_FILES = "printed_files"
CLASSES = (HOUSEHOLD_FILE, PROOFS, PHOTOS, PRINTED_FILES)
UNITS = ("years", "months", "days")
COUNTED_FROM = ("end_of_year", "event")
SETTING_PREFIX = "retention:"
#: No period beyond this: a typo of 300 years would keep everything forever.
MAX_YEARS = 30
_MAX = {"years": MAX_YEARS, "months": MAX_YEARS * 12, "days": MAX_YEARS * 366}
_UNIT_DE = {"years": ("Jahr", "Jahre"), "months": ("Monat", "Monate"), "days": ("Tag", "Tage")}


@dataclass(frozen=True)
class RetentionClass:
    key: str
    label: str
    event: str
    what: str
    amount: int
    unit: str
    counted_from: str
    decided: bool
    reason: str
    source: str
    #: False: the shipped default; True: an administrator set this period.
    changed: bool = False

    def cutoff(self, today: date) -> date:
        """The first day whose events are not yet due: data whose last event lies before
        this day is deleted on ``today``."""
        end = _minus(today, self.unit, self.amount)
        if self.counted_from == "end_of_year":
            # an event of year Y is due once the period after 31 December of Y has passed
            return date(end.year, 1, 1)
        return end

    def period_de(self) -> str:
        one, many = _UNIT_DE[self.unit]
        text = f"{self.amount} {one if self.amount == 1 else many}"
        return text + (" nach Ablauf des Kalenderjahres" if self.counted_from == "end_of_year"
                       else "")

    def as_json(self) -> dict[str, Any]:
        return {
            "class": self.key, "label": self.label, "event": self.event, "what": self.what,
            "period": {self.unit: self.amount}, "counted_from": self.counted_from,
            "decided": self.decided, "reason": self.reason, "source": self.source,
            "changed": self.changed,
        }


def _minus(day: date, unit: str, amount: int) -> date:
    if unit == "days":
        return day - timedelta(days=amount)
    months = day.year * 12 + day.month - 1 - (amount * 12 if unit == "years" else amount)
    year, month = divmod(months, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def check_period(unit: str, amount: int) -> None:
    if unit not in UNITS:
        raise InvalidInput(f"Unknown unit {unit!r}.", f"Unbekannte Einheit {unit!r}.")
    if not 0 < amount <= _MAX[unit]:
        raise InvalidInput(
            f"A retention period must be from 1 to {_MAX[unit]} {unit}.",
            f"Eine Aufbewahrungsfrist muss zwischen 1 und {_MAX[unit]} "
            f"{_UNIT_DE[unit][1]} liegen.",
        )


@cache
def default_classes() -> dict[str, RetentionClass]:
    path = resource_path("retention.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigurationError(
            f"The retention rules {path.name} cannot be read: {exc}",
            f"Das Löschkonzept {path.name} kann nicht gelesen werden: {exc}",
        ) from exc
    classes: dict[str, RetentionClass] = {}
    for key in CLASSES:
        entry = data.get(key)
        units = [unit for unit in UNITS if isinstance(entry, dict) and unit in entry]
        if not isinstance(entry, dict) or len(units) != 1 \
                or entry.get("counted_from") not in COUNTED_FROM:
            raise ConfigurationError(
                f"{path.name}: the class {key} needs exactly one of {', '.join(UNITS)} and "
                "counted_from.",
                f"{path.name}: die Löschklasse {key} braucht genau eine Angabe aus "
                f"{', '.join(UNITS)} und counted_from.",
            )
        unit = units[0]
        check_period(unit, int(entry[unit]))
        classes[key] = RetentionClass(
            key=key, label=str(entry["label"]), event=str(entry["event"]),
            what=str(entry["what"]), amount=int(entry[unit]), unit=unit,
            counted_from=str(entry["counted_from"]), decided=bool(entry.get("decided")),
            reason=str(entry["reason"]), source=str(entry["source"]),
        )
    return classes


def setting_key(key: str) -> str:
    return SETTING_PREFIX + key


def current_classes(session: Session) -> dict[str, RetentionClass]:
    """The classes as they apply in this register: the defaults with the administrator's
    changes."""
    classes = dict(default_classes())
    rows = session.scalars(
        select(RegisterSetting).where(RegisterSetting.key.startswith(SETTING_PREFIX))
    )
    for row in rows:
        key = row.key.removeprefix(SETTING_PREFIX)
        if key not in classes:
            continue
        try:
            stored = json.loads(row.value)
            unit, amount = str(stored["unit"]), int(stored["amount"])
            check_period(unit, amount)
        except (ValueError, KeyError, TypeError, InvalidInput):
            continue  # unreadable (written by hand): the shipped default applies
        classes[key] = replace(
            classes[key], amount=amount, unit=unit, reason=str(stored.get("reason") or
                                                               classes[key].reason),
            changed=True,
        )
    return classes
