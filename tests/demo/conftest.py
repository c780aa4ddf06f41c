"""Fixtures for the demo generator tests: one large sample, generated once per session."""

from __future__ import annotations

import pytest

from kpass.demo.generator import DemoHousehold, generate_households
from kpass.services.demo_data import DistinctPersons
from tests.demo.helpers import AS_OF, SAMPLE_SEED, SAMPLE_SIZE


@pytest.fixture(scope="session")
def sample() -> list[DemoHousehold]:
    """20,000 households as of AS_OF, as ``kpass demo-data`` writes them into an empty
    register (persons kept apart from likely duplicates); large enough for the proportion
    tests."""
    return list(
        generate_households(SAMPLE_SIZE, SAMPLE_SEED, AS_OF, distinct=DistinctPersons())
    )
