"""Hypothesis profiles, chosen by $HYPOTHESIS_PROFILE (tests/conftest.py loads one):

- `default`: a fifth of the examples, so that the README's test command stays quick;
- `thorough`: the sizes the property tests had before there were profiles (Hypothesis's 100
  examples, or the test's own number); `.ci/run` asks for it.

A test that sizes itself writes `@settings(max_examples=examples(800))`: 800 examples under
`thorough`, a fifth of them (and never fewer than 10) by default. A test that does not gets
the profile's own number.
"""

from __future__ import annotations

import os

from hypothesis import settings

PROFILE_ENV = "HYPOTHESIS_PROFILE"
THOROUGH = 100  # Hypothesis's own default number of examples
FAST = 20
FEWEST = 10

# Neither has a deadline: on a loaded machine (four workers on two cores, other runs beside
# them) an example now and then takes longer than Hypothesis's 200 ms, and the test fails at
# random. No property test here is about speed.
settings.register_profile("thorough", max_examples=THOROUGH, deadline=None)
settings.register_profile("default", max_examples=FAST, deadline=None)


def load() -> str:
    """Load the profile $HYPOTHESIS_PROFILE names (`default` when unset) and return its name."""
    name = os.environ.get(PROFILE_ENV) or "default"
    settings.load_profile(name)
    return name


def examples(thorough: int) -> int:
    """The number of examples for a test that has `thorough` of them under `thorough`: scaled
    as the current profile's own number is to Hypothesis's 100."""
    if settings.default.max_examples >= THOROUGH:
        return thorough
    return max(FEWEST, round(thorough * settings.default.max_examples / THOROUGH))
