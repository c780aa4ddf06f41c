"""Fixtures for the demo generator tests: one large sample, generated once per session."""

from __future__ import annotations

import pytest

from kpass.demo.generator import DemoHousehold, generate_households
from tests.demo.helpers import AS_OF, SAMPLE_SEED, SAMPLE_SIZE


@pytest.fixture(scope="session")
def sample() -> list[DemoHousehold]:
    """20,000 households as of AS_OF; large enough for the proportion tests."""
    return list(generate_households(SAMPLE_SIZE, SAMPLE_SEED, AS_OF))
