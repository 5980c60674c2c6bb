"""The favourites store: SQLite, committed before a toggle returns, shared by two guides,
and never losing a favourite (a damaged file is moved aside, never deleted)."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time as clock
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.favourites import Favourite, Favourites, FavouritesError, Snapshot
from tui_guide.favourites.database import APPLICATION_ID, SCHEMA_VERSION
from tui_guide.library.load import load_programme
from tui_guide.programme import Programme

DATA = Path(__file__).resolve().parents[1] / "data"
KEY = "baku-cinema-breeze-2025/ata-masterclass-acting-for-animators"
OTHER = "baku-cinema-breeze-2025/ata-masterclass-animation-careers"


@pytest.fixture(scope="module")
def programme() -> Programme:
    return load_programme([DATA])


def saved(path: Path) -> list[str]:
    """The keys in the database, read by a connection of its own."""
    with sqlite3.connect(path) as db:
        return [row[0] for row in db.execute("SELECT key FROM favourites ORDER BY rowid")]


def test_a_toggle_is_committed_at_once_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "favourites.sqlite3"
    store = Favourites(path=path)
    assert store.problem is None and store.path == path
    before = datetime.now(UTC).replace(microsecond=0)
    assert store.toggle(KEY) is True
    assert saved(path) == [KEY]
    assert list(Favourites(path=path)) == [KEY]
    entry = store.get(KEY)
    assert entry is not None and before <= entry.added_at <= datetime.now(UTC)
    assert Favourites(path=path).get(KEY) == entry  # when it was added is saved too
    assert store.toggle(KEY) is False
    assert saved(path) == []


def test_the_schema_is_versioned_and_marked_as_ours(tmp_path: Path) -> None:
    path = tmp_path / "favourites.sqlite3"
    Favourites(path=path).add(KEY)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert db.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_snapshot_of_the_session_is_kept_with_the_key(tmp_path: Path, programme) -> None:
    path = tmp_path / "favourites.sqlite3"
    session = programme.session(KEY)
    Favourites(path=path).toggle(KEY, session)
    entry = Favourites(path=path).get(KEY)
    assert entry is not None and entry.snapshot == Snapshot.of(session)
    assert entry.snapshot.title == "Acting techniques for animators"
    assert entry.snapshot.date == date(2025, 12, 7) and entry.snapshot.start == time(14, 0)
    assert entry.snapshot.venue == "Yaradıcı Creative Hub"


def test_remember_fills_missing_snapshots_and_never_replaces_one(tmp_path, programme) -> None:
    path = tmp_path / "favourites.sqlite3"
    store = Favourites(path=path)
    store.add(KEY)  # by key only, as the first release stored them
    store.add(OTHER, programme.session(OTHER))
    old = store.get(OTHER)
    store.remember(programme.sessions)
    again = Favourites(path=path)
    assert again.get(KEY).snapshot == Snapshot.of(programme.session(KEY))
    assert again.get(OTHER) == old


def test_keys_of_sessions_not_loaded_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "favourites.sqlite3"
    store = Favourites(path=path)
    store.add("gone-festival/gone")
    store.remember([])  # nothing loaded: nothing pruned
    assert saved(path) == ["gone-festival/gone"]


def test_what_another_guide_changed_is_seen_after_a_refresh_or_a_change(tmp_path) -> None:
    path = tmp_path / "favourites.sqlite3"
    first, second = Favourites(path=path), Favourites(path=path)
    first.toggle(KEY)
    assert KEY not in second
    assert second.refresh() is True and KEY in second
    assert second.refresh() is False  # nothing new
    first.toggle(OTHER)
    second.toggle("a/b")  # a change reads back everything
    assert list(second) == [KEY, OTHER, "a/b"]
    first.toggle(KEY)  # a removal made in one guide stays a removal
    assert saved(path) == [OTHER, "a/b"]


def test_merge_adds_and_never_drops_or_replaces(tmp_path: Path) -> None:
    path = tmp_path / "favourites.sqlite3"
    store = Favourites(path=path)
    store.add(KEY)
    before = store.get(KEY)
    incoming = [
        Favourite(KEY, before.added_at.replace(year=2000)),
        Favourite(OTHER, before.added_at),
    ]
    assert store.merge(incoming) == 1
    assert saved(path) == [KEY, OTHER]
    assert store.get(KEY) == before


# Killed and concurrent --------------------------------------------------------------------------

KILLED = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from tui_guide.favourites import Favourites

    store = Favourites(path=Path(sys.argv[1]))
    for key in sys.argv[2:]:
        store.toggle(key)
    print("toggled", flush=True)
    time.sleep(60)  # killed here, the store never closed
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL here")
def test_a_toggle_survives_kill_9_right_after_it(tmp_path: Path) -> None:
    path = tmp_path / "favourites.sqlite3"
    for keys, expected in (([KEY, OTHER], [KEY, OTHER]), ([KEY, "a/b"], [OTHER, "a/b"])):
        guide = subprocess.Popen(
            [sys.executable, "-c", KILLED, str(path), *keys], stdout=subprocess.PIPE, text=True
        )
        assert guide.stdout is not None
        assert guide.stdout.readline().strip() == "toggled"
        guide.send_signal(signal.SIGKILL)
        assert guide.wait(timeout=30) == -signal.SIGKILL
        assert list(Favourites(path=path)) == expected
    assert saved(path) == [OTHER, "a/b"]


TOGGLER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from tui_guide.favourites import Favourites

    path, side, go, count = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
    store = Favourites(path=path)
    assert store.problem is None, store.problem
    while not go.exists():
        time.sleep(0.001)
    for n in range(count):
        store.toggle(f"{side}/{n}")  # adds each
    for n in range(0, count, 2):
        store.toggle(f"{side}/{n}")  # and takes the even ones away again
    """
)


def test_two_guides_toggling_at_the_same_moment_keep_both_theirs(tmp_path: Path) -> None:
    path, go, count = tmp_path / "favourites.sqlite3", tmp_path / "go", 150
    guides = [
        subprocess.Popen([sys.executable, "-c", TOGGLER, str(path), side, str(go), str(count)])
        for side in ("one", "two")
    ]
    go.touch()
    assert [guide.wait(timeout=120) for guide in guides] == [0, 0]
    expected = {f"{side}/{n}" for side in ("one", "two") for n in range(1, count, 2)}
    assert sorted(saved(path)) == sorted(expected)


OPENER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from tui_guide.favourites import Favourites

    folder, me, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    problems = []
    for round in range(rounds):
        (folder / f"ready-{round}-{me}").touch()
        while not (folder / f"go-{round}").exists():
            time.sleep(0.0005)
        store = Favourites(path=folder / str(round) / "favourites.sqlite3")
        if store.problem is not None or store.path is None:
            problems.append(f"round {round}: {store.problem}")
        store.toggle(f"guide/{me}")
        store.close()
    sys.exit("; ".join(problems))
    """
)


def test_eight_guides_opening_a_new_store_at_the_same_moment_all_save(tmp_path: Path) -> None:
    """Opening a store that does not exist yet (made WAL, given its schema) by several guides
    at once: none of them falls back to keeping its favourites in memory only."""
    guides, rounds = 8, 10
    started = [
        subprocess.Popen(
            [sys.executable, "-c", OPENER, str(tmp_path), str(me), str(rounds)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for me in range(guides)
    ]
    for round in range(rounds):
        ready = [tmp_path / f"ready-{round}-{me}" for me in range(guides)]
        while not all(flag.exists() for flag in ready):
            assert all(guide.poll() in (None, 0) for guide in started)
            clock.sleep(0.001)
        (tmp_path / f"go-{round}").touch()
    problems = [guide.communicate(timeout=60)[1].strip() for guide in started]
    assert problems == [""] * guides
    for round in range(rounds):
        path = tmp_path / str(round) / "favourites.sqlite3"
        assert sorted(saved(path)) == sorted(f"guide/{me}" for me in range(guides))


keys = st.sampled_from([KEY, OTHER, "korkyt-ata-2025/cooperation-memorandums", "a/b", "x/ü"])


@settings(max_examples=examples(40), deadline=None)
@given(steps=st.lists(st.tuples(st.sampled_from(["one", "two"]), keys), max_size=20))
def test_two_guides_toggling_agree_with_the_database(tmp_path_factory, steps) -> None:
    """Whatever two guides toggle, in any order, the database holds exactly the keys whose
    last toggle (in either guide) added them."""
    path = tmp_path_factory.mktemp("fav") / "favourites.sqlite3"
    stores = {"one": Favourites(path=path), "two": Favourites(path=path)}
    expected: set[str] = set()
    for who, key in steps:
        if stores[who].toggle(key):
            expected.add(key)
        else:
            expected.discard(key)
        assert set(saved(path)) == expected
    for store in stores.values():
        store.close()


# Damaged, foreign and unusable files ------------------------------------------------------------


def a_full_database(tmp_path: Path) -> bytes:
    source = tmp_path / "source" / "favourites.sqlite3"
    store = Favourites(path=source)
    added = datetime.now(UTC)
    store.merge(Favourite(f"fest/session-{n}", added) for n in range(800))
    store.close()  # the last connection folds the journal into the file
    return source.read_bytes()


def foreign_database(path: Path) -> bytes:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE moz_places (url TEXT)")
        db.execute("INSERT INTO moz_places VALUES ('https://example.org')")
    db.close()
    return path.read_bytes()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "half", "foreign", "text"])
def test_a_file_that_is_not_our_database_is_moved_aside_and_reported(
    tmp_path: Path, damage: str
) -> None:
    path = tmp_path / "state" / "favourites.sqlite3"
    path.parent.mkdir()
    if damage == "garbage":
        content = os.urandom(5000)
    elif damage == "truncated":
        content = a_full_database(tmp_path)[:100]
    elif damage == "half":
        full = a_full_database(tmp_path)
        content = full[: len(full) // 2]
    elif damage == "foreign":
        content = foreign_database(path)
    else:
        content = b'{"version": 1, "favourites": ["a/b"]}'
    path.write_bytes(content)
    store = Favourites(path=path)
    (aside,) = path.parent.glob("favourites.sqlite3.unreadable-*")
    assert aside.read_bytes() == content, "moved, not changed, not deleted"
    assert aside.name.startswith("favourites.sqlite3.unreadable-20")  # dated
    assert store.problem is not None
    assert str(path) in store.problem and str(aside) in store.problem
    assert "new store" in store.problem
    assert store.path == path  # and a fresh store works
    store.toggle(KEY)
    assert saved(path) == [KEY]


def test_a_guide_that_saw_the_damage_late_leaves_the_fresh_store_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two guides start on a damaged file; the first sets it aside and starts a fresh store.
    The second, which read the damaged file just before, must look again (under the lock)
    and use that fresh store, not move it aside as well."""
    import tui_guide.favourites.store as store_module
    from tui_guide.favourites.database import Damaged

    path = tmp_path / "favourites.sqlite3"
    path.write_bytes(b"garbage" * 1000)
    first = Favourites(path=path)
    first.toggle("one/1")
    real, calls = store_module.connect, []

    def saw_it_before(where: Path, *, locked: bool = False):
        calls.append(where)
        if len(calls) == 1:
            raise Damaged(f"{where}: not a favourites database: file is not a database")
        return real(where, locked=locked)

    monkeypatch.setattr(store_module, "connect", saw_it_before)
    second = Favourites(path=path)
    assert len(calls) == 2 and second.problem is None
    second.toggle("two/2")
    (aside,) = tmp_path.glob("favourites.sqlite3.unreadable-*")
    assert aside.read_bytes() == b"garbage" * 1000
    assert saved(path) == ["one/1", "two/2"]
    assert list(first) == ["one/1"] and first.refresh() and list(first) == ["one/1", "two/2"]


def test_two_set_asides_in_the_same_instant_keep_both_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui_guide.favourites.database as database

    monkeypatch.setattr(database, "stamp", lambda: "20250101T000000.000000Z")
    path = tmp_path / "favourites.sqlite3"
    for content in (b"first" * 200, b"second" * 200):
        for leftover in tmp_path.glob("favourites.sqlite3-*"):
            leftover.unlink()  # the journal of the fresh store, not the damaged file's
        path.write_bytes(content)
        Favourites(path=path).close()
    asides = sorted(p.read_bytes()[:6] for p in tmp_path.glob("favourites.sqlite3.unreadable-*"))
    assert asides == [b"firstf", b"second"]


def test_a_database_of_a_newer_release_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "favourites.sqlite3"
    Favourites(path=path).add(KEY)
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    store = Favourites(path=path)
    assert store.problem is not None and "newer tui-guide" in store.problem
    assert store.path is None and KEY in store  # shown, read only
    store.toggle(OTHER)
    assert saved(path) == [KEY]
    assert not list(tmp_path.glob("*.unreadable-*"))


def test_a_folder_that_cannot_be_made_is_reported_and_browsing_goes_on(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder", "utf-8")
    store = Favourites(path=blocker / "state" / "favourites.sqlite3")
    assert store.problem is not None
    assert str(blocker) in store.problem and "cannot create the folder" in store.problem
    assert "not saved" in store.problem
    assert store.path is None
    assert store.toggle(KEY) is True and KEY in store  # kept while the guide runs
    assert blocker.read_text("utf-8") == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker"]


def test_a_missing_folder_is_made(tmp_path: Path) -> None:
    path = tmp_path / "not" / "yet" / "favourites.sqlite3"
    store = Favourites(path=path)
    assert store.problem is None
    store.toggle(KEY)
    assert saved(path) == [KEY]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="permissions do not bind root"
)
def test_a_read_only_folder_shows_what_was_saved_and_saves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    path = folder / "favourites.sqlite3"
    store = Favourites(path=path)
    store.add(KEY)
    store.close()
    folder.chmod(0o500)
    path.chmod(0o400)
    try:
        store = Favourites(path=path)
        assert store.problem is not None
        assert f"{folder}: the folder is read-only" in store.problem
        assert store.path is None
        assert list(store) == [KEY]
        store.toggle(OTHER)  # in memory only
        assert OTHER in store
    finally:
        folder.chmod(0o700)
        path.chmod(0o600)
    assert saved(path) == [KEY]


def test_a_read_only_file_system_shows_what_was_saved_and_saves_nothing(tmp_path: Path) -> None:
    """The same as a read-only folder, for root too: a read-only bind mount of the folder."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("needs root to mount (the permission test covers other users)")
    folder, view = tmp_path / "state", tmp_path / "read-only"
    folder.mkdir()
    view.mkdir()
    store = Favourites(path=folder / "favourites.sqlite3")
    store.add(KEY)
    store.close()
    mounted = subprocess.run(
        ["mount", "--bind", "-o", "ro", str(folder), str(view)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        store = Favourites(path=view / "favourites.sqlite3")
        assert store.problem == (
            f"{view}: the folder is read-only, favourites cannot be saved there; "
            "changes are not saved, they last while the guide runs"
        )
        assert store.path is None and list(store) == [KEY]
        assert store.toggle(OTHER) is True and OTHER in store
    finally:
        subprocess.run(["umount", str(view)], check=True)
    assert saved(folder / "favourites.sqlite3") == [KEY]


def test_a_write_that_fails_raises_and_keeps_the_change_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "favourites.sqlite3"
    store = Favourites(path=path)
    holder = sqlite3.connect(path, timeout=0, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the file for longer than we wait
    try:
        import tui_guide.favourites.store as store_module

        store._db.execute("PRAGMA busy_timeout = 50")  # type: ignore[union-attr]
        with pytest.raises(FavouritesError, match=str(path)):
            store_module.Favourites.toggle(store, KEY)
        assert KEY in store
    finally:
        holder.execute("ROLLBACK")
        holder.close()
