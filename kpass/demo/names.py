"""Family and given names for the demo register, by origin, sex and birth year.

The lists live in ``resources/demo/family_names.csv`` and ``resources/demo/given_names.csv``.
Origins are short codes for the groups that are common in Karlsruhe, see :data:`ORIGIN_LABELS`.
"""

from __future__ import annotations

import csv
from functools import cache
from random import Random

from kpass.demo.sampling import Weighted
from kpass.resource_files import resource_path

ORIGIN_LABELS: dict[str, str] = {
    "de": "deutsch",
    "tr": "türkisch",
    "rd": "russlanddeutsch",
    "it": "italienisch",
    "pl": "polnisch",
    "ro": "rumänisch",
    "hr": "kroatisch/bosnisch/serbisch",
    "gr": "griechisch",
    "sq": "albanisch/kosovarisch",
    "ar": "syrisch/irakisch (arabisch)",
    "ua": "ukrainisch/russisch",
    "af": "afghanisch",
    "er": "eritreisch",
}
ORIGINS: tuple[str, ...] = tuple(ORIGIN_LABELS)

# Birth years outside this range borrow the names of the nearest covered year.
FIRST_NAME_YEAR = 1925
LAST_NAME_YEAR = 2030

# How often a person carries a second given name ("Anna Maria"); common among Germans only.
_SECOND_GIVEN_NAME: dict[str, float] = {"de": 0.14, "rd": 0.05, "it": 0.05}
_SECOND_GIVEN_NAME_DEFAULT = 0.03


@cache
def _given_rows() -> dict[tuple[str, str], tuple[tuple[str, int, int, int], ...]]:
    """Rows of given_names.csv grouped by (origin, sex): (name, born_from, born_until, weight)."""
    grouped: dict[tuple[str, str], list[tuple[str, int, int, int]]] = {}
    path = resource_path("demo", "given_names.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            grouped.setdefault((row["origin"], row["sex"]), []).append(
                (row["name"], int(row["born_from"]), int(row["born_until"]), int(row["weight"]))
            )
    return {key: tuple(rows) for key, rows in grouped.items()}


@cache
def family_name_pool(origin: str) -> Weighted[str]:
    """Family names of one origin, weighted by how common they are (base, unmarked form)."""
    path = resource_path("demo", "family_names.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        pairs = [
            (row["name"], float(row["weight"]))
            for row in csv.DictReader(handle, delimiter=";")
            if row["origin"] == origin
        ]
    if not pairs:
        raise KeyError(f"no family names for origin {origin!r}")
    return Weighted.of(pairs)


@cache
def given_name_pool(origin: str, sex: str, birth_year: int) -> Weighted[str]:
    """Given names that fit a person of this origin, sex ("f", "m", "d") and birth year."""
    year = min(max(birth_year, FIRST_NAME_YEAR), LAST_NAME_YEAR)
    sexes = ("f", "m") if sex == "d" else (sex,)
    # A name listed in overlapping decades adds up its weights; a dict keeps first-seen order.
    weights: dict[str, float] = {}
    rows = _given_rows()
    for row_sex in sexes:
        for name, born_from, born_until, weight in rows.get((origin, row_sex), ()):
            if born_from <= year <= born_until:
                weights[name] = weights.get(name, 0.0) + weight
    if not weights:
        raise KeyError(f"no given names for {origin!r}, {sex!r}, {year}")
    return Weighted.of(weights.items())


def pick_given_names(rng: Random, origin: str, sex: str, birth_year: int) -> str:
    """One given name, sometimes two (space separated), matching sex and birth decade."""
    pool = given_name_pool(origin, sex, birth_year)
    first = pool.pick(rng)
    if rng.random() < _SECOND_GIVEN_NAME.get(origin, _SECOND_GIVEN_NAME_DEFAULT):
        second = pool.pick(rng)
        # double given names like "Anna-Lena" already are two names; do not add a third
        if second != first and "-" not in first and "-" not in second:
            return f"{first} {second}"
    return first


def family_name_form(base: str, origin: str, sex: str) -> str:
    """The form of a family name that a person of this sex carries.

    Polish, Ukrainian/Russian and Greek family names change with sex ("Kowalski" → "Kowalska",
    "Iwanow" → "Iwanowa", "Papadopoulos" → "Papadopoulou"); the lists hold the masculine form.
    Double names are changed part by part.
    """
    if sex != "f" or origin not in ("pl", "ua", "gr"):
        return base
    return "-".join(_feminine(part, origin) for part in base.split("-"))


def _feminine(name: str, origin: str) -> str:
    if origin == "pl":
        if name.endswith(("ski", "cki", "dzki")):
            return name[:-1] + "a"
        return name
    if origin == "ua":
        if name.endswith(("ow", "ew")):
            return name + "a"
        return name
    # Greek: the order matters, "-idis" must win over "-is"
    for suffix, replacement in (("idis", "idou"), ("akis", "aki"), ("os", "ou"), ("as", "a")):
        if name.endswith(suffix):
            return name[: -len(suffix)] + replacement
    return name
