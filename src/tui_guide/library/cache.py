"""A compiled cache of loaded programme files, stored by festival day, so that a warm start
never parses TOML and makes only the sessions its first screen shows.

What one file loaded to — its festival (or None) and its problems — is kept in the user cache
folder, one cache file per programme file and --timezone, keyed on the programme file's
resolved path and the zone. A cache file is a header (one line of JSON) and a payload in
MessagePack, read and type-checked by msgspec:

- the header, checked before anything is decoded: the cache format, the loading code's files,
  the shape of the model (every field of every record, so a field added to `Session` makes
  old caches stale by itself), the programme file's path, size, modification and change
  times, inode and blake2b hash, and the --timezone the load was given;
- the head: the festival without its sessions (its venues too), the problems, and the
  festival's days, each with its number of sessions and where its segment lies;
- a segment per festival day (the date-TBA sessions are one too), each already in time order
  and each with its own CRC, decoded when that day is first asked for; the head's row of a
  day also says what its tab's label needs (`model.reported`), checked when it is decoded;
- a segment of the texts the festival's sessions share across days (titles, descriptions,
  people, tags), with its own CRC, decoded once with the first day: day rows refer to it by
  index, never negative (msgspec checks it) and looked up there (one past its end is a
  damaged cache).

The cheap checks (size, times, inode) are made before anything is shown; the content hash
either at once (`cached_load`'s default, for every command) or later (`later=`, the guide
after its first paint; see `Deferred`). Anything stale, truncated, corrupt or foreign means
the file is loaded from source and the cache rebuilt: a cache is never trusted and never a
crash. A day segment found bad after the head was read (its CRC, its types, a rule) is not
used either: from then on that festival's sessions come from parsing the file again.

No pickle: nothing read from disk can run code. msgspec checks every value's type as it
decodes (a C extension, and no slower than `json.loads` without any checks); what a type
cannot say (a date's range, a naive time, a session's day) is checked here.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import os
import stat as stat_module
import struct
import sys
import threading
import zlib
from collections.abc import Callable, Iterator, Mapping
from datetime import date, time
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import msgspec

from tui_guide.programme.model import (
    Festival,
    Kind,
    Link,
    Person,
    Problem,
    Session,
    SessionDays,
    Venue,
    reported,
)
from tui_guide.programme.rules import FIRST_YEAR, LAST_YEAR, MAX_DAYS
from tui_guide.reading import MAX_PROGRAMME_BYTES, is_regular

try:  # hashlib's own blake2b, without hashlib's OpenSSL, which costs every start milliseconds
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

CACHE_ENV = "TUI_GUIDE_CACHE"
"""A folder to keep the cache in instead of the user cache folder; "off" for no cache."""

FORMAT = 5
MAGIC = "tui-guide programme cache"
SUFFIX = ".cache"

Loaded = tuple[Festival | None, list[Problem]]


class CacheError(Exception):
    """A cache file that cannot be used; it is ignored and rebuilt."""


def cache_dir() -> Path | None:
    """Where cache files go: `$TUI_GUIDE_CACHE`, else the user cache folder; None when off."""
    chosen = os.environ.get(CACHE_ENV, "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_path  # imported only when there is a cache to find

    return user_cache_path("tui-guide", appauthor=False) / "programmes"


# --- The rows: each record of the model as a typed tuple --------------------------------

_Text = str | None
_VenueRow = tuple[str, str, str, _Text, _Text, _Text, _Text, _Text]
_PersonRow = tuple[str, _Text, _Text]
_LinkRow = tuple[str, str]
_ProblemRow = tuple[str, str, int | None, int | None, str]
_FestivalRow = tuple[
    str,  # id
    str,  # name
    str,  # city
    str,  # country
    str,  # timezone
    str,  # source_file
    date | None,  # starts
    date | None,  # ends
    _Text,  # url
    tuple[str, ...],  # organisers
    str,  # description
    tuple[str, ...],  # sources
    tuple[_VenueRow, ...],  # venues
    time | None,  # day_starts
    date | None,  # held_by
    tuple[tuple[str, str], ...],  # track_colours
]
# An index into the festival's table of shared texts (`_Shared`): never negative (msgspec
# checks it as it decodes), and looked up there, so one past its end is a damaged cache.
_At = Annotated[int, msgspec.Meta(ge=0)]
_SessionRow = tuple[
    int,  # its place in the file
    str,  # id
    _At,  # title
    Kind,
    date | None,
    time | None,  # start
    time | None,  # end
    int | None,  # venue: its index in the festival's venues
    _At | None,  # track
    _At,  # people: a group of the table's people
    _At,  # countries: a group of the table's texts
    _At,  # tags: a group of the table's texts
    _At,  # description
    _At | None,  # url
    _At,  # subtitle
    tuple[_LinkRow, ...],
    _Text,  # guid
    _At | None,  # type
    time,  # day_starts
    date | None,  # held_by
]
# The texts a festival's sessions share across its days (a show's title, description,
# people, tags), stored once in a segment of their own and decoded with the first day: the
# texts, the people (name, role, affiliation as texts), groups of texts (a session's tags or
# countries) and groups of people (a session's people), each by its index in the table.
_SharedPerson = tuple[_At, _At | None, _At | None]
_Shared = tuple[
    tuple[str, ...],
    tuple[_SharedPerson, ...],
    tuple[tuple[_At, ...], ...],
    tuple[tuple[_At, ...], ...],
]
_SegmentRow = tuple[int, int, int]  # offset, length and CRC
# A day's segment: its day, sessions, offset, length, CRC, the venues its sessions need (one
# more than the highest index), checked against the head's before any day is decoded, and
# what its tab's label needs (`model.reported` of its sessions, checked when it is decoded).
_DayRow = tuple[date | None, int, int, int, int, int, date | None]
_Head = tuple[
    _FestivalRow | None,
    tuple[_VenueRow, ...],  # venues of sessions missing from the festival's (none is, today)
    tuple[_ProblemRow, ...],
    tuple[_DayRow, ...],
    _SegmentRow | None,  # the shared texts' segment (None: no festival)
]

# What a row holds of each record, field by field: a field added to the model and not here
# stops the cache (`schema()` refuses), rather than being dropped from what it gives back.
_FIELDS: dict[type, tuple[str, ...]] = {
    Venue: ("festival_id", "id", "name", "address", "city", "notes", "url", "guid"),
    Person: ("name", "role", "affiliation"),
    Link: ("url", "title"),
    Problem: ("file", "message", "line", "column", "severity"),
    Festival: (
        "id",
        "name",
        "city",
        "country",
        "timezone",
        "source_file",
        "starts",
        "ends",
        "url",
        "organisers",
        "description",
        "sources",
        "venues",
        "by_day",
        "day_starts",
        "held_by",
        "track_colours",
    ),
    Session: (  # the festival's id and zone are the festival's own
        "festival_id",
        "id",
        "title",
        "kind",
        "timezone",
        "date",
        "start",
        "end",
        "venue",
        "track",
        "people",
        "countries",
        "tags",
        "description",
        "url",
        "subtitle",
        "links",
        "guid",
        "type",
        "day_starts",
        "held_by",
    ),
}
_ROWS = (
    _VenueRow,
    _PersonRow,
    _LinkRow,
    _ProblemRow,
    _FestivalRow,
    _SessionRow,
    _Shared,
    _Head,
)


class _Schema:
    """The codec's decoders, built once; `fingerprint` names the model's shape and the rows'."""

    def __init__(self) -> None:
        for cls, names in _FIELDS.items():
            found = tuple(f.name for f in dataclasses.fields(cls))
            if found != names:
                raise TypeError(f"the cache does not know the fields of {cls.__qualname__}")
        self.order = list(_FIELDS)
        shape = [f"{cls.__qualname__}: {names}" for cls, names in _FIELDS.items()]
        shape += [repr(row) for row in _ROWS]
        self.fingerprint = blake2b("\n".join(shape).encode(), digest_size=16).hexdigest()
        self.head = msgspec.msgpack.Decoder(_Head)
        self.day = msgspec.msgpack.Decoder(tuple[_SessionRow, ...])
        self.shared = msgspec.msgpack.Decoder(_Shared)
        self.encoder = msgspec.msgpack.Encoder()


_schema: _Schema | None = None


def schema() -> _Schema:
    global _schema
    if _schema is None:
        _schema = _Schema()
    return _schema


# --- Encoding ----------------------------------------------------------------------------

_PREFIX = struct.Struct(">II")  # the head's length and CRC, at the start of the payload


def _venue_row(venue: Venue) -> _VenueRow:
    return (
        venue.festival_id,
        venue.id,
        venue.name,
        venue.address,
        venue.city,
        venue.notes,
        venue.url,
        venue.guid,
    )


class _Ids(dict[Any, int]):
    """Each key's index, given in the order the keys are first asked for (a dict lookup,
    in C, for every key seen before); `made(key)` gives what the row of a new key holds."""

    def __init__(self, made: Callable[[Any], Any] = lambda key: key) -> None:
        super().__init__()
        self._made = made
        self.rows: list[Any] = []

    def __missing__(self, key: Any) -> int:
        row = self._made(key)
        found = self[key] = len(self.rows)
        self.rows.append(row)
        return found


class _Table:
    """The shared texts of a festival being encoded, each given its index once."""

    def __init__(self) -> None:
        self.texts = texts = _Ids()

        def person(person: Person) -> _SharedPerson:
            return (texts[person.name], self.maybe(person.role), self.maybe(person.affiliation))

        self.people = people = _Ids(person)
        self.text_groups = _Ids(lambda group: tuple(texts[text] for text in group))
        self.people_groups = _Ids(lambda group: tuple(people[person] for person in group))

    def maybe(self, text: str | None) -> int | None:
        return None if text is None else self.texts[text]

    def row(self) -> _Shared:
        return (
            tuple(self.texts.rows),
            tuple(self.people.rows),
            tuple(self.text_groups.rows),
            tuple(self.people_groups.rows),
        )


def _session_row(
    position: int, session: Session, venues: dict[Venue, int], table: _Table
) -> _SessionRow:
    texts, maybe, text_groups = table.texts, table.maybe, table.text_groups
    return (
        position,
        session.id,
        texts[session.title],
        session.kind,
        session.date,
        session.start,
        session.end,
        None if session.venue is None else venues[session.venue],
        maybe(session.track),
        table.people_groups[session.people],
        text_groups[session.countries],
        text_groups[session.tags],
        texts[session.description],
        maybe(session.url),
        texts[session.subtitle],
        tuple((link.url, link.title) for link in session.links),
        session.guid,
        maybe(session.type),
        session.day_starts,
        session.held_by,
    )


def encode(loaded: Loaded, path: Path) -> bytes:
    """The payload of a cache file for what `path` loaded to: the head, the shared texts,
    then each day."""
    codec = schema()
    festival, problems = loaded
    problem_rows = tuple((str(p.file), p.message, p.line, p.column, p.severity) for p in problems)
    days: list[_DayRow] = []
    segments: list[bytes] = []
    festival_row: _FestivalRow | None = None
    shared_row: _SegmentRow | None = None
    venues: dict[Venue, int] = {}
    if festival is not None:
        for venue in festival.venues:
            venues.setdefault(venue, len(venues))
        extra = [s.venue for s in festival.sessions if s.venue is not None]
        for venue in extra:  # a session's venue missing from the list (no reader makes one)
            venues.setdefault(venue, len(venues))
        position = {id(s): i for i, s in enumerate(festival.sessions)}
        table = _Table()
        offset = 0
        for day in festival.by_day.counts:
            rows = tuple(
                _session_row(position[id(s)], s, venues, table) for s in festival.sessions_on(day)
            )
            segment = codec.encoder.encode(rows)
            needed = max((r[7] + 1 for r in rows if r[7] is not None), default=0)
            summary = festival.by_day.reported(day)
            days.append(
                (day, len(rows), offset, len(segment), zlib.crc32(segment), needed, summary)
            )
            segments.append(segment)
            offset += len(segment)
        shared = codec.encoder.encode(table.row())
        shared_row = (offset, len(shared), zlib.crc32(shared))
        segments.append(shared)
        festival_row = (
            festival.id,
            festival.name,
            festival.city,
            festival.country,
            festival.timezone.key,
            str(festival.source_file),
            festival.starts,
            festival.ends,
            festival.url,
            festival.organisers,
            festival.description,
            festival.sources,
            tuple(_venue_row(v) for v in festival.venues),
            festival.day_starts,
            festival.held_by,
            festival.track_colours,
        )
    extra_rows = (
        tuple(_venue_row(v) for v in list(venues)[len(festival.venues) :]) if festival else ()
    )
    head = codec.encoder.encode((festival_row, extra_rows, problem_rows, tuple(days), shared_row))
    return b"".join([_PREFIX.pack(len(head), zlib.crc32(head)), head, *segments])


# --- Decoding ----------------------------------------------------------------------------


def _in_range(day: date | None) -> bool:
    return day is None or FIRST_YEAR <= day.year <= LAST_YEAR


def _naive(moment: time | None) -> bool:
    return moment is None or moment.tzinfo is None


class _Segments:
    """Where a payload's bytes are read from: a buffer, or a cache file kept open by its
    descriptor (so that a cache file replaced meanwhile is not read half old, half new)."""

    def __init__(self, data: bytes | None = None, descriptor: int | None = None, base: int = 0):
        self._data, self._descriptor, self._base = data, descriptor, base
        self._lock = threading.Lock()

    def skip(self, length: int) -> None:
        """Count offsets from `length` bytes further on (past the head)."""
        self._base += length

    def read(self, offset: int, length: int) -> bytes:
        offset += self._base
        if self._data is not None:
            found = self._data[offset : offset + length]
        else:
            with self._lock:
                if self._descriptor is None:
                    raise CacheError("the cache file is closed")
                try:
                    found = os.pread(self._descriptor, length, offset)
                except OSError as error:
                    raise CacheError(f"cannot read the cache: {error}") from None
        if len(found) != length:
            raise CacheError("a truncated cache file")
        return found

    def close(self) -> None:
        with self._lock:
            self._data = None
            if self._descriptor is not None:
                os.close(self._descriptor)
                self._descriptor = None

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.close()


class _Texts:
    """A festival's shared texts as its sessions hold them: each text, person and group of
    them one object, shared by every session that has it (on any day). A group or a person
    is made when a day first asks for it (the busiest day uses a fraction of the festival's),
    and kept. An index past the end of what it refers to raises IndexError (a damaged
    cache). Safe across threads: two making one group at once make equal tuples."""

    def __init__(
        self,
        texts: tuple[str, ...],
        people: tuple[_SharedPerson, ...],
        text_groups: tuple[tuple[int, ...], ...],
        people_groups: tuple[tuple[int, ...], ...],
    ) -> None:
        self.texts = texts
        self._people = people
        self._text_groups = text_groups
        self._people_groups = people_groups
        self._persons: dict[int, Person] = {}
        self._made_texts: dict[int, tuple[str, ...]] = {}
        self._made_people: dict[int, tuple[Person, ...]] = {}

    def text_group(self, at: int) -> tuple[str, ...]:
        group = self._made_texts.get(at)
        if group is None:
            texts = self.texts
            group = self._made_texts[at] = tuple(texts[i] for i in self._text_groups[at])
        return group

    def people_group(self, at: int) -> tuple[Person, ...]:
        group = self._made_people.get(at)
        if group is None:
            made, person = self._persons.get, self._person
            # A loop, not a generator: a big day makes 3,000 groups, most of them new.
            group = self._made_people[at] = tuple(
                [made(i) or person(i) for i in self._people_groups[at]]
            )
        return group

    def _person(self, at: int) -> Person:
        person = self._persons.get(at)
        if person is None:
            texts = self.texts
            name, role, affiliation = self._people[at]
            # As the sessions are made: the fields set at once, without the frozen
            # dataclass's __init__ (one object.__setattr__ a field; 4,000 people a big day).
            person = self._persons[at] = object.__new__(Person)
            person.__dict__.update(
                name=texts[name],
                role=None if role is None else texts[role],
                affiliation=None if affiliation is None else texts[affiliation],
            )
        return person


class _CachedDays:
    """A festival's sessions from its cache file's day segments (a `DaySource`): each day
    decoded and checked when first asked for. A bad segment means the festival's file is
    parsed again, and every day not yet made comes from that parse."""

    def __init__(
        self,
        festival: tuple[str, ZoneInfo],
        venues: tuple[Venue, ...],
        days: tuple[_DayRow, ...],
        shared: _SegmentRow,
        segments: _Segments,
        reparse: Callable[[], Festival | None],
    ) -> None:
        self._festival_id, self._zone = festival
        self._shared_row = shared
        self._venues = venues
        self._index = {row[0]: row for row in days}
        self._total = sum(row[1] for row in days)
        self.counts: Mapping[date | None, int] = {row[0]: row[1] for row in days}
        self._segments = segments
        self._reparse = reparse
        self._parsed: Festival | None = None
        self._broken = False
        self._positions: dict[date | None, tuple[int, ...]] = {}
        self._shared: _Texts | None = None  # decoded with the first day
        self._lock = threading.Lock()
        self._shared_lock = threading.Lock()

    def reported(self, day: date | None) -> date | None:
        return self._index[day][6] if day in self._index else None

    def _from_source(self) -> Festival | None:
        with self._lock:
            if self._parsed is None:
                self._parsed = self._reparse()
            return self._parsed

    def stale(self) -> None:
        """Make every day not yet made from the file itself (its cache found stale)."""
        self._broken = True
        self._segments.close()

    def on(self, day: date | None) -> tuple[Session, ...]:
        if not self._broken:
            try:
                with paused_gc():
                    return self._decode(day)
            except (CacheError, msgspec.MsgspecError, ValueError, TypeError, IndexError):
                self.stale()  # an index past the end of the shared texts is an IndexError
        parsed = self._from_source()
        return () if parsed is None else parsed.sessions_on(day)

    def _texts(self) -> _Texts:
        """The festival's shared texts, decoded and checked once, by the first day."""
        with self._shared_lock:
            if self._shared is None:
                offset, length, crc = self._shared_row
                segment = self._segments.read(offset, length)
                if zlib.crc32(segment) != crc:
                    raise CacheError("the shared texts are damaged")
                self._shared = _Texts(*schema().shared.decode(segment))
            return self._shared

    def _decode(self, day: date | None) -> tuple[Session, ...]:
        found, count, offset, length, crc, _, summary = self._index[day]
        segment = self._segments.read(offset, length)
        if zlib.crc32(segment) != crc:
            raise CacheError("a day's segment is damaged")
        rows = schema().day.decode(segment)
        if len(rows) != count:
            raise CacheError("a day of the wrong length")
        festival_id, zone, venues = self._festival_id, self._zone, self._venues
        shared = self._texts()
        texts, text_group, people_group = shared.texts, shared.text_group, shared.people_group
        new = object.__new__
        total, venue_count = self._total, len(venues)
        sessions: list[Session] = []
        positions: list[int] = []
        for row in rows:
            (
                position,
                id_,
                title,
                kind,
                on,
                start,
                end,
                venue,
                track,
                named,
                countries,
                tags,
                description,
                url,
                subtitle,
                links,
                guid,
                type_,
                day_starts,
                held_by,
            ) = row
            if not (
                0 <= position < total
                and (on is None or FIRST_YEAR <= on.year <= LAST_YEAR)
                and (held_by is None or FIRST_YEAR <= held_by.year <= LAST_YEAR)
                and (start is None or start.tzinfo is None)
                and (end is None or end.tzinfo is None)
                and day_starts.tzinfo is None
                and (venue is None or 0 <= venue < venue_count)
            ):
                raise CacheError("a session breaking a rule")
            session: Session = new(Session)
            session.__dict__.update(
                {
                    "festival_id": festival_id,
                    "id": id_,
                    "title": texts[title],
                    "kind": kind,
                    "timezone": zone,
                    "date": on,
                    "start": start,
                    "end": end,
                    "venue": None if venue is None else venues[venue],
                    "track": None if track is None else texts[track],
                    "people": people_group(named),
                    "countries": text_group(countries),
                    "tags": text_group(tags),
                    "description": texts[description],
                    "url": None if url is None else texts[url],
                    "subtitle": texts[subtitle],
                    "links": tuple([Link(*link) for link in links]) if links else (),
                    "guid": guid,
                    "type": None if type_ is None else texts[type_],
                    "day_starts": day_starts,
                    "held_by": held_by,
                }
            )
            if session.day != found:
                raise CacheError("a session on another day")
            sessions.append(session)
            positions.append(position)
        if reported(sessions) != summary:
            raise CacheError("a day's summary that its sessions do not give")
        self._positions[day] = tuple(positions)
        return tuple(sessions)

    def in_order(self, days: Mapping[date | None, tuple[Session, ...]]) -> tuple[Session, ...]:
        if not self._broken:
            placed: list[Session | None] = [None] * self._total
            for day, sessions in days.items():
                positions = self._positions.get(day)
                if positions is None or len(positions) != len(sessions):
                    break  # a day made from the file itself
                for position, session in zip(positions, sessions, strict=True):
                    placed[position] = session
            else:
                if all(s is not None for s in placed):
                    self._segments.close()  # every day is made: the file is not read again
                    return tuple(s for s in placed if s is not None)
            self.stale()
        parsed = self._from_source()
        return () if parsed is None else parsed.sessions


def decode(payload: bytes, given: str, path: Path) -> Loaded:
    """What a payload holds (every day decoded when first asked for)."""
    return _decode_head(_Segments(payload), given, path, lambda: None)[0]


def _decode_head(
    segments: _Segments, given: str, path: Path, reparse: Callable[[], Festival | None]
) -> tuple[Loaded, _CachedDays | None]:
    with paused_gc():
        try:
            length, crc = _PREFIX.unpack(segments.read(0, _PREFIX.size))
            head = segments.read(_PREFIX.size, length)
            if zlib.crc32(head) != crc:
                raise CacheError("the head is damaged")
            festival_row, extra_rows, problem_rows, days, shared = schema().head.decode(head)
        except (msgspec.MsgspecError, struct.error) as error:
            raise CacheError(f"not a cache payload: {error}") from None

        def as_given(value: str) -> Path:
            # The file's own path comes back as it was given this time (relative or not).
            return path if value == given else Path(value)

        problems = [
            Problem(as_given(file), message, line, column, severity)
            for file, message, line, column, severity in problem_rows
        ]
        if festival_row is None or shared is None:
            if days or extra_rows or festival_row is not None or shared is not None:
                raise CacheError("days without a festival")
            segments.close()
            return (None, problems), None
        segments.skip(_PREFIX.size + length)
        if not days:
            segments.close()
        festival, source = _festival(
            festival_row, extra_rows, days, shared, segments, given, path, reparse
        )
        return (festival, problems), source


def _festival(
    row: _FestivalRow,
    extra_rows: tuple[_VenueRow, ...],
    days: tuple[_DayRow, ...],
    shared: _SegmentRow,
    segments: _Segments,
    given: str,
    path: Path,
    reparse: Callable[[], Festival | None],
) -> tuple[Festival, _CachedDays]:
    (
        id_,
        name,
        city,
        country,
        zone_name,
        source_file,
        starts,
        ends,
        url,
        organisers,
        description,
        sources,
        venue_rows,
        day_starts,
        held_by,
        track_colours,
    ) = row
    try:
        zone = ZoneInfo(zone_name)
    except Exception as error:  # the zone's loader raises several types
        raise CacheError(f"no such zone {zone_name!r}: {error}") from None
    if not (_in_range(starts) and _in_range(ends) and _in_range(held_by) and _naive(day_starts)):
        raise CacheError("a festival's date out of range")
    # The rules a reader keeps that a well-typed cache can still break: a festival of more
    # days than there are tabs, or ending before it starts, would hang the guide.
    if starts is not None and ends is not None and not 0 <= (ends - starts).days < MAX_DAYS:
        raise CacheError(f"a festival from {starts} to {ends}")
    if len(days) > MAX_DAYS + 1 or len({row[0] for row in days}) != len(days):
        raise CacheError("a festival of too many days")
    if any(not _in_range(row[0]) or min(row[1:6]) < 0 or not _in_range(row[6]) for row in days):
        raise CacheError("a day out of range")
    venues = tuple(Venue(*v) for v in venue_rows)
    every = venues + tuple(Venue(*v) for v in extra_rows)
    if any(row[5] > len(every) for row in days):
        raise CacheError("a day of sessions at venues the festival does not have")
    if min(shared) < 0:
        raise CacheError("shared texts out of range")
    source = _CachedDays((id_, zone), every, days, shared, segments, reparse)
    festival = Festival(
        id=id_,
        name=name,
        city=city,
        country=country,
        timezone=zone,
        source_file=path if source_file == given else Path(source_file),
        starts=starts,
        ends=ends,
        url=url,
        organisers=organisers,
        description=description,
        sources=sources,
        venues=venues,
        day_starts=day_starts,
        held_by=held_by,
        track_colours=track_colours,
        by_day=SessionDays(source=source),
    )
    return festival, source


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while building many objects that all stay alive: the
    collector would walk them again and again for nothing (it halves the time of a load)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# --- Cache files ----------------------------------------------------------------------


@functools.cache
def _code_fingerprint() -> str:
    """Names, sizes and modification times of the code that turns a file into a festival
    (the model, the readers of every format and this package): an upgrade or an edit of any
    of it makes every cache stale. Cheaper than asking importlib.metadata for the package
    version, which costs a fifth of the guide's start, and it also sees edits in a source
    tree. Worked out once a process (the code running does not change while it runs): a
    start reads a cache file per programme file, each asking for it."""
    # The interpreter too: a day is cached in the order its sort keys gave (`str.casefold`
    # among them), and the guide filters it without sorting it again.
    parts = [f"msgspec {msgspec.__version__}", f"python {sys.version}"]
    root = Path(__file__).parent.parent
    code = [root / "programme", root / "formats", root / "library"]
    for file in sorted(file for folder in code for file in folder.rglob("*.py")):
        try:
            stat = file.stat()
        except OSError:  # pragma: no cover - a file gone while listing
            continue
        parts.append(f"{file.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}")
    return blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def _entry(folder: Path, resolved: Path, timezone: str | None) -> Path:
    # A load with a --timezone has an entry of its own, beside the one without: switching
    # between the two rebuilds neither.
    key = str(resolved) if timezone is None else f"{resolved}\0{timezone}"
    name = blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16)
    return folder / f"{name.hexdigest()}{SUFFIX}"


def _header(resolved: Path, stat: os.stat_result, timezone: str | None) -> dict[str, Any]:
    """What a cache file's header must say to be read: the cheap checks of the file."""
    return {
        "magic": MAGIC,
        "format": FORMAT,
        "code": _code_fingerprint(),
        "schema": schema().fingerprint,
        "path": str(resolved),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "ctime_ns": stat.st_ctime_ns,  # no tool sets it back: an edit moves it on
        "inode": [stat.st_dev, stat.st_ino],
        "timezone": timezone,
    }


def _digest(resolved: Path) -> str | None:
    """The blake2b hash of a regular file, a block at a time (no copy in memory)."""
    digest = blake2b()
    try:
        descriptor = os.open(resolved, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as stream:
            if not stat_module.S_ISREG(os.fstat(stream.fileno()).st_mode):
                return None
            while block := stream.read(1 << 20):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


class Deferred(msgspec.Struct):
    """A cache file read on its cheap checks alone, its content hash still to be compared
    (`holds`, after the guide's first paint)."""

    path: Path
    resolved: Path
    entry: Path
    digest: str
    days: _CachedDays | None
    held: bool | None = None  # what `holds` found (None: not compared yet)

    def holds(self) -> bool:
        """True when the file's content is still what the cache was made from; otherwise
        the cache file is removed (the next start parses the file) and the days not yet
        shown come from the file itself."""
        self.held = _digest(self.resolved) == self.digest
        if self.held:
            return True
        with contextlib.suppress(OSError):
            self.entry.unlink()
        if self.days is not None:
            self.days.stale()
        return False


def _header_of(line: bytes) -> Any:
    """A cache file's header line, as `json.loads` reads it: by msgspec's JSON decoder
    (imported with msgspec already; the standard library's json costs the start a
    millisecond), and by json itself for what msgspec refuses (a path with a lone
    surrogate, written with "surrogatepass")."""
    try:
        return msgspec.json.decode(line)
    except msgspec.DecodeError:
        import json

        return json.loads(line)


def _open(entry: Path) -> tuple[dict[str, Any], _Segments] | None:
    """The header of a cache file and its payload's segments, or None."""
    try:
        # A cache entry is a regular file (a named pipe put in its place would wait forever).
        descriptor = os.open(entry, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        mode = os.fstat(descriptor)
        if not stat_module.S_ISREG(mode.st_mode) or mode.st_size > 2 * MAX_PROGRAMME_BYTES:
            raise CacheError("not a cache file")
        start = os.pread(descriptor, 1 << 16, 0)
        end = start.find(b"\n")  # a header, however long its path
        if end < 0:
            raise CacheError("no header")
        head = _header_of(start[:end])
        if not isinstance(head, dict):
            raise CacheError("no header")
    except (OSError, CacheError, ValueError, RecursionError):
        os.close(descriptor)
        return None
    return head, _Segments(None, descriptor, end + 1)


def _read(
    entry: Path, expected: dict[str, Any], path: Path, reparse: Callable[[], Festival | None]
) -> tuple[Loaded, _CachedDays | None, dict[str, Any]] | None:
    opened = _open(entry)
    if opened is None:
        return None
    head, segments = opened
    given = head.get("given")  # the path as it was given when the cache was written
    if {k: head.get(k) for k in expected} != expected or not isinstance(given, str):
        segments.close()
        return None
    try:
        loaded, source = _decode_head(segments, given, path, reparse)
        return loaded, source, head
    except (CacheError, RecursionError):
        segments.close()
        return None


def _write(entry: Path, header: dict[str, Any], loaded: Loaded, path: Path) -> None:
    try:
        payload = encode(loaded, path)
    except (TypeError, ValueError, KeyError, msgspec.MsgspecError):  # pragma: no cover
        return
    import json  # only a load from source writes a cache

    header = {**header, "given": str(path)}
    try:
        head = json.dumps(header, ensure_ascii=False).encode("utf-8", "surrogatepass")
    except UnicodeEncodeError:  # pragma: no cover - a path that cannot be written down
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        from tui_guide.atomic import write_atomically  # only a load from source writes

        write_atomically(entry, head + b"\n" + payload, durable=False)
    except OSError:
        pass  # a read-only or full cache folder only means no cache


def cached_load(
    path: Path,
    load: Callable[[Path], Loaded],
    folder: Path | None = None,
    *,
    timezone: str | None = None,
    write: bool = True,
    later: list[Deferred] | None = None,
) -> Loaded:
    """`load(path)`, or what it gave last time when the file has not changed since.

    `folder` is where the cache lives (default: `cache_dir()`); with no folder, or for a file
    that cannot be read, this is `load(path)`. `timezone` is the --timezone that `load` was
    given: part of the key, so a load with one is never served what was loaded without it,
    or with another. Without `write`, a file parsed is not cached. With `later`, a cache
    file is used on its cheap checks and a `Deferred` check of its hash is added to `later`;
    otherwise its hash is compared before it is used."""
    folder = folder if folder is not None else cache_dir()
    if folder is None:
        return load(path)
    try:
        resolved = path.resolve()
        # Not opened unless it is a regular file: a named pipe would wait for a writer.
        if not is_regular(resolved):
            return load(path)  # it reports the problem
        stat = resolved.stat()
        if stat.st_size > MAX_PROGRAMME_BYTES:
            return load(path)
    except (OSError, RuntimeError):
        return load(path)  # it reports the problem
    try:
        expected = _header(resolved, stat, timezone)
    except TypeError:  # a model field the cache does not know
        return load(path)
    entry = _entry(folder, resolved, timezone)

    def reparse() -> Festival | None:
        return load(path)[0]

    found = _read(entry, expected, path, reparse)
    if found is not None:
        loaded, source, head = found
        digest = head.get("hash")
        if isinstance(digest, str):
            check = Deferred(path, resolved, entry, digest, source)
            if later is not None:
                later.append(check)
                return loaded
            if check.holds():
                return loaded
    if not write:
        return load(path)
    digest = _digest(resolved)  # before the parse: a file changed meanwhile is stale at once
    loaded = load(path)
    if digest is not None:
        _write(entry, {**expected, "hash": digest}, loaded, path)
    return loaded
