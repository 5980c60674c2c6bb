"""One ranking for every search: the index gives exactly the reference's order (`rank`, item
by item), whole words before prefixes before inside a word, fields by weight, ties soonest
first; and sessions are found by everything they hold, their festival's name and city too."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.library.load import load_programme
from tui_guide.library.sources import bundled_data
from tui_guide.programme import search
from tui_guide.programme.haystacks import (
    DESCRIPTION,
    LABEL,
    PLACE,
    TITLE,
    festival_texts,
    session_fields,
)
from tui_guide.programme.model import Kind, Person, Session, Venue
from tui_guide.programme.query import SessionFilter
from tui_guide.programme.rank import (
    EXACT,
    FUZZY,
    INSIDE,
    KEYS,
    PREFIX,
    WORD,
    rank,
    soonest_first,
)
from tui_guide.programme.search import RankedIndex, SearchIndex, best_first
from tui_guide.programme.text import query_words

PROGRAMME = load_programme([bundled_data()], cache=False)
TEXTS = {f.id: festival_texts(f.name, f.city) for f in PROGRAMME.festivals}
INDEX = SearchIndex(PROGRAMME.sessions, festivals=TEXTS)
FIELDS = [session_fields(s, TEXTS[s.festival_id]) for s in INDEX.sessions]

WORDS = st.sampled_from(
    ["a", "an", "film", "ata", "gu", "İ", "ə", "x", "panel", "baku", "\x00", "korkyt",
     "istanbul", "co-", "the", "animation", "turkic world", "guven", "ü", "screening"]
)  # fmt: skip
QUERIES = st.lists(WORDS, max_size=3).map(" ".join) | st.text(max_size=6)


def reference(query: str) -> list[int]:
    """Every item matching, by its rank from `rank`, ties in the order given."""
    words = query_words(query)
    ranks = [rank(words, fields) for fields in FIELDS]
    return sorted((i for i, r in enumerate(ranks) if r is not None), key=lambda i: ranks[i])


@settings(max_examples=examples(300), deadline=None)
@given(QUERIES)
def test_the_index_ranks_exactly_as_the_reference(query: str) -> None:
    if not query_words(query):
        return
    expected = reference(query)
    assert INDEX.index.ranked(query) == expected
    found = INDEX.index.best(query, 7, fuzzy=False)
    assert [item for item, _ in found.best] == expected[:7]
    assert len(found.matching) == len(expected)
    words = query_words(query)
    assert [r for _, r in found.best] == [rank(words, FIELDS[i]) for i in expected[:7]]


@settings(max_examples=examples(200), deadline=None)
@given(QUERIES)
def test_the_index_keeps_what_the_filter_keeps(query: str) -> None:
    for festival in PROGRAMME.festivals:
        wanted = SessionFilter(search=query, festival_texts=TEXTS[festival.id])
        assert wanted.apply(festival.sessions, INDEX) == wanted.apply(festival.sessions)


def _session(id_: str, title: str, **fields: object) -> Session:
    made = Session("f", id_, title, Kind.TALK, ZoneInfo("UTC"), **fields)  # type: ignore[arg-type]
    return made


def _titles(sessions: list[Session], query: str) -> list[str]:
    index = SearchIndex(sessions)
    return [s.title for s in index.ranked(query)]


def test_whole_word_before_prefix_before_inside_before_fuzzy() -> None:
    sessions = [
        _session("inside", "Metaclimate studies"),
        _session("prefix", "Climates of the past"),
        _session("fuzzy", "Cli mates at sea"),
        _session("word", "Hacking the Climate"),
    ]
    assert _titles(sessions, "climate") == [
        "Hacking the Climate",
        "Climates of the past",
        "Metaclimate studies",
    ]
    index = SearchIndex(sessions)
    best, count = index.best("climate", 10)
    assert [s.title for s in best][-1] == "Cli mates at sea"  # fuzzy: found, and last
    assert count == 3  # the count is of real matches


def test_fields_by_weight_and_description_last() -> None:
    venue = Venue("f", "v", "Climate Hall")
    sessions = [
        _session("description", "Talk one", description="All about the climate."),
        _session("tag", "Talk two", tags=("climate",)),
        _session("venue", "Talk three", venue=venue),
        _session("title", "The climate"),
        _session("person", "Talk four", people=(Person("Ada Climate"),)),
    ]
    assert _titles(sessions, "climate") == [
        "The climate",
        "Talk four",  # title and people weigh the same: ties by what is on soonest (order)
        "Talk three",
        "Talk two",
        "Talk one",
    ]
    # A prefix in a title still comes before a whole word in a description only.
    prefix = _session("prefix", "Climates")
    assert _titles([sessions[0], prefix], "climate") == ["Climates", "Talk one"]


def test_ties_go_to_what_is_on_soonest_untimed_last() -> None:
    sessions = [
        _session("untimed", "Film night"),
        _session("later", "Film night", date=date(2025, 5, 2), start=time(9)),
        _session("sooner", "Film night", date=date(2025, 5, 1), start=time(20)),
    ]
    assert [s.id for s in SearchIndex(sessions).ranked("film")] == ["sooner", "later", "untimed"]
    assert [s.id for s in soonest_first(sessions)] == ["sooner", "later", "untimed"]
    assert [s.id for s in best_first(sessions, "film")] == ["sooner", "later", "untimed"]


def test_exact_and_phrase_come_first() -> None:
    sessions = [
        _session("words", "Saal notes, room 1"),
        _session("phrase", "Concert in Saal 1 tonight"),
        _session("exact", "Saal 1"),
    ]
    assert _titles(sessions, "SAAL 1") == [
        "Saal 1",
        "Concert in Saal 1 tonight",
        "Saal notes, room 1",
    ]


def test_a_fuzzy_match_never_outranks_an_exact_or_prefix_one() -> None:
    assert all(key < FUZZY for key in range(len(KEYS)))
    order = [tier for tier, weight in KEYS if weight != DESCRIPTION]
    assert order.index(PREFIX) > max(i for i, t in enumerate(order) if t in (EXACT, WORD))
    assert order.index(INSIDE) > max(i for i, t in enumerate(order) if t == PREFIX)
    weights = [w for t, w in KEYS if t == WORD]
    assert weights == sorted(weights) == [TITLE, PLACE, LABEL, DESCRIPTION]


def test_punctuated_words_rank_by_their_boundaries() -> None:
    sessions = [
        _session("inside", "Eco-production meeting"),  # "co-production" inside "eco-…"
        _session("word", "A (co-production) meeting"),
        _session("prefix", "Co-productions"),
    ]
    assert [s.id for s in SearchIndex(sessions).ranked("co-production")] == [
        "word",
        "prefix",
        "inside",
    ]


def test_sessions_are_found_by_everything_they_hold() -> None:
    korkyt = next(f for f in PROGRAMME.festivals if f.id == "korkyt-ata-2025")
    found = INDEX.ranked("korkyt")
    assert set(korkyt.sessions) <= set(found)  # the festival's name finds all its sessions
    istanbul = [f for f in PROGRAMME.festivals if f.city == "Istanbul"]
    expected = {s for f in istanbul for s in f.sessions}
    assert len(expected) == 5 and expected <= set(INDEX.ranked("istanbul"))
    session = INDEX.sessions[0]
    subtitled = replace(session, subtitle="Quokka matinee", id="quokka")
    assert SearchIndex([session, subtitled]).ranked("quokka") == [subtitled]


def test_an_index_of_nothing_and_empty_queries() -> None:
    empty = RankedIndex([])
    assert empty.best("film", 5).best == [] and empty.ranked("film") == []
    assert INDEX.index.best("   ", 5).best == []
    assert INDEX.ranked("") == list(INDEX.sessions)


def test_list_search_puts_the_best_first() -> None:
    kept = SessionFilter(search="animation").apply(PROGRAMME.sessions)
    shown = best_first(kept, "animation")
    ranks = [rank(("animation",), session_fields(s)) for s in shown]
    assert len(ranks) > 2 and None not in ranks
    assert ranks == sorted(ranks)  # type: ignore[type-var]
    assert shown[0].title == "Building a successful career in the animation industry"
    # Through the index, the same order as one by one.
    assert best_first(kept, "animation", (), SearchIndex(PROGRAMME.sessions)) == shown


@settings(max_examples=examples(200), deadline=None)
@given(QUERIES, st.sampled_from([0, 3]), st.sampled_from([1, 3, 10_000]))
def test_every_way_the_index_ranks_agrees(query: str, direct: int, crowd: int) -> None:
    """The walk rank by rank (for many matches), the ranking of each match from its texts
    (for a few), and texts many items hold kept as sets (`CROWD`): the same answers."""
    if not query_words(query):
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "DIRECT_BELOW", direct)
        patch.setattr(search, "CROWD", crowd)
        index = RankedIndex(FIELDS)
        expected = reference(query)
        assert index.ranked(query) == expected
        found = index.best(query, 5, fuzzy=False)
        assert [item for item, _ in found.best] == expected[:5]
        assert len(found.matching) == len(expected)
        again = index.best(query, 5, fuzzy=False)  # the query's words now kept from the last
        assert again.best == found.best and again.matching == found.matching
