"""Writing a file whole or not at all: a temporary file beside it, then a rename.

Used for everything the guide writes (exported calendars, imported TOML, downloaded
programmes, the cache), so the logic lives once. `mkstemp` makes its file 0600 whatever
the umask; the file is given the mode a plain `open()` would have had instead: the old file's
mode when it replaces one, else 0666 less the umask.

`protected` names what may never be written over (the programme being read, the favourites
store, the cache folder): every writer that takes a path from the user passes its list, so a
`-o` onto an input is refused with a message naming both, before anything is written.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Protected:
    """A file (or, with `folder`, every file under a folder) never to be written over; `what`
    says what it is, for the message ("the favourites store")."""

    path: Path
    what: str
    folder: bool = False


class Refused(OSError):
    """The path is not one to write: empty, a folder, or something `Protected`."""


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: compare it as given
        return path.absolute()


def _same(target: Path, real: Path, other: Path) -> bool:
    if real == _real(other):
        return True
    try:  # a hard link, or a path spelt another way the resolver did not see
        return os.path.samefile(target, other)
    except (OSError, ValueError):
        return False


def check_target(path: Path, protected: Iterable[Protected] = ()) -> None:
    """Raise Refused (its message naming `path` and why) when `path` is not a file to write:
    an empty name, a folder, or one of `protected`."""
    if not str(path).strip():
        raise Refused(f"{str(path)!r}: an empty file name; give the name of the file to write")
    if path.is_dir():
        raise Refused(f"{path}: is a folder; give the name of a file to write in it")
    real = _real(path)
    for keep in protected:
        if keep.folder and real.is_relative_to(_real(keep.path)):
            where = f"it is inside {keep.what}"
        elif not keep.folder and _same(path, real, keep.path):
            where = f"it would replace {keep.what}"
        else:
            continue
        raise Refused(f"{path}: not written, {where} ({keep.path}); give another file name")


def _umask() -> int:
    """The process umask, read from /proc on Linux: setting it to read it back is racy with
    threads (the TUI runs workers)."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def write_atomically(
    path: Path, data: bytes, *, durable: bool = True, protected: Iterable[Protected] = ()
) -> None:
    """Write `data` to `path`; raises OSError (and leaves `path` as it was) on failure, and
    Refused (an OSError) when `path` is one of `protected` (see `check_target`).

    `durable` waits for the data to reach the disk before the rename; a file that can be
    made again (the cache) need not wait."""
    path = Path(path)
    check_target(path, protected)
    mode = _mode_for(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fchmod(file.fileno(), mode)
            if durable:
                os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
