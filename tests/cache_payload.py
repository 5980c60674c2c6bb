"""Taking a programme cache file apart and putting it together again, with every CRC and
offset made right: so that a test's edit meets only the cache's checks of the values."""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec

PREFIX = struct.Struct(">II")


def split(entry: Path) -> tuple[dict[str, Any], bytes, list[bytes]]:
    """A cache file's header, its head's bytes and its segments: each day's, then the shared
    texts' (as they lie in the file)."""
    header_line, payload = entry.read_bytes().split(b"\n", 1)
    length, _ = PREFIX.unpack(payload[: PREFIX.size])
    head = payload[PREFIX.size : PREFIX.size + length]
    base = PREFIX.size + length
    decoded = msgspec.msgpack.decode(head)
    places = [(row[2], row[3]) for row in decoded[3]]  # a day's offset and length
    if decoded[4] is not None:
        places.append((decoded[4][0], decoded[4][1]))  # the shared texts'
    segments = [payload[base + offset : base + offset + length] for offset, length in places]
    return json.loads(header_line), head, segments


def join(entry: Path, header: dict[str, Any], head: Any, segments: list[bytes]) -> None:
    """Write `head` (as msgspec decoded it, untyped) and the segments (the days', then the
    shared texts'), each one's offset, length and CRC in the head made right for the
    segments given (when it still has them, and the shared texts' place is not a negative
    number, kept as it was forged)."""
    offset = 0
    if isinstance(head, list) and len(head) == 5 and isinstance(head[3], list):
        for row, segment in zip(head[3], segments, strict=False):
            if isinstance(row, list) and len(row) == 7:
                row[2:5] = [offset, len(segment), zlib.crc32(segment)]
            offset += len(segment)
        rest = segments[len(head[3]) :]
        forged = isinstance(head[4], list) and any(not isinstance(v, int) or v < 0 for v in head[4])
        if rest and isinstance(head[4], list) and len(head[4]) == 3 and not forged:
            head[4] = [offset, len(rest[0]), zlib.crc32(rest[0])]
    encoded = msgspec.msgpack.encode(head)
    payload = b"".join([PREFIX.pack(len(encoded), zlib.crc32(encoded)), encoded, *segments])
    entry.write_bytes(json.dumps(header).encode() + b"\n" + payload)


def edit(
    entry: Path,
    head: Callable[[Any], Any] = lambda head: head,
    rows: Callable[[list[Any]], Any] = lambda row: row,
    shared: Callable[[list[Any]], Any] = lambda table: table,
) -> None:
    """Rewrite a cache file's head, each session's row and the shared texts, CRCs made
    right."""
    header, head_bytes, segments = split(entry)
    days = len(msgspec.msgpack.decode(head_bytes)[3])
    decoded = [[rows(row) for row in msgspec.msgpack.decode(s)] for s in segments[:days]]
    table = [shared(msgspec.msgpack.decode(s)) for s in segments[days:]]
    join(
        entry,
        header,
        head(msgspec.msgpack.decode(head_bytes)),
        [msgspec.msgpack.encode(day) for day in [*decoded, *table]],
    )


def swap(entry: Path, *swaps: tuple[bytes, bytes]) -> None:
    """Replace bytes in a cache file's head and segments (each swap found somewhere),
    CRCs and offsets made right."""
    header, head, segments = split(entry)
    for old, new in swaps:
        assert old in head or any(old in s for s in segments), old
        head = head.replace(old, new)
        segments = [s.replace(old, new) for s in segments]
    join(entry, header, msgspec.msgpack.decode(head), segments)
