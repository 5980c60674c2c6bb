"""What fits in a gap, found by bisection in the day's time order, is what a look at every
session of the day finds."""

from __future__ import annotations

import pytest
from benchmark_runs import write_programme
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.favourites.gaps import fits, fits_in, gaps
from tui_guide.library.load import load_programme
from tui_guide.programme import Programme


@pytest.fixture(scope="module")
def programme(tmp_path_factory: pytest.TempPathFactory) -> Programme:
    folder = tmp_path_factory.mktemp("fits")
    return load_programme([write_programme(folder, 400, venues=12, days=3)], cache=False)


@settings(max_examples=examples(100))
@given(st.data())
def test_fits_in_finds_what_every_session_of_the_day_gives(programme, data) -> None:
    sessions = programme.sessions
    starred = data.draw(st.lists(st.sampled_from(sessions), min_size=2, max_size=30, unique=True))
    keys = {s.key for s in starred}
    festival = programme.festivals[0]
    for gap in gaps(starred):
        every = fits(gap, festival.sessions_on(gap.day), keys)
        assert fits_in(gap, programme, keys) == every
