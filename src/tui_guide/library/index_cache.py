"""The search index of a programme read from the cache, kept in the cache folder beside its
files' entries, so that a start from the cache has it at once instead of building it.

The index of every session (`SearchIndex`) is what the guide's worker builds after the first
paint: about 1.7 s of CPU at 50,000 sessions, during which the command palette waits. Once
built it is saved here; read back, it is the index that building gives (the same state: a
test checks the round trip), made from the saved order of the sessions and the index's state
without folding or walking any session's texts.

It is used only for a programme all of whose files came from their cache entries and whose
content hash was compared since (`Deferred.held`): the file is keyed on those entries and
their hashes, the code's fingerprint and the festivals' ids and sizes. Like the cache, it is
never trusted: a header that does not say all of that, a damaged CRC, a value of the wrong
type or an index that does not hold together (an order that is not one of the sessions, a
text or an item out of range) means it is built again, and saved over.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat as stat_module
import struct
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import msgspec

from tui_guide.atomic import write_atomically
from tui_guide.library.cache import Deferred, _code_fingerprint
from tui_guide.programme.model import Festival, Session
from tui_guide.programme.search import IndexState, SearchIndex
from tui_guide.reading import MAX_PROGRAMME_BYTES

FORMAT = 2
MAGIC = "tui-guide search index"
SUFFIX = ".index"

_PREFIX = struct.Struct(">II")  # the payload's length and CRC
_Payload = tuple[list[int], IndexState]  # where each indexed session is, and the index


def _place(
    checks: Sequence[Deferred], festivals: Sequence[Festival]
) -> tuple[Path, dict[str, Any]] | None:
    """The index file of the programme those cache files loaded to, and what its header
    must say; None unless every festival came from one of them and each still holds."""
    if not checks or any(check.held is not True for check in checks):
        return None
    if not {f.source_file for f in festivals} <= {check.path for check in checks}:
        return None  # a festival parsed this time: no entry of its own to key on
    folder = checks[0].entry.parent
    if any(check.entry.parent != folder for check in checks):
        return None
    entries = "\n".join(check.entry.name for check in checks)  # each file and --timezone
    name = hashlib.blake2b(entries.encode(), digest_size=16).hexdigest()
    header = {
        "magic": MAGIC,
        "format": FORMAT,
        "code": _code_fingerprint(),
        "files": [[check.entry.name, check.digest] for check in checks],
        "festivals": [[f.id, f.session_count] for f in festivals],
    }
    return folder / f"{name}{SUFFIX}", header


def load_index(
    checks: Sequence[Deferred], festivals: Sequence[Festival], sessions: Sequence[Session]
) -> SearchIndex | None:
    """The saved index of `sessions` (the programme's, in its order), or None."""
    place = _place(checks, festivals)
    if place is None:
        return None
    path, expected = place
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        with os.fdopen(descriptor, "rb") as stream:
            mode = os.fstat(stream.fileno())
            if not stat_module.S_ISREG(mode.st_mode) or mode.st_size > 2 * MAX_PROGRAMME_BYTES:
                return None
            data = stream.read()
    except OSError:
        return None
    try:
        line, rest = data.split(b"\n", 1)
        if json.loads(line) != expected:
            return None
        length, crc = _PREFIX.unpack(rest[: _PREFIX.size])
        payload = rest[_PREFIX.size :]
        if len(payload) != length or zlib.crc32(payload) != crc:
            return None
        order, state = msgspec.msgpack.decode(payload, type=_Payload)
        return SearchIndex.restored(sessions, order, state)
    except (ValueError, TypeError, RecursionError, struct.error, msgspec.MsgspecError):
        return None


def save_index(
    checks: Sequence[Deferred],
    festivals: Sequence[Festival],
    sessions: Sequence[Session],
    index: SearchIndex,
) -> None:
    """Keep `index` (built from `sessions`) for the next start, when it can be read then."""
    place = _place(checks, festivals)
    if place is None:
        return
    path, header = place
    payload = msgspec.msgpack.encode(index.saved(sessions))
    head = json.dumps(header, ensure_ascii=False).encode("utf-8", "surrogatepass")
    framed = _PREFIX.pack(len(payload), zlib.crc32(payload)) + payload
    with contextlib.suppress(OSError):  # a read-only or full cache folder: no index saved
        write_atomically(path, head + b"\n" + framed, durable=False)
