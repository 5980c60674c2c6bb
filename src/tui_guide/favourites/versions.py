"""The version of each festival last loaded, kept beside the favourites (the same SQLite
file), and the changes the visitor has not seen yet.

On each load (`record`) a festival whose digest differs from the one kept is compared
session by session with the version kept; each session that differs is marked new, changed
or cancelled, against the version the visitor last saw: a session that changes back to it
loses its mark, a new one taken out again before it was seen leaves none. The first load of
a festival marks nothing (everything would be new). Marks stay until `seen`. One transaction
per load: two guides opening as a refresh lands mark each change once.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from tui_guide.favourites.database import BesideStore, immediate
from tui_guide.i18n import _, ngettext
from tui_guide.programme.model import Festival
from tui_guide.programme.text import fold

if TYPE_CHECKING:
    from tui_guide.programme.versions import Change, Fingerprint


def _dump(print_: Fingerprint) -> str:
    import json  # a load is recorded after the first paint: json is not needed before it

    return json.dumps(print_, ensure_ascii=False)


def _load(text: object) -> Fingerprint | None:
    """A fingerprint read back, or None when the row does not hold one (edited by hand)."""
    if not isinstance(text, str):
        return None
    import json

    try:
        value = json.loads(text)
    except ValueError:
        return None
    if not isinstance(value, list) or len(value) != 5 or not all(isinstance(v, str) for v in value):
        return None
    return (value[0], value[1], value[2], value[3], value[4])


class Recorded(msgspec.Struct, frozen=True):
    """What one load found: the sessions that differ from the version kept (against that
    version, not the one last seen), and how many changes are still to be seen in all."""

    found: tuple[Change, ...]
    unseen: int

    def counts(self) -> str:
        """'2 new, 1 changed, 1 cancelled' (the kinds found), '' when none."""
        from tui_guide.programme.versions import KIND_COUNTS, KINDS

        found = {kind: sum(1 for c in self.found if c.kind == kind) for kind in KINDS}
        return ", ".join(KIND_COUNTS[kind](n) for kind, n in found.items() if n)

    def summary(self) -> str:
        """'Changed sessions: 2 new, 1 cancelled; 5 changes not seen yet (tui-guide
        changes).', or 'No session changed.'"""
        if self.found:
            head = _("Changed sessions: {counts}").format(counts=self.counts())
        else:
            head = _("No session changed")
        if not self.unseen:
            return f"{head}."
        return head + ngettext(
            "; {n} change not seen yet (tui-guide changes).",
            "; {n} changes not seen yet (tui-guide changes).",
            self.unseen,
        )


class ProgrammeVersions(BesideStore):
    """The versions and marks in the favourites database at `path` (opened, and migrated,
    as the store is). Raises Unusable or Damaged when it cannot be opened."""

    def __init__(self, path: Path, *, checked: bool = False) -> None:
        # The guide records in a worker while a screen reads or marks seen: one at a time.
        super().__init__(path, lock=threading.RLock(), checked=checked)

    def _connection(self) -> sqlite3.Connection:
        assert self._db is not None, "the versions store is closed"
        return self._db

    # -- a load ----------------------------------------------------------------------------

    def record(self, festivals: Iterable[Festival]) -> Recorded:
        """Keep the version of each of `festivals`, marking what differs from the last one."""
        # The comparison's module (and hashlib) only once a load is recorded, after the
        # guide's first paint: the store is opened before it.
        from tui_guide.programme.versions import digest, fingerprints

        found: list[Change] = []
        for festival in festivals:
            current = fingerprints(festival)
            whole = digest(current)
            with self._lock, immediate(self._connection()) as db:
                found += self._record(db, festival.id, current, whole)
        return Recorded(tuple(found), self.unseen())

    def _record(
        self,
        db: sqlite3.Connection,
        festival: str,
        current: dict[str, Fingerprint],
        whole: str,
    ) -> list[Change]:
        from tui_guide.programme.versions import Change, differing

        row = db.execute(
            "SELECT digest FROM festival_versions WHERE festival = ?", (festival,)
        ).fetchone()
        if row is not None and row[0] == whole:
            return []
        kept: dict[str, Fingerprint | None] = {
            session: _load(text)
            for session, text in db.execute(
                "SELECT session, fingerprint FROM session_versions WHERE festival = ?",
                (festival,),
            )
        }
        old = {key: value for key, value in kept.items() if value is not None}
        changed = differing(old, current)
        db.execute(
            "INSERT OR REPLACE INTO festival_versions (festival, digest) VALUES (?, ?)",
            (festival, whole),
        )
        db.executemany(
            "INSERT OR REPLACE INTO session_versions (festival, session, fingerprint) "
            "VALUES (?, ?, ?)",
            [(festival, key, _dump(current[key])) for key in changed if key in current],
        )
        db.executemany(
            "DELETE FROM session_versions WHERE festival = ? AND session = ?",
            [(festival, key) for key in changed if key not in current],
        )
        if row is None:  # the first version of this festival: nothing to compare with
            return []
        marks = {
            session: _load(seen)
            for session, seen in db.execute(
                "SELECT session, seen FROM session_changes WHERE festival = ?", (festival,)
            )
        }
        put: list[tuple[str, str, str | None]] = []
        drop: list[tuple[str, str]] = []
        for key in changed:
            seen = marks[key] if key in marks else old.get(key)
            now = current.get(key)
            if (seen is None and now is None) or seen == now:
                drop.append((festival, key))  # new and gone unseen, or back as it was seen
            else:
                put.append((festival, key, None if seen is None else _dump(seen)))
        db.executemany(
            "INSERT OR REPLACE INTO session_changes (festival, session, seen) VALUES (?, ?, ?)",
            put,
        )
        db.executemany("DELETE FROM session_changes WHERE festival = ? AND session = ?", drop)
        return [Change(festival, key, old.get(key), current.get(key)) for key in changed]

    # -- the marks -------------------------------------------------------------------------

    def unseen(self) -> int:
        with self._lock:
            db = self._connection()
            (number,) = db.execute("SELECT count(*) FROM session_changes").fetchone()
        return int(number)

    def changes(self, festival: str | None = None) -> list[Change]:
        """Every change not seen yet (of `festival`, its id in any case, when given): the
        version the visitor saw against the one kept."""
        with self._lock:
            rows = (
                self._connection()
                .execute(
                    "SELECT c.festival, c.session, c.seen, v.fingerprint FROM session_changes c "
                    "LEFT JOIN session_versions v "
                    "ON v.festival = c.festival AND v.session = c.session "
                    "ORDER BY c.festival, c.session"
                )
                .fetchall()
            )
        from tui_guide.programme.versions import Change

        found = []
        for fest, session, seen, now in rows:
            if not isinstance(fest, str) or not isinstance(session, str):
                continue
            if festival is not None and fold(fest) != fold(festival):
                continue
            change = Change(fest, session, _load(seen), _load(now))
            if change.before is not None or change.after is not None:
                found.append(change)
        return found

    def seen(self, changes: Sequence[Change]) -> int:
        """Take the marks of `changes` away; how many there were."""
        with self._lock:
            return self._seen(changes)

    def _seen(self, changes: Sequence[Change]) -> int:
        with immediate(self._connection()) as db:
            before = db.total_changes
            db.executemany(
                "DELETE FROM session_changes WHERE festival = ? AND session = ?",
                [(c.festival_id, c.session_id) for c in changes],
            )
            return db.total_changes - before
