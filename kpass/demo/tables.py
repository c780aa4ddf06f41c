"""The weighted tables that shape the register: who lives together, how old, which benefit.

The proportions are chosen to resemble the register of the Karlsruher Pass; they are not
statistics.
"""

from __future__ import annotations

from kpass.demo.sampling import Weighted

HOUSEHOLD_TYPE_POOL: Weighted[str] = Weighted.of(
    [("single", 45), ("single_parent", 15), ("couple", 10), ("couple_children", 20), ("other", 10)]
)
# Share of households whose applicant unit holds a benefit notice for the as_of month; the
# weighted mean over household types is about 55 %.
BENEFIT_RATE: dict[str, float] = {
    "single": 0.57,
    "single_parent": 0.70,
    "couple": 0.40,
    "couple_children": 0.50,
    "other": 0.50,
}

AgeBrackets = Weighted[tuple[int, int]]


def _brackets(*rows: tuple[int, int, float]) -> AgeBrackets:
    return Weighted.of(((low, high), weight) for low, high, weight in rows)


PENSIONER_AGES = _brackets((65, 74, 45), (75, 84, 38), (85, 97, 17))
WORKING_SINGLE_AGES = _brackets((18, 24, 12), (25, 39, 33), (40, 54, 30), (55, 64, 25))
SINGLE_PARENT_AGES = _brackets((19, 24, 10), (25, 34, 35), (35, 44, 38), (45, 55, 17))
PENSIONER_COUPLE_AGES = _brackets((65, 74, 50), (75, 84, 38), (85, 94, 12))
WORKING_COUPLE_AGES = _brackets((20, 29, 22), (30, 44, 30), (45, 64, 48))
MOTHER_AGES = _brackets((20, 29, 22), (30, 39, 45), (40, 50, 33))
YOUNG_ADULT_AGES = _brackets((18, 24, 45), (25, 34, 40), (35, 45, 15))

SINGLE_PARENT_CHILDREN: Weighted[int] = Weighted.of([(1, 55), (2, 30), (3, 10), (4, 4), (5, 1)])
COUPLE_CHILDREN: Weighted[int] = Weighted.of(
    [(1, 35), (2, 35), (3, 18), (4, 7), (5, 3), (6, 1.5), (7, 0.5)]
)
# Years between siblings; 0 = twins (same birth date).
SIBLING_GAPS: Weighted[int] = Weighted.of(
    [(0, 3), (1, 22), (2, 30), (3, 22), (4, 12), (5, 6), (6, 3), (8, 2)]
)
OTHER_KINDS: Weighted[str] = Weighted.of(
    [
        ("parent_adult_child", 35),
        ("elder_parent", 15),
        ("grandchildren", 15),
        ("flat_share", 20),
        ("siblings", 10),
        ("single_parent_adult_child", 5),
    ]
)

# Origin of a household's names. Benefit households in Karlsruhe are more often of foreign
# origin than the rest, and asylum seekers come from a few countries.
ORIGINS_NO_BENEFIT: Weighted[str] = Weighted.of(
    [
        ("de", 72),
        ("tr", 6),
        ("rd", 5),
        ("it", 4),
        ("pl", 3.5),
        ("ro", 2.5),
        ("hr", 3),
        ("gr", 1),
        ("sq", 1),
        ("ar", 0.6),
        ("ua", 1),
        ("af", 0.3),
        ("er", 0.2),
    ]
)
ORIGINS_BENEFIT: Weighted[str] = Weighted.of(
    [
        ("de", 48),
        ("tr", 8),
        ("rd", 5),
        ("it", 2.5),
        ("pl", 3),
        ("ro", 4),
        ("hr", 3),
        ("gr", 1),
        ("sq", 2),
        ("ar", 10),
        ("ua", 7),
        ("af", 5),
        ("er", 2),
    ]
)
ASYLUM_SHARE: dict[str, float] = {"ar": 0.45, "af": 0.65, "er": 0.65, "sq": 0.1, "tr": 0.04}

NOTICE_MONTHS: dict[str, Weighted[int]] = {
    "sgb2": Weighted.of([(12, 80), (6, 20)]),
    "sgb12_hlu": Weighted.of([(6, 40), (12, 60)]),
    "sgb12_grundsicherung": Weighted.of([(12, 1)]),
    "asylblg": Weighted.of([(6, 70), (12, 30)]),
    "wohngeld": Weighted.of([(12, 55), (18, 35), (24, 10)]),
    "kinderzuschlag": Weighted.of([(6, 1)]),
    "sgb8_stationaer": Weighted.of([(12, 1)]),
}
REFERENCE_PREFIX: dict[str, str] = {
    "sgb2": "BG",
    "sgb12_hlu": "SH",
    "sgb12_grundsicherung": "GS",
    "asylblg": "AB",
    "wohngeld": "WG",
    "kinderzuschlag": "KIZ",
    "sgb8_stationaer": "JH",
}
PENSIONER_KINDS: Weighted[str] = Weighted.of([("sgb12_grundsicherung", 60), ("wohngeld", 40)])
FAMILY_KINDS: Weighted[str] = Weighted.of(
    [("sgb2", 62), ("wohngeld", 22), ("kinderzuschlag", 14), ("sgb12_hlu", 2)]
)
ADULT_KINDS: Weighted[str] = Weighted.of(
    [("sgb2", 78), ("wohngeld", 8), ("sgb12_grundsicherung", 9), ("sgb12_hlu", 5)]
)

# Target equivalised income of households without benefit: clearly below, near, clearly above.
EQUIVALISED_BANDS: Weighted[tuple[float, float]] = Weighted.of(
    [((600.0, 1150.0), 30), ((1150.0, 1450.0), 40), ((1450.0, 2300.0), 30)]
)
EMPLOYED_KINDS: Weighted[str] = Weighted.of(
    [
        ("wages", 74),
        ("self_employed", 7),
        ("alg1", 9),
        ("krankengeld", 4),
        ("pension", 3),
        ("other", 3),
    ]
)
MINIJOB_LIMIT_CENTS = 55600
# Unterhaltsvorschuss per month by age group (0–5, 6–11, 12–17), in cents.
UVG_CENTS = (22700, 29900, 39400)

# The benefit an active one now and then replaced, e.g. Wohngeld before Bürgergeld.
PREVIOUS_KIND: dict[str, str] = {
    "sgb2": "wohngeld",
    "wohngeld": "sgb2",
    "sgb12_grundsicherung": "wohngeld",
    "kinderzuschlag": "sgb2",
    "sgb12_hlu": "sgb2",
}
