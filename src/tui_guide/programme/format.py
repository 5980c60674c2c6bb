"""How dates, times and gaps read, the same in the guide and on the command line."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from tui_guide.programme.model import Festival, Session

TBA = "TBA"
NOT_GIVEN = "not given"
"""What an unknown reads once it can no longer be announced: the session is over, or the
report that gave it came after it. "TBA" there would read as still to come."""
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def count(number: int, noun: str, plural: str | None = None) -> str:
    """'1 session', '2 sessions'; `plural` for nouns that do not just take an s."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def unknown(over: bool = False) -> str:
    """The word for a missing date, time or venue: 'TBA', or 'not given' for what is over."""
    return NOT_GIVEN if over else TBA


def day_label(day: date | None, *, year: bool = False, over: bool = False) -> str:
    """'Sun 7 Dec' (or 'Sun 7 Dec 2025'); 'Date TBA' (or, `over`, 'Date not given') for an
    unknown date.

    Written out by hand rather than with strftime so the labels do not change with the locale.
    """
    if day is None:
        return f"Date {unknown(over)}"
    label = f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
    return f"{label} {day.year}" if year else label


def day_tab_label(festival: Festival, day: date | None) -> str:
    """A festival day as its tab reads: 'Day 1 · Wed 27 Dec' when the festival's own dates
    are known, else 'Wed 27 Dec'; 'Date TBA' for the sessions with no date."""
    if day is None:
        return day_label(None)
    number = festival.day_number(day)
    return day_label(day) if number is None else f"Day {number} · {day_label(day)}"


def venue_label(session: Session, *, over: bool = False) -> str:
    """The venue's name, or 'Venue TBA' ('Venue not given' once the session is over)."""
    return session.venue.name if session.venue else f"Venue {unknown(over)}"


def kind_label(session: Session) -> str:
    """The session's kind, and the source's own word for it when that says more: a schedule's
    "DJ Set" that is `other` here reads "other · DJ Set"; "Talk" beside `talk` says nothing."""
    kind = session.kind.value
    own = " ".join((session.type or "").split())
    return f"{kind} · {own}" if own and own.casefold() != kind else kind


# POSIX signs: `Etc/GMT-1` is one hour *ahead* of UTC, which reads as its opposite.
_FIXED_OFFSET = re.compile(r"Etc/GMT([+-])(\d{1,2})")
_UTC = frozenset({"UTC", "Etc/UTC", "Etc/GMT", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0"})


def zone_label(zone: ZoneInfo) -> str:
    """How a festival's time zone is named to people: its IANA name (`Europe/Berlin`),
    except that a fixed offset with no place, `Etc/GMT-1`, is `UTC+1` (and `Etc/GMT` is
    `UTC`). Files keep the IANA name: the TOML `timezone`, a calendar's TZID."""
    key = zone.key
    if key in _UTC:
        return "UTC"
    match = _FIXED_OFFSET.fullmatch(key)
    if match is None:
        return key
    sign, hours = match.groups()
    return f"UTC{'-' if sign == '+' else '+'}{int(hours)}"


def time_range(
    session: Session,
    *,
    compact: bool = False,
    zone: ZoneInfo | None = None,
    over: bool = False,
) -> str:
    """'14:00', '14:00–15:30', '23:00–01:00 (+1 day)' or 'Time TBA' ('Time not given' when
    `over`); `compact` writes the next day as '23:00–01:00⁺¹', for narrow columns (13 cells
    at most). In the festival's wall clock, or in `zone` when given (the viewer's own)."""
    if session.start is None:
        # "Time not given" is a cell too wide for a list's time column: "not given" says it.
        return NOT_GIVEN if compact and over else f"Time {unknown(over)}"
    starts, ends = session.starts_at, session.ends_at
    if zone is None or starts is None:
        text = session.start.strftime("%H:%M")
        if session.end is None:
            return text
        text += "–" + session.end.strftime("%H:%M")
        later = session.end < session.start
    else:
        starts = starts.astimezone(zone)
        text = f"{starts:%H:%M}"
        if ends is None:
            return text
        ends = ends.astimezone(zone)
        text += f"–{ends:%H:%M}"
        later = ends.date() > starts.date()
    if later:
        text += "⁺¹" if compact else " (+1 day)"
    return text


def calendar_date(session: Session, zone: ZoneInfo | None = None) -> date | None:
    """The date the session starts on: its own, or in `zone` (the viewer's) when given."""
    starts = session.starts_at
    if zone is None or starts is None:
        return session.date
    return starts.astimezone(zone).date()


def until(moment: datetime, later: datetime) -> str:
    """'in 5 min', 'in 2 h 10 min', 'in 3 days' from `moment` to `later`."""
    gap = later.astimezone(UTC) - moment.astimezone(UTC)  # elapsed, across clock changes
    if gap < timedelta(0):
        return "started"
    minutes = int(gap.total_seconds() // 60)
    if minutes < 60:
        return f"in {minutes} min"
    if minutes < 24 * 60:
        hours, rest = divmod(minutes, 60)
        return f"in {hours} h {rest} min" if rest else f"in {hours} h"
    days = gap.days
    return f"in {count(days, 'day')}"


def night_groups(
    day: date | None, sessions: Sequence[Session], zone: ZoneInfo | None = None
) -> list[tuple[str | None, list[Session]]]:
    """A festival day's sessions (in time order) split by the date they start on as shown:
    the day's own first (no heading), then 'After midnight · Thu 28 Dec' for its night, so
    a session keeps its true date; in `zone` (the viewer's), dates the shift moves to carry
    '(your time)'."""
    groups: dict[date | None, list[Session]] = {}
    for session in sessions:
        shown = calendar_date(session, zone)
        groups.setdefault(None if shown == day or day is None else shown, []).append(session)
    mine = " (your time)" if zone is not None else ""
    result: list[tuple[str | None, list[Session]]] = []
    for shown, found in sorted(groups.items(), key=lambda item: _group_order(day, item[0])):
        if shown is None:
            result.append((None, found))
        elif day is not None and shown > day:
            result.append((f"After midnight · {day_label(shown)}{mine}", found))
        else:
            result.append((f"{day_label(shown)}{mine}", found))
    return result


def _group_order(day: date | None, shown: date | None) -> tuple[int, date]:
    if shown is None or day is None:
        return (0, date.min)
    return (-1 if shown < day else 1, shown)


def festival_dates(festival: Festival) -> str:
    """'Fri 5 Dec – Thu 11 Dec 2025'; when the festival's own dates are not given, the span
    of its sessions, said to be only that: 'Sessions Sat 6 Dec – Tue 9 Dec 2025 (its own dates
    not given)'; with no dated session, 'Dates TBA', or for one a report says took place,
    'Held by Tue 22 Jul 2025 (dates not given)'."""
    if festival.starts and festival.ends:
        if festival.starts == festival.ends:
            return day_label(festival.starts, year=True)
        return f"{day_label(festival.starts)} – {day_label(festival.ends, year=True)}"
    days = festival.days
    if not days:
        if festival.held_by is not None:
            return f"Held by {day_label(festival.held_by, year=True)} (dates {NOT_GIVEN})"
        return f"Dates {TBA}"
    first, last = days[0], days[-1]
    span = (
        f"on {day_label(first, year=True)}"
        if first == last
        else f"{day_label(first)} – {day_label(last, year=True)}"
    )
    return f"Sessions {span} (its own dates {NOT_GIVEN})"
