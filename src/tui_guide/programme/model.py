"""The programme model: immutable records built once by the loader and read by everything.

Nothing here knows about Textual or any other user interface.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Protocol, TypeVar
from zoneinfo import ZoneInfo


class Kind(StrEnum):
    """What sort of session this is."""

    SCREENING = "screening"
    MASTERCLASS = "masterclass"
    WORKSHOP = "workshop"
    PANEL = "panel"
    ROUNDTABLE = "roundtable"
    TALK = "talk"
    CEREMONY = "ceremony"
    MEETING = "meeting"
    SIGNING = "signing"
    TOUR = "tour"
    OTHER = "other"


@dataclass(frozen=True)
class Person:
    """Someone named in a session: a speaker, moderator, leader or participant."""

    name: str
    role: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True)
class Link:
    """A web page about a session: slides, a video, a repository."""

    url: str
    title: str = ""


@dataclass(frozen=True)
class Venue:
    """A place where sessions happen, unique by id within its festival."""

    festival_id: str
    id: str
    name: str
    address: str | None = None
    city: str | None = None
    notes: str | None = None
    url: str | None = None
    guid: str | None = None  # the room's guid in an imported schedule

    @property
    def key(self) -> str:
        return f"{self.festival_id}/{self.id}"


_SortKey = tuple[date, bool, date, time, str, str]  # outside Session, whose `date` is a field

_Date = date  # for annotations inside Session, whose `date` field hides the type

DEFAULT_DAY_STARTS = time(5, 0)
"""Where one festival day ends and the next begins when the festival does not say: a session
starting before 05:00 belongs to the night before, as at a congress or a club night."""


def festival_day(moment: datetime, zone: ZoneInfo, day_starts: time) -> date:
    """The festival day `moment` falls in: its date in `zone`, or the day before when it is
    earlier than `day_starts` (the night of the day before)."""
    local = moment.astimezone(zone)
    if local.time().replace(tzinfo=None) < day_starts:
        return local.date() - timedelta(days=1)
    return local.date()


def day_bounds(day: date, zone: ZoneInfo, day_starts: time) -> tuple[datetime, datetime]:
    """When festival day `day` begins and ends: from `day_starts` on it to `day_starts` on the
    next date."""
    return (
        datetime.combine(day, day_starts, tzinfo=zone),
        datetime.combine(day + timedelta(days=1), day_starts, tzinfo=zone),
    )


@dataclass(frozen=True)
class Session:
    """One entry of a festival's programme.

    `date`, `start` and `venue` may each be unknown ("to be announced"). Times are local to
    the festival's time zone; an `end` earlier than `start` runs past midnight. `date` is the
    true calendar date; `day` is the festival day the session belongs to, the day before for
    a start before `day_starts` (its festival's boundary). `held_by` is a date by which a
    report says the session had taken place, for sessions the reports give no date.
    """

    festival_id: str
    id: str
    title: str
    kind: Kind
    timezone: ZoneInfo
    date: date | None = None
    start: time | None = None
    end: time | None = None
    venue: Venue | None = None
    track: str | None = None
    people: tuple[Person, ...] = ()
    countries: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    description: str = ""
    url: str | None = None
    subtitle: str = ""
    links: tuple[Link, ...] = ()
    guid: str | None = None  # the event's guid in an imported schedule
    # The sort of session in the source's own words ("DJ Set", "Lightning Talk"), finer than
    # `kind`: an imported schedule's event type, kept whatever kind it became.
    type: str | None = None
    day_starts: time = DEFAULT_DAY_STARTS
    held_by: _Date | None = None

    @property
    def day(self) -> _Date | None:
        """The festival day: `date`, or the day before for a start in the small hours."""
        if self.date is None:
            return None
        if self.start is not None and self.start < self.day_starts:
            return self.date - timedelta(days=1)
        return self.date

    @property
    def key(self) -> str:
        """The stable identity used by favourites: `festival-id/session-id`."""
        return f"{self.festival_id}/{self.id}"

    @property
    def starts_at(self) -> datetime | None:
        """The aware start in the festival's zone, or None when date or time is TBA."""
        if self.date is None or self.start is None:
            return None
        return datetime.combine(self.date, self.start, tzinfo=self.timezone)

    @property
    def ends_at(self) -> datetime | None:
        """The aware end, rolled to the next day when `end` is earlier than `start`."""
        if self.date is None or self.start is None or self.end is None:
            return None
        end_day = self.date + timedelta(days=1) if self.end < self.start else self.date
        return datetime.combine(end_day, self.end, tzinfo=self.timezone)

    def sort_key(self) -> _SortKey:
        """Festival day, then timed before time-TBA; timed ones by their true date and start
        (a night's sessions after its evening), then title; untimed ones tie, so a stable sort
        keeps them in the order of the file (the signing after the meeting it ends)."""
        day = self.day or date.max
        if self.start is None:
            return (day, True, date.max, time.min, "", "")
        return (day, False, self.date or date.max, self.start, self.title.casefold(), self.id)

    def is_on_at(self, moment: datetime) -> bool:
        """True when `moment` falls between start and end (a session with no end is a point)."""
        starts = self.starts_at
        if starts is None:
            return False
        ends = self.ends_at or starts
        return starts <= moment < ends or (ends == starts and moment == starts)

    def is_past(self, moment: datetime) -> bool:
        """True when the session is over at `moment`: its end has passed or, when its end
        (or time) is to be announced, its whole festival day (the night included) has; or a
        report of a date before `moment` says it had taken place."""
        if self.held_by is not None and moment.astimezone(self.timezone).date() > self.held_by:
            return True
        day = self.day
        if day is None:
            return False
        ends = self.ends_at
        if ends is None:
            return moment >= day_bounds(day, self.timezone, self.day_starts)[1]
        return ends <= moment

    def overlaps(self, other: Session) -> bool:
        """True when both sessions are placed in time and their spans intersect."""
        a, b = self.starts_at, other.starts_at
        if a is None or b is None:
            return False
        a_end = self.ends_at or a
        b_end = other.ends_at or b
        if a_end == a or b_end == b:
            # A session without an end overlaps what is on at its start.
            return (a <= b <= a_end) or (b <= a <= b_end)
        return a < b_end and b < a_end


class DaySource(Protocol):
    """Where a festival's sessions come from a day at a time (a loader's, such as the cache's):
    which festival days have sessions and how many, known up front; each day's sessions made
    when first asked for. Every answer is the same each time it is asked."""

    @property
    def counts(self) -> Mapping[date | None, int]:
        """How many sessions each festival day has (None: the date-TBA ones), days in order."""
        ...

    def on(self, day: date | None) -> tuple[Session, ...]:
        """The sessions of `day` in time order (`Festival.sessions_on`'s order)."""
        ...

    def in_order(self, days: Mapping[date | None, tuple[Session, ...]]) -> tuple[Session, ...]:
        """Every session in the order of the file, from every day's sessions."""
        ...

    def reported(self, day: date | None) -> date | None:
        """`reported(sessions_on(day))`, known without making the day's sessions."""
        ...


def reported(sessions: Iterable[Session]) -> date | None:
    """The latest `held_by` of `sessions` when every one has one (a report says each had
    taken place by then); None when one has none, or for no sessions. What a day's label
    needs to say whether the day is all over (`Festival.reported_over`)."""
    latest: date | None = None
    for session in sessions:
        if session.held_by is None:
            return None
        if latest is None or session.held_by > latest:
            latest = session.held_by
    return latest


class SessionDays:
    """A festival's sessions, a festival day at a time: from a tuple (what a reader builds),
    or from a `DaySource`, when no session need be made before it is shown.

    Immutable to its readers: a day is the same tuple every time it is asked for, and equal
    `SessionDays` hold equal sessions in the same order. Safe to read from several threads:
    a day asked for by two at once may be made twice, and one of the two is kept."""

    def __init__(self, sessions: tuple[Session, ...] = (), source: DaySource | None = None):
        self._source = source
        self._all: tuple[Session, ...] | None = None if source is not None else sessions
        self._counts: Mapping[date | None, int] | None = None
        self._days: dict[date | None, tuple[Session, ...]] = {}
        self._lock = threading.Lock()

    @property
    def counts(self) -> Mapping[date | None, int]:
        """How many sessions each festival day has, None for the date-TBA ones."""
        if self._counts is None:
            if self._source is not None:
                self._counts = self._source.counts
            else:
                members = self._members
                self._counts = {day: len(found) for day, found in members.items()}
        return self._counts

    @cached_property
    def _members(self) -> dict[date | None, list[Session]]:
        """Each festival day's sessions in the order of the file (of a tuple's sessions)."""
        members: dict[date | None, list[Session]] = {}
        for session in self.sessions:
            members.setdefault(session.day, []).append(session)
        return members

    def __len__(self) -> int:
        return sum(self.counts.values())

    def has(self, day: date | None) -> bool:
        return day in self.counts

    def reported(self, day: date | None) -> date | None:
        """`reported(self.on(day))`: from the source without making the day, when the
        sessions come from one and the day is not made yet."""
        found = self._days.get(day)
        if found is not None:
            return reported(found)
        if self._source is not None:
            return self._source.reported(day) if day in self.counts else None
        return reported(self._members.get(day, ()))

    def on(self, day: date | None) -> tuple[Session, ...]:
        """The sessions of one festival day in time order, its night last (each day sorted
        or made when first asked for: a first screen shows one)."""
        found = self._days.get(day)
        if found is None:
            if day not in self.counts:
                found = ()
            elif self._source is not None:
                found = self._source.on(day)
            else:
                found = tuple(sorted(self._members.get(day, ()), key=Session.sort_key))
            found = self._days.setdefault(day, found)
        return found

    @property
    def made(self) -> bool:
        """True when every session is made already (always, from a tuple)."""
        return self._all is not None

    @property
    def sessions(self) -> tuple[Session, ...]:
        """Every session, in the order of the file (made from every day when they come from
        a source)."""
        found = self._all
        if found is None:
            assert self._source is not None  # only a source leaves the tuple to be made
            with self._lock:  # one thread makes the whole programme; the others wait for it
                found = self._all
                if found is None:
                    days = {day: self.on(day) for day in self.counts}
                    found = self._all = self._source.in_order(days)
        return found

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SessionDays):
            return NotImplemented
        return self is other or self.sessions == other.sessions

    def __hash__(self) -> int:
        return hash(tuple(self.counts.items()))  # equal sessions have equal days

    def __repr__(self) -> str:
        return f"SessionDays({len(self)} sessions on {len(self.counts)} days)"


@dataclass(frozen=True, init=False)
class Festival:
    """A festival (or meeting) with its venues and sessions, as loaded from one file.

    Its sessions are held a festival day at a time (`by_day`): given as a tuple (`sessions=`,
    what every reader does), or by a loader's `DaySource`, so that a festival exists before
    any session is made. `sessions` is then the whole programme, made on demand; `days`,
    `sessions_on` and `session_count` need only the days asked for."""

    id: str
    name: str
    city: str
    country: str
    timezone: ZoneInfo
    source_file: Path
    starts: date | None = None
    ends: date | None = None
    url: str | None = None
    organisers: tuple[str, ...] = ()
    description: str = ""
    sources: tuple[str, ...] = ()
    venues: tuple[Venue, ...] = ()
    by_day: SessionDays = field(default_factory=SessionDays)
    # When a festival day begins, as the file gives it (None: `DEFAULT_DAY_STARTS`). Each
    # session carries the boundary in effect, so it knows its own festival day.
    day_starts: time | None = None
    held_by: date | None = None  # a report of this date says the festival had taken place
    # Each track's colour as a schedule file gives it ('#0084b0'), by track name.
    track_colours: tuple[tuple[str, str], ...] = ()

    def __init__(
        self,
        id: str,
        name: str,
        city: str,
        country: str,
        timezone: ZoneInfo,
        source_file: Path,
        starts: date | None = None,
        ends: date | None = None,
        url: str | None = None,
        organisers: tuple[str, ...] = (),
        description: str = "",
        sources: tuple[str, ...] = (),
        venues: tuple[Venue, ...] = (),
        sessions: tuple[Session, ...] | None = None,
        day_starts: time | None = None,
        held_by: date | None = None,
        track_colours: tuple[tuple[str, str], ...] = (),
        *,
        by_day: SessionDays | None = None,
    ) -> None:
        """`sessions` as a tuple, or `by_day` from a loader; `sessions` wins when both are
        given (as `dataclasses.replace(festival, sessions=…)` gives both)."""
        if sessions is not None or by_day is None:
            by_day = SessionDays(sessions or ())
        given = {
            "id": id,
            "name": name,
            "city": city,
            "country": country,
            "timezone": timezone,
            "source_file": source_file,
            "starts": starts,
            "ends": ends,
            "url": url,
            "organisers": organisers,
            "description": description,
            "sources": sources,
            "venues": venues,
            "by_day": by_day,
            "day_starts": day_starts,
            "held_by": held_by,
            "track_colours": track_colours,
        }
        for name_, value in given.items():
            object.__setattr__(self, name_, value)

    @property
    def sessions(self) -> tuple[Session, ...]:
        """Every session of the festival, in the order of its file."""
        return self.by_day.sessions

    @property
    def session_count(self) -> int:
        """`len(self.sessions)`, without making every session."""
        return len(self.by_day)

    @property
    def place(self) -> str:
        """ "City, Country" with what is known of them; empty when neither is."""
        return ", ".join(filter(None, (self.city, self.country)))

    @property
    def boundary(self) -> time:
        """When a festival day begins: the file's `day_starts`, else the default."""
        return self.day_starts or DEFAULT_DAY_STARTS

    def day_of(self, moment: datetime) -> date:
        """The festival day that `moment` falls in (the small hours are the night before)."""
        return festival_day(moment, self.timezone, self.boundary)

    def day_number(self, day: date) -> int | None:
        """Day 1, 2, … counted from the festival's first day, when its own dates are known
        (counted from its first session's day instead, the numbers would claim too much)."""
        if self.starts is None:
            return None
        return (day - self.starts).days + 1

    @cached_property
    def days(self) -> tuple[date, ...]:
        """Every day from `starts` to `ends` when both are known, plus any dated session's
        festival day."""
        found = {day for day in self.by_day.counts if day is not None}
        if self.starts is not None and self.ends is not None:
            day = self.starts
            while day <= self.ends:
                found.add(day)
                day += timedelta(days=1)
        return tuple(sorted(found))

    def sessions_on(self, day: date | None) -> tuple[Session, ...]:
        """The sessions of one festival day in time order, its night last; `None` gives the
        date-TBA sessions."""
        return self.by_day.on(day)

    def has_sessions_on(self, day: date | None) -> bool:
        """True when some session falls on this festival day (None: has no date)."""
        return self.by_day.has(day)

    def reported_over(self, day: date | None, moment: datetime) -> bool:
        """True when a report says every session of `day` (None: the date-TBA ones) had
        taken place before `moment` (each one's `held_by` is before it: `Session.is_past`),
        and the day has sessions; known without making the day's sessions."""
        held_by = self.by_day.reported(day)
        return held_by is not None and moment.astimezone(self.timezone).date() > held_by

    def sessions_at(self, venue: Venue | None) -> tuple[Session, ...]:
        """The sessions at one venue in time order; `None` gives the venue-TBA sessions."""
        return self._by_venue.get(venue, ())

    # Grouped once on first use and kept (the record stays frozen and equal): screens ask for
    # every venue, and a scan of all sessions each time cost seconds for 300 venues.
    @cached_property
    def _by_venue(self) -> dict[Venue | None, tuple[Session, ...]]:
        return _grouped(self.sessions, lambda session: session.venue)

    @cached_property
    def _venue_by_id(self) -> dict[str, Venue]:
        return _first_by_id(self.venues)

    @cached_property
    def _session_by_id(self) -> dict[str, Session]:
        # Built once on first use: My programme asks once per favourite.
        return _first_by_id(self.sessions)

    def venue(self, venue_id: str) -> Venue | None:
        return self._venue_by_id.get(venue_id)

    def session(self, session_id: str) -> Session | None:
        return self._session_by_id.get(session_id)


_Key = TypeVar("_Key", bound=Hashable)
_Record = TypeVar("_Record", Venue, Session)


def _grouped(
    sessions: tuple[Session, ...], by: Callable[[Session], _Key]
) -> dict[_Key, tuple[Session, ...]]:
    """The sessions in time order, grouped by what `by` says of each."""
    lists: dict[_Key, list[Session]] = {}
    for session in sorted(sessions, key=Session.sort_key):
        lists.setdefault(by(session), []).append(session)
    return {key: tuple(found) for key, found in lists.items()}


def _first_by_id(records: tuple[_Record, ...]) -> dict[str, _Record]:
    """Each record by its id; the first of any repeated id (the loaders allow none)."""
    found: dict[str, _Record] = {}
    for record in records:
        found.setdefault(record.id, record)
    return found


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a warning) in an input file."""

    file: Path
    message: str
    line: int | None = None
    column: int | None = None
    severity: str = "error"

    def __str__(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        return f"{where}: {prefix}{self.message}"


@dataclass(frozen=True)
class Programme:
    """Everything loaded: the valid festivals, and the problems found on the way."""

    festivals: tuple[Festival, ...] = ()
    problems: tuple[Problem, ...] = ()
    skipped: tuple[Path, ...] = field(default=())

    @cached_property
    def sessions(self) -> tuple[Session, ...]:
        return tuple(s for f in self.festivals for s in f.sessions)

    @cached_property
    def venues(self) -> tuple[Venue, ...]:
        return tuple(v for f in self.festivals for v in f.venues)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @cached_property
    def _festival_by_id(self) -> dict[str, Festival]:
        found: dict[str, Festival] = {}
        for festival in self.festivals:
            found.setdefault(festival.id, festival)
        return found

    def festival(self, festival_id: str) -> Festival | None:
        return self._festival_by_id.get(festival_id)

    def session(self, key: str) -> Session | None:
        """Find a session by its `festival-id/session-id` key."""
        festival_id, _, session_id = key.partition("/")
        festival = self.festival(festival_id)
        return festival.session(session_id) if festival else None
