"""The festival's time zone, from what an iCalendar file says of its times."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo

from icalendar.timezone import tzp

from tui_guide.formats.schedule.ical.event import Parsed
from tui_guide.formats.schedule.zones import zone_from_offsets
from tui_guide.programme.format import zone_label
from tui_guide.programme.text import shown

_UTC_NAMES = {"UTC", "ETC/UTC", "GMT", "ETC/GMT", "Z", "ZULU", "UCT", "ETC/UCT", "UNIVERSAL"}


def iana(name: str) -> str | None:
    """The IANA name of a zone called `name` (an IANA name, a Windows one, a vendor's
    `/freeassociation.sourceforge.net/Europe/Berlin`), or None."""
    name = name.strip().strip('"')
    if not name or "\x00" in name:
        return None
    try:
        return ZoneInfo(name).key
    except Exception:  # zoneinfo raises several types for odd names
        pass
    try:
        found = tzp.timezone(name)
    except Exception:  # a provider's own errors, for names it cannot even look up
        return None
    key = getattr(found, "key", None)
    return key if isinstance(key, str) and iana(key) == key else None


def _key(zone: tzinfo | None) -> str | None:
    key = getattr(zone, "key", None)
    return key if isinstance(key, str) and key and iana(key) == key else None


def is_utc(zone: tzinfo | None) -> bool:
    return zone is not None and (_key(zone) or "").upper() in _UTC_NAMES


@dataclass(frozen=True)
class Choice:
    name: str  # the IANA name
    warnings: tuple[str, ...] = ()


def choose(
    declared: Sequence[tuple[str, str]],
    events: Sequence[Parsed],
    locations: dict[str, str],
    given: str | None = None,
) -> Choice:
    """The festival's zone: the one the calendar declares (`declared`: property and value,
    X-WR-TIMEZONE first), else the one most events' times are given in, else `given`
    (--timezone, the zone of times that come without one), else a guess: from the offsets,
    or UTC.

    `locations` maps a VTIMEZONE's TZID to the IANA name its X-LIC-LOCATION gives."""
    said: list[str] = []
    for prop, value in declared:
        name = iana(value)
        if name is None:
            said.append(f"its {prop} {shown(value)} is no known time zone")
        elif prop == "X-WR-TIMEZONE":
            return Choice(name, tuple(said))
        else:
            said.append(f"the festival's zone is {name}, from its {prop} property")
            return Choice(name, tuple(said))
    votes: Counter[str] = Counter()
    unnamed: list[datetime] = []
    utc = floating = 0
    for event in events:
        start = event.start
        if not isinstance(start, datetime):
            continue
        if start.tzinfo is None:
            floating += 1
        elif is_utc(start.tzinfo):
            utc += 1
        elif (name := _key(start.tzinfo) or locations.get(event.tzid or "")) is not None:
            votes[name] += 1
        else:
            unnamed.append(start)
    if votes:
        return Choice(votes.most_common(1)[0][0], tuple(said))
    if given:
        return Choice(given, tuple(said))
    if unnamed and (found := zone_from_offsets(unnamed)) is not None:
        label = zone_label(found)
        taken = label if label == found.key else f"{label} ({found.key})"
        said.append(
            f"its VTIMEZONE names no known zone; the festival's zone is taken as {taken} "
            "from the offsets of its times (give --timezone to name the real one)"
        )
        return Choice(found.key, tuple(said))
    if floating:
        times = "floating times (in no zone)"
    elif utc:
        times = "its times in UTC"
    else:
        times = "only dates"
    said.append(
        f"the file names no time zone and gives {times}: the festival's zone is taken as "
        "UTC (give --timezone to name the real one)"
    )
    return Choice("UTC", tuple(said))
