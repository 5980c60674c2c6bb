"""schedule.xml, as frab, pretalx and wafer write it (the c3voc schema) and as Pentabarf
wrote it before (FOSDEM's older exports): `<schedule>`, `<conference>`, then `<day>`s holding
`<room>`s holding `<event>`s.

Parsed with defusedxml: a hostile file cannot expand entities (billion laughs) or make us
read another file or URL through an external entity; either is reported as a problem.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from tui_guide.formats.schedule import values
from tui_guide.formats.schedule.raw import RawDay, RawEvent, RawRoom, RawSchedule
from tui_guide.programme.model import Link, Problem


class _LineParser(DefusedXMLParser):
    """Notes the line of every element, for messages (ElementTree keeps none)."""

    def __init__(self) -> None:
        self.lines: dict[int, int] = {}
        super().__init__(
            target=_LineBuilder(self), forbid_dtd=False, forbid_entities=True, forbid_external=True
        )


class _LineBuilder(TreeBuilder):
    """Builds the tree for `parser`, noting in its `lines` the line each element starts on."""

    def __init__(self, parser: _LineParser) -> None:
        super().__init__()
        self._parser = parser

    def start(self, tag: str, attrs: dict[str, str]) -> Element:
        element = super().start(tag, attrs)
        self._parser.lines[id(element)] = self._parser.parser.CurrentLineNumber
        return element


def _text(element: Element | None, name: str) -> str:
    child = element.find(name) if element is not None else None
    return (child.text or "").strip() if child is not None else ""


class _Reader:
    def __init__(self, path: Path, lines: dict[int, int]) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []

    def line(self, element: Element) -> int | None:
        return self.lines.get(id(element))

    def error(self, message: str, element: Element) -> None:
        self.problems.append(Problem(self.path, message, self.line(element)))

    def value(self, parse: Any, text: str, where: str, element: Element) -> Any:
        """`parse(text)`, or None (and a problem) when it does not read."""
        if not text:
            return None
        try:
            return parse(text)
        except ValueError as error:
            self.error(f"{where}: {error}", element)
            return None

    def schedule(self, root: Element) -> RawSchedule | None:
        conference = root.find("conference")
        if conference is None:
            self.error("not a schedule: <schedule> has no <conference>", root)
            return None
        title = _text(conference, "title")
        if not title:
            self.error("conference: missing <title>", conference)
        days: list[RawDay] = []
        events: list[RawEvent] = []
        rooms: dict[str, RawRoom] = {}
        seen: set[int] = set()
        for day_el in root.iter("day"):
            day = self.day(day_el)
            if day is not None:
                days.append(day)
            for room_el in day_el.findall("room"):
                name = (room_el.get("name") or "").strip()
                if name and name not in rooms:
                    rooms[name] = RawRoom(name, room_el.get("guid") or None)
                for event_el in room_el.findall("event"):
                    seen.add(id(event_el))
                    event = self.event(event_el, day, name)
                    if event is not None:
                        events.append(event)
                        rooms.setdefault(event.room, RawRoom(event.room))
        # Nothing is lost: an <event> anywhere else (not in a day's room) is read too, on its
        # own <date> and <room>.
        for event_el in root.iter("event"):
            if id(event_el) not in seen:
                event = self.event(event_el, None, "")
                if event is not None:
                    events.append(event)
                    if event.room:
                        rooms.setdefault(event.room, RawRoom(event.room))
        day_change = self.value(
            values.clock, _text(conference, "day_change"), "conference, day_change", conference
        )
        return RawSchedule(
            title=title,
            acronym=_text(conference, "acronym"),
            zone_name=_text(conference, "time_zone_name"),
            start=self.value(values.day, _text(conference, "start"), "conference", conference),
            end=self.value(values.day, _text(conference, "end"), "conference", conference),
            url=_text(conference, "url") or _text(conference, "base_url"),
            city=_text(conference, "city"),
            day_change=day_change,
            days=tuple(days),
            rooms=tuple(rooms.values()),
            events=tuple(events),
        )

    def day(self, element: Element) -> RawDay | None:
        where = f"day {element.get('index') or '?'}"
        found: date | None = self.value(values.day, element.get("date", ""), where, element)
        if found is None:
            self.error(f"{where}: missing its date", element)
            return None
        start = self.value(values.moment, element.get("start", ""), f"{where}, start", element)
        return RawDay(found, start)

    def event(self, element: Element, day: RawDay | None, room: str) -> RawEvent | None:
        texts: dict[str, str] = {}
        for child in element:  # the first of each name, as find() would give
            texts.setdefault(child.tag, (child.text or "").strip())

        def text(name: str) -> str:
            return texts.get(name, "")

        ident = element.get("guid") or element.get("id") or text("slug")
        where = f"event {ident}" if ident else "an event"
        title = text("title")
        moment = self.value(values.moment, text("date"), f"{where}, date", element)
        start = self.value(values.clock, text("start"), f"{where}, start", element)
        if not title:
            self.error(f"{where}: no <title>", element)
        if moment is None and start is None:
            self.error(f"{where}: no start (neither <date> nor <start>)", element)
        duration = self.value(values.duration, text("duration"), f"{where}, duration", element)
        if not title or (moment is None and start is None):
            return None
        links = [
            Link(href.strip(), (link.text or "").strip())
            for group in ("links", "attachments")
            for link in element.findall(f"{group}/*")
            if (href := link.get("href") or "").strip()
        ]
        persons = [
            name
            for person in element.findall("persons/person")
            if (name := (person.text or person.get("name") or "").strip())
        ]
        return RawEvent(
            where=where,
            line=self.line(element),
            day=day,
            room=text("room") or room,
            title=title,
            guid=element.get("guid") or None,
            id=element.get("id") or None,
            slug=text("slug") or None,
            moment=moment,
            start=start,
            duration=duration,
            subtitle=text("subtitle"),
            type=text("type"),
            track=text("track"),
            language=text("language"),
            abstract=text("abstract"),
            description=text("description"),
            url=text("url"),
            persons=tuple(persons),
            links=tuple(links),
        )


def _encoding_problem(error: Exception, data: bytes) -> str:
    match = re.search(rb"""encoding\s*=\s*["']([^"']*)["']""", data[:200])
    name = match.group(1).decode("ascii", "replace") if match else "?"
    if isinstance(error, LookupError):
        return f"unknown encoding {name!r}"
    return f"encoding {name!r} cannot be read ({error})"


def read(path: Path, data: bytes) -> tuple[RawSchedule | None, list[Problem]]:
    """The schedule in `data`, or None and why not (with the line)."""
    parser = _LineParser()
    try:
        parser.feed(data)
        root = parser.close()
    except ParseError as error:
        line, column = getattr(error, "position", (None, None))
        message = str(error).split(": line")[0]
        return None, [Problem(path, f"not valid XML: {message}", line, (column or 0) + 1)]
    except DefusedXmlException as error:
        line = parser.parser.CurrentLineNumber
        return None, [
            Problem(
                path,
                f"refused: the XML uses {type(error).__name__} ({error}), "
                "which a schedule never needs",
                line,
            )
        ]
    except (LookupError, ValueError) as error:
        # After DefusedXmlException, itself a ValueError. expat asks Python for the declared
        # encoding: an unknown name is a LookupError, a multi-byte one (utf-32) a ValueError.
        return None, [Problem(path, f"not valid XML: {_encoding_problem(error, data)}", 1)]
    reader = _Reader(path, parser.lines)
    if root.tag != "schedule":
        reader.error(f"not a schedule: the root element is <{root.tag}>, not <schedule>", root)
        return None, reader.problems
    schedule = reader.schedule(root)
    return (None if reader.problems else schedule), reader.problems
