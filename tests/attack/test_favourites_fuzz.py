"""Fuzzing `favourites import` (issue 15): any JSON document, entries of any shape and any
text (lone surrogates, control characters, odd dates) is either refused with a message or
imported; what is imported is saved, reads back the same, and exports to a file that imports
to the same favourites again."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.favourites import Favourites
from tui_guide.favourites.transfer import TransferError, dump
from tui_guide.favourites.transfer import load as load_transfer
from tui_guide.programme.text import printable

# Every character, surrogates (which JSON may escape) and controls included.
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=20)
ISO = st.one_of(
    st.dates().map(str),
    st.times().map(lambda t: t.isoformat("minutes")),
    st.datetimes().map(str),
    ANY_TEXT,
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3),
    max_leaves=8,
)
KEY = st.one_of(
    st.tuples(ANY_TEXT, ANY_TEXT).map("/".join),
    st.sampled_from(["a/b", "baku-cinema-breeze-2025/x", "/", "a/", "//"]),
    JSON,
)
ENTRY = st.one_of(
    KEY,
    st.fixed_dictionaries(
        {"key": KEY},
        optional={
            "added_at": ISO | JSON,
            "title": ANY_TEXT | JSON,
            "date": ISO | JSON,
            "start": ISO | JSON,
            "end": ISO | JSON,
            "venue": ANY_TEXT | JSON,
        },
    ),
    JSON,
)
DOCUMENT = st.one_of(
    st.fixed_dictionaries(
        {"favourites": st.lists(ENTRY, max_size=6)},
        optional={"format": JSON, "version": JSON},
    ),
    JSON,
)


def imported(document: object, folder: Path) -> None:
    exported = folder / "moved.json"
    exported.write_text(json.dumps(document, ensure_ascii=True), encoding="utf-8")
    try:
        loaded = load_transfer(exported)
    except TransferError as error:
        assert str(exported) in str(error)
        return
    for problem in loaded.problems:
        assert printable(problem)  # every problem is a line that can be shown
    store = Favourites(path=folder / "favourites.sqlite3")
    added = store.merge(loaded.favourites)
    keys = list(dict.fromkeys(f.key for f in loaded.favourites))
    assert added == len(keys) and list(store) == keys
    saved = store.entries()
    store.close()
    again = Favourites(path=folder / "favourites.sqlite3")
    assert again.entries() == saved and again.problem is None
    again.close()
    exported.write_bytes(dump(saved))
    back = load_transfer(exported)
    assert not back.problems and [f.key for f in back.favourites] == keys


@settings(max_examples=examples(300))
@given(DOCUMENT)
# A lone surrogate, as schedule.json may escape one: it used to crash the SQLite insert.
@example({"favourites": ["a/\ud800", {"key": "b/c", "title": "\udfff", "venue": "\ud800"}]})
def test_favourites_import_takes_any_document(document: object) -> None:
    with tempfile.TemporaryDirectory() as folder:
        imported(document, Path(folder))
