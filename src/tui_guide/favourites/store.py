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
    immediate,
    one_at_a_time,
    read_only,
    set_aside,
)
from tui_guide.favourites.entry import Favourite, Snapshot
from tui_guide.favourites.location import StoreLocation
from tui_guide.i18n import N_, _, ngettext
from tui_guide.programme.model import Session

_COLUMNS = 'key, added_at, title, date, start, "end", venue'


class FavouritesError(Exception):
    """A change could not be saved; the message says which file and why."""


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


# A row of the favourites table, as its schema has it: key, added_at, then the snapshot.
_Row = tuple[str, str, str | None, str | None, str | None, str | None, str | None]

SQLITE_FULL = 13

# What a change that failed was told by SQLite, and what the user can do about it.
_HINTS = {SQLITE_FULL: N_("free some space on that disk, then try again")}


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


def _text(value: object) -> str | None:
    """A column read back as bytes (see `_reload`) as text; None for a number or a NULL."""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return value if isinstance(value, str) else None


def _key(kind: object, value: object) -> str | None:
    """The key of a row read back, or None when it is none this guide can use: a BLOB or a
    number put there by hand, or text that is not UTF-8 (it could never be removed)."""
    if kind not in (b"text", "text") or not isinstance(value, bytes):
        return None
    try:
        key = value.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return key or None


def _favourite(key: str, row: tuple[object, ...]) -> Favourite:
    """A favourite from the rest of its row, every value checked again: the file may have been
    edited by hand; what does not read is dropped from it, the key is kept."""
    added, title, day, start, end, venue = (_text(value) for value in row)
    try:
        added_at = datetime.fromisoformat(added or "")
        if added_at.tzinfo is None:
            added_at = added_at.replace(tzinfo=UTC)
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


def _as_saved(favourite: Favourite) -> Favourite:
    """The favourite as it reads back from the database (times to the minute)."""
    key, *rest = _row(favourite)
    return _favourite(key, tuple(rest))


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
        self._version: int | None = None  # PRAGMA data_version when last read in whole
        self.unreadable = 0  # rows of the table left out as no favourite (a BLOB key)
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
            if self._version is not None and self._data_version() == self._version:
                return False  # no other connection committed anything since it was read
            self._reload()
        except sqlite3.Error:
            return False  # the next change reports it
        return self._entries != before

    # -- changing --------------------------------------------------------------------------

    def add(self, key: str, session: Session | None = None) -> None:
        snapshot = Snapshot.of(session) if session is not None else None
        favourite = Favourite(key, _now(), snapshot)
        self._save(self._insert, [favourite])

    def remove(self, key: str) -> None:
        self._entries.pop(key, None)
        self._save(self._delete, key)

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
        before = set(self._entries)
        self._save(self._insert, favourites)
        return len({f.key for f in favourites if f.key in self._entries} - before)

    def remember(self, sessions: Iterable[Session]) -> None:
        """Note title and time for favourites that have none yet (moved in from the JSON
        file, or starred by key), so they can still be named if their session goes away."""
        found = [
            Favourite(s.key, self._entries[s.key].added_at, Snapshot.of(s))
            for s in sessions
            if s.key in self._entries and self._entries[s.key].snapshot is None
        ]
        if found:
            self._save(self._insert, found)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # -- the database ----------------------------------------------------------------------

    def _insert(self, db: sqlite3.Connection | None, favourites: list[Favourite]) -> None:
        """Add those not here yet; a snapshot fills in one that is missing, never replaces
        one. In the database when `db` is given, and the same in memory."""
        if db is not None:
            db.executemany(
                f"INSERT OR IGNORE INTO favourites ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [_row(f) for f in favourites],
            )
            db.executemany(
                'UPDATE favourites SET title = ?, date = ?, start = ?, "end" = ?, venue = ? '
                "WHERE key = ? AND title IS NULL",
                [(*_row(f)[2:], f.key) for f in favourites if f.snapshot is not None],
            )
        for favourite in favourites:
            current = self._entries.get(favourite.key)
            if current is None:
                self._entries[favourite.key] = _as_saved(favourite)
            elif current.snapshot is None and favourite.snapshot is not None:
                saved = _as_saved(favourite)
                self._entries[favourite.key] = Favourite(
                    favourite.key, current.added_at, saved.snapshot
                )

    def _delete(self, db: sqlite3.Connection | None, key: str) -> None:
        if db is not None:
            db.execute("DELETE FROM favourites WHERE key = ?", (key,))
        self._entries.pop(key, None)

    def _save(self, change: Callable[..., object], *args: object) -> None:
        """Run `change(db, *args)` in one transaction, committed before returning. What is in
        memory follows: `change` does the same there, and the whole store is read back only
        when another guide changed it meanwhile (PRAGMA data_version), or a change failed."""
        if self._db is None:
            change(None, *args)  # nothing is saved: the change lasts while the guide runs
            return
        try:
            with immediate(self._db) as db:
                version = self._data_version()
                if version != self._version:  # another guide committed since: read it first
                    self._reload()
                change(db, *args)
        except sqlite3.Error as error:
            change(None, *args)  # kept in memory all the same, while the guide runs
            self._version = None  # what is in memory differs: read it all next time
            hint = _HINTS.get((getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF)
            said = f"{error} ({_(hint)})" if hint else str(error)
            raise FavouritesError(
                _("{file}: could not save favourites: {error}").format(file=self.path, error=said)
            ) from None

    def _data_version(self) -> int:
        assert self._db is not None
        (version,) = self._db.execute("PRAGMA data_version").fetchone()
        return int(version)

    def _reload(self) -> None:
        """Read the whole table again, every value checked (see `_favourite`)."""
        assert self._db is not None
        version = self._data_version()
        # Bytes, not text: a hand-edited row may hold text that is not UTF-8, and one such
        # row must not make the whole store unreadable.
        self._db.text_factory = bytes
        try:
            rows = self._db.execute(
                f"SELECT typeof(key), {_COLUMNS} FROM favourites ORDER BY rowid"
            ).fetchall()
        finally:
            self._db.text_factory = str
        entries: dict[str, Favourite] = {}
        unreadable = 0
        for kind, raw_key, *rest in rows:
            key = _key(kind, raw_key)
            if key is None:
                unreadable += 1
            else:
                entries[key] = _favourite(key, tuple(rest))
        self._entries, self.unreadable, self._version = entries, unreadable, version

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
                        self.problem = _(
                            "{error}; it was moved to {file}, and a new store started"
                        ).format(error=damage, file=aside)
                        self._db = connect(path, locked=True)
            self.path = path
            self._reload()
            self._say_unreadable(path)
        except (Unusable, Damaged, OSError, sqlite3.Error) as error:
            self._memory_only(path, error)
            self._read_in(legacy)
            return
        if legacy is not None:
            self._move_in(legacy)

    def _say_unreadable(self, path: Path) -> None:
        if self.unreadable:
            said = f"{self.problem}; " if self.problem else ""
            self.problem = said + ngettext(
                "{file}: {n} row with a key that is not text (edited by hand?) left out of My "
                "programme, and left in the file as it was",
                "{file}: {n} rows with a key that is not text (edited by hand?) left out of My "
                "programme, and left in the file as it was",
                self.unreadable,
            ).format(file=path)

    def _memory_only(self, path: Path, error: Exception) -> None:
        said = f"{self.problem}; " if self.problem else ""
        message = str(error) if isinstance(error, Unusable | Damaged) else f"{path}: {error}"
        self.problem = said + _(
            "{error}; changes are not saved, they last while the guide runs"
        ).format(error=message)
        self.close()
        self.path = None
        readable = read_only(path) if path.is_file() else None
        if readable is not None:  # show what was saved before, at least
            self._db = readable
            with suppress(sqlite3.Error):
                self._reload()
                self._say_unreadable(path)
            self.close()
            self._version = None

    def _read_in(self, legacy: Path | None) -> None:
        """With nothing saved, at least show the keys of the first release's file."""
        from tui_guide.favourites.legacy import LegacyError, read_legacy

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
            legacy.lstat()
        except FileNotFoundError:
            return  # none (on most machines, long moved in): its reader is not even imported
        except OSError:
            pass  # read_legacy says what is wrong
        from tui_guide.favourites.legacy import LegacyError, read_legacy

        try:
            found = read_legacy(legacy)
        except LegacyError as error:
            self.problem = _("{error}; it is left as it is").format(error=error)
            return
        if found is None:
            return
        added = _now()
        try:
            self.merge(Favourite(key, added) for key in found.keys)
        except FavouritesError as error:
            self.problem = _("{error}; {file} is left as it is").format(error=error, file=legacy)
            return
        why = "unreadable" if found.problem else "moved-to-sqlite"
        try:
            aside = set_aside(legacy, why)
        except FileNotFoundError:
            return  # another guide moved it in at the same moment
        except OSError as error:
            self.problem = _("{file}: moved in, but could not be renamed: {error}").format(
                file=legacy, error=error.strerror
            )
            return
        moved = ngettext(
            "{n} favourite from {file} is now in {store}",
            "{n} favourites from {file} are now in {store}",
            len(found.keys),
        ).format(file=legacy, store=self.path)
        if found.problem:
            self.problem = _("{problem}; {moved}; the file is kept as {file}").format(
                problem=found.problem, moved=moved, file=aside
            )
        else:
            self.notice = _("{moved}; the old file is kept as {file}").format(
                moved=moved, file=aside
            )
