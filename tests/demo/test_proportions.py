"""The register looks like the one of the Karlsruher Pass: shares checked on 20,000 households."""

from __future__ import annotations

import math
from collections import Counter
from decimal import Decimal

import pytest

from kpass.demo.generator import BENEFIT_KINDS, DemoHousehold, generate_households
from kpass.demo.places import stadtteil_codes, stadtteil_populations
from tests.demo.helpers import AS_OF, age_on, covers_month

INCOME_LIMIT = Decimal("1300.00")


def share(count: int, total: int) -> float:
    return count / total


def current_benefit_kinds(household: DemoHousehold) -> set[str]:
    first = AS_OF.replace(day=1)
    return {
        b.kind
        for b in household.benefits
        if b.valid_from <= AS_OF.replace(day=28) and b.valid_until >= first
    }


def equivalised_income(household: DemoHousehold) -> Decimal:
    """As eligibility-rules.md section 4 computes it (no benefit kinds among these incomes)."""
    total = Decimal(0)
    for person in household.persons:
        for income in person.incomes:
            total += income.amount if income.period == "month" else income.amount / 12
    weights = Decimal("1.0") + sum(
        (
            Decimal("0.5") if age_on(p, AS_OF) >= 14 else Decimal("0.3")
            for p in household.persons[1:]
        ),
        Decimal(0),
    )
    return (total.quantize(Decimal("0.01")) / weights).quantize(Decimal("0.01"))


@pytest.mark.parametrize(
    ("household_type", "expected"),
    [
        ("single", 0.45),
        ("single_parent", 0.15),
        ("couple", 0.10),
        ("couple_children", 0.20),
        ("other", 0.10),
    ],
)
def test_household_type_shares(
    sample: list[DemoHousehold], household_type: str, expected: float
) -> None:
    count = sum(h.household_type == household_type for h in sample)
    assert share(count, len(sample)) == pytest.approx(expected, abs=0.02)


def test_persons_per_household(sample: list[DemoHousehold]) -> None:
    mean = sum(len(h.persons) for h in sample) / len(sample)
    assert 1.9 <= mean <= 2.3


def test_benefit_share(sample: list[DemoHousehold]) -> None:
    covered = sum(covers_month(h, AS_OF) for h in sample)
    assert share(covered, len(sample)) == pytest.approx(0.55, abs=0.05)


def test_benefit_kinds(sample: list[DemoHousehold]) -> None:
    counts: Counter[str] = Counter()
    for household in sample:
        counts.update(current_benefit_kinds(household))
    benefit_households = sum(covers_month(h, AS_OF) for h in sample)
    assert set(counts) == set(BENEFIT_KINDS), "every kind occurs"
    ranking = [kind for kind, _ in counts.most_common()]
    assert ranking[0] == "sgb2"
    assert counts["wohngeld"] > counts["asylblg"]
    assert counts["sgb12_grundsicherung"] > counts["asylblg"]
    assert counts["asylblg"] > counts["kinderzuschlag"] > counts["sgb12_hlu"]
    for rare in ("sgb12_hlu", "sgb8_stationaer"):
        assert share(counts[rare], benefit_households) < 0.05


def test_grundsicherung_mostly_pensioners(sample: list[DemoHousehold]) -> None:
    holders = [h for h in sample if "sgb12_grundsicherung" in current_benefit_kinds(h)]
    with_pensioner = sum(any(age_on(p, AS_OF) >= 65 for p in h.persons) for h in holders)
    assert share(with_pensioner, len(holders)) > 0.6


def test_kinderzuschlag_only_for_families(sample: list[DemoHousehold]) -> None:
    for household in sample:
        if any(b.kind == "kinderzuschlag" for b in household.benefits):
            assert any(age_on(p, AS_OF) < 18 for p in household.persons)


def test_singles_include_many_pensioners(sample: list[DemoHousehold]) -> None:
    singles = [h for h in sample if h.household_type == "single"]
    pensioners = sum(age_on(h.persons[0], AS_OF) >= 65 for h in singles)
    assert share(pensioners, len(singles)) == pytest.approx(0.40, abs=0.04)


def test_some_young_applicants(sample: list[DemoHousehold]) -> None:
    young = sum(18 <= age_on(h.persons[0], AS_OF) <= 25 for h in sample)
    assert 0.02 <= share(young, len(sample)) <= 0.15


def test_flags_are_rare_and_only_for_minors(sample: list[DemoHousehold]) -> None:
    minors = 0
    flagged = 0
    kinds: Counter[str] = Counter()
    for household in sample:
        for person in household.persons:
            if age_on(person, AS_OF) < 18:
                minors += 1
                flagged += bool(person.flags)
                kinds.update(person.flags)
            else:
                assert person.flags == ()
    assert 0.008 <= share(flagged, minors) <= 0.025
    assert kinds["disability"] > 0
    assert kinds["foster_child"] > 0


def test_large_families_rare_but_present(sample: list[DemoHousehold]) -> None:
    large = sum(sum(age_on(p, AS_OF) < 18 for p in h.persons) >= 5 for h in sample)
    assert 0.002 <= share(large, len(sample)) <= 0.03


def test_leap_day_births_occur(sample: list[DemoHousehold]) -> None:
    assert any(
        p.birth_date.month == 2 and p.birth_date.day == 29 for h in sample for p in h.persons
    )


def test_incomes_spread_around_the_limit(sample: list[DemoHousehold]) -> None:
    incomes = [equivalised_income(h) for h in sample if not covers_month(h, AS_OF)]
    total = len(incomes)
    below = sum(e < INCOME_LIMIT for e in incomes)
    near = sum(INCOME_LIMIT * Decimal("0.9") <= e < INCOME_LIMIT * Decimal("1.1") for e in incomes)
    clearly_below = sum(e < Decimal("1000") for e in incomes)
    clearly_above = sum(e > Decimal("1600") for e in incomes)
    assert 0.35 <= share(below, total) <= 0.65
    assert share(near, total) >= 0.2
    assert share(clearly_below, total) >= 0.1
    assert share(clearly_above, total) >= 0.1


def test_benefit_households_have_low_incomes(sample: list[DemoHousehold]) -> None:
    incomes = sorted(equivalised_income(h) for h in sample if covers_month(h, AS_OF))
    assert incomes[len(incomes) // 2] < INCOME_LIMIT


def test_every_minor_gets_kindergeld(sample: list[DemoHousehold]) -> None:
    for household in sample[:5000]:
        for person in household.persons:
            if age_on(person, AS_OF) < 18:
                kindergeld = [i for i in person.incomes if i.kind == "kindergeld"]
                assert len(kindergeld) == 1
                assert kindergeld[0].amount == Decimal("255.00")
                assert kindergeld[0].period == "month"


def test_stadtteile_follow_population(sample: list[DemoHousehold]) -> None:
    populations = stadtteil_populations()
    counts = Counter(h.addresses[-1].stadtteil_code for h in sample)
    codes = list(stadtteil_codes())
    assert all(counts[code] > 0 for code in codes)
    xs = [populations[code] for code in codes]
    ys = [counts[code] for code in codes]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    spread = math.sqrt(sum((x - mean_x) ** 2 for x in xs) * sum((y - mean_y) ** 2 for y in ys))
    assert covariance / spread > 0.95
    # Durlach (the largest) has several times the households of Palmbach (the smallest)
    assert counts["19"] > 5 * counts["25"]


def test_few_households_outside_karlsruhe_and_some_moved(sample: list[DemoHousehold]) -> None:
    outside = sum(h.addresses[-1].stadtteil_code is None for h in sample)
    moved = sum(len(h.addresses) > 1 for h in sample)
    assert 0.01 <= share(outside, len(sample)) <= 0.035
    assert share(moved, len(sample)) == pytest.approx(0.10, abs=0.03)


def test_the_end_of_a_100000_register_is_as_full_as_its_start() -> None:
    """The last households of a 100,000 register (the size of the benchmark and of the budget
    of ``kpass demo-data``) hold as many persons as the sample. Each household depends only on
    (seed, index, as-of day), so its last 2,000 stand for the far end of the register; how fast
    all 100,000 are generated is measured by ``python -m bench.demo_generator``."""
    tail = list(generate_households(2_000, 1, AS_OF, start=98_000))
    assert [h.index for h in tail] == list(range(98_000, 100_000))
    assert sum(len(h.persons) for h in tail) > 1.9 * len(tail)
