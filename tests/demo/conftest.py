"""Fixtures for the demo generator tests: one large sample, generated once for all of them."""

from __future__ import annotations

import pytest

from kpass.demo.generator import DemoHousehold, generate_households
from kpass.services.admin.demo_data import DistinctPersons
from tests.demo.helpers import AS_OF, SAMPLE_SEED, SAMPLE_SIZE
from tests.gc_quiet import no_cycle_collection


# Package scope, not session: the sample is 250,000 objects the cycle collector tracks; kept
# to the end of the session, it made each full collection of every later test ~0.2 s slower.
@pytest.fixture(scope="package")
def sample() -> list[DemoHousehold]:
    """20,000 households as of AS_OF, as ``kpass demo-data`` writes them into an empty
    register (persons kept apart from likely duplicates); large enough for the proportion
    tests."""
    with no_cycle_collection():  # plain values only: the collector would find nothing
        return list(
            generate_households(SAMPLE_SIZE, SAMPLE_SEED, AS_OF, distinct=DistinctPersons())
        )
