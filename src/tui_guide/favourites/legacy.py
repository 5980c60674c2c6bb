"""The first release's favourites file, favourites.json, read once to move it into the store.

It is never written again: once its keys are in the database it is renamed aside (never
deleted), and a damaged one is renamed aside too, with the keys that could be read kept.
"""

from __future__ import annotations

import json
import stat
from dataclasses import dataclass
from pathlib import Path

from tui_guide.reading import MAX_FAVOURITES_BYTES, JsonError, ReadError, loads_json, read_limited


class LegacyError(Exception):
    """The file could not be read at all (a folder, no permission): it is left alone."""


@dataclass(frozen=True)
class LegacyFile:
    """The keys read from a favourites.json, and what was wrong with it (None: nothing)."""

    keys: tuple[str, ...]
    problem: str | None = None


def read_legacy(path: Path) -> LegacyFile | None:
    """The keys in `path`; None when there is no such file. A damaged file gives the keys
    that could be read with a `problem`; one that cannot be read raises LegacyError."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        raise LegacyError(f"{path}: cannot read: {error.strerror or error}") from None
    if stat.S_ISDIR(mode):
        raise LegacyError(f"{path}: is a folder, not a favourites file")
    try:
        raw = read_limited(path, MAX_FAVOURITES_BYTES)
    except ReadError as error:
        raise LegacyError(f"{path}: {error}") from None
    try:
        data = loads_json(raw, what="a favourites file")
    except JsonError as error:
        where = f"{path}:{error.line}" if error.line else str(path)
        return LegacyFile((), f"{where}: {error}")
    return parse_keys(data, path)


def parse_keys(data: object, path: Path) -> LegacyFile:
    """The keys of a decoded favourites.json document."""
    entries = data.get("favourites") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return LegacyFile((), f"{path}: field favourites: expected a list of text")
    keys = tuple(dict.fromkeys(entry for entry in entries if isinstance(entry, str)))
    bad = [json.dumps(entry)[:40] for entry in entries if not isinstance(entry, str)]
    if not bad:
        return LegacyFile(keys)
    shown = ", ".join(bad[:3]) + (", ..." if len(bad) > 3 else "")
    return LegacyFile(
        keys,
        f"{path}: field favourites: {len(bad)} entries are not text ({shown}); "
        f"the other {len(keys)} are kept",
    )
