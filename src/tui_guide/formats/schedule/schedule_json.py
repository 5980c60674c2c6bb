"""schedule.json, as frab and pretalx write it (the c3voc schema): `schedule.conference`
with its `days`, each day's `rooms` mapping a room name to its list of events."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tui_guide.formats.schedule import values
from tui_guide.formats.schedule.raw import RawDay, RawEvent, RawRoom, RawSchedule
from tui_guide.programme.model import Link, Problem
from tui_guide.programme.text import shown


def _str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


class _Reader:
    def __init__(self, path: Path, source: str) -> None:
        self.path = path
        self.source = source
        self.problems: list[Problem] = []

    def line_of(self, needle: Any) -> int | None:
        """The line where a value (a guid, an id) first appears: JSON keeps no lines."""
        if not isinstance(needle, str | int) or isinstance(needle, bool) or needle == "":
            return None
        at = self.source.find(json.dumps(needle))
        return self.source.count("\n", 0, at) + 1 if at >= 0 else None

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

    def value(self, parse: Any, raw: Any, where: str, line: int | None) -> Any:
        if raw is None or raw == "":
            return None
        try:
            return parse(str(raw))
        except ValueError as error:
            self.error(f"{where}: {error}", line)
            return None

    def schedule(self, doc: Any) -> RawSchedule | None:
        schedule = doc.get("schedule") if isinstance(doc, dict) else None
        conference = schedule.get("conference") if isinstance(schedule, dict) else None
        if not isinstance(schedule, dict) or not isinstance(conference, dict):
            self.error("not a schedule: no schedule.conference object", 1)
            return None
        title = _str(conference.get("title"))
        if not title:
            self.error("conference: missing its title", self.line_of("conference"))
        day_list = conference.get("days")
        if not isinstance(day_list, list):
            self.error("conference: days must be a list", self.line_of("days"))
            day_list = []
        count = conference.get("daysCount")
        if isinstance(count, int) and not isinstance(count, bool) and count != len(day_list):
            self.error(
                f"conference: daysCount says {count} days but the file lists {len(day_list)}; "
                "the file is incomplete",
                self.line_of("daysCount"),
            )
        rooms: dict[str, RawRoom] = {}
        for room in _list(conference.get("rooms")):
            if isinstance(room, dict) and (name := _str(room.get("name"))):
                rooms.setdefault(name, RawRoom(name, _str(room.get("guid")) or None))
        days: list[RawDay] = []
        events: list[RawEvent] = []
        for number, raw_day in enumerate(day_list, start=1):
            where = f"day {number}"
            if not isinstance(raw_day, dict):
                self.error(f"{where}: expected an object", None)
                continue
            found = self.value(values.day, raw_day.get("date"), f"{where}, date", None)
            start = self.value(values.moment, raw_day.get("day_start"), f"{where}, day_start", None)
            day = RawDay(found, start) if found is not None else None
            if day is None:
                self.error(f"{where}: missing its date", None)
            else:
                days.append(day)
            by_room = raw_day.get("rooms") or {}
            if not isinstance(by_room, dict):
                self.error(f"{where}: rooms must map each room's name to its events", None)
                continue
            for room_name, room_events in by_room.items():
                rooms.setdefault(room_name.strip(), RawRoom(room_name.strip()))
                for index, raw in enumerate(_list(room_events)):
                    place = f"{where}, {room_name} #{index + 1}"
                    event = self.event(raw, day, room_name.strip(), place)
                    if event is not None:
                        events.append(event)
                        rooms.setdefault(event.room, RawRoom(event.room))
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
            start=self.value(values.day, conference.get("start"), "conference, start", None),
            end=self.value(values.day, conference.get("end"), "conference, end", None),
            url=_str(conference.get("url")) or _str(schedule.get("base_url")),
            city=_str(conference.get("city")),
            day_change=self.value(values.clock, conference.get("day_change"), "conference", None),
            days=tuple(days),
            rooms=tuple(rooms.values()),
            events=tuple(events),
        )

    def event(self, raw: Any, day: RawDay | None, room: str, place: str) -> RawEvent | None:
        if not isinstance(raw, dict):
            self.error(f"{place}: an event must be an object, got {shown(raw)}")
            return None
        guid, ident = raw.get("guid"), raw.get("id")
        where = f"event {guid or ident or place}"
        line = self.line_of(guid) or self.line_of(ident)
        if ident is not None and (not isinstance(ident, int) or isinstance(ident, bool)):
            self.error(f"{where}, field id: expected a number, got {shown(ident)}", line)
        title = _str(raw.get("title"))
        if not title:
            self.error(f"{where}: no title", line)
        moment = self.value(values.moment, raw.get("date"), f"{where}, date", line)
        start = self.value(values.clock, raw.get("start"), f"{where}, start", line)
        if moment is None and start is None:
            self.error(f"{where}: no start (neither date nor start)", line)
        duration = self.value(values.duration, raw.get("duration"), f"{where}, duration", line)
        persons = []
        if raw.get("guid") is not None and not isinstance(raw.get("guid"), str):
            self.warn(f"{where}, field guid: expected text, got {shown(guid)}; ignored", line)
        for person in self.entries(raw, "persons", where, line):
            if isinstance(person, str):
                persons.append(person.strip())
                continue
            if not isinstance(person, dict):
                continue
            pid = person.get("id")
            if pid is not None and (not isinstance(pid, int) or isinstance(pid, bool)):
                self.error(f"{where}, a person's id: expected a number, got {shown(pid)}", line)
            name = _str(person.get("public_name")) or _str(person.get("name"))
            if name:
                persons.append(name)
        links = []
        found = [*self.entries(raw, "links", where, line)]
        for entry in [*found, *self.entries(raw, "attachments", where, line)]:
            if isinstance(entry, str) and entry.strip():
                links.append(Link(entry.strip()))
            elif isinstance(entry, dict) and (url := _str(entry.get("url") or entry.get("href"))):
                links.append(Link(url, _str(entry.get("title"))))
        if not title or (moment is None and start is None):
            return None
        return RawEvent(
            where=where,
            line=line,
            day=day,
            room=_str(raw.get("room")) or room,
            title=title,
            guid=_str(guid) or None,
            id=str(ident) if ident is not None else None,
            slug=_str(raw.get("slug")) or None,
            moment=moment,
            start=start,
            duration=duration,
            subtitle=_str(raw.get("subtitle")),
            type=_str(raw.get("type")),
            track=_str(raw.get("track")),
            language=_str(raw.get("language")),
            abstract=_str(raw.get("abstract")),
            description=_str(raw.get("description")),
            url=_str(raw.get("url")),
            persons=tuple(persons),
            links=tuple(links),
        )


def read(path: Path, data: bytes) -> tuple[RawSchedule | None, list[Problem]]:
    """The schedule in `data`, or None and why not."""
    try:
        doc = json.loads(data)
        source = data.decode("utf-8-sig", errors="replace")
    except json.JSONDecodeError as error:
        return None, [Problem(path, f"not valid JSON: {error.msg}", error.lineno, error.colno)]
    except (UnicodeDecodeError, RecursionError) as error:
        return None, [Problem(path, f"not valid JSON: {error}")]
    reader = _Reader(path, source)
    schedule = reader.schedule(doc)
    failed = any(p.severity == "error" for p in reader.problems)
    return (None if failed else schedule), reader.problems
