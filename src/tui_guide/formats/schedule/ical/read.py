"""An iCalendar file read into a schedule: the calendar's name and zone, an event (or an
event's every occurrence) a session, its LOCATION a room."""

from __future__ import annotations

import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Timezone

from tui_guide.formats.schedule.ical import recur
from tui_guide.formats.schedule.ical.event import Parsed, parse
from tui_guide.formats.schedule.ical.lines import Component, Line, split, unescape
from tui_guide.formats.schedule.ical.zone import choose, iana
from tui_guide.formats.schedule.raw import RawDay, RawEvent, RawRoom, RawSchedule
from tui_guide.programme.format import count
from tui_guide.programme.model import Problem
from tui_guide.programme.text import printable, shown

# Where a calendar may say its zone: the de facto X-WR-TIMEZONE first, then properties
# some writers put on the calendar though RFC 5545 has them only inside a VTIMEZONE.
_ZONE_PROPERTIES = ("X-WR-TIMEZONE", "TZID", "X-LIC-LOCATION", "VTIMEZONE", "TIMEZONE-ID")
_NONE = "it holds no events (VEVENT)"
INTERNAL = "this calendar could not be read; please report it with the file"


def _property(line: Line) -> tuple[str, str]:
    """A content line's name (upper case) and its value as written (escaped)."""
    quoted = False
    for index, char in enumerate(line.text):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return line.text[:index].split(";", 1)[0].strip().upper(), line.text[index + 1 :]
    return "", ""


def _unescaped(raw: str) -> str:
    return unescape(raw).strip()


def _one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass
class _Timing:
    all_day: bool
    duration: timedelta | None


class _Reader:
    def __init__(self, path: Path, timezone: str | None = None) -> None:
        self.path = path
        self.timezone = timezone  # --timezone: the zone of times given in none
        self.problems: list[Problem] = []
        self.timings: dict[int, _Timing] = {}

    def warn(self, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.path, message, line, severity="warning"))

    def error(self, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.path, message, line))

    def properties(self, lines: list[Line]) -> dict[str, tuple[str, int]]:
        """The calendar's own properties: each one's first value, unescaped, and its line."""
        found: dict[str, tuple[str, int]] = {}
        for line in lines:
            name, raw = _property(line)
            if name and name not in found:
                found[name] = (_unescaped(raw), line.number)
        return found

    def timezones(self, components: list[Component]) -> dict[str, str]:
        """Each VTIMEZONE made known to icalendar, so that events' TZIDs find it; and the
        IANA names the ones with a made-up TZID give in X-LIC-LOCATION."""
        locations: dict[str, str] = {}
        for component in components:
            if component.name != "VTIMEZONE":
                continue
            own = {name: raw for name, raw in map(_property, component.own)}
            tzid = _unescaped(own.get("TZID", ""))
            if (name := iana(_unescaped(own.get("X-LIC-LOCATION", "")))) is not None:
                locations[tzid] = name
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    Timezone.from_ical("\r\n".join(line.text for line in component.every))
            except Exception as error:  # icalendar raises many kinds for broken input
                if iana(tzid) is None:
                    self.warn(
                        f"VTIMEZONE {shown(tzid)} does not read ({shown(error, 100)}); times "
                        "given in it are read in the festival's zone",
                        component.line,
                    )
        return locations

    def timing(self, event: Parsed) -> _Timing:
        """Whether the event is all day, and how long it runs."""
        start, end = event.start, event.end
        if not isinstance(start, datetime):
            days = None
            if isinstance(end, date) and not isinstance(end, datetime):
                days = (end - start).days
            elif event.duration is not None:
                days = event.duration.days
            if days is not None and days > 1:
                last = start + timedelta(days=days - 1)
                self.warn(
                    f"{event.where}: runs {days} days, to {last}; a session is on one date, "
                    "so it is kept on its first",
                    event.line,
                )
            return _Timing(True, None)
        duration = event.duration
        if end is not None:
            if not isinstance(end, datetime):
                self.warn(
                    f"{event.where}: DTEND is a date where DTSTART is a time; its end is not known",
                    event.component.line_of("DTEND"),
                )
                return _Timing(False, None)
            if (start.tzinfo is None) != (end.tzinfo is None):  # one floating: in the other's
                zone = start.tzinfo or end.tzinfo
                start, end = (
                    start.replace(tzinfo=start.tzinfo or zone),
                    end.replace(tzinfo=end.tzinfo or zone),
                )
            if start.tzinfo is not None:
                duration = end.astimezone(UTC) - start.astimezone(UTC)
            else:
                duration = end - start
        if duration is not None and duration < timedelta(0):
            self.warn(
                f"{event.where}: ends before it starts; only its start is kept",
                event.component.line_of("DTEND" if end is not None else "DURATION"),
            )
            duration = None
        return _Timing(False, duration)

    def raw_event(self, event: Parsed, start: recur.Moment, organiser: bool) -> RawEvent:
        timing = self.timings.get(id(event))
        if timing is None:  # once an event, however often it repeats: its warnings too
            timing = self.timings[id(event)] = self.timing(event)
        people = list(event.people)
        if organiser:  # the organisers of this event alone: people of it
            known = {person.casefold() for person in people}
            people += [name for name in event.organisers if name.casefold() not in known]
        all_day = timing.all_day or not isinstance(start, datetime)
        return RawEvent(
            where=event.where,
            line=event.line,
            day=RawDay(start if not isinstance(start, datetime) else start.date())
            if all_day
            else None,
            room=event.location,
            title=event.title,
            guid=event.uid,
            moment=start if isinstance(start, datetime) and not all_day else None,
            all_day=all_day,
            duration=timing.duration,
            type=event.type,
            track=event.track,
            description=event.description,
            url=event.url,
            persons=tuple(people),
            links=tuple(event.links),
            tags=tuple(event.categories[1:]),
        )

    def occurrences(
        self, events: list[Parsed], zone: ZoneInfo
    ) -> list[tuple[Parsed, recur.Moment]]:
        """Each event at each of its starts: a repeating one expanded, its RECURRENCE-ID
        overrides in place of the occurrences they change."""
        overrides: dict[str, list[Parsed]] = defaultdict(list)
        masters: list[Parsed] = []
        for event in events:
            if event.recurrence_id is not None and event.uid:
                overrides[event.uid].append(event)
            else:
                masters.append(event)
        repeating = {e.uid for e in masters if e.uid and (e.rules or e.rdates)}
        found: list[tuple[Parsed, recur.Moment]] = []
        for uid, changed in overrides.items():
            if uid not in repeating:  # the occurrence of a rule the file does not hold
                found += [(event, event.start) for event in changed]
        single = [e for e in masters if not (e.rules or e.rdates)]
        found += [(event, event.start) for event in single]
        # Rules with an end first: a rule without one runs to the programme's last day.
        ordered = sorted(
            (e for e in masters if e.rules or e.rdates), key=lambda e: not recur.bounded(e.rules)
        )
        for event in ordered:
            days = [_local_day(start, zone) for e, start in found if e.status != "CANCELLED"]
            last_day = max(days, default=None)
            expansion = recur.expand(
                event.start,
                event.rules,
                event.rdates,
                event.exdates,
                last_day=last_day,
                fallback=zone,
            )
            for note in expansion.notes:
                self.warn(f"{event.where}: {note}", event.component.line_of("RRULE"))
            tz = event.start.tzinfo if isinstance(event.start, datetime) else None
            by_time = {
                recur.key(o.recurrence_id, tz, zone): o
                for o in overrides.get(event.uid or "", ())
                if o.recurrence_id is not None
            }
            for start in expansion.starts:
                override = by_time.pop(recur.key(start, tz, zone), None)
                found.append((override, override.start) if override else (event, start))
            for override in by_time.values():  # changes to no time the rule gives: kept too
                found.append((override, override.start))
        return found

    def read(self, data: bytes) -> RawSchedule | None:
        parts = split(data)
        if parts.encoding:
            self.warn(*parts.encoding)
        if parts.calendars > 1:
            self.warn(f"the file holds {parts.calendars} calendars; they are read as one")
        if parts.outside:
            self.warn(f"{parts.outside} components outside BEGIN:VCALENDAR; read as in it")
        if parts.joined:
            self.warn(
                f"{len(parts.joined)} lines are not iCalendar content lines (the lines were "
                "not folded); each is read as a line break in the text before it",
                parts.joined[0],
            )
        calendar = self.properties(parts.properties)
        locations = self.timezones(parts.components)
        events: list[Parsed] = []
        others: Counter[str] = Counter()
        for component in parts.components:
            if component.name == "VEVENT":
                if not component.complete:
                    self.warn(
                        "the file ends inside this event (cut short?); it is left out",
                        component.line,
                    )
                elif (event := parse(component, self.warn)) is not None:
                    events.append(event)
            elif component.name != "VTIMEZONE":
                others[component.name] += 1
        for name, number in others.items():
            what = count(number, f"{printable(name)[:40]} component")
            self.warn(f"{what} left out: the guide reads events (VEVENT)")
        # A cancelled change to one time of a repeating event cancels that time: kept until
        # the rule is expanded. Any other cancelled event is left out now.
        kept = []
        for event in events:
            if event.status != "CANCELLED" or (event.recurrence_id is not None and event.uid):
                kept.append(event)
            else:
                self.warn(f"{event.where}: cancelled (STATUS:CANCELLED); left out", event.line)
        self.unknown_zones(kept)
        if twice := [e for e in kept if e.unescaped]:
            self.warn(
                f"{len(twice)} descriptions hold line breaks escaped twice (\\\\n); read as "
                "line breaks",
                twice[0].line,
            )
        declared = [(p, calendar[p][0]) for p in _ZONE_PROPERTIES if calendar.get(p, ("",))[0]]
        live = [e for e in kept if e.status != "CANCELLED"]
        choice = choose(declared, live, locations, given=self.timezone)
        for warning in choice.warnings:
            self.warn(warning)
        zone = ZoneInfo(choice.name)
        organisers = [tuple(e.organisers) for e in kept if e.organisers and e.status != "CANCELLED"]
        shared = len(organisers) > 1 and len(set(organisers)) == 1
        raw = []
        for event, start in self.occurrences(kept, zone):
            if event.status == "CANCELLED":
                self.warn(
                    f"{event.where}: its time on {_local_day(start, zone)} is cancelled "
                    "(STATUS:CANCELLED); left out",
                    event.line,
                )
            else:
                raw.append(self.raw_event(event, start, organiser=not shared))
        if not raw:
            found = sum(1 for c in parts.components if c.name == "VEVENT")
            why = f"of its {count(found, 'event')}, none is kept (see above)"
            self.error(f"nothing in this calendar can be placed: {why if found else _NONE}")
            return None
        rooms = dict.fromkeys(e.room for e in raw if e.room)
        name, description = self.names(calendar)
        return RawSchedule(
            title=name,
            zone_name=choice.name,
            url=calendar.get("URL", calendar.get("X-ORIGINAL-URL", ("", 0)))[0],
            rooms=tuple(RawRoom(room) for room in rooms),
            events=tuple(raw),
            description=description,
            organisers=organisers[0] if shared else (),
        )

    def unknown_zones(self, events: list[Parsed]) -> None:
        seen: set[str] = set()
        for event in events:
            start = event.start
            floating = isinstance(start, datetime) and start.tzinfo is None
            if floating and event.tzid and event.tzid not in seen:
                seen.add(event.tzid)
                self.warn(
                    f"{event.where}: TZID {shown(event.tzid)} is no time zone known here, and "
                    "no VTIMEZONE in the file defines it; its times are read in the festival's "
                    "zone",
                    event.component.line_of("DTSTART"),
                )

    def names(self, calendar: dict[str, tuple[str, int]]) -> tuple[str, str]:
        """The festival's name and description: the calendar's name (X-WR-CALNAME, NAME),
        else its description when that is one short line, else the file's name."""
        name = _one_line(calendar.get("X-WR-CALNAME", calendar.get("NAME", ("", 0)))[0])
        description = calendar.get("X-WR-CALDESC", calendar.get("DESCRIPTION", ("", 0)))[0]
        if not name and description and "\n" not in description and len(description) <= 100:
            name, description = _one_line(description), ""
        if not name:
            name = self.path.stem
            self.warn(f"the calendar has no name (X-WR-CALNAME); it is named {shown(name)}")
        return name, "" if description == name else description


def _local_day(start: recur.Moment, zone: ZoneInfo) -> date:
    if not isinstance(start, datetime):
        return start
    return (start.astimezone(zone) if start.tzinfo else start).date()


def read(
    path: Path, data: bytes, *, timezone: str | None = None
) -> tuple[RawSchedule | None, list[Problem]]:
    """The schedule in an iCalendar file's bytes, or None and why not. `timezone` (an IANA
    name, --timezone) is the festival's zone when the calendar names none."""
    reader = _Reader(path, timezone)
    try:
        schedule = reader.read(data)
    except (ArithmeticError, LookupError, TypeError, ValueError, RecursionError) as error:
        # icalendar and dateutil meet hostile input this reader has not foreseen: the file is
        # refused, never the guide taken down. (The tests count on never seeing this.)
        why = f"{type(error).__name__}: {error}"
        return None, [*reader.problems, Problem(path, f"{INTERNAL} ({shown(why, 120)})")]
    return schedule, reader.problems
