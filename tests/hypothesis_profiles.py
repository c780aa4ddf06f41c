"""How many inputs the fuzzers try: enough to matter in every run, the full count on demand.

``kpass check -`` is fuzzed in-process at about 10 ms per input; 300 inputs for each of its
three sources took 8 s of every run of the suite. A run now tries 100 of each (the fuzzers'
floor is 50); ``KPASS_HYPOTHESIS_PROFILE=thorough`` (before a release, after a change to the
input checks) tries the 300 they were written with. Hypothesis keeps the failing examples it
found in its database and tries them first in every later run, whatever the profile.

The profiles are Hypothesis profiles but are not loaded as the default: other tests keep
their own settings; a fuzzer takes ``fuzz_profile()`` as the parent of its settings.
"""

from __future__ import annotations

import os

from hypothesis import settings

PROFILE_ENV = "KPASS_HYPOTHESIS_PROFILE"

settings.register_profile("kpass-fuzz", max_examples=100, deadline=None)
settings.register_profile("kpass-fuzz-thorough", max_examples=300, deadline=None)


def fuzz_profile() -> settings:
    """The fuzzers' profile of this run (see the module's docstring)."""
    thorough = os.environ.get(PROFILE_ENV, "").strip().lower() == "thorough"
    return settings.get_profile("kpass-fuzz-thorough" if thorough else "kpass-fuzz")
