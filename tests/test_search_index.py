"""The prebuilt search index finds exactly what the filter's scan finds, in the same order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui_guide.programme import load_programme
from tui_guide.programme.query import SessionFilter
from tui_guide.programme.search import SearchIndex
from tui_guide.programme.sources import bundled_data

SESSIONS = load_programme([bundled_data()], cache=False).sessions
INDEX = SearchIndex(SESSIONS)


def _scan(query: str) -> list:
    return SessionFilter(search=query).apply(SESSIONS)


def test_known_queries() -> None:
    for query in ("guven", "YARADICI", "istanbul", "azerbaycan", "animation film", "", "zzz"):
        assert INDEX.matching(query) == _scan(query), query
    assert INDEX.matching("guven")
    assert INDEX.matching("zzz") == []


@settings(max_examples=200, deadline=None)
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
