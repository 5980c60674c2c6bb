"""The quick check (`formats/toml/quick.py`) against the detailed checker (`read.py`): on any
document, the quick one answers exactly when the detailed one has nothing to say (no problem,
no warning), and then with the same festival; and `read_toml` gives the same festival and the
same problems with the fast path as without it."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
import tomli
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.formats.toml import fast, read
from tui_guide.formats.toml.quick import quick_festival
from tui_guide.programme.model import Kind

PATH = Path("/programmes/generated.toml")
REPO = Path(__file__).resolve().parents[1]

# Mostly right, now and then wrong: each strategy draws what the format wants, and sometimes
# something it refuses, so both answers of the quick check are explored.
wrong = st.one_of(
    st.integers(-3, 3),
    st.booleans(),
    st.datetimes(min_value=datetime(2025, 3, 1), max_value=datetime(2025, 4, 30)),
    st.lists(st.integers(0, 2), max_size=2),
    st.just({"x": 1}),
)


def mostly(right: st.SearchStrategy[Any], bad: st.SearchStrategy[Any] = wrong) -> Any:
    """`right`, and one time in about thirty `bad`: a document is then often valid throughout,
    and often wrong in one place only."""
    return st.integers(0, 29).flatmap(lambda n: bad if n == 0 else right)


slugs = mostly(
    st.sampled_from(["a", "b", "c-1", "main-hall", "s1", "s2", "s3", "s4", "s5", "s6"]),
    st.sampled_from(["Bad Id", "a--b", "", "x\n", "-a", "ü"]),
)
texts = mostly(
    st.one_of(
        st.sampled_from(["Title", "Ağ Bağ", "Live [Acoustic]", "x\x1b[2J"]),
        st.text(min_size=1, max_size=6).filter(str.strip),
    ),
    st.sampled_from(["", "  ", "\t"]),
)
# Around the nights the clocks change in Berlin (2025-03-30 and 2025-10-26), and the edges.
days = mostly(
    st.one_of(
        st.dates(min_value=date(2025, 3, 27), max_value=date(2025, 4, 2)),
        st.dates(min_value=date(2025, 10, 24), max_value=date(2025, 10, 28)),
    ),
    st.sampled_from([date(1899, 12, 31), date(1900, 1, 1), date(2999, 12, 31), date(3000, 1, 1)]),
)
clocks = st.one_of(
    st.sampled_from([time(0), time(2, 30), time(4, 59), time(5), time(12), time(12, 0, 1)]),
    st.times(),
)
kinds = mostly(st.sampled_from([k.value for k in Kind]), st.sampled_from(["", "talkk", "X"]))
people = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            "name": mostly(texts),
            "role": mostly(texts),
            "affiliation": mostly(texts),
        },
    ),
    max_size=3,
)
links = st.lists(
    st.fixed_dictionaries(
        {"url": mostly(texts)},
        optional={"title": mostly(texts)},
    ),
    max_size=2,
)
text_lists = st.lists(mostly(texts), max_size=3)

SESSION_OPTIONAL = {
    "type": mostly(texts),
    "date": mostly(days),
    "start": mostly(clocks),
    "end": mostly(clocks),
    "venue": mostly(slugs),
    "track": mostly(texts),
    "people": mostly(people),
    "countries": mostly(text_lists),
    "tags": mostly(text_lists),
    "description": mostly(texts),
    "url": mostly(texts),
    "subtitle": mostly(texts),
    "links": mostly(links),
    "guid": mostly(texts),
    "held_by": mostly(days),
}
sessions = st.fixed_dictionaries(
    {"id": mostly(slugs), "title": mostly(texts), "kind": mostly(kinds)},
    optional=SESSION_OPTIONAL,
)
venues = st.fixed_dictionaries(
    {"id": mostly(slugs), "name": mostly(texts)},
    optional={
        **{k: mostly(texts) for k in ("address", "city", "notes", "url", "guid")},
    },
)
tracks = st.fixed_dictionaries(
    {},
    optional={
        "name": mostly(texts),
        "color": mostly(st.sampled_from(["#0084B0", "#00ff00"]), st.sampled_from(["red", "#1"])),
    },
)
heads = st.fixed_dictionaries(
    {
        "id": mostly(slugs),
        "name": mostly(texts),
        "timezone": mostly(
            st.sampled_from(["Europe/Berlin", "Asia/Baku", "UTC"]), st.just("Nowhere/X")
        ),
    },
    optional={
        "starts": mostly(days),
        "ends": mostly(days),
        "day_starts": mostly(clocks),
        "held_by": mostly(days),
        "city": mostly(texts),
        "country": mostly(texts),
        "url": mostly(texts),
        "organisers": mostly(text_lists),
        "description": mostly(texts),
        "sources": mostly(text_lists),
    },
)


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    doc: dict[str, Any] = {}
    if draw(st.integers(0, 20)):
        doc["festival"] = draw(heads)
    doc["venues"] = draw(st.lists(venues, max_size=3))
    doc["sessions"] = draw(st.lists(sessions, max_size=6))
    if draw(st.booleans()):
        doc["tracks"] = draw(st.lists(tracks, max_size=3))
    if not draw(st.integers(0, 20)):
        doc["extra"] = 1
    # Now and then a key the format does not have, somewhere.
    tables = [doc.get("festival"), *doc["venues"], *doc["sessions"], *doc.get("tracks", [])]
    tables += [p for s in doc["sessions"] if isinstance(s.get("people"), list) for p in s["people"]]
    tables += [k for s in doc["sessions"] if isinstance(s.get("links"), list) for k in s["links"]]
    tables = [t for t in tables if isinstance(t, dict)]
    if tables and not draw(st.integers(0, 10)):
        draw(st.sampled_from(tables))[draw(st.sampled_from(["titel", "rol", "adress", "x"]))] = "?"
    if not draw(st.integers(0, 20)):
        doc["venues"] = {"id": "a"}
    return doc


def detailed(doc: dict[str, Any]) -> tuple[Any, list[Any], list[Any]]:
    check = read._FileCheck(PATH, tomli_w.dumps(doc))
    festival = read._check_document(check, doc)
    return festival, check.problems, check.warnings


def assert_same_festival(quick: Any, full: Any) -> None:
    assert quick == full
    assert quick.sessions == full.sessions  # every field of every session, in the file's order
    assert quick.venues == full.venues
    assert quick.track_colours == full.track_colours


@settings(
    max_examples=examples(600),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(documents())
def test_quick_answers_exactly_when_the_detailed_checker_has_nothing_to_say(
    doc: dict[str, Any],
) -> None:
    full, problems, warnings = detailed(doc)
    quick = quick_festival(PATH, doc)
    if problems or warnings or full is None:
        assert quick is None, (problems, warnings)
    else:
        assert quick is not None
        assert_same_festival(quick, full)


VALID = {
    "festival": {
        "id": "f",
        "name": "F",
        "timezone": "Europe/Berlin",
        "starts": date(2025, 3, 28),
        "ends": date(2025, 4, 1),
        "day_starts": time(4),
        "held_by": date(2025, 4, 2),
    },
    "venues": [{"id": "hall", "name": "Hall", "address": "1 Street"}],
    "sessions": [
        {
            "id": "s1",
            "title": "One",
            "kind": "screening",
            "date": date(2025, 3, 29),
            "start": time(1, 30),  # the night of the 28th
            "end": time(3),
            "venue": "hall",
            "people": [{"name": "A", "role": "director"}, {"name": "B"}],
            "links": [{"url": "https://example.org"}],
            "type": "",
        },
        {"id": "s2", "title": "Two", "kind": "talk", "date": date(2025, 3, 28), "start": time(2)},
        {"id": "s3", "title": "Three", "kind": "panel", "held_by": date(2025, 3, 30)},
    ],
    "tracks": [{"name": "Main", "color": "#00AAFF"}, {"name": "Side"}],
}


def test_a_valid_document_is_answered_quickly_with_the_detailed_checkers_festival() -> None:
    full, problems, warnings = detailed(VALID)
    assert problems == warnings == []
    quick = quick_festival(PATH, VALID)
    assert quick is not None
    assert_same_festival(quick, full)
    assert quick.sessions[1].day_starts == time(0)  # the small hours of the first date


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["sessions"][0].update(start=time(2, 30), date=date(2025, 3, 30)),  # a gap
        lambda d: d["tracks"][0].update(color="blue"),  # a warning
        lambda d: d["sessions"][1].update(id="s1"),  # a duplicate
        lambda d: d["sessions"][0].update(venue="hal"),
        lambda d: d["sessions"][0]["people"][1].update(name=" "),
        lambda d: d["festival"].update(timezone="Europe/Berlim"),
    ],
    ids=["clocks-change", "bad-colour", "duplicate", "no-venue", "empty-name", "bad-zone"],
)
def test_anything_to_say_is_left_to_the_detailed_checker(change: Any) -> None:
    doc = tomli.loads(tomli_w.dumps(VALID))
    change(doc)
    _full, problems, warnings = detailed(doc)
    assert problems or warnings
    assert quick_festival(PATH, doc) is None


@settings(
    max_examples=examples(150),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(documents())
def test_read_toml_is_the_same_with_and_without_the_fast_path(doc: dict[str, Any]) -> None:
    data = tomli_w.dumps(doc).encode()
    with_fast = read.read_toml(PATH, data)
    saved = fast._LOADS
    fast._LOADS = None
    try:
        without = read.read_toml(PATH, data)
    finally:
        fast._LOADS = saved
    assert with_fast == without
    if with_fast[0] is not None:
        assert_same_festival(with_fast[0], without[0])


@pytest.mark.parametrize(
    "path", [*sorted(REPO.glob("data/*.toml")), REPO / "tests" / "data" / "example.toml"]
)
def test_the_bundled_programmes_pass_the_quick_check(path: Path) -> None:
    doc = tomli.loads(path.read_text(encoding="utf-8-sig"))
    full, problems, warnings = detailed(doc)
    quick = quick_festival(path, doc)
    if problems or warnings:
        assert quick is None
    else:
        assert quick is not None
        assert quick.sessions == full.sessions
