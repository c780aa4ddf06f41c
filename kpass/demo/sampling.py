"""Small, fast sampling helpers shared by the demo data modules."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate
from random import Random
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Weighted(Generic[T]):
    """A fixed list of items with relative weights, sampled with one ``random()`` call."""

    items: tuple[T, ...]
    cum_weights: tuple[float, ...]
    total: float

    @classmethod
    def of(cls, pairs: Iterable[tuple[T, float]]) -> Weighted[T]:
        """Build from ``(item, weight)`` pairs; weights need not sum to one."""
        pair_list = list(pairs)
        if not pair_list:
            raise ValueError("a weighted choice needs at least one item")
        if any(weight < 0 for _, weight in pair_list):
            raise ValueError("weights must not be negative")
        cum = tuple(accumulate(float(weight) for _, weight in pair_list))
        if cum[-1] <= 0:
            raise ValueError("weights must not all be zero")
        return cls(tuple(item for item, _ in pair_list), cum, cum[-1])

    def pick(self, rng: Random) -> T:
        """One item, drawn with probability proportional to its weight."""
        # bisect_right skips items of weight zero, whose cumulative value repeats the previous one
        return self.items[bisect_right(self.cum_weights, rng.random() * self.total)]

    def probability(self, item: T) -> float:
        """Share of draws that yield ``item`` (sums over repeated entries)."""
        share = 0.0
        previous = 0.0
        for candidate, cum in zip(self.items, self.cum_weights, strict=True):
            if candidate == item:
                share += cum - previous
            previous = cum
        return share / self.total


def randint(rng: Random, low: int, high: int) -> int:
    """Uniform integer in ``low..high`` (both inclusive); cheaper than ``Random.randint``."""
    if high <= low:
        return low
    return low + int(rng.random() * (high - low + 1))


def uniform_cents(rng: Random, low_euro: float, high_euro: float) -> int:
    """A euro amount between the bounds, in whole cents."""
    return round((low_euro + rng.random() * (high_euro - low_euro)) * 100)
