"""The occurrences of a repeating event (RRULE, RDATE, EXDATE), each a session of its own.

A festival's calendar repeats little (a daily screening, a morning run), and the guide lists
each occurrence on its day, so a rule with an end (COUNT or UNTIL) is expanded whole; one
without an end is expanded to the programme's last day, the only span it can mean here.
The rule is applied in the event's own wall-clock time, as RFC 5545 says, so 09:00 stays
09:00 across a change to summer time. `dateutil` (which icalendar itself uses) does the
arithmetic of the rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from itertools import islice

from dateutil.rrule import rrule, rruleset, rrulestr
from icalendar.prop import vRecur

from tui_guide.programme.rules import MAX_DAYS

# Past this many, a rule is cut (with a warning): a year of a session every hour is not a
# festival programme but a mistake, and would take the guide down.
MAX_OCCURRENCES = 2000

Moment = date | datetime  # a date (all day), or a time: naive (floating) or aware


@dataclass
class Expansion:
    starts: list[Moment] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was decided, for warnings


def _local(value: Moment, zone: tzinfo | None, fallback: tzinfo) -> datetime:
    """`value` as a naive wall-clock time in `zone` (the event's), to compare with the rule's."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time())
    if value.tzinfo is None:
        return value
    return value.astimezone(zone or fallback).replace(tzinfo=None)


def _rule(recur: vRecur, base: datetime, zone: tzinfo | None, fallback: tzinfo) -> rrule:
    """One RRULE for dateutil, its UNTIL in the same wall-clock time as `base`."""
    parts = dict(recur)
    if parts.get("UNTIL"):
        until = parts["UNTIL"][0]
        if isinstance(until, datetime):
            parts["UNTIL"] = [_local(until, zone, fallback)]
        else:  # a date: that whole day
            parts["UNTIL"] = [datetime.combine(until, time(23, 59, 59))]
    text = vRecur(parts).to_ical()  # type: ignore[no-untyped-call]  # icalendar leaves it bare
    rule = rrulestr(text.decode(), dtstart=base)
    assert isinstance(rule, rrule)
    return rule


def bounded(rules: Iterable[vRecur]) -> bool:
    return all("COUNT" in rule or "UNTIL" in rule for rule in rules)


def expand(
    start: Moment,
    rules: list[vRecur],
    rdates: list[Moment],
    exdates: list[Moment],
    *,
    last_day: date | None,
    fallback: tzinfo,
) -> Expansion:
    """Every start of the event, the first being its own DTSTART.

    `last_day` is the programme's last day without this event, where a rule with no end
    stops; `fallback` is the festival's zone, for floating times against UTC ones."""
    found = Expansion()
    zone = start.tzinfo if isinstance(start, datetime) else None
    base = _local(start, zone, fallback)
    every = rruleset()
    every.rdate(base)  # DTSTART is always the first occurrence
    for recur in rules:
        try:
            every.rrule(_rule(recur, base, zone, fallback))
        except (ValueError, TypeError, KeyError, OverflowError) as error:
            found.notes.append(f"its RRULE does not read ({error}); it is not repeated")
    for value in rdates:
        every.rdate(_local(value, zone, fallback))
    excluded_days = {d for d in exdates if not isinstance(d, datetime)}
    for value in exdates:
        if isinstance(value, datetime):
            every.exdate(_local(value, zone, fallback))
    limit = base + timedelta(days=MAX_DAYS - 1)
    if not bounded(rules):
        if last_day is None or last_day <= base.date():
            found.notes.append(
                "it repeats without end (no COUNT or UNTIL) and nothing else in the "
                "programme says until when; only its first time is kept"
            )
            limit = base
        else:
            limit = min(limit, datetime.combine(last_day, time.max))
            found.notes.append(
                f"it repeats without end (no COUNT or UNTIL); its times to {last_day}, the "
                "programme's last day, are kept"
            )
    starts: list[datetime] = []
    try:
        for moment in islice(every, MAX_OCCURRENCES + 1):
            if moment > limit:
                if bounded(rules):
                    found.notes.append(
                        f"it repeats past {limit.date()}, more than {MAX_DAYS} days from its "
                        "first time; the later times are left out"
                    )
                break
            if moment.date() not in excluded_days:
                starts.append(moment)
    except (ValueError, OverflowError):  # the calendar's end, or a rule dateutil cannot run
        pass
    if len(starts) > MAX_OCCURRENCES:
        starts = starts[:MAX_OCCURRENCES]
        found.notes.append(f"it repeats more than {MAX_OCCURRENCES} times; the rest are left out")
    for moment in starts:
        if not isinstance(start, datetime):
            found.starts.append(moment.date())
        elif zone is not None:
            found.starts.append(moment.replace(tzinfo=zone))
        else:
            found.starts.append(moment)
    return found


def key(value: Moment, zone: tzinfo | None, fallback: tzinfo) -> datetime:
    """A RECURRENCE-ID (or an occurrence) as the wall-clock time it is compared by."""
    return _local(value, zone, fallback)
