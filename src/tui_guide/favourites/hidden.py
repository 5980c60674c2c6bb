"""What the visitor hid (venues, tracks, languages, sessions), kept per festival beside the
favourites (the same SQLite file, table `hidden`, schema 3).

Read once when the guide starts; each change is written at once, as the rows it adds and
the rows it takes away (one transaction), so a guide open beside this one keeps what it hid
too. What is hidden of a festival no longer loaded is kept, as a favourite is.
"""

from __future__ import annotations

import sqlite3
from typing import cast

from tui_guide.favourites.database import BesideStore, immediate
from tui_guide.i18n import _
from tui_guide.programme.hiding import WHATS, Hidden, What


class HiddenError(Exception):
    """A change could not be saved; the message says which file and why."""


class HiddenStore(BesideStore):
    """The hidden things in the favourites database at `path` (opened, and migrated, as the
    store is). Raises Unusable or Damaged when it cannot be opened."""

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            raise HiddenError(_("{file}: the store is closed").format(file=self.path))
        return self._db

    def load(self) -> Hidden:
        """Everything hidden, of every festival; rows that do not read (edited by hand) are
        passed over, and left in the file."""
        try:
            with self._lock:
                rows = (
                    self._connection().execute("SELECT festival, what, name FROM hidden").fetchall()
                )
        except sqlite3.Error as error:
            raise HiddenError(
                _("{file}: cannot read what is hidden: {error}").format(file=self.path, error=error)
            ) from None
        kept = [
            (festival, cast(What, what), name)
            for festival, what, name in rows
            if isinstance(festival, str) and isinstance(name, str) and what in WHATS
        ]
        return Hidden.from_rows(kept)

    def change(self, before: Hidden, after: Hidden) -> None:
        """Write what differs between `before` and `after`: the rows added and taken away."""
        old, new = before.rows(), after.rows()
        added, gone = sorted(new - old), sorted(old - new)
        if not added and not gone:
            return
        try:
            with self._lock, immediate(self._connection()) as db:
                db.executemany(
                    "INSERT OR IGNORE INTO hidden (festival, what, name) VALUES (?, ?, ?)", added
                )
                db.executemany(
                    "DELETE FROM hidden WHERE festival = ? AND what = ? AND name = ?", gone
                )
        except sqlite3.Error as error:
            raise HiddenError(
                _("{file}: cannot save what is hidden: {error}").format(file=self.path, error=error)
            ) from None
