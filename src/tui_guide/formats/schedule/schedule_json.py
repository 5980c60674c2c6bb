"""schedule.json, as frab and pretalx write it (the c3voc schema): `schedule.conference`
with its `days`, each day's `rooms` mapping a room name to its list of events; and the
c3voc hub's second version, whose events are one list, `schedule.events`, each with its
`start` and `end`, its `room` and `track` as objects and its `participants`.

Read liberally: a field of an unexpected type that the guide does not need (a person's id,
an event id written as text) is read another way or left alone, a field it needs but cannot
read is a warning naming the event and its line, and the event is kept with what is known.
Only a file that is not JSON, or is not a schedule, is refused.
"""

from __future__ import annotations

import bisect
import json
import re
from datetime import date, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any

from tui_guide.formats.schedule import values
from tui_guide.formats.schedule.raw import RawDay, RawEvent, RawRoom, RawSchedule
from tui_guide.programme.model import Link, Problem
from tui_guide.programme.text import brief, shown
from tui_guide.reading import JsonError, loads_json


def _str(value: Any) -> str:
    """Text, or a number written as text ("id": 5167 and "id": "5167" are one id)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


# A JSON string (raw line breaks allowed, as strict=False reads them) or number.
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?', re.DOTALL)


class _Reader:
    def __init__(self, path: Path, source: str) -> None:
        self.path = path
        self.source = source
        self.problems: list[Problem] = []
        self.seen = 0  # event entries in the file, read or not

    @cached_property
    def _first(self) -> dict[str, int]:
        """Where each string and number first stands in the source, as it is written: found
        in one pass, so that naming the line of each of 20,000 events costs no more than
        reading the file (a search of the source for each was quadratic)."""
        first: dict[str, int] = {}
        for match in _TOKEN.finditer(self.source):
            first.setdefault(match.group(), match.start())
        return first

    @cached_property
    def _breaks(self) -> list[int]:
        return [match.start() for match in re.finditer("\n", self.source)]

    def line_of(self, needle: Any) -> int | None:
        """The line where a value (a guid, an id) first appears: JSON keeps no lines."""
        if not isinstance(needle, str | int) or isinstance(needle, bool) or needle == "":
            return None
        at = self.first_at(json.dumps(needle))
        if at is None and isinstance(needle, str) and not needle.isascii():
            at = self.first_at(json.dumps(needle, ensure_ascii=False))
        return bisect.bisect_left(self._breaks, at) + 1 if at is not None else None

    def first_at(self, token: str) -> int | None:
        return self._first.get(token)

    def error(self, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.path, message, line))

    def warn(self, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.path, message, line, severity="warning"))

    def typed(self, raw: Any, key: str, kind: type, expected: str, where: str, line: Any) -> Any:
        """`raw[key]`, or None with a warning when it is there but of the wrong type."""
        value = raw.get(key)
        if value is None or (isinstance(value, kind) and not isinstance(value, bool)):
            return value
        self.warn(f"{where}, field {key}: expected {expected}, got {shown(value)}; ignored", line)
        return None

    def entries(self, raw: Any, key: str, where: str, line: int | None) -> list[Any]:
        """The list `raw[key]`, warning about it (or an entry) being of the wrong type."""
        found = self.typed(raw, key, list, "a list", where, line) or []
        for entry in found:
            if not isinstance(entry, str | dict):
                got = shown(entry)
                self.warn(f"{where}, field {key}: expected text or an object, got {got}", line)
        return found

    def value(self, parse: Any, raw: Any, where: str, line: int | None, kept: str) -> Any:
        """`parse(raw)`, or None and a warning saying what is done without it."""
        if raw is None or raw == "":
            return None
        if not isinstance(raw, str):
            self.warn(f"{where}: expected text, got {shown(raw)}; {kept}", line)
            return None
        try:
            return parse(raw)
        except ValueError as error:
            self.warn(f"{where}: {error}; {kept}", line)
            return None

    def schedule(self, doc: Any) -> RawSchedule | None:
        schedule = doc.get("schedule") if isinstance(doc, dict) else None
        conference = schedule.get("conference") if isinstance(schedule, dict) else None
        if not isinstance(schedule, dict) or not isinstance(conference, dict):
            self.error("not a schedule: no schedule.conference object", 1)
            return None
        title = _str(conference.get("title"))
        if not title:
            self.warn(
                "conference: no title; the festival is named after its acronym or the file",
                self.line_of("conference"),
            )
        day_list = conference.get("days")
        if day_list is not None and not isinstance(day_list, list):
            self.warn("conference: days must be a list; ignored", self.line_of("days"))
        day_list = _list(day_list)
        count = conference.get("daysCount")
        if isinstance(count, int) and not isinstance(count, bool) and count != len(day_list):
            self.warn(
                f"conference: daysCount says {count} days but the file lists {len(day_list)}; "
                "what is listed is read (the file may be incomplete)",
                self.line_of("daysCount"),
            )
        rooms: dict[str, RawRoom] = {}
        for room in [*_list(conference.get("rooms")), *_list(schedule.get("rooms"))]:
            if isinstance(room, dict) and (name := _str(room.get("name"))):
                guid = _str(room.get("guid")) or None
                rooms.setdefault(name, RawRoom(name, guid, self.line_of(guid or name)))
        days: list[RawDay] = []
        events: list[RawEvent] = []
        for number, raw_day in enumerate(day_list, start=1):
            day, day_events = self.day(number, raw_day, rooms)
            if day is not None:
                days.append(day)
            events += day_events
        tracks = {
            _str(t.get("slug")): _str(t.get("name"))
            for t in _list(conference.get("tracks"))
            if isinstance(t, dict)
        }
        for index, raw in enumerate(_list(schedule.get("events"))):
            self.seen += 1
            event = self.hub_event(raw, f"event #{index + 1}", tracks)
            if event is not None:
                events.append(event)
        for event in events:
            if event.room:
                rooms.setdefault(event.room, RawRoom(event.room, line=event.line))
        return RawSchedule(
            title=title,
            acronym=_str(conference.get("acronym")),
            zone_name=_str(
                self.typed(
                    conference,
                    "time_zone_name",
                    str,
                    "text",
                    "conference",
                    self.line_of("time_zone_name"),
                )
            ),
            start=self.date(conference.get("start"), "conference, start"),
            end=self.date(conference.get("end"), "conference, end"),
            url=_str(conference.get("url")) or _str(schedule.get("base_url")),
            base_url=_str(schedule.get("base_url")) or _str(conference.get("url")),
            city=_str(conference.get("city")),
            day_change=self.value(
                values.clock,
                conference.get("day_change"),
                "conference, day_change",
                None,
                "ignored",
            ),
            days=tuple(days),
            rooms=tuple(rooms.values()),
            events=tuple(events),
            track_colours=self.track_colours(conference),
        )

    def track_colours(self, conference: dict[str, Any]) -> tuple[tuple[str, str], ...]:
        """`tracks: [{"name": …, "color": "#0084b0"}]` in the conference: each track's colour."""
        found: dict[str, str] = {}
        for track in _list(conference.get("tracks")):
            if not isinstance(track, dict):
                continue
            name = " ".join(_str(track.get("name")).split())
            where = f"track {name!r}, color"
            line = self.line_of(name)
            colour = self.value(values.colour, track.get("color"), where, line, "ignored")
            if name and colour:
                found.setdefault(name, colour)
        return tuple(found.items())

    def date(self, raw: Any, where: str) -> date | None:
        found: date | None = self.value(values.day, raw, where, None, "ignored")
        return found

    def day(
        self, number: int, raw_day: Any, rooms: dict[str, RawRoom]
    ) -> tuple[RawDay | None, list[RawEvent]]:
        """A day, its events, and (into `rooms`) every room it lists, with events or not."""
        where = f"day {number}"
        if not isinstance(raw_day, dict):
            self.warn(f"{where}: expected an object, got {shown(raw_day)}; ignored")
            return None, []
        found = self.value(values.day, raw_day.get("date"), f"{where}, date", None, "ignored")
        start = self.value(
            values.moment, raw_day.get("day_start"), f"{where}, day_start", None, "ignored"
        )
        end = self.value(
            values.moment, raw_day.get("day_end"), f"{where}, day_end", None, "ignored"
        )
        day = RawDay(found, start, end) if found is not None else None
        if day is None:
            self.warn(f"{where}: no date; its events are placed by their own dates")
        by_room = raw_day.get("rooms") or {}
        if not isinstance(by_room, dict):
            self.warn(f"{where}: rooms must map each room's name to its events; ignored")
            return day, []
        events = []
        for room_name, room_events in by_room.items():
            if name := " ".join(room_name.split()):
                rooms.setdefault(name, RawRoom(name, line=self.line_of(room_name)))
            for index, raw in enumerate(_list(room_events)):
                self.seen += 1
                event = self.event(
                    raw, day, room_name.strip(), f"{where}, {room_name} #{index + 1}"
                )
                if event is not None:
                    events.append(event)
        return day, events

    def identify(self, raw: dict[str, Any], place: str) -> tuple[str, int | None]:
        """How messages name an event, and its line."""
        guid, ident = raw.get("guid"), raw.get("id")
        where = f"event {brief(_str(guid) or _str(ident) or place)}"
        return where, self.line_of(guid) or self.line_of(ident)

    def common(self, raw: dict[str, Any], where: str, line: int | None) -> dict[str, Any]:
        """What both versions of the format spell alike."""
        guid, ident = raw.get("guid"), raw.get("id")
        if guid is not None and not isinstance(guid, str):
            self.warn(f"{where}, field guid: expected text, got {shown(guid)}; ignored", line)
        if ident is not None and not _str(ident):
            self.warn(f"{where}, field id: expected a number, got {shown(ident)}; ignored", line)
        title = _str(raw.get("title"))
        links = []
        for entry in [
            *self.entries(raw, "links", where, line),
            *self.entries(raw, "attachments", where, line),
        ]:
            if isinstance(entry, str) and entry.strip():
                links.append(Link(entry.strip()))
            elif isinstance(entry, dict) and (url := _str(entry.get("url") or entry.get("href"))):
                named = _str(entry.get("title")) or _str(entry.get("type")).capitalize()
                links.append(Link(url, named))
        return {
            "where": where,
            "line": line,
            "title": title,
            "guid": guid.strip() or None if isinstance(guid, str) else None,
            "id": _str(ident) or None,
            "slug": _str(raw.get("slug")) or None,
            "subtitle": _str(raw.get("subtitle")),
            "type": _str(raw.get("type")),
            "language": _str(raw.get("language")),
            "abstract": _str(raw.get("abstract")),
            "description": _str(raw.get("description")),
            "url": _str(raw.get("url")),
            "links": tuple(links),
        }

    def event(self, raw: Any, day: RawDay | None, room: str, place: str) -> RawEvent | None:
        if not isinstance(raw, dict):
            self.warn(f"{place}: an event must be an object, got {shown(raw)}; ignored")
            return None
        where, line = self.identify(raw, place)
        persons, roles = self.persons(raw, where, line)
        fields = self.common(raw, where, line)
        moment = self.value(values.moment, raw.get("date"), f"{where}, date", line, "ignored")
        start = self.value(
            values.clock, raw.get("start"), f"{where}, start", line, "its time is to be announced"
        )
        duration = self.value(
            values.duration, raw.get("duration"), f"{where}, duration", line, "its end is not known"
        )
        return RawEvent(
            day=day,
            room=_str(raw.get("room")) or room,
            moment=moment,
            start=start,
            duration=duration,
            track=_str(raw.get("track")),
            persons=tuple(persons),
            roles=tuple(roles),
            **fields,
        )

    def persons(
        self, raw: dict[str, Any], where: str, line: int | None
    ) -> tuple[list[str], list[str]]:
        """The names in `persons`, and each one's role ("" when none is given)."""
        persons: list[str] = []
        roles: list[str] = []
        listed = raw.get("persons")
        if isinstance(listed, str):  # a list written as one text: "Ada, Grace"
            persons = values.names(listed)
            return persons, [""] * len(persons)
        for person in self.entries(raw, "persons", where, line):
            if isinstance(person, str) and person.strip():
                persons.append(person.strip())
                roles.append("")
            elif isinstance(person, dict):
                # frab wrote public_name, older frab full_public_name; the id is never used.
                name = (
                    _str(person.get("public_name"))
                    or _str(person.get("full_public_name"))
                    or _str(person.get("name"))
                )
                if name:
                    persons.append(name)
                    roles.append(_str(person.get("role")).lower())
        return persons, roles

    def hub_event(self, raw: Any, place: str, tracks: dict[str, str]) -> RawEvent | None:
        """An event of the hub's `schedule.events`: `start` and `end` are dates and times,
        `room` and `track` objects, the people `participants` with their roles."""
        if not isinstance(raw, dict):
            self.warn(f"{place}: an event must be an object, got {shown(raw)}; ignored")
            return None
        where, line = self.identify(raw, place)
        fields = self.common(raw, where, line)
        start = self.value(
            values.moment, raw.get("start"), f"{where}, start", line, "its date is to be announced"
        )
        end = self.value(values.moment, raw.get("end"), f"{where}, end", line, "ignored")
        duration = None
        if isinstance(start, datetime) and isinstance(end, datetime):
            try:
                duration = end - start
            except TypeError:  # one with an offset, one without
                duration = None
            if duration is not None and duration < timedelta(0):
                self.warn(f"{where}: ends before it starts; its end is not known", line)
                duration = None
        room, track = raw.get("room"), raw.get("track")
        track_name = (
            _str(track)
            or _str(_dict(track).get("name"))
            or tracks.get(_str(_dict(track).get("slug")), "")
            or _str(_dict(track).get("slug"))
        )
        persons, roles = [], []
        for person in self.entries(raw, "participants", where, line):
            if isinstance(person, dict) and (name := _str(person.get("name"))):
                persons.append(name)
                roles.append(_str(person.get("role")).lower())
        return RawEvent(
            day=None,
            room=_str(room) or _str(_dict(room).get("name")),
            moment=start,
            duration=duration,
            track=track_name,
            persons=tuple(persons),
            roles=tuple(roles),
            **fields,
        )


def read(path: Path, data: bytes) -> tuple[RawSchedule | None, list[Problem]]:
    """The schedule in `data`, or None and why not."""
    try:
        # strict=False: frab's exports of 2013 hold raw line breaks inside strings.
        doc = loads_json(data, strict=False, what="valid JSON")
    except JsonError as error:
        return None, [Problem(path, str(error), error.line, error.column)]
    source = data.decode("utf-8-sig", errors="replace")
    reader = _Reader(path, source)
    schedule = reader.schedule(doc)
    if schedule is not None and reader.seen and not schedule.events:
        reader.error(f"none of the {reader.seen} events in the file could be read")
    failed = any(p.severity == "error" for p in reader.problems)
    return (None if failed else schedule), reader.problems
