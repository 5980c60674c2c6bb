"""The favourites store: saved at once, atomically, and never losing a favourite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui_guide.favourites import FAVOURITES_ENV, Favourites, FavouritesError, default_path

KEY = "baku-cinema-breeze-2025/ata-masterclass-acting-for-animators"
OTHER = "baku-cinema-breeze-2025/ata-masterclass-animation-careers"


def saved(path: Path) -> list[str]:
    return json.loads(path.read_text(encoding="utf-8"))["favourites"]


def test_a_toggle_is_saved_at_once_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "favourites.json"
    store = Favourites(path=path)
    assert store.toggle(KEY) is True
    assert saved(path) == [KEY]
    assert list(Favourites(path=path)) == [KEY]
    assert store.toggle(KEY) is False
    assert saved(path) == []
    assert not list(tmp_path.joinpath("deep").glob(".*.tmp")), "no temporary file is left"


def test_keys_of_sessions_not_loaded_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    path.write_text(json.dumps({"version": 1, "favourites": ["gone-festival/gone"]}), "utf-8")
    store = Favourites(path=path)
    store.toggle(KEY)
    assert saved(path) == ["gone-festival/gone", KEY]


def test_what_another_guide_added_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    first, second = Favourites(path=path), Favourites(path=path)
    first.toggle(KEY)
    second.toggle(OTHER)  # second never saw KEY, and must not write it away
    assert saved(path) == [KEY, OTHER]
    assert KEY in second  # and now it has seen it
    first.toggle(KEY)  # a removal made here stays a removal
    assert saved(path) == [OTHER]


@pytest.mark.parametrize(
    "content",
    ["{not json", '{"favourites": "one"}', "[1, 2]", '{"favourites": [1]}', "\udcff"],
)
def test_an_unreadable_file_is_set_aside_never_overwritten(tmp_path: Path, content: str) -> None:
    path = tmp_path / "favourites.json"
    path.write_bytes(content.encode("utf-8", "surrogateescape"))
    store = Favourites(path=path)
    assert store.problem is not None and str(path) in store.problem
    (aside,) = tmp_path.glob("favourites.json.unreadable-*")
    assert aside.read_bytes() == content.encode("utf-8", "surrogateescape")
    assert str(aside) in store.problem
    store.toggle(KEY)
    assert saved(path) == [KEY]


def test_a_json_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    path.write_text('{\n  "version": 1,\n  "favourites": [,]\n}\n', "utf-8")
    store = Favourites(path=path)
    assert store.problem is not None
    assert store.problem.startswith(f"{path}:3: not a favourites file")


def test_a_failed_save_raises_and_keeps_the_change_in_memory(tmp_path: Path) -> None:
    # A file where the folder should be makes the save fail whoever runs the test.
    blocker = tmp_path / "blocker"
    store = Favourites(path=blocker / "favourites.json")
    blocker.write_text("not a folder", "utf-8")
    with pytest.raises(FavouritesError, match=str(blocker)):
        store.toggle(KEY)
    assert KEY in store
    assert blocker.read_text("utf-8") == "not a folder"


def test_a_file_that_breaks_while_the_guide_runs_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    store = Favourites(path=path)
    store.toggle(KEY)
    path.write_text("{broken", "utf-8")
    store.toggle(OTHER)
    assert saved(path) == [KEY, OTHER]
    (aside,) = tmp_path.glob("favourites.json.unreadable-*")
    assert aside.read_text("utf-8") == "{broken"


def test_default_path_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FAVOURITES_ENV, str(tmp_path / "mine.json"))
    assert default_path() == tmp_path / "mine.json"
    monkeypatch.delenv(FAVOURITES_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "tui-guide" / "favourites.json"


keys = st.sampled_from([KEY, OTHER, "korkyt-ata-2025/cooperation-memorandums", "a/b", "x/ü"])


@settings(max_examples=60, deadline=None)
@given(steps=st.lists(st.tuples(st.sampled_from(["one", "two"]), keys), max_size=25))
def test_two_guides_toggling_agree_with_the_file(tmp_path_factory, steps) -> None:
    """Whatever two guides toggle, in any order, the file holds exactly the keys whose last
    toggle (in either guide) added them; a guide only forgets what someone removed."""
    path = tmp_path_factory.mktemp("fav") / "favourites.json"
    stores = {"one": Favourites(path=path), "two": Favourites(path=path)}
    expected: set[str] = set()
    for who, key in steps:
        store = stores[who]
        added = store.toggle(key)
        # A toggle flips what that guide sees; a key it had not seen is added.
        if added:
            expected.add(key)
        else:
            expected.discard(key)
        assert set(saved(path)) == expected
