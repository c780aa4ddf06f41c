"""Measures and dimensions of the statistics (``statistics.md``): keys, order, German labels.

The keys are what the database layer delivers in :class:`~kpass.reporting.tables.CountRow`;
the labels and titles are what the export files show. The order of the values is the order of
rows and columns in every table and the order of the tie-break in secondary suppression.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from kpass.resource_files import resource_path
from kpass.rules.age_groups import AGE_GROUP_LABELS
from kpass.vocabulary import BASES, HOUSEHOLD_TYPES, PASS_TYPES, long_labels, short_labels

#: Shown in dimension columns for totals.
TOTAL_LABEL = "Insgesamt"
#: Replaces a suppressed count in CSV and XLSX (JSON writes null instead).
SUPPRESSED_MARK = "·"
#: Marking of exports with exact counts (supervisor role only).
OFFICIAL_USE_ONLY = "nur für den Dienstgebrauch"

MEASURES: tuple[str, ...] = ("active", "new", "renewed", "replaced", "rejected", "applications")

MEASURE_TITLES: dict[str, str] = {
    "active": "Aktive Pässe",
    "new": "Neu ausgestellt",
    "renewed": "Verlängert",
    "replaced": "Ersatzausweise",
    "rejected": "Abgelehnte Personen",
    "applications": "Entschiedene Anträge",
}

MEASURE_DEFINITIONS: dict[str, str] = {
    "active": "Personen mit einem am letzten Tag des Monats gültigen, nicht widerrufenen Pass.",
    "new": "Im Monat ausgestellte Pässe an Personen, die am Vortag keinen gültigen Pass hatten.",
    "renewed": "Im Monat als Verlängerung ausgestellte Pässe.",
    "replaced": "Im Monat ausgestellte Ersatzausweise (z. B. nach Verlust, gleiche Gültigkeit).",
    "rejected": "Personen in Entscheidungen des Monats, die als nicht berechtigt beschieden "
    "wurden.",
    "applications": "Im Monat entschiedene Anträge (Haushalte).",
}

STADTTEIL_OUTSIDE = "außerhalb"

HOUSEHOLD_TYPE_LABELS: dict[str, str] = long_labels(HOUSEHOLD_TYPES)

# Short labels: these are column headers (the long ones are in the letters and sentences).
BASIS_LABELS: dict[str, str] = {**short_labels(BASES), "abgelehnt": "Abgelehnt"}

PASS_TYPE_LABELS: dict[str, str] = long_labels(PASS_TYPES)

#: The dimensions in their canonical order (a breakdown lists its dimensions in this order
#: only if the caller asks so; ``stadtteil × age_group`` and ``age_group × stadtteil`` differ).
DIMENSION_KEYS: tuple[str, ...] = ("stadtteil", "age_group", "household_type", "basis", "pass_type")

DIMENSION_TITLES: dict[str, str] = {
    "stadtteil": "Stadtteil",
    "age_group": "Altersgruppe",
    "household_type": "Haushaltstyp",
    "basis": "Grundlage",
    "pass_type": "Passart",
}

_DEFINITIONS: dict[str, str] = {
    "stadtteil": (
        "Stadtteil des Haushalts zum Zeitpunkt der Entscheidung (27 Stadtteile, nach Nummer); "
        "„außerhalb“ für Wohnorte in anderen Gemeinden der Sozialregion."
    ),
    "age_group": "Alter der Person am letzten Tag des Monats, in vollendeten Jahren.",
    "household_type": (
        "Aus Rollen und Alter der Haushaltsmitglieder: Alleinlebend (eine Person); "
        "Alleinerziehend (ein Erwachsener mit Kindern); Paar ohne Kinder (Antragsteller/in und "
        "Partner/in); Paar mit Kindern (Antragsteller/in, Partner/in und Kinder); Sonstige "
        "(alle anderen). Kinder sind Mitglieder mit der Rolle Kind unter 18 Jahren."
    ),
    "basis": (
        "Grundlage der Berechtigung: die Sozialleistung laut Bescheid, Behinderung, Pflegekind, "
        "kinderreiche Familie oder Einkommen; abgelehnte Personen unter „Abgelehnt“."
    ),
    "pass_type": "Karlsruher Pass (Erwachsene) oder Karlsruher Kinderpass (unter 18 Jahren).",
}


@dataclass(frozen=True)
class Dimension:
    """A breakdown of the counts: its key, German title and values in report order."""

    key: str
    title: str
    values: tuple[str, ...]
    labels: Mapping[str, str]
    definition: str

    def label(self, value: str) -> str:
        """The German label of ``value`` as the files show it."""
        return self.labels[value]


@cache
def stadtteile() -> tuple[tuple[str, str], ...]:
    """(code, name) of the 27 Stadtteile from ``resources/stadtteile.csv``, by code."""
    with resource_path("stadtteile.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=";")
        rows = [(row["code"].strip(), row["name"].strip()) for row in reader]
    return tuple(sorted(rows))


@cache
def dimensions() -> Mapping[str, Dimension]:
    """All dimensions by key, in the order of :data:`DIMENSION_KEYS`."""
    stadtteil_labels = {code: f"{code} {name}" for code, name in stadtteile()}
    stadtteil_labels[STADTTEIL_OUTSIDE] = STADTTEIL_OUTSIDE
    labelled: dict[str, dict[str, str]] = {
        "stadtteil": stadtteil_labels,
        "age_group": {label: label for label in AGE_GROUP_LABELS},
        "household_type": HOUSEHOLD_TYPE_LABELS,
        "basis": BASIS_LABELS,
        "pass_type": PASS_TYPE_LABELS,
    }
    return {
        key: Dimension(
            key=key,
            title=DIMENSION_TITLES[key],
            values=tuple(labelled[key]),
            labels=labelled[key],
            definition=_DEFINITIONS[key],
        )
        for key in DIMENSION_KEYS
    }


def get_dimension(key: str) -> Dimension:
    """The dimension ``key`` (one of :data:`DIMENSION_KEYS`); KeyError for any other."""
    return dimensions()[key]


def breakdown_title(dimension_keys: tuple[str, ...]) -> str:
    """``("stadtteil", "age_group")`` → ``"Stadtteil × Altersgruppe"``; ``()`` → ``"Übersicht"``."""
    if not dimension_keys:
        return "Übersicht"
    return " × ".join(get_dimension(key).title for key in dimension_keys)
