"""The favourites database: one SQLite file, its schema and migrations, and what to do with a
file that is not (or no longer) such a database.

WAL journal and a busy timeout let two guides use it at once (setting it up, they take turns
under a lock beside the file); `synchronous = FULL` makes every committed change survive the
process being killed (and the power going) right after.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

try:
    import fcntl
except ImportError:  # Windows: no advisory lock
    HAS_FLOCK = False
else:
    HAS_FLOCK = True

APPLICATION_ID = 0x74756967  # "tuig": marks the file as ours, so a foreign database is told apart
SCHEMA_VERSION = 3
BUSY_SECONDS = 15.0

# Migration n brings a database from schema n-1 to n. Version 0 is an empty file; the JSON
# file of the first release is moved in by the store, after these have run.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """
        CREATE TABLE favourites (
            key TEXT PRIMARY KEY NOT NULL,
            added_at TEXT NOT NULL,
            title TEXT,
            date TEXT,
            start TEXT,
            "end" TEXT,
            venue TEXT
        )
        """,
    ),
    # The version of each festival last loaded (favourites/versions.py): a digest of the
    # whole, each session's fingerprint, and the changes the visitor has not seen yet (with
    # the fingerprint they last saw; NULL for a new session).
    2: (
        "CREATE TABLE festival_versions (festival TEXT PRIMARY KEY NOT NULL, digest TEXT NOT NULL)",
        """
        CREATE TABLE session_versions (
            festival TEXT NOT NULL,
            session TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            PRIMARY KEY (festival, session)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE session_changes (
            festival TEXT NOT NULL,
            session TEXT NOT NULL,
            seen TEXT,
            PRIMARY KEY (festival, session)
        ) WITHOUT ROWID
        """,
    ),
    # What the visitor hid, per festival (favourites/hidden.py): a session or venue by its
    # id, a track or language by its name. Only a table is added: no favourite is touched.
    3: (
        """
        CREATE TABLE hidden (
            festival TEXT NOT NULL,
            what TEXT NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (festival, what, name)
        ) WITHOUT ROWID
        """,
    ),
}

_DAMAGED_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED (and their extended codes)


class Unusable(Exception):
    """The database cannot be used, but is not damaged: it is left alone."""


class Damaged(Exception):
    """The file is not a favourites database: it is to be set aside."""


def is_damage(error: sqlite3.Error) -> bool:
    return getattr(error, "sqlite_errorcode", None) in _DAMAGED_CODES


def connect(path: Path, *, locked: bool = False, checked: bool = False) -> sqlite3.Connection:
    """Open (creating, migrating) the database at `path`. Raises Damaged or Unusable.
    `locked`: the caller holds `one_at_a_time(path)` already. `checked`: this process has
    just opened it and run SQLite's check of every page (it is not run again)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise Unusable(
            f"{path.parent}: cannot create the folder: {error.strerror or error}"
        ) from None
    if not os.access(path.parent, os.W_OK):  # the journal files are made beside the store
        raise Unusable(f"{path.parent}: the folder is read-only, favourites cannot be saved there")
    if path.exists() and not os.access(path, os.W_OK):
        raise Unusable(f"{path}: the file is read-only, favourites cannot be saved in it")
    try:
        connection = sqlite3.connect(
            path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as error:
        raise Unusable(f"{path}: cannot open: {error}") from None
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
        # Guides opening the store at the same moment take turns: turning a new file to WAL
        # wants it to themselves and is not covered by the busy timeout.
        with nullcontext() if locked else one_at_a_time(path):
            _while_busy(lambda: _set_up(connection, path, checked))
    except sqlite3.Error as error:
        connection.close()
        if is_damage(error):
            raise Damaged(f"{path}: not a favourites database: {error}") from None
        raise Unusable(f"{path}: cannot use: {error}") from None
    except (Damaged, Unusable):
        connection.close()
        raise
    return connection


def _set_up(connection: sqlite3.Connection, path: Path, checked: bool = False) -> None:
    _check(connection, path, pages=not checked)
    (mode,) = connection.execute("PRAGMA journal_mode").fetchone()
    if str(mode).lower() != "wal":  # only a new (or old-style) file; asking again is not free
        connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    _migrate(connection, path)


def is_busy(error: sqlite3.Error) -> bool:
    return (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF in _BUSY_CODES


def _while_busy(step: Callable[[], None]) -> None:
    """Run `step` again, waiting longer each time, while another program holds the database
    (one not taking turns by the lock), for up to BUSY_SECONDS."""
    give_up, pause = time.monotonic() + BUSY_SECONDS, 0.005
    while True:
        try:
            step()
            return
        except sqlite3.Error as error:
            if not is_busy(error) or time.monotonic() + pause > give_up:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


def _check(connection: sqlite3.Connection, path: Path, *, pages: bool = True) -> None:
    # One read transaction, so a guide creating the store at this moment is seen either
    # before it starts or after it is done, never half way (tables, but no mark yet).
    connection.execute("BEGIN")
    try:
        _check_snapshot(connection, path, pages=pages)
    finally:
        connection.execute("COMMIT")


def _check_snapshot(connection: sqlite3.Connection, path: Path, *, pages: bool = True) -> None:
    # quick_check reads every page: about 30 ms for a store that keeps a 50,000-session
    # programme's versions, paid once per open.
    if pages:
        (result,) = connection.execute("PRAGMA quick_check").fetchone()
        if result != "ok":
            raise Damaged(f"{path}: damaged database: {result}")
    (application,) = connection.execute("PRAGMA application_id").fetchone()
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if application == APPLICATION_ID:
        if version > SCHEMA_VERSION:
            raise Unusable(
                f"{path}: written by a newer tui-guide (schema {version}, this one knows "
                f"{SCHEMA_VERSION}); it is left as it is"
            )
        return
    tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master")]
    if application != 0 or tables:
        shown = ", ".join(tables[:5]) or "no tables"
        raise Damaged(f"{path}: a database of some other program ({shown})")


@contextmanager
def immediate(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken at once (BEGIN IMMEDIATE: another guide waits rather than
    fail half-way), committed when the block ends and rolled back when it raises. SQLite may
    have rolled back by itself (a full disk does): a ROLLBACK then fails, and its error must
    not hide the real one."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            with suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
        raise


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if version == SCHEMA_VERSION:
        return
    with immediate(connection):  # one guide migrates, the other waits and sees it
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        for step in range(version + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[step]:
                connection.execute(statement)
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


@contextmanager
def one_at_a_time(path: Path) -> Iterator[None]:
    """Hold a lock beside `path` while the store is set up or a damaged file is set aside, so
    that two guides starting at once take turns (and do not each move a file, the second one
    the first one's fresh store)."""
    if not HAS_FLOCK:
        yield
        return
    try:
        lock = os.open(path.with_name(f"{path.name}.lock"), os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:  # no lock file can be made there: go on without
        yield
        return
    try:
        with suppress(OSError):  # a file system without locks: go on without
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield
    finally:
        os.close(lock)


def stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")


def set_aside(path: Path, why: str) -> Path:
    """Rename `path` (and its -wal and -shm files) to a dated name not taken yet; the new name.
    Raises OSError when it cannot be moved."""
    when = stamp()
    aside = path.with_name(f"{path.name}.{why}-{when}")
    number = 1
    while os.path.lexists(aside):
        number += 1
        aside = path.with_name(f"{path.name}.{why}-{when}-{number}")
    os.rename(path, aside)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if os.path.lexists(companion):
            os.rename(companion, aside.with_name(aside.name + suffix))
    return aside


def read_only(path: Path) -> sqlite3.Connection | None:
    """The database opened only to read (a read-only folder), or None when that fails too."""
    # mode=ro reads the journal too; immutable=1 works where even that cannot be opened.
    for mode in ("mode=ro", "immutable=1"):
        try:
            connection = sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True)
        except sqlite3.Error:
            continue
        try:
            connection.execute("SELECT count(*) FROM favourites").fetchone()
            return connection
        except sqlite3.Error:
            connection.close()
    return None


class BesideStore:
    """A table of the favourites database kept by a class of its own (the programme's
    versions, what is hidden): opened, and migrated, as the store is, at `path`. Raises
    Unusable or Damaged when it cannot be opened; one connection, used one thread at a time."""

    def __init__(
        self,
        path: Path,
        *,
        lock: threading.Lock | threading.RLock | None = None,
        checked: bool = False,
    ):
        self.path = path
        self._db: sqlite3.Connection | None = connect(path, checked=checked)
        self._lock = lock or threading.Lock()

    @classmethod
    def beside(cls, store_path: Path | None) -> Self | None:
        """The table beside a favourites store, or None when there is no store on disk or it
        cannot be used (the store has said why)."""
        if store_path is None:
            return None
        try:
            # The store has just opened and checked the file: its pages are not read again
            # (at the guide's start, once for each table beside it).
            return cls(store_path, checked=True)
        except (Unusable, Damaged, OSError, sqlite3.Error):
            return None

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
