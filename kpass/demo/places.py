"""Stadtteile, streets and postcodes for the demo register.

Data files (``resources/``): ``stadtteile.csv`` (the 27 official codes), ``demo/streets.csv``
(``stadtteil;street;postcode``), ``demo/stadtteil_population.csv`` (``code;population``) and
``demo/region_streets.csv`` (``municipality;street;postcode``) for the few households that live
elsewhere in the Sozialregion Karlsruhe.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from random import Random

from kpass.demo.sampling import Weighted, randint
from kpass.resource_files import resource_path

KARLSRUHE = "Karlsruhe"


@dataclass(frozen=True, slots=True)
class Street:
    """A street of a municipality with the postcode of (most of) its houses."""

    municipality: str
    stadtteil_code: str | None
    name: str
    postcode: str


def _read(*parts: str) -> list[dict[str, str]]:
    with resource_path(*parts).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


@cache
def stadtteil_codes() -> tuple[str, ...]:
    """The official Stadtteil codes ("01".."27") in file order."""
    return tuple(row["code"] for row in _read("stadtteile.csv"))


@cache
def stadtteil_populations() -> dict[str, int]:
    """Approximate residents per Stadtteil code, used as sampling weights."""
    populations = {
        row["code"]: int(row["population"]) for row in _read("demo", "stadtteil_population.csv")
    }
    missing = set(stadtteil_codes()) - set(populations)
    unknown = set(populations) - set(stadtteil_codes())
    if missing or unknown:
        raise ValueError(
            f"stadtteil_population.csv does not match stadtteile.csv "
            f"(missing {sorted(missing)}, unknown {sorted(unknown)})"
        )
    return populations


@cache
def stadtteil_pool() -> Weighted[str]:
    """Stadtteil codes weighted by population."""
    populations = stadtteil_populations()
    return Weighted.of((code, float(populations[code])) for code in stadtteil_codes())


@cache
def streets_by_stadtteil() -> dict[str, tuple[Street, ...]]:
    """Karlsruhe streets grouped by Stadtteil code, in file order."""
    grouped: dict[str, list[Street]] = {code: [] for code in stadtteil_codes()}
    for row in _read("demo", "streets.csv"):
        code = row["stadtteil"]
        if code not in grouped:
            raise ValueError(f"streets.csv: unknown Stadtteil code {code!r}")
        grouped[code].append(Street(KARLSRUHE, code, row["street"], row["postcode"]))
    empty = [code for code, streets in grouped.items() if not streets]
    if empty:
        raise ValueError(f"streets.csv: no streets for Stadtteile {empty}")
    return {code: tuple(streets) for code, streets in grouped.items()}


@cache
def region_streets() -> tuple[Street, ...]:
    """Streets in neighbouring municipalities of the Sozialregion (no Stadtteil)."""
    return tuple(
        Street(row["municipality"], None, row["street"], row["postcode"])
        for row in _read("demo", "region_streets.csv")
    )


def pick_street(rng: Random, stadtteil_code: str | None) -> Street:
    """A street in the given Stadtteil, or in a neighbouring municipality for ``None``."""
    streets = region_streets() if stadtteil_code is None else streets_by_stadtteil()[stadtteil_code]
    return streets[randint(rng, 0, len(streets) - 1)]


def pick_house_number(rng: Random) -> str:
    """A house number 1–120, low numbers more common, now and then with a letter ("7a")."""
    # squaring skews towards short streets' numbers, which every street has
    number = 1 + int(rng.random() ** 2 * 120)
    if rng.random() < 0.07:
        return f"{number}{'abc'[randint(rng, 0, 2)]}"
    return str(number)
