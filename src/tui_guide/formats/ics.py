"""Sessions as an iCalendar file, for a phone or desktop calendar.

Each event carries the festival's own zone (TZID, with its VTIMEZONE), so 14:00 in Baku shows
as 14:00 Baku time, or 11:00 in Istanbul, wherever the calendar is. UIDs are built from the
session key, so a session exported twice replaces itself in a calendar instead of doubling.
A session without a date is left out (and named in `notes`); one without a time is all day.
With `remind` minutes, each timed event carries a VALARM that many minutes before it starts,
so a phone or desktop calendar rings with the guide closed (an all-day event rings nothing:
its start is not the session's).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from tui_guide.programme.model import Session

PRODID = "-//tui-guide//Festival programme//EN"


def _text(value: str) -> str:
    """Data-file text without control characters (iCalendar text may not hold them)."""
    return "".join(c for c in value if c in "\n\t" or unicodedata.category(c) != "Cc")


def uid(session: Session) -> str:
    """The same for a session in every export: `<festival-id>/<session-id>@tui-guide`."""
    return f"{session.key}@tui-guide"


@dataclass(frozen=True)
class Export:
    """The calendar file's bytes, how many events it holds, and what was left out and why."""

    data: bytes
    events: int
    notes: tuple[str, ...] = ()


def _location(session: Session) -> str | None:
    venue = session.venue
    if venue is None:
        return None
    return ", ".join(filter(None, (venue.name, venue.address, venue.city)))


def _description(session: Session) -> str:
    lines = []
    for person in session.people:
        details = ", ".join(filter(None, (person.role, person.affiliation)))
        lines.append(f"{person.name} — {details}" if details else person.name)
    if session.description.strip():
        if lines:
            lines.append("")
        lines.append(session.description.strip())
    if session.url:
        lines += ["", session.url]
    return "\n".join(lines)


def alarm(session: Session, minutes: int) -> Alarm:
    """A display alarm `minutes` before `session` starts, naming the session (and its venue)."""
    where = f" at {session.venue.name}" if session.venue else ""
    item = Alarm()
    item.add("action", "DISPLAY")
    item.add("trigger", timedelta(minutes=-minutes))
    item.add("description", _text(f"{session.title}{where}, starts in {minutes} min"))
    return item


def event(session: Session, stamp: datetime, remind: int = 0) -> Event:
    """One dated session as a VEVENT; with an alarm `remind` minutes before, when timed."""
    assert session.date is not None
    item = Event()
    item.add("uid", _text(uid(session)))
    item.add("dtstamp", stamp.astimezone(UTC))
    item.add("summary", _text(session.title))
    starts = session.starts_at
    if starts is None:  # a day without a time: all day
        item.add("dtstart", session.date)
        item.add("dtend", session.date + timedelta(days=1))
    else:
        item.add("dtstart", starts)
        if (ends := session.ends_at) is not None:  # rolled to the next day past midnight
            item.add("dtend", ends)
    if (location := _location(session)) is not None:
        item.add("location", _text(location))
    if description := _description(session):
        item.add("description", _text(description))
    item.add("categories", [session.kind.value])
    if session.url:
        item.add("url", _text(session.url))
    if remind > 0 and starts is not None:
        item.add_component(alarm(session, remind))
    return item


def calendar(
    sessions: Iterable[Session], *, name: str, stamp: datetime | None = None, remind: int = 0
) -> Export:
    """Sessions (of any festivals) as one calendar named `name`; each timed one with an alarm
    `remind` minutes before it starts (0: no alarms)."""
    stamp = stamp or datetime.now(UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _text(name))
    notes = []
    days: list[date] = []
    for session in sessions:
        if session.date is None:
            notes.append(f"left out, its date is to be announced: {session.title} ({session.key})")
            continue
        days.append(session.date)
        cal.add_component(event(session, stamp, remind))
    if days:  # the zones' rules for the years around the events, not since 1970
        cal.add_missing_timezones(
            first_date=date(min(days).year - 1, 1, 1), last_date=date(max(days).year + 2, 1, 1)
        )
    return Export(cal.to_ical(), len(days), tuple(notes))
