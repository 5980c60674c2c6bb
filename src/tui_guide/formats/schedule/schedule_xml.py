"""schedule.xml, as frab, pretalx and wafer write it (the c3voc schema) and as Pentabarf
wrote it before (FOSDEM's older exports): `<schedule>`, `<conference>`, then `<day>`s holding
`<room>`s holding `<event>`s. Pentabarf's exports of 2007 put the `<event>`s straight into
their `<day>`, each naming its `<room>`; static-site generators write one `<person>` listing
everyone. Read liberally, as the JSON: what cannot be read is a warning with the event's line,
and the event is kept with what is known.

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
from tui_guide.programme.text import brief
from tui_guide.reading import MAX_DEPTH


class _LineParser(DefusedXMLParser):
    """Notes the line of every element, for messages (ElementTree keeps none)."""

    def __init__(self) -> None:
        self.lines: dict[int, int] = {}
        super().__init__(
            target=_LineBuilder(self), forbid_dtd=False, forbid_entities=True, forbid_external=True
        )


class _TooDeep(Exception):
    """Elements nested deeper than `MAX_DEPTH`."""


class _LineBuilder(TreeBuilder):
    """Builds the tree for `parser`, noting in its `lines` the line each element starts on;
    refuses elements nested more than `MAX_DEPTH` deep (a schedule nests six), so that no
    later walk of the tree can recurse without end."""

    def __init__(self, parser: _LineParser) -> None:
        super().__init__()
        self._parser = parser
        self._depth = 0

    def start(self, tag: str, attrs: dict[str, str]) -> Element:
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _TooDeep
        element = super().start(tag, attrs)
        self._parser.lines[id(element)] = self._parser.parser.CurrentLineNumber
        return element

    def end(self, tag: str) -> Element:
        self._depth -= 1
        return super().end(tag)


def _text(element: Element | None, name: str) -> str:
    child = element.find(name) if element is not None else None
    return (child.text or "").strip() if child is not None else ""


def _link(element: Element) -> Link | None:
    """A `<link href="…">Title</link>`, or with its title as a `<title>` child (or attribute)."""
    href = (element.get("href") or "").strip()
    if not href:
        return None
    title = (element.text or "").strip() or _text(element, "title") or element.get("title", "")
    return Link(href, " ".join(title.split()))


def _people(element: Element) -> tuple[list[str], list[str]]:
    """The people of an event and their roles: `<persons><person>` each one person; a
    `<person>` (or a `<persons>` without children) straight under the event, as static-site
    generators write it, may list several: "Ada Lovelace, Alan Turing"."""
    names: list[str] = []
    roles: list[str] = []
    for group in element.findall("persons"):
        listed = group.findall("person")
        if not listed and (group.text or "").strip():
            names += values.names(group.text or "")
        for person in listed:
            if name := " ".join((person.text or person.get("name") or "").split()):
                names.append(name)
                roles.append((person.get("role") or "").strip().lower())
    for person in element.findall("person"):
        found = values.names(person.text or person.get("name") or "")
        names += found
        roles += [(person.get("role") or "").strip().lower()] * len(found)
    roles += [""] * (len(names) - len(roles))
    return names, roles


class _Reader:
    def __init__(self, path: Path, lines: dict[int, int]) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []
        self.seen = 0  # <event>s in the file, read or not

    def line(self, element: Element) -> int | None:
        return self.lines.get(id(element))

    def error(self, message: str, element: Element) -> None:
        self.problems.append(Problem(self.path, message, self.line(element)))

    def warn(self, message: str, element: Element) -> None:
        self.problems.append(Problem(self.path, message, self.line(element), severity="warning"))

    def value(self, parse: Any, text: str, where: str, element: Element, kept: str) -> Any:
        """`parse(text)`, or None (and a warning saying what is done without it)."""
        if not text:
            return None
        try:
            return parse(text)
        except ValueError as error:
            self.warn(f"{where}: {error}; {kept}", element)
            return None

    def schedule(self, root: Element) -> RawSchedule | None:
        conference = root.find("conference")
        if conference is None:
            self.error("not a schedule: <schedule> has no <conference>", root)
            return None
        title = _text(conference, "title")
        if not title:
            self.warn(
                "conference: no <title>; the festival is named after its acronym or the file",
                conference,
            )
        days: list[RawDay] = []
        events: list[RawEvent] = []
        rooms: dict[str, RawRoom] = {}
        seen: set[int] = set()

        def add(event_el: Element, day: RawDay | None, room: str) -> None:
            seen.add(id(event_el))
            self.seen += 1
            event = self.event(event_el, day, room)
            if event is not None:
                events.append(event)

        for day_el in root.iter("day"):
            day = self.day(day_el)
            if day is not None:
                days.append(day)
            for child in day_el:
                if child.tag == "room":
                    # A room with no name holds events with no room: their venue is TBA.
                    name = " ".join((child.get("name") or "").split())
                    if name and name not in rooms:
                        rooms[name] = RawRoom(name, child.get("guid") or None, self.line(child))
                    for event_el in child.findall("event"):
                        add(event_el, day, name)
                elif child.tag == "event":  # Pentabarf 2007: no <room>, the day's own events
                    add(child, day, "")
        # Nothing is lost: an <event> anywhere else (not in a day) is read too, on its own
        # <date> and <room>.
        for event_el in root.iter("event"):
            if id(event_el) not in seen:
                add(event_el, None, "")
        for event in events:
            if event.room:
                rooms.setdefault(event.room, RawRoom(event.room, line=event.line))
        day_change = self.value(
            values.clock,
            _text(conference, "day_change"),
            "conference, day_change",
            conference,
            "ignored",
        )
        url = _text(conference, "url") or _text(conference, "base_url") or _text(root, "url")
        return RawSchedule(
            title=title,
            acronym=_text(conference, "acronym"),
            zone_name=_text(conference, "time_zone_name"),
            start=self.value(
                values.day, _text(conference, "start"), "conference, start", conference, "ignored"
            ),
            end=self.value(
                values.day, _text(conference, "end"), "conference, end", conference, "ignored"
            ),
            url=url,
            base_url=_text(conference, "base_url") or _text(root, "base_url") or url,
            city=_text(conference, "city"),
            day_change=day_change,
            days=tuple(days),
            rooms=tuple(rooms.values()),
            events=tuple(events),
            track_colours=self.track_colours(conference),
        )

    def track_colours(self, conference: Element) -> tuple[tuple[str, str], ...]:
        """`<track name="…" color="#0084b0"/>` in the conference: each track's colour."""
        found: dict[str, str] = {}
        for track in conference.findall("track"):
            name = " ".join((track.get("name") or track.text or "").split())
            colour = self.value(
                values.colour, track.get("color", ""), f"track {name!r}, color", track, "ignored"
            )
            if name and colour:
                found.setdefault(name, colour)
        return tuple(found.items())

    def day(self, element: Element) -> RawDay | None:
        where = f"day {element.get('index') or '?'}"
        found: date | None = self.value(
            values.day, element.get("date", ""), where, element, "ignored"
        )
        if found is None:
            self.warn(f"{where}: no date; its events are placed by their own dates", element)
            return None
        start = self.value(
            values.moment, element.get("start", ""), f"{where}, start", element, "ignored"
        )
        end = self.value(values.moment, element.get("end", ""), f"{where}, end", element, "ignored")
        return RawDay(found, start, end)

    def event(self, element: Element, day: RawDay | None, room: str) -> RawEvent | None:
        texts: dict[str, str] = {}
        for child in element:  # the first of each name, as find() would give
            texts.setdefault(child.tag, (child.text or "").strip())

        def text(name: str) -> str:
            return texts.get(name, "")

        ident = element.get("guid") or element.get("id") or text("slug")
        where = f"event {brief(ident)}" if ident else "an event"
        moment = self.value(values.moment, text("date"), f"{where}, date", element, "ignored")
        start = self.value(
            values.clock, text("start"), f"{where}, start", element, "its time is to be announced"
        )
        duration = self.value(
            values.duration, text("duration"), f"{where}, duration", element, "its end is not known"
        )
        links = [
            link
            for group in ("links", "attachments")
            for found in element.findall(f"{group}/*")
            if (link := _link(found)) is not None
        ]
        persons, roles = _people(element)
        return RawEvent(
            where=where,
            line=self.line(element),
            day=day,
            room=" ".join(text("room").split()) or room,
            title=text("title"),
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
            roles=tuple(roles),
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
    except _TooDeep:
        return None, [
            Problem(
                path,
                f"not a schedule: elements nested more than {MAX_DEPTH} deep "
                "(a schedule.xml nests a few levels)",
                parser.parser.CurrentLineNumber,
            )
        ]
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
    if schedule is not None and reader.seen and not schedule.events:
        reader.error(f"none of the {reader.seen} events in the file could be read", root)
    failed = any(p.severity == "error" for p in reader.problems)
    return (None if failed else schedule), reader.problems
