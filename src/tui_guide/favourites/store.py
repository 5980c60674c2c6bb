"""Favourites ("My programme"), keyed on `festival-id/session-id`, kept in a SQLite database.

The rules that keep a favourite from ever being lost:
- every change is committed to disk before the call returns (the UI shows it only then);
- a key whose session is not in the loaded programme is kept, with the title and time it had;
- what another running guide added or removed is read back after every change, on `refresh`;
- a file that is not a favourites database is moved aside to a dated name and reported, and a
  fresh store started; nothing is deleted;
- a folder that cannot be written (or created) is reported, and favourites last while the
  guide runs (those already saved are still shown when the file can be read);
- the first release's favourites.json is moved in on first open and renamed aside.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from datetime import UTC, date, datetime, time
from pathlib import Path

from tui_guide.favourites.database import (
    Damaged,
    Unusable,
    connect,
    one_at_a_time,
    read_only,
    set_aside,
)
from tui_guide.favourites.entry import Favourite, Snapshot
from tui_guide.favourites.legacy import LegacyError, read_legacy
from tui_guide.favourites.location import StoreLocation
from tui_guide.programme.model import Session

_COLUMNS = 'key, added_at, title, date, start, "end", venue'


class FavouritesError(Exception):
    """A change could not be saved; the message says which file and why."""


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


# A row of the favourites table, as its schema has it: key, added_at, then the snapshot.
_Row = tuple[str, str, str | None, str | None, str | None, str | None, str | None]


def _row(favourite: Favourite) -> _Row:
    snap = favourite.snapshot
    return (
        favourite.key,
        favourite.added_at.isoformat(),
        snap.title if snap else None,
        snap.date.isoformat() if snap and snap.date else None,
        snap.start.isoformat("minutes") if snap and snap.start else None,
        snap.end.isoformat("minutes") if snap and snap.end else None,
        snap.venue if snap else None,
    )


def _favourite(row: _Row) -> Favourite:
    key, added, title, day, start, end, venue = row
    try:
        added_at = datetime.fromisoformat(added)
        snapshot = (
            Snapshot(
                title=title,
                date=date.fromisoformat(day) if day else None,
                start=time.fromisoformat(start) if start else None,
                end=time.fromisoformat(end) if end else None,
                venue=venue,
            )
            if title is not None
            else None
        )
    except (TypeError, ValueError):  # edited by hand: keep the key, drop what does not read
        added_at, snapshot = datetime.fromtimestamp(0, UTC), None
    return Favourite(key, added_at, snapshot)


class Favourites:
    """Starred sessions in the order they were added, saved to the database at `path` when
    one is given (with `legacy`, the first release's JSON file to move in)."""

    def __init__(
        self, keys: Iterable[str] = (), *, path: Path | None = None, legacy: Path | None = None
    ) -> None:
        self.path: Path | None = None  # None: nothing is saved
        self.problem: str | None = None  # what went wrong when opening, for the UI to show
        self.notice: str | None = None  # what was done when opening (a file moved in)
        self._db: sqlite3.Connection | None = None
        added = _now()
        self._entries: dict[str, Favourite] = {k: Favourite(k, added) for k in keys}
        if path is not None:
            self._open(Path(path), legacy)

    @classmethod
    def at(cls, location: StoreLocation) -> Favourites:
        return cls(path=location.database, legacy=location.legacy)

    # -- reading ---------------------------------------------------------------------------

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._entries))

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> Favourite | None:
        return self._entries.get(key)

    def entries(self) -> list[Favourite]:
        return list(self._entries.values())

    def refresh(self) -> bool:
        """Read the database again (another guide may have changed it); True when it did."""
        if self._db is None:
            return False
        before = self._entries
        try:
            self._reload()
        except sqlite3.Error:
            return False  # the next change reports it
        return self._entries != before

    # -- changing --------------------------------------------------------------------------

    def add(self, key: str, session: Session | None = None) -> None:
        snapshot = Snapshot.of(session) if session is not None else None
        current = self._entries.get(key)
        if current is None:
            self._entries[key] = Favourite(key, _now(), snapshot)
        elif current.snapshot is None and snapshot is not None:
            self._entries[key] = Favourite(key, current.added_at, snapshot)
        self._save(self._insert, [self._entries[key]])

    def remove(self, key: str) -> None:
        self._entries.pop(key, None)
        self._save(lambda db: db.execute("DELETE FROM favourites WHERE key = ?", (key,)))

    def toggle(self, key: str, session: Session | None = None) -> bool:
        """Flip `key` as this guide sees it; True when it is now a favourite. The change is
        on disk when this returns; FavouritesError when it could not be saved (it is kept in
        memory all the same)."""
        if key in self._entries:
            self.remove(key)
            return False
        self.add(key, session)
        return True

    def merge(self, favourites: Iterable[Favourite]) -> int:
        """Add those not here yet (what is here is never replaced or dropped); how many."""
        favourites = list(favourites)
        new = [f for f in favourites if f.key not in self._entries]
        for favourite in new:
            self._entries[favourite.key] = favourite
        self._save(self._insert, favourites)
        return len(new)

    def remember(self, sessions: Iterable[Session]) -> None:
        """Note title and time for favourites that have none yet (moved in from the JSON
        file, or starred by key), so they can still be named if their session goes away."""
        found = [
            Favourite(s.key, self._entries[s.key].added_at, Snapshot.of(s))
            for s in sessions
            if s.key in self._entries and self._entries[s.key].snapshot is None
        ]
        if found:
            for favourite in found:
                self._entries[favourite.key] = favourite
            self._save(self._insert, found)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # -- the database ----------------------------------------------------------------------

    @staticmethod
    def _insert(db: sqlite3.Connection, favourites: list[Favourite]) -> None:
        db.executemany(
            f"INSERT OR IGNORE INTO favourites ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [_row(f) for f in favourites],
        )
        db.executemany(  # a snapshot fills in one that is missing, never replaces one
            'UPDATE favourites SET title = ?, date = ?, start = ?, "end" = ?, venue = ? '
            "WHERE key = ? AND title IS NULL",
            [(*_row(f)[2:], f.key) for f in favourites if f.snapshot is not None],
        )

    def _save(self, change: Callable[..., object], *args: object) -> None:
        """Run `change(db, *args)` in one transaction, committed before returning, then read
        back the whole store (with what other guides did)."""
        if self._db is None:
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                change(self._db, *args)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._reload()
        except sqlite3.Error as error:
            raise FavouritesError(f"{self.path}: could not save favourites: {error}") from None

    def _reload(self) -> None:
        assert self._db is not None
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM favourites ORDER BY rowid").fetchall()
        self._entries = {row[0]: _favourite(row) for row in rows}

    def _open(self, path: Path, legacy: Path | None) -> None:
        try:
            try:
                self._db = connect(path)
            except Damaged:
                with one_at_a_time(path):
                    try:  # another guide starting at the same moment may have done it
                        self._db = connect(path, locked=True)
                    except Damaged as damage:
                        aside = set_aside(path, "unreadable")
                        self.problem = f"{damage}; it was moved to {aside}, and a new store started"
                        self._db = connect(path, locked=True)
            self.path = path
            self._reload()
        except (Unusable, Damaged, OSError, sqlite3.Error) as error:
            self._memory_only(path, error)
            self._read_in(legacy)
            return
        if legacy is not None:
            self._move_in(legacy)

    def _memory_only(self, path: Path, error: Exception) -> None:
        said = f"{self.problem}; " if self.problem else ""
        message = str(error) if isinstance(error, Unusable | Damaged) else f"{path}: {error}"
        self.problem = f"{said}{message}; changes are not saved, they last while the guide runs"
        self.close()
        self.path = None
        readable = read_only(path) if path.is_file() else None
        if readable is not None:  # show what was saved before, at least
            self._db = readable
            with suppress(sqlite3.Error):
                self._reload()
            self.close()

    def _read_in(self, legacy: Path | None) -> None:
        """With nothing saved, at least show the keys of the first release's file."""
        try:
            found = read_legacy(legacy) if legacy is not None else None
        except LegacyError:
            found = None
        added = _now()
        for key in found.keys if found else ():
            self._entries.setdefault(key, Favourite(key, added))

    def _move_in(self, legacy: Path) -> None:
        """Copy the keys of the first release's JSON file in, then rename it aside."""
        try:
            found = read_legacy(legacy)
        except LegacyError as error:
            self.problem = f"{error}; it is left as it is"
            return
        if found is None:
            return
        added = _now()
        try:
            self.merge(Favourite(key, added) for key in found.keys)
        except FavouritesError as error:
            self.problem = f"{error}; {legacy} is left as it is"
            return
        why = "unreadable" if found.problem else "moved-to-sqlite"
        try:
            aside = set_aside(legacy, why)
        except FileNotFoundError:
            return  # another guide moved it in at the same moment
        except OSError as error:
            self.problem = f"{legacy}: moved in, but could not be renamed: {error.strerror}"
            return
        moved = f"{len(found.keys)} favourites from {legacy} are now in {self.path}"
        if found.problem:
            self.problem = f"{found.problem}; {moved}; the file is kept as {aside}"
        else:
            self.notice = f"{moved}; the old file is kept as {aside}"
