"""The search index saved and read back (`SearchIndex.saved`, `SearchIndex.restored`): exactly
the index that building gives, whatever the sessions; and a saved index that does not hold
together is refused, never half used."""

from __future__ import annotations

import dataclasses

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.library.index_cache import _Payload
from tui_guide.library.load import load_programme
from tui_guide.library.sources import bundled_data
from tui_guide.programme.haystacks import WEIGHTS
from tui_guide.programme.search import IndexState, RankedIndex, SearchIndex

SESSIONS = load_programme([bundled_data()], cache=False).sessions
QUERIES = [
    "a",
    "film",
    "ata",
    "gu",
    "İ",
    "ə",
    "panel",
    "baku",
    "animation film",
    "zzz",
    "yaradici",
    "\x00",
]


def _through_msgpack(saved: tuple[list[int], IndexState]) -> tuple[list[int], IndexState]:
    """What the cache gives back of what `saved` gave (msgspec, typed as the cache reads)."""
    return msgspec.msgpack.decode(msgspec.msgpack.encode(saved), type=_Payload)


def _same(built: SearchIndex, restored: SearchIndex, queries: list[str]) -> None:
    assert len(restored.sessions) == len(built.sessions)
    assert all(a is b for a, b in zip(restored.sessions, built.sessions, strict=True))
    assert restored.index.state() == built.index.state()
    for query in queries:
        assert restored.ranked(query) == built.ranked(query), query
        assert restored.best(query, 10) == built.best(query, 10), query
        assert restored.matching(query) == built.matching(query), query


@settings(max_examples=examples(60), deadline=None)
@given(
    sessions=st.lists(st.sampled_from(SESSIONS), unique_by=id, max_size=len(SESSIONS)),
    texts=st.dictionaries(
        st.sampled_from(sorted({s.festival_id for s in SESSIONS})),
        st.lists(st.text(max_size=8), max_size=2).map(tuple),
    ),
    queries=st.lists(st.sampled_from(QUERIES) | st.text(max_size=5), max_size=4),
)
def test_an_index_read_back_is_the_one_built(sessions, texts, queries) -> None:
    built = SearchIndex(sessions, festivals=texts)
    restored = SearchIndex.restored(sessions, *_through_msgpack(built.saved(sessions)))
    _same(built, restored, queries)


FIELDS = st.lists(
    st.lists(
        st.tuples(st.sampled_from(WEIGHTS), st.text(alphabet="abc İıə-\n", max_size=12)),
        max_size=5,
    ).map(tuple),
    max_size=30,
)


@settings(max_examples=examples(100), deadline=None)
@given(items=FIELDS, queries=st.lists(st.text(alphabet="abc İıə-", max_size=4), max_size=4))
def test_a_ranked_index_read_back_answers_as_built(items, queries) -> None:
    built = RankedIndex(items)
    state = msgspec.msgpack.decode(msgspec.msgpack.encode(built.state()), type=IndexState)
    restored = RankedIndex((), state=state)
    assert restored.state() == built.state() and len(restored) == len(built)
    for query in queries:
        assert restored.ranked(query) == built.ranked(query)
        assert restored.best(query, 5) == built.best(query, 5)
        assert restored.fuzzy(query, set(), 5) == built.fuzzy(query, set(), 5)


BUILT = SearchIndex(SESSIONS)
ORDER, STATE = BUILT.saved(SESSIONS)


def _texts(edit) -> IndexState:
    texts = [
        (list(folded), [list(items) for items in items_of]) for folded, items_of in STATE.texts
    ]
    edit(texts)
    return dataclasses.replace(STATE, texts=tuple(texts))


def _words(part: int, value) -> IndexState:
    """STATE with one part of the first weight's words (`Finished`) made `value`."""
    first = list(STATE.words[0])
    first[part] = value
    return dataclasses.replace(STATE, words=(tuple(first), *STATE.words[1:]))


def _set(texts, weight: int, part: int, value) -> None:
    texts[weight] = (value, texts[weight][1]) if part == 0 else (texts[weight][0], value)


@pytest.mark.parametrize(
    ("order", "state"),
    [
        (ORDER[:-1], STATE),
        ([ORDER[0], *ORDER[:-1]], STATE),
        ([*ORDER[:-1], len(ORDER)], STATE),
        ([*ORDER[:-1], -1], STATE),
        (ORDER, dataclasses.replace(STATE, count=STATE.count + 1)),
        (ORDER, dataclasses.replace(STATE, texts=STATE.texts[:-1])),
        (ORDER, dataclasses.replace(STATE, fields=STATE.fields[:-1])),
        (ORDER, dataclasses.replace(STATE, fields=[(9, 0), *STATE.fields[1:]])),
        (ORDER, dataclasses.replace(STATE, fields=[(WEIGHTS[0],), *STATE.fields[1:]])),
        (ORDER, dataclasses.replace(STATE, fields=[(WEIGHTS[0], -1), *STATE.fields[1:]])),
        (ORDER, dataclasses.replace(STATE, fields=[(WEIGHTS[0], 10**9), *STATE.fields[1:]])),
        (ORDER, _texts(lambda t: _set(t, 0, 1, [[len(ORDER)], *t[0][1][1:]]))),
        (ORDER, _texts(lambda t: _set(t, 0, 1, [[-1], *t[0][1][1:]]))),
        (ORDER, _texts(lambda t: _set(t, 0, 1, [[], *t[0][1][1:]]))),
        (ORDER, _texts(lambda t: _set(t, 0, 0, t[0][0][:-1]))),
        (ORDER, dataclasses.replace(STATE, words=STATE.words[:-1])),
        (ORDER, _words(0, {**STATE.words[0][0], "x": [10**6]})),
        (ORDER, _words(0, {**STATE.words[0][0], "x": [-1]})),
        (ORDER, _words(0, {**STATE.words[0][0], "x": []})),
        (ORDER, _words(0, {**STATE.words[0][0], "a\nb": [0]})),
        (ORDER, _words(1, {**STATE.words[0][1], "x": [10**6]})),
        (ORDER, _words(2, {**STATE.words[0][2], "x y": [10**6]})),
        (ORDER, _words(3, {10**6: "x"})),
    ],
    ids=[
        "an-order-short",
        "an-order-twice",
        "an-order-past-the-end",
        "an-order-negative",
        "a-count-wrong",
        "a-weight-missing",
        "fields-short",
        "no-such-weight",
        "a-weight-without-its-text",
        "a-negative-text",
        "a-text-past-the-end",
        "an-item-past-the-end",
        "a-negative-item",
        "a-text-no-item-holds",
        "texts-without-their-items",
        "a-weight's-words-missing",
        "a-written-word-past-the-texts",
        "a-written-word-before-them",
        "a-written-word-in-no-text",
        "a-written-word-of-two-lines",
        "a-word-past-the-texts",
        "a-whole-text-past-the-texts",
        "a-text-made-single-spaced-past-the-texts",
    ],
)
def test_a_saved_index_that_does_not_hold_together_is_refused(order, state) -> None:
    with pytest.raises(ValueError):
        SearchIndex.restored(SESSIONS, order, state)


def test_an_index_of_other_sessions_is_refused() -> None:
    with pytest.raises(ValueError):
        SearchIndex.restored(SESSIONS[:-1], ORDER[:-1], STATE)
