"""The generator is a pure function of (seed, index, as_of)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kpass.demo.generator import generate_household, generate_households, household_digest
from tests.demo.helpers import AS_OF

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_same_seed_gives_same_digest() -> None:
    first = household_digest(generate_households(300, 42, AS_OF))
    second = household_digest(generate_households(300, 42, AS_OF))
    assert first == second
    assert len(first) == 64


def test_different_seed_gives_different_digest() -> None:
    assert household_digest(generate_households(50, 42, AS_OF)) != household_digest(
        generate_households(50, 43, AS_OF)
    )


def test_different_as_of_gives_different_digest() -> None:
    assert household_digest(generate_households(50, 42, AS_OF)) != household_digest(
        generate_households(50, 42, date(2026, 11, 15))
    )


def test_batches_equal_one_batch() -> None:
    whole = list(generate_households(20, 7, AS_OF))
    batched = [*generate_households(7, 7, AS_OF), *generate_households(13, 7, AS_OF, start=7)]
    assert batched == whole
    assert household_digest(batched) == household_digest(whole)
    assert [h.index for h in whole] == list(range(20))


def test_household_depends_only_on_its_index() -> None:
    late = list(generate_households(3, 11, AS_OF, start=1000))
    assert late == [generate_household(11, i, AS_OF) for i in (1000, 1001, 1002)]
    # generating others before does not change it (no shared random state)
    list(generate_households(100, 11, AS_OF))
    assert generate_household(11, 1001, AS_OF) == late[1]


def test_digest_depends_on_order_and_content() -> None:
    households = list(generate_households(5, 3, AS_OF))
    assert household_digest(households) != household_digest(reversed(households))
    assert household_digest(households) != household_digest(households[:4])
    assert household_digest([]) == household_digest(iter(()))


def test_digest_is_independent_of_hash_randomisation() -> None:
    code = (
        "from datetime import date\n"
        "from kpass.demo.generator import generate_households, household_digest\n"
        "print(household_digest(generate_households(200, 5, date(2026, 10, 15))))\n"
    )
    digests = set()
    for hash_seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        env["PYTHONPATH"] = os.pathsep.join(
            part for part in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if part
        )
        result = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        digests.add(result.stdout.strip())
    digests.add(household_digest(generate_households(200, 5, AS_OF)))
    assert len(digests) == 1


def test_empty_and_invalid_ranges() -> None:
    assert list(generate_households(0, 1, AS_OF)) == []
    with pytest.raises(ValueError):
        list(generate_households(-1, 1, AS_OF))
    with pytest.raises(ValueError):
        list(generate_households(1, 1, AS_OF, start=-1))
    with pytest.raises(ValueError):
        generate_household(1, -1, AS_OF)
