"""The hand-written data files under resources/demo are complete and well-formed."""

from __future__ import annotations

import csv
import re
from collections import Counter

from kpass.demo.places import (
    region_streets,
    stadtteil_codes,
    stadtteil_populations,
    streets_by_stadtteil,
)
from kpass.resource_files import resource_path


def test_stadtteile_have_15_to_40_streets() -> None:
    grouped = streets_by_stadtteil()
    assert list(grouped) == list(stadtteil_codes())
    assert len(grouped) == 27
    for code, streets in grouped.items():
        assert 15 <= len(streets) <= 40, code
        names = [s.name for s in streets]
        assert len(names) == len(set(names)), f"duplicate street in {code}"
        for street in streets:
            assert re.fullmatch(r"76[12][0-9]{2}", street.postcode), street
            assert street.name == street.name.strip() and street.name


def test_streets_file_header_and_codes() -> None:
    with resource_path("demo", "streets.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=";")
        assert reader.fieldnames == ["stadtteil", "street", "postcode"]
        codes = Counter(row["stadtteil"] for row in reader)
    assert set(codes) == set(stadtteil_codes())


def test_population_weights_cover_all_stadtteile() -> None:
    populations = stadtteil_populations()
    assert set(populations) == set(stadtteil_codes())
    assert 280_000 <= sum(populations.values()) <= 330_000
    assert max(populations, key=populations.__getitem__) == "19"  # Durlach
    assert min(populations, key=populations.__getitem__) == "25"  # Palmbach


def test_region_streets_are_outside_karlsruhe() -> None:
    streets = region_streets()
    assert len({s.municipality for s in streets}) >= 5
    for street in streets:
        assert street.municipality != "Karlsruhe"
        assert street.stadtteil_code is None
        assert re.fullmatch(r"7[0-9]{4}", street.postcode)
