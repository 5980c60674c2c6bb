"""The favourites store: saved at once, atomically, and never losing a favourite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
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
    ["{not json", '{"favourites": "one"}', "[1, 2]", "{}", "\udcff"],
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


def test_two_set_asides_in_the_same_instant_keep_both_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "favourites.json"
    for content in ["{first", "{second"]:
        path.write_text(content, "utf-8")
        Favourites(path=path)
    # And with a clock that stands still, so the names cannot differ by time alone.
    import tui_guide.favourites.store as store_module

    frozen = store_module.datetime.now(store_module.UTC)

    class Frozen(store_module.datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[override]
            return frozen

    monkeypatch.setattr(store_module, "datetime", Frozen)
    for content in ["{third", "{fourth"]:
        path.write_text(content, "utf-8")
        Favourites(path=path)
    asides = sorted(p.read_text("utf-8") for p in tmp_path.glob("favourites.json.unreadable-*"))
    assert asides == ["{first", "{fourth", "{second", "{third"]


def test_a_folder_given_as_the_file_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "favourites"
    folder.mkdir()
    (folder / "inside.txt").write_text("mine", "utf-8")
    store = Favourites(path=folder)
    assert store.problem is not None and str(folder) in store.problem
    assert "folder" in store.problem
    assert store.path is None
    assert store.toggle(KEY) is True and KEY in store  # kept in memory
    assert sorted(p.name for p in tmp_path.iterdir()) == ["favourites"]
    assert [p.name for p in folder.iterdir()] == ["inside.txt"]


def test_a_path_that_cannot_be_read_is_never_moved_or_written(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder", "utf-8")
    store = Favourites(path=blocker / "favourites.json")
    assert store.problem is not None and str(blocker) in store.problem
    assert store.path is None
    store.toggle(KEY)
    assert blocker.read_text("utf-8") == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_not_read_nor_moved(tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    os.mkfifo(path)
    store = Favourites(path=path)  # must not hang waiting for a writer
    assert store.problem is not None and str(path) in store.problem
    assert store.path is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["favourites.json"]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="permissions do not bind root"
)
def test_a_file_without_read_permission_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    path.write_text(json.dumps({"version": 1, "favourites": [KEY]}), "utf-8")
    path.chmod(0)
    try:
        store = Favourites(path=path)
        assert store.problem is not None and str(path) in store.problem
        assert store.path is None
        store.toggle(OTHER)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["favourites.json"]
    finally:
        path.chmod(0o600)
    assert saved(path) == [KEY]


def test_bad_entries_are_reported_and_the_good_keys_kept(tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    content = json.dumps({"version": 1, "favourites": [KEY, 1, None, OTHER, {"a": 2}]})
    path.write_text(content, "utf-8")
    store = Favourites(path=path)
    assert list(store) == [KEY, OTHER]
    assert store.problem is not None and str(path) in store.problem
    assert "3 entries" in store.problem and "null" in store.problem
    (aside,) = tmp_path.glob("favourites.json.unreadable-*")
    assert aside.read_text("utf-8") == content
    assert str(aside) in store.problem
    assert saved(path) == [KEY, OTHER]  # written again at once, without the bad entries
    store.toggle("a/b")
    assert saved(path) == [KEY, OTHER, "a/b"]


def test_bad_entries_appearing_while_the_guide_runs_keep_the_good_keys(tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    store = Favourites(path=path)
    store.toggle(KEY)
    path.write_text(json.dumps({"favourites": [KEY, 7, OTHER]}), "utf-8")  # another writer
    store.toggle("a/b")
    assert saved(path) == [KEY, OTHER, "a/b"]
    (aside,) = tmp_path.glob("favourites.json.unreadable-*")
    assert json.loads(aside.read_text("utf-8")) == {"favourites": [KEY, 7, OTHER]}


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_symlinked_file_stays_a_link_and_its_target_is_written(tmp_path: Path) -> None:
    target = tmp_path / "dotfiles" / "favourites.json"
    target.parent.mkdir()
    target.write_text(json.dumps({"version": 1, "favourites": [KEY]}), "utf-8")
    link = tmp_path / "favourites.json"
    link.symlink_to(target)
    store = Favourites(path=link)
    store.toggle(OTHER)
    assert link.is_symlink()
    assert saved(target) == [KEY, OTHER]
    # A link to a file that is not there yet: the file is made where the link points.
    dangling = tmp_path / "later.json"
    dangling.symlink_to(tmp_path / "dotfiles" / "later.json")
    Favourites(path=dangling).toggle(KEY)
    assert dangling.is_symlink()
    assert saved(tmp_path / "dotfiles" / "later.json") == [KEY]


TOGGLER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from tui_guide.favourites import Favourites

    path, side, go, count = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
    store = Favourites(path=path)
    while not go.exists():
        time.sleep(0.001)
    for n in range(count):
        store.toggle(f"{side}/{n}")  # adds each
    for n in range(0, count, 2):
        store.toggle(f"{side}/{n}")  # and takes the even ones away again
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="no advisory lock on Windows")
def test_two_guides_saving_at_the_same_moment_lose_nothing(tmp_path: Path) -> None:
    path, go, count = tmp_path / "favourites.json", tmp_path / "go", 150
    guides = [
        subprocess.Popen([sys.executable, "-c", TOGGLER, str(path), side, str(go), str(count)])
        for side in ("one", "two")
    ]
    go.touch()
    assert [guide.wait(timeout=120) for guide in guides] == [0, 0]
    expected = {f"{side}/{n}" for side in ("one", "two") for n in range(1, count, 2)}
    assert sorted(saved(path)) == sorted(expected)


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
