"""Favourites as a JSON document, to move them to another machine (`favourites export
--format json`, `favourites import`). Import also reads the first release's favourites.json."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TypeVar

from tui_guide.favourites.entry import Favourite, Snapshot
from tui_guide.reading import MAX_FAVOURITES_BYTES, JsonError, ReadError, loads_json, read_limited

FORMAT = "tui-guide favourites"
VERSION = 1

MAX_IMPORT = 10_000
"""The most favourites one file may hold to be imported (docs/importing.md): far more than
anyone stars, few enough that the store stays quick. A file with more is refused whole."""

_SURROGATE = re.compile("[\ud800-\udfff]")

_T = TypeVar("_T")


def dump(favourites: Iterable[Favourite]) -> bytes:
    entries = []
    for favourite in favourites:
        entry: dict[str, str | None] = {
            "key": favourite.key,
            "added_at": favourite.added_at.isoformat(),
        }
        if (snap := favourite.snapshot) is not None:
            entry |= {
                "title": snap.title,
                "date": snap.date.isoformat() if snap.date else None,
                "start": snap.start.isoformat("minutes") if snap.start else None,
                "end": snap.end.isoformat("minutes") if snap.end else None,
                "venue": snap.venue,
            }
        entries.append(entry)
    document = {"format": FORMAT, "version": VERSION, "favourites": entries}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class TransferError(Exception):
    """The file as a whole cannot be read; the message names it (and the line)."""


@dataclass(frozen=True)
class Loaded:
    favourites: tuple[Favourite, ...]
    problems: tuple[str, ...] = ()


def _optional(entry: dict[str, object], field: str, parse: Callable[[str], _T]) -> _T | None:
    value = entry.get(field)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"field {field}: expected text")
    try:
        return parse(value)
    except ValueError:
        raise ValueError(f"field {field}: not a valid value: {value!r}") from None


def _clean(text: str) -> str:
    """Text as the store can hold it: a lone surrogate escape ("\\ud800", which JSON
    allows and no UTF-8 file can hold) read as U+FFFD, as the schedule.json reader does."""
    return _SURROGATE.sub("\ufffd", text)


def _entry(entry: object, now: datetime) -> Favourite:
    if isinstance(entry, str):  # the first release's list of keys
        entry = {"key": entry}
    if not isinstance(entry, dict):
        raise ValueError("expected a key or an object with a key")
    key = entry.get("key")
    if not isinstance(key, str) or "/" not in key.strip("/"):
        raise ValueError("field key: expected 'festival-id/session-id'")
    added = _optional(entry, "added_at", datetime.fromisoformat) or now
    if added.tzinfo is None:
        added = added.replace(tzinfo=UTC)
    title = entry.get("title")
    if title is not None and not isinstance(title, str):
        raise ValueError("field title: expected text")
    venue = entry.get("venue")
    if venue is not None and not isinstance(venue, str):
        raise ValueError("field venue: expected text")
    snapshot = None
    if title is not None:
        snapshot = Snapshot(
            title=_clean(title),
            date=_optional(entry, "date", date.fromisoformat),
            start=_optional(entry, "start", time.fromisoformat),
            end=_optional(entry, "end", time.fromisoformat),
            venue=None if venue is None else _clean(venue),
        )
    return Favourite(_clean(key), added, snapshot)


def load(path: Path) -> Loaded:
    """The favourites in an exported file (or a first-release favourites.json). Entries that
    do not read are named in `problems`; the others are kept."""
    try:
        data = loads_json(read_limited(path, MAX_FAVOURITES_BYTES), what="a favourites file")
    except JsonError as error:
        where = f"{path}:{error.line}" if error.line else str(path)
        raise TransferError(f"{where}: {error}") from None
    except ReadError as error:
        raise TransferError(f"{path}: {error}") from None
    entries = data.get("favourites") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise TransferError(f"{path}: field favourites: expected a list")
    if len(entries) > MAX_IMPORT:
        raise TransferError(
            f"{path}: field favourites: {len(entries):,} entries, more than the "
            f"{MAX_IMPORT:,} one file may hold; nothing was imported: split the file"
        )
    now = datetime.now(UTC).replace(microsecond=0)
    found, problems = [], []
    for number, entry in enumerate(entries, start=1):
        try:
            found.append(_entry(entry, now))
        except ValueError as error:
            problems.append(f"{path}: favourites entry {number}: {error}")
    return Loaded(tuple(found), tuple(problems))
