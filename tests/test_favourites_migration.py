"""The first release's favourites.json moves into the database on first open: every key is
kept, the file is renamed aside (never deleted), and a damaged one is set aside as before.
And where the store lives: --state-dir, $TUI_GUIDE_STATE_DIR, the deprecated --favourites."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui_guide.favourites import FAVOURITES_ENV, STATE_ENV, Favourites, locate

KEY = "baku-cinema-breeze-2025/ata-masterclass-acting-for-animators"
OTHER = "baku-cinema-breeze-2025/ata-masterclass-animation-careers"


def first_release(folder: Path, content: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "favourites.json"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def test_every_key_moves_in_and_the_file_is_renamed_aside(tmp_path: Path) -> None:
    content = json.dumps({"version": 1, "favourites": [KEY, "gone-fest/old", OTHER]})
    legacy = first_release(tmp_path, content)
    store = Favourites.at(locate(tmp_path))
    assert list(store) == [KEY, "gone-fest/old", OTHER]
    assert store.problem is None
    (aside,) = tmp_path.glob("favourites.json.moved-to-sqlite-*")
    assert aside.read_text("utf-8") == content
    assert not legacy.exists()
    assert store.notice is not None and str(aside) in store.notice
    store.close()
    again = Favourites.at(locate(tmp_path))  # nothing to move the second time
    assert list(again) == [KEY, "gone-fest/old", OTHER] and again.notice is None


def test_keys_already_in_the_database_are_kept_and_not_doubled(tmp_path: Path) -> None:
    store = Favourites.at(locate(tmp_path))
    store.add(OTHER)
    store.close()
    first_release(tmp_path, json.dumps({"favourites": [KEY, OTHER]}))
    assert list(Favourites.at(locate(tmp_path))) == [OTHER, KEY]


@pytest.mark.parametrize(
    "content", ["{not json", '{"favourites": "one"}', "[1, 2]", "{}", b"\xff\xfe"]
)
def test_a_damaged_file_is_set_aside_and_reported(tmp_path: Path, content) -> None:
    legacy = first_release(tmp_path, content)
    raw = legacy.read_bytes()
    store = Favourites.at(locate(tmp_path))
    (aside,) = tmp_path.glob("favourites.json.unreadable-*")
    assert aside.read_bytes() == raw
    assert store.problem is not None
    assert str(legacy) in store.problem and str(aside) in store.problem
    store.toggle(KEY)
    assert list(Favourites.at(locate(tmp_path))) == [KEY]


def test_bad_entries_are_reported_and_the_good_keys_moved_in(tmp_path: Path) -> None:
    first_release(tmp_path, json.dumps({"favourites": [KEY, 1, None, OTHER, {"a": 2}]}))
    store = Favourites.at(locate(tmp_path))
    assert list(store) == [KEY, OTHER]
    assert store.problem is not None and "3 entries" in store.problem
    assert len(list(tmp_path.glob("favourites.json.unreadable-*"))) == 1


def test_a_folder_where_the_file_was_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "favourites.json"
    folder.mkdir()
    store = Favourites.at(locate(tmp_path))
    assert store.problem is not None and "is a folder" in store.problem
    assert folder.is_dir()
    store.toggle(KEY)  # the database works all the same
    assert KEY in Favourites.at(locate(tmp_path))


def test_keys_still_show_when_the_database_cannot_be_made(tmp_path: Path) -> None:
    legacy = first_release(tmp_path / "old", json.dumps({"favourites": [KEY]}))
    blocker = tmp_path / "blocker"
    blocker.write_text("a file", "utf-8")
    store = Favourites(path=blocker / "favourites.sqlite3", legacy=legacy)
    assert store.problem is not None and list(store) == [KEY]
    assert legacy.exists()  # not moved: it is still the only copy


def test_the_state_dir_comes_from_the_option_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert locate(tmp_path / "opt").database == tmp_path / "opt" / "favourites.sqlite3"
    monkeypatch.setenv(STATE_ENV, str(tmp_path / "env"))
    assert locate().database == tmp_path / "env" / "favourites.sqlite3"
    assert locate().legacy == tmp_path / "env" / "favourites.json"
    assert locate(tmp_path / "opt").folder == tmp_path / "opt"
    monkeypatch.delenv(STATE_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert locate().database == tmp_path / "data" / "tui-guide" / "favourites.sqlite3"
    assert locate().deprecated is None


def test_the_deprecated_favourites_file_still_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = first_release(tmp_path / "dotfiles", json.dumps({"favourites": [KEY]}))
    where = locate(favourites_file=old)
    assert where.database == tmp_path / "dotfiles" / "favourites.sqlite3"
    assert where.legacy == old and where.deprecated and "--state-dir" in where.deprecated
    assert list(Favourites.at(where)) == [KEY]
    monkeypatch.setenv(FAVOURITES_ENV, str(tmp_path / "mine.json"))
    assert locate().database == tmp_path / "mine.sqlite3"
    monkeypatch.setenv(STATE_ENV, str(tmp_path / "state"))  # the new name wins
    assert locate().database == tmp_path / "state" / "favourites.sqlite3"
