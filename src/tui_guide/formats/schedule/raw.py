"""A schedule as read from its file, before it becomes a festival.

schedule.xml and schedule.json hold the same things under different spellings; both readers
produce these records, and one builder (`build.py`) turns them into the model, so the rules
(ids, times, kinds, text) are written once. The iCalendar reader (`ical/`) produces them too:
an event with a `day` and neither `moment` nor `start` is on that date, its time unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from tui_guide.programme.model import Link


@dataclass(frozen=True)
class RawRoom:
    name: str
    guid: str | None = None
    line: int | None = None  # where the file names it, when it keeps lines


@dataclass(frozen=True)
class RawDay:
    date: date
    start: datetime | None = None  # when the day begins (it may be after midnight's date)
    end: datetime | None = None  # when it ends: 04:00 of the next date at a congress


@dataclass(frozen=True)
class RawEvent:
    where: str  # how messages name it: "event 12338"
    line: int | None
    day: RawDay | None
    room: str
    title: str
    guid: str | None = None
    id: str | None = None
    slug: str | None = None
    moment: datetime | None = None  # the full date and time, aware when the file gives one
    start: time | None = None  # the time alone, on `day`
    duration: timedelta | None = None
    subtitle: str = ""
    type: str = ""
    track: str = ""
    language: str = ""
    abstract: str = ""
    description: str = ""
    url: str = ""
    persons: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    tags: tuple[str, ...] = ()  # kept as the session's tags (iCalendar CATEGORIES)
    roles: tuple[str, ...] = ()  # each person's role, where the file gives one ("" if not)
    all_day: bool = False  # a date alone (iCalendar's DATE value): placed on `day`, untimed


@dataclass(frozen=True)
class RawSchedule:
    title: str
    acronym: str = ""
    zone_name: str = ""
    start: date | None = None
    end: date | None = None
    url: str = ""
    base_url: str = ""  # what relative links are resolved against (else `url`)
    city: str = ""
    day_change: time | None = None
    days: tuple[RawDay, ...] = ()
    rooms: tuple[RawRoom, ...] = ()
    events: tuple[RawEvent, ...] = ()
    description: str = ""  # the festival's (an iCalendar's X-WR-CALDESC)
    organisers: tuple[str, ...] = ()
    track_colours: tuple[tuple[str, str], ...] = ()  # (name, '#rrggbb'), checked by values
