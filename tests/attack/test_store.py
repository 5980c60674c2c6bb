"""Attacks on My programme's store (issue 15, items 11, 14 and 17): a full disk, a store
edited by hand with keys that are not text, and a million favourites imported."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui_guide.cli import main
from tui_guide.cli.favourites import SHOWN_GONE
from tui_guide.favourites import Favourite, Favourites, FavouritesError
from tui_guide.favourites.transfer import MAX_IMPORT, TransferError
from tui_guide.favourites.transfer import load as load_transfer
from tui_guide.library.load import load_programme
from tui_guide.programme.clock import Clock
from tui_guide.tui.app import GuideApp
from tui_guide.tui.messages import ToggleFavourite
from tui_guide.tui.screens.mine import MineScreen

REPO = Path(__file__).resolve().parents[2]
BAKU = "baku-cinema-breeze-2025"
ACTING = "ata-masterclass-acting-for-animators"  # a bundled session
KEY = f"{BAKU}/{ACTING}"
ADDED = datetime(2025, 12, 1, 10, 0, tzinfo=UTC)


def many(count: int, prefix: str = "f") -> list[Favourite]:
    return [Favourite(f"{prefix}/s{number}", ADDED) for number in range(count)]


def rows(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT key, typeof(key) FROM favourites ORDER BY rowid").fetchall()


# -- 14: a full disk -----------------------------------------------------------------------


def fill_the_disk(store: Favourites) -> None:
    """Make SQLite's file as full as a full disk: no page more may be added."""
    assert store._db is not None
    (pages,) = store._db.execute("PRAGMA page_count").fetchone()
    store._db.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_is_said_as_a_full_disk(tmp_path: Path) -> None:
    path = tmp_path / "favourites.sqlite3"
    store = Favourites(path=path)
    store.add("a/kept")
    fill_the_disk(store)
    with pytest.raises(FavouritesError) as raised:
        store.merge(Favourite(f"f/{'x' * 200}{n}", ADDED) for n in range(2000))
    message = str(raised.value)
    assert "no transaction is active" not in message
    assert "full" in message and "free some space" in message and str(path) in message
    store.close()
    assert [key for key, _ in rows(path)] == ["a/kept"]  # what was saved is still there


def test_the_store_goes_on_once_there_is_room_again(tmp_path: Path) -> None:
    path = tmp_path / "favourites.sqlite3"
    store = Favourites(path=path)
    store.add("a/first")
    fill_the_disk(store)
    with pytest.raises(FavouritesError):
        store.merge(many(2000, "big"))
    assert store._db is not None
    store._db.execute("PRAGMA max_page_count = 1073741823")
    store.add("a/second")
    assert list(store) == ["a/first", "a/second"]  # the failed merge does not linger
    assert [key for key, _ in rows(path)] == ["a/first", "a/second"]
    store.close()


async def test_the_guide_says_a_full_disk_when_a_star_cannot_be_saved(tmp_path: Path) -> None:
    store = Favourites(path=tmp_path / "favourites.sqlite3")
    fill_the_disk(store)
    with pytest.raises(FavouritesError):  # fill the last page too: nothing more fits
        for number in range(100_000):
            store.add(f"k/{number}")
    programme = load_programme([REPO / "data"])
    session = programme.session(KEY)
    assert session is not None
    app = GuideApp(programme, clock=Clock(datetime(2025, 12, 7, 14, 10)), favourites=store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        app.post_message(ToggleFavourite(session))
        await pilot.pause()
        (said,) = [n for n in app._notifications if n.title == "My programme not saved"]
        assert "database or disk is full" in str(said.message)
        assert "no transaction is active" not in str(said.message)
        assert KEY in app.favourites  # kept while the guide runs, as the message says


# -- 17: a store edited by hand --------------------------------------------------------------


def hand_edited(tmp_path: Path, *, undecodable: bool = True) -> Path:
    """A store with one real favourite, then rows put in by hand: keys that are BLOBs, text
    that is not UTF-8 (when `undecodable`), and a row with a BLOB title and a number date."""
    path = tmp_path / "favourites.sqlite3"
    store = Favourites(path=path)
    store.add(KEY)
    store.close()
    with sqlite3.connect(path) as db:
        insert = "INSERT INTO favourites (key, added_at, title) VALUES (?, ?, ?)"
        db.execute(insert, (b"baku/blob-key", "2025-12-01T10:00:00+00:00", "a BLOB key"))
        db.execute(insert, (b"\xff\xfe", "2025-12-01T10:00:00+00:00", "bytes for a key"))
        if undecodable:
            db.execute(
                "INSERT INTO favourites (key, added_at, title) "
                "VALUES (CAST(x'ff2f6e6f' AS TEXT), ?, ?)",
                ("2025-12-01", "text that is not UTF-8"),
            )
        db.execute(insert, ("baku/blob-title", 7, b"\xff\x00 a BLOB title"))
    return path


def test_keys_that_are_not_text_are_left_out_and_left_alone(tmp_path: Path) -> None:
    path = hand_edited(tmp_path)
    store = Favourites(path=path)
    assert list(store) == [KEY, "baku/blob-title"]
    assert store.unreadable == 3
    assert store.problem is not None and "3 rows" in store.problem and str(path) in store.problem
    odd = store.get("baku/blob-title")
    assert odd is not None and odd.added_at == datetime.fromtimestamp(0, UTC)
    store.toggle(KEY)  # a change saves, and reads nothing it cannot
    store.close()
    with sqlite3.connect(path) as db:  # nothing else was deleted
        assert db.execute("SELECT count(*) FROM favourites").fetchone() == (4,)


def test_favourites_list_of_a_hand_edited_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hand_edited(tmp_path)
    assert main(["favourites", "list", "--state-dir", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "3 rows" in err and "Traceback" not in err
    assert "blob-title" in out


async def test_my_programme_shows_a_hand_edited_store(tmp_path: Path) -> None:
    path = hand_edited(tmp_path, undecodable=False)  # a BLOB key, which the store used to take
    programme = load_programme([REPO / "data"])
    app = GuideApp(
        programme, clock=Clock(datetime(2025, 12, 7, 14, 10)), favourites=Favourites(path=path)
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MineScreen)
        await pilot.press("r")  # read the store again
        await pilot.pause()
        assert isinstance(app.screen, MineScreen)
        assert list(app.favourites) == [KEY, "baku/blob-title"]


# -- 11: a million favourites -------------------------------------------------------------


def test_an_import_of_more_than_the_most_is_refused_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "huge.json"
    entries = [f"f/s{n}" for n in range(MAX_IMPORT + 1)]
    exported.write_text(json.dumps({"favourites": entries}), encoding="utf-8")
    with pytest.raises(TransferError, match=f"more than the {MAX_IMPORT:,}"):
        load_transfer(exported)
    state = tmp_path / "state"
    assert main(["favourites", "import", str(exported), "--state-dir", str(state)]) == 2
    err = capsys.readouterr().err
    assert str(exported) in err and "split the file" in err
    store = Favourites(path=state / "favourites.sqlite3")
    assert len(store) == 0
    store.close()


def test_an_import_of_the_most_is_taken(tmp_path: Path) -> None:
    exported = tmp_path / "many.json"
    exported.write_text(
        json.dumps({"favourites": [f"f/s{n}" for n in range(MAX_IMPORT)]}), encoding="utf-8"
    )
    assert len(load_transfer(exported).favourites) == MAX_IMPORT


def test_favourites_list_of_a_store_far_past_the_cap_is_bounded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A store edited to hold many favourites of sessions no longer in the programme: the
    first SHOWN_GONE are shown, the others counted (laying out a million rows took minutes)."""
    store = Favourites(path=tmp_path / "favourites.sqlite3")
    store.merge(many(SHOWN_GONE + 500, "gone-fest"))
    store.close()
    assert main(["favourites", "list", "--state-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"No longer in the programme ({SHOWN_GONE + 500:,})" in out
    assert f"gone-fest/s{SHOWN_GONE - 1}" in out and f"gone-fest/s{SHOWN_GONE}" not in out
    assert "… and 500 more" in out and "favourites export" in out


def selects(store: Favourites) -> list[str]:
    """Every statement `store` runs from now on that reads the whole table."""
    seen: list[str] = []
    assert store._db is not None
    store._db.set_trace_callback(seen.append)
    return seen


def test_a_toggle_does_not_read_the_whole_store_back(tmp_path: Path) -> None:
    store = Favourites(path=tmp_path / "favourites.sqlite3")
    store.merge(many(5000))
    seen = selects(store)
    assert store.toggle("f/new") is True
    assert store.toggle("f/s10") is False
    assert store.refresh() is False  # nobody else changed it: nothing to read
    assert not [s for s in seen if "FROM favourites" in s and s.lstrip().startswith("SELECT")]
    assert "f/new" in store and "f/s10" not in store and len(store) == 5000
    store.close()


def test_what_another_guide_did_is_still_seen(tmp_path: Path) -> None:
    path = tmp_path / "favourites.sqlite3"
    mine, theirs = Favourites(path=path), Favourites(path=path)
    mine.merge(many(100))
    theirs.toggle("other/one")  # the other guide sees mine as it changes
    assert "f/s99" in theirs
    mine.toggle("f/s0")  # and mine reads theirs back before its own change
    assert "other/one" in mine and "f/s0" not in mine
    theirs.remove("other/one")
    assert mine.refresh() is True and "other/one" not in mine
    assert list(mine) == list(Favourites(path=path))
    mine.close()
    theirs.close()
