"""Favourites ("My programme"), keyed on `festival-id/session-id` so they survive edits to a
programme file, kept in one small JSON file.

The rules that keep a favourite from ever being lost:
- a key whose session is not in the loaded programme is kept, not pruned;
- every change is written at once, atomically (a temporary file, then a rename), through a
  symlink to the file it points at;
- each change is applied to the file as it is now (read again just before writing, under a
  lock shared by every guide), so what another running guide added or removed is kept;
- a file whose content is damaged is never overwritten: it is moved aside to a new dated
  copy, the keys that could be read are kept and written again, and the problem is reported;
- a path that cannot be read at all (a folder, no permission, ...) is never moved or written:
  the problem is reported and favourites are kept only while the guide runs.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: saves go without the lock
    fcntl = None  # type: ignore[assignment]

FORMAT_VERSION = 1


class FavouritesError(Exception):
    """The favourites file could not be read or written; the message says which and why."""


class _Damaged(FavouritesError):
    """The file reads, but is not (all) favourites: `keys` are those that could be kept,
    None when none could."""

    def __init__(self, message: str, keys: list[str] | None = None) -> None:
        super().__init__(message)
        self.keys = keys


class Favourites:
    """A set of session keys in the order they were added, saved to `path` if one is given."""

    def __init__(self, keys: Iterable[str] = (), *, path: Path | None = None) -> None:
        self.path: Path | None = None
        self._keys: dict[str, None] = dict.fromkeys(keys)
        self.problem: str | None = None  # what went wrong when loading, for the UI to show
        if path is not None:
            self._load(path)

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

    def _load(self, path: Path) -> None:
        try:
            self.path = Path(path).resolve()  # so a symlink is written through, not replaced
            self._keys.update(dict.fromkeys(self._read() or ()))
        except _Damaged:
            try:
                self._save()  # under the lock: set it aside and write what could be kept
            except FavouritesError as error:
                self._memory_only(error)
        except (FavouritesError, OSError, RuntimeError) as error:  # RuntimeError: symlink loop
            self._memory_only(error)

    def _memory_only(self, error: Exception) -> None:
        said = f"{self.problem}; " if self.problem else ""
        self.problem = f"{said}{error}; nothing is saved, favourites last while the guide runs"
        self.path = None

    def _read(self) -> list[str] | None:
        """The keys in the file; None when there is no file. Raises _Damaged when its content
        is wrong, FavouritesError when it cannot be read at all."""
        assert self.path is not None
        try:
            mode = self.path.stat().st_mode
            if stat.S_ISDIR(mode):
                raise FavouritesError(f"{self.path}: is a folder, not a favourites file")
            if not stat.S_ISREG(mode):
                raise FavouritesError(f"{self.path}: is not a regular file")
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise FavouritesError(f"{self.path}: cannot read: {error.strerror or error}") from None
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as error:
            raise _Damaged(f"{self.path}: not UTF-8 text: {error.reason}") from None
        except (json.JSONDecodeError, RecursionError) as error:
            line = getattr(error, "lineno", None)
            where = f"{self.path}:{line}" if line else str(self.path)
            raise _Damaged(f"{where}: not a favourites file: {error}") from None
        entries = data.get("favourites") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise _Damaged(f"{self.path}: field favourites: expected a list of text")
        keys = [entry for entry in entries if isinstance(entry, str)]
        bad = [json.dumps(entry)[:40] for entry in entries if not isinstance(entry, str)]
        if bad:
            shown = ", ".join(bad[:3]) + (", ..." if len(bad) > 3 else "")
            raise _Damaged(
                f"{self.path}: field favourites: {len(bad)} entries are not text ({shown}); "
                f"the other {len(keys)} are kept",
                keys,
            )
        return keys

    def _save(self, key: str | None = None, *, added: bool = False) -> None:
        """Apply one change (or none) to the file as it is now, and take its result as ours.
        A damaged file is set aside first; one that cannot be read is left alone."""
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._locked():
                try:
                    on_disk = self._read()
                except _Damaged as damage:
                    on_disk = damage.keys  # None: ours is the good copy
                    self._set_aside(damage)
                latest = dict(self._keys) if on_disk is None else dict.fromkeys(on_disk)
                if key is not None and added:
                    latest[key] = None
                elif key is not None:
                    latest.pop(key, None)
                self._keys = latest
                self._write()
        except OSError as error:
            raise FavouritesError(
                f"{self.path}: could not save favourites: {error.strerror or error}"
            ) from None

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the lock every guide takes on `favourites.json.lock` to read and write."""
        assert self.path is not None
        if fcntl is None:
            yield
            return
        lock = os.open(self.path.with_name(f"{self.path.name}.lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            with suppress(OSError):  # a file system without locks: go on as before
                fcntl.flock(lock, fcntl.LOCK_EX)
            yield
        finally:
            os.close(lock)  # which lets the lock go

    def _set_aside(self, damage: _Damaged) -> None:
        """Move the damaged file to a name not taken yet, and say so in `problem`."""
        assert self.path is not None
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        aside = self.path.with_name(f"{self.path.name}.unreadable-{stamp}")
        number = 1
        while os.path.lexists(aside):  # under the lock no other guide takes it meanwhile
            number += 1
            aside = self.path.with_name(f"{self.path.name}.unreadable-{stamp}-{number}")
        try:
            os.rename(self.path, aside)  # on Windows this will not overwrite either
        except OSError as error:
            raise FavouritesError(
                f"{damage}; it is left as it is, as it could not be moved aside: "
                f"{error.strerror or error}"
            ) from None
        fresh = ", starting a new list" if damage.keys is None else ""
        self.problem = f"{damage}; kept as {aside}{fresh}"

    def _write(self) -> None:
        assert self.path is not None
        document = {"version": FORMAT_VERSION, "favourites": list(self._keys)}
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


FAVOURITES_ENV = "TUI_GUIDE_FAVOURITES"


def default_path() -> Path:
    """`$TUI_GUIDE_FAVOURITES`, else favourites.json in the user's data folder."""
    from_env = os.environ.get(FAVOURITES_ENV, "").strip()
    if from_env:
        return Path(from_env)
    from platformdirs import user_data_path

    return user_data_path("tui-guide", appauthor=False) / "favourites.json"
