"""Wall-clock times on the nights the clocks change: a time in the gap of a spring-forward
night (02:30 when 02:00 becomes 03:00) does not exist, and a time in the hour a fall-back
night repeats happens twice. Every reader resolves them here, one way, said as a warning:

- a time in a gap is moved forward by the gap (02:30 becomes 03:30): the moment RFC 5545,
  and so every calendar, reads it as; a session whose start moves keeps its length;
- a time that happens twice is the first of the two (the earlier moment, in summer time),
  as RFC 5545 reads it too.

The guide keeps wall-clock times, so what every view shows and every export writes is then
the same moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tui_guide.programme.format import zone_label


@dataclass(frozen=True)
class Resolved:
    """A wall-clock time made real: its day and clock, how far it moved, and what to say."""

    day: date
    clock: time
    moved: timedelta = timedelta(0)
    note: str | None = None


def offset_label(moment: datetime) -> str:
    """ "UTC+02:00": the offset of an aware moment, as messages write it."""
    offset = moment.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def resolve(day: date, clock: time, zone: ZoneInfo) -> Resolved:
    """`clock` on `day` in `zone`, resolved as the module says."""
    plain = clock.replace(fold=0, tzinfo=None)
    try:
        first = datetime.combine(day, plain, tzinfo=zone)
        second = first.replace(fold=1)
        if first.utcoffset() == second.utcoffset():
            return Resolved(day, plain)
        real = first.astimezone(UTC).astimezone(zone)
    except (OverflowError, ValueError):  # at the edges of the calendar: left alone
        return Resolved(day, plain)
    place = zone_label(zone)
    if real.replace(tzinfo=None) != first.replace(tzinfo=None):  # in the gap
        moved = real.replace(tzinfo=None) - first.replace(tzinfo=None)
        return Resolved(
            real.date(),
            real.time().replace(fold=0),
            moved,
            f"{plain:%H:%M} on {day} does not exist in {place} (the clocks go forward); "
            f"taken as {real:%H:%M}, as calendars read it",
        )
    return Resolved(
        day,
        plain,
        note=f"{plain:%H:%M} on {day} happens twice in {place} (the clocks go back); taken "
        f"as the first, {offset_label(first)}, as calendars read it",
    )


def resolve_session(
    day: date, start: time, end: time | None, zone: ZoneInfo
) -> tuple[date, time, time | None, list[tuple[str, str]]]:
    """A session's day, start and end resolved, and the notes as (field, what was done).
    When the start moves out of a gap, the end moves with it: the session keeps its length."""
    notes: list[tuple[str, str]] = []
    found = resolve(day, start, zone)
    if found.note:
        notes.append(("start", found.note))
    if end is None:
        return found.day, found.clock, None, notes
    if found.moved:
        shifted = datetime.combine(day, end.replace(fold=0)) + found.moved
        return found.day, found.clock, shifted.time(), notes
    # The end on the day it falls on: the next day when it is before the start.
    end_day = day + timedelta(days=1) if end < start else day
    finish = resolve(end_day, end, zone)
    if finish.note:
        notes.append(("end", finish.note))
    return found.day, found.clock, finish.clock, notes
