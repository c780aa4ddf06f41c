"""The demo generator's benchmark still runs (a smoke test on a few households, no timing)."""

from __future__ import annotations

from bench.demo_generator import _generation, _register_only


def test_the_benchmark_times_generation_and_the_register_only_run() -> None:
    for kept_apart in (False, True):
        seconds, persons = _generation(200, kept_apart=kept_apart)
        assert seconds > 0 and persons >= 200
    assert _register_only(20) > 0
