"""The quick check of a parsed TOML programme: every key and type checked in bulk (msgspec,
in C), the rules that are left in one short pass, and the festival built from that.

It answers only for a file with nothing to say: no problem and no warning. Anything else
(a key it does not know, a wrong type, a bad id, a duplicate, a date out of range, a night
the clocks change...) gives None, and the detailed checker (`read.py`'s `_check_document`)
reads the file again to say what and where, in its own words. Where it answers, it builds the
same festival as the detailed checker (`tests/test_toml_quick.py` checks both on generated
valid and invalid documents).
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import msgspec

from tui_guide.formats.localtime import resolve_session
from tui_guide.programme.model import (
    DEFAULT_DAY_STARTS,
    Festival,
    Kind,
    Link,
    Person,
    Session,
    Venue,
)
from tui_guide.programme.rules import FIRST_YEAR, LAST_YEAR, MAX_DAYS, SLUG

COLOUR = re.compile(r"#[0-9a-fA-F]{6}")  # a track's colour
Slug = Annotated[str, msgspec.Meta(pattern=SLUG.pattern)]  # searched, as SLUG.match: anchored


_Date = date  # for _Session, whose `date` field hides the type


class _Head(msgspec.Struct, forbid_unknown_fields=True):
    id: Slug
    name: str
    timezone: str
    city: str = ""
    country: str = ""
    starts: date | None = None
    ends: date | None = None
    day_starts: time | None = None
    held_by: date | None = None
    url: str | None = None
    organisers: list[str] = []
    description: str = ""
    sources: list[str] = []


class _Venue(msgspec.Struct, forbid_unknown_fields=True):
    id: Slug
    name: str
    address: str | None = None
    city: str | None = None
    notes: str | None = None
    url: str | None = None
    guid: str | None = None


class _Person(msgspec.Struct, forbid_unknown_fields=True, frozen=True):  # hashable
    name: str
    role: str | None = None
    affiliation: str | None = None


class _Link(msgspec.Struct, forbid_unknown_fields=True):
    url: str
    title: str = ""


class _Session(msgspec.Struct, forbid_unknown_fields=True):
    id: Slug
    title: str
    kind: str
    type: str | None = None
    date: _Date | None = None
    start: time | None = None
    end: time | None = None
    venue: Slug | None = None
    track: str | None = None
    people: list[_Person] = []
    countries: list[str] = []
    tags: list[str] = []
    description: str = ""
    url: str | None = None
    subtitle: str = ""
    links: list[_Link] = []
    guid: str | None = None
    held_by: _Date | None = None


class _Track(msgspec.Struct, forbid_unknown_fields=True):
    name: str
    color: str | None = None


class _Document(msgspec.Struct, forbid_unknown_fields=True):
    festival: _Head
    venues: list[_Venue] = []
    sessions: list[_Session] = []
    tracks: list[_Track] = []


# Dates, times and date-times are passed through as they are (and a date-time is not a date):
# a string is never read as one.
_BUILTIN = (date, time)
_KINDS = {kind.value: kind for kind in Kind}


class _Refused(Exception):
    """Something the detailed checker must explain."""


def _year_ok(day: date | None) -> bool:
    return day is None or FIRST_YEAR <= day.year <= LAST_YEAR


def quick_festival(path: Path, doc: dict[str, Any]) -> Festival | None:
    """The festival in `doc` (parsed from `path`) when it has no problem and no warning,
    else None (the detailed checker then says why)."""
    try:
        parsed = msgspec.convert(doc, _Document, builtin_types=_BUILTIN)
        return _build(path, parsed)
    except (msgspec.ValidationError, _Refused):
        return None
    except RecursionError:  # pragma: no cover - deeply nested values: the checker says so
        return None


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except Exception:  # any name zoneinfo refuses, whatever it raises: the checker says so
        raise _Refused from None


def _build(path: Path, doc: _Document) -> Festival:
    head = doc.festival
    if not head.name.strip() or not head.timezone.strip():
        raise _Refused
    zone = _zone(head.timezone)
    if not (_year_ok(head.starts) and _year_ok(head.ends) and _year_ok(head.held_by)):
        raise _Refused
    boundary = head.day_starts
    if boundary is not None and (boundary > time(12) or boundary.tzinfo is not None):
        raise _Refused
    starts, ends = head.starts, head.ends
    if starts and ends and (starts > ends or (ends - starts).days >= MAX_DAYS):
        raise _Refused
    festival_id = head.id

    venues: dict[str, Venue] = {}
    for raw in doc.venues:
        if raw.id in venues or not raw.name.strip():
            raise _Refused
        venues[raw.id] = Venue(
            festival_id, raw.id, raw.name, raw.address, raw.city, raw.notes, raw.url, raw.guid
        )

    sessions = _sessions(doc.sessions, festival_id, zone, venues, starts, ends, head)
    colours = _track_colours(doc.tracks)
    return Festival(
        id=festival_id,
        name=head.name,
        city=head.city,
        country=head.country,
        timezone=zone,
        source_file=path,
        starts=starts,
        ends=ends,
        url=head.url,
        organisers=tuple(head.organisers),
        description=head.description,
        sources=tuple(head.sources),
        venues=tuple(venues.values()),
        sessions=sessions,
        day_starts=boundary,
        held_by=head.held_by,
        track_colours=colours,
    )


def _sessions(
    rows: list[_Session],
    festival_id: str,
    zone: ZoneInfo,
    venues: dict[str, Venue],
    starts: date | None,
    ends: date | None,
    head: _Head,
) -> tuple[Session, ...]:
    boundary = head.day_starts or DEFAULT_DAY_STARTS
    fest_held_by = head.held_by
    seen: set[str] = set()
    resolved: dict[tuple[date, time, time | None], tuple[date, time, time | None]] = {}
    # The people of a show's performances are the same: made once, and shared (frozen).
    casts: dict[tuple[_Person, ...], tuple[Person, ...]] = {(): ()}
    kinds = _KINDS
    made = []
    for raw in rows:
        kind = kinds.get(raw.kind)
        day, start, end = raw.date, raw.start, raw.end
        if (
            kind is None
            or raw.id in seen
            or not raw.title.strip()
            or (end is not None and start is None)
            or not _year_ok(day)
            or not _year_ok(raw.held_by)
        ):
            raise _Refused
        seen.add(raw.id)
        venue = None
        if raw.venue is not None:
            venue = venues.get(raw.venue)
            if venue is None:
                raise _Refused
        day_starts = boundary
        if day is not None:
            # Its festival day must be in the festival's dates (as `_session` says): the small
            # hours belong to the night before, except on the first date.
            night = start is not None and start < day_starts
            if night and starts is not None and day == starts:
                night, day_starts = False, time(0)
            festival_day = day - timedelta(days=1) if night else day
            if (starts is not None and festival_day < starts) or (
                ends is not None and festival_day > ends
            ):
                raise _Refused
            if start is not None:  # the nights the clocks change: a note is the checker's
                key = (day, start, end)
                found = resolved.get(key)
                if found is None:
                    new_day, start, end, notes = resolve_session(day, start, end, zone)
                    if notes:
                        raise _Refused
                    found = resolved[key] = (new_day, start, end)
                day, start, end = found
        cast = tuple(raw.people)
        people = casts.get(cast)
        if people is None:
            if not all(person.name.strip() for person in cast):
                raise _Refused
            people = casts[cast] = tuple(Person(p.name, p.role, p.affiliation) for p in cast)
        made.append(
            Session(
                festival_id=festival_id,
                id=raw.id,
                title=raw.title,
                kind=kind,
                timezone=zone,
                date=day,
                start=start,
                end=end,
                venue=venue,
                track=raw.track,
                people=people,
                countries=tuple(raw.countries),
                tags=tuple(raw.tags),
                description=raw.description,
                url=raw.url,
                subtitle=raw.subtitle,
                links=tuple(Link(link.url, link.title) for link in raw.links),
                guid=raw.guid,
                type=raw.type or None,
                day_starts=day_starts,
                held_by=raw.held_by or fest_held_by,
            )
        )
    return tuple(made)


def _track_colours(tracks: list[_Track]) -> tuple[tuple[str, str], ...]:
    found: dict[str, str] = {}
    for track in tracks:
        if not track.name.strip():
            raise _Refused
        colour = track.color
        if colour is None:
            continue
        if not COLOUR.fullmatch(colour) or track.name in found:
            raise _Refused  # a warning, which the detailed checker gives
        found[track.name] = colour.lower()
    return tuple(found.items())
