"""The prebuilt search index finds exactly what the filter's scan finds, in the same order."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.library.load import load_programme
from tui_guide.library.sources import bundled_data
from tui_guide.programme.query import SessionFilter
from tui_guide.programme.search import Cancelled, SearchIndex

SESSIONS = load_programme([bundled_data()], cache=False).sessions
INDEX = SearchIndex(SESSIONS)


def _scan(query: str) -> list:
    return SessionFilter(search=query).apply(SESSIONS)


def test_known_queries() -> None:
    for query in ("guven", "YARADICI", "istanbul", "azerbaycan", "animation film", "", "zzz"):
        assert INDEX.matching(query) == _scan(query), query
    assert INDEX.matching("guven")
    assert INDEX.matching("zzz") == []


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["a", "an", "film", "ata", "gu", "İ", "ə", "ü", "x", "panel", "baku", "\x00", "\x01"]
        ),
        max_size=3,
    ).map(" ".join)
    | st.text(max_size=6)
)
def test_index_agrees_with_the_scan(query: str) -> None:
    assert INDEX.matching(query) == _scan(query)


QUERIES = st.lists(
    st.sampled_from(["a", "film", "ata", "gu", "İ", "ə", "x", "panel", "baku", "\x00"]),
    max_size=3,
).map(" ".join) | st.text(max_size=6)


@settings(max_examples=examples(200), deadline=None)
@given(
    QUERIES,
    st.sampled_from([None, *sorted({s.date for s in SESSIONS if s.date is not None})]),
    st.sets(st.sampled_from(sorted({s.kind for s in SESSIONS}, key=str)), max_size=2),
    st.lists(st.sampled_from(SESSIONS), max_size=30),
)
def test_a_filter_with_the_index_keeps_what_the_scan_keeps(query, day, kinds, subset) -> None:
    scan = SessionFilter(search=query, day=day, kinds=frozenset(kinds))
    for sessions in (SESSIONS, subset):
        assert scan.apply(sessions, INDEX) == scan.apply(sessions)


def test_sessions_the_index_does_not_hold_are_scanned() -> None:
    other = replace(SESSIONS[0], title="Zzyzx unheard of")  # an equal-looking new object
    wanted = SessionFilter(search="zzyzx")
    assert INDEX.position(other) is None
    assert wanted.apply([other, *SESSIONS], INDEX) == [other]


def test_a_build_stops_when_cancelled() -> None:
    with pytest.raises(Cancelled):
        SearchIndex(SESSIONS, cancelled=lambda: True)
