"""Favourites ("My programme"), keyed on `festival-id/session-id` so they survive edits to a
programme file, kept in one small JSON file.

The rules that keep a favourite from ever being lost:
- a key whose session is not in the loaded programme is kept, not pruned;
- every change is written at once, atomically (a temporary file, then a rename);
- each change is applied to the file as it is now (read again just before writing), so what
  another running guide added or removed meanwhile is kept;
- a file that cannot be read is never overwritten: it is moved aside to a dated copy and
  the problem is reported.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

FORMAT_VERSION = 1


class FavouritesError(Exception):
    """The favourites file could not be read or written; the message says which and why."""


class Favourites:
    """A set of session keys in the order they were added, saved to `path` if one is given."""

    def __init__(self, keys: Iterable[str] = (), *, path: Path | None = None) -> None:
        self.path = path
        self._keys: dict[str, None] = dict.fromkeys(keys)
        self.problem: str | None = None  # what went wrong when loading, for the UI to show
        if path is not None:
            self._keys.update(dict.fromkeys(self._read_or_set_aside()))

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: str) -> None:
        self._keys[key] = None
        self._save(key, added=True)

    def remove(self, key: str) -> None:
        self._keys.pop(key, None)
        self._save(key, added=False)

    def toggle(self, key: str) -> bool:
        """Flip `key`; True when it is now a favourite. Raises FavouritesError when the
        change could not be saved (it is kept in memory all the same)."""
        if key in self._keys:
            self.remove(key)
            return False
        self.add(key)
        return True

    # -- the file ---------------------------------------------------------------------------

    def _read(self) -> list[str] | None:
        """The keys in the file; None when there is no file."""
        assert self.path is not None
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except UnicodeDecodeError as error:
            raise FavouritesError(f"{self.path}: not UTF-8 text: {error.reason}") from None
        except OSError as error:
            raise FavouritesError(f"{self.path}: cannot read: {error.strerror or error}") from None
        try:
            data = json.loads(raw)
        except (json.JSONDecodeError, RecursionError) as error:
            line = getattr(error, "lineno", None)
            where = f"{self.path}:{line}" if line else str(self.path)
            raise FavouritesError(f"{where}: not a favourites file: {error}") from None
        keys = data.get("favourites") if isinstance(data, dict) else None
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            raise FavouritesError(f"{self.path}: field favourites: expected a list of text")
        return keys

    def _read_or_set_aside(self) -> list[str]:
        try:
            return self._read() or []
        except FavouritesError as error:
            self.problem = str(error)
            aside = self._set_aside()
            if aside is not None:
                self.problem += f"; kept as {aside}, starting a new list"
            else:
                # Could not move it: do not write over it either.
                self.problem += "; it is left as it is and nothing will be saved"
                self.path = None
            return []

    def _set_aside(self) -> Path | None:
        assert self.path is not None
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = self.path.with_name(f"{self.path.name}.unreadable-{stamp}")
        try:
            os.replace(self.path, aside)
        except OSError:
            return None
        return aside

    def _save(self, key: str, *, added: bool) -> None:
        """Apply one change to the file as it is now, and take its result as ours."""
        if self.path is None:
            return
        try:
            on_disk = self._read()
        except FavouritesError as error:
            # It became unreadable since we loaded it: keep it aside, ours is the good copy.
            if self._set_aside() is None:
                raise FavouritesError(f"{error}; not overwritten") from None
            on_disk = None
        latest = dict(self._keys) if on_disk is None else dict.fromkeys(on_disk)
        if added:
            latest[key] = None
        else:
            latest.pop(key, None)
        self._keys = latest
        document = {"version": FORMAT_VERSION, "favourites": list(self._keys)}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(
                dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp"
            )
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as file:
                    json.dump(document, file, ensure_ascii=False, indent=2)
                    file.write("\n")
                    file.flush()
                    os.fsync(file.fileno())
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            raise FavouritesError(
                f"{self.path}: could not save favourites: {error.strerror or error}"
            ) from None


FAVOURITES_ENV = "TUI_GUIDE_FAVOURITES"


def default_path() -> Path:
    """`$TUI_GUIDE_FAVOURITES`, else favourites.json in the user's data folder."""
    from_env = os.environ.get(FAVOURITES_ENV, "").strip()
    if from_env:
        return Path(from_env)
    from platformdirs import user_data_path

    return user_data_path("tui-guide", appauthor=False) / "favourites.json"
