"""Writing a file whole or not at all: a temporary file beside it, then a rename.

Used for everything the guide writes (exported calendars, imported TOML, downloaded
programmes, the cache), so the logic lives once. `mkstemp` makes its file 0600 whatever
the umask; the file is given the mode a plain `open()` would have had instead: the old file's
mode when it replaces one, else 0666 less the umask.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


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


def write_atomically(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write `data` to `path`; raises OSError (and leaves `path` as it was) on failure.

    `durable` waits for the data to reach the disk before the rename; a file that can be
    made again (the cache) need not wait."""
    path = Path(path)
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
