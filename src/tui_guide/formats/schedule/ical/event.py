"""One VEVENT read with icalendar into what the guide keeps of it, leniently: a property that
does not read costs that property (and a warning), never the event or the file."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from icalendar import Event
from icalendar.prop import vBroken, vCalAddress, vCategory, vDDDLists, vDDDTypes, vRecur, vText
from icalendar.timezone import tzp

from tui_guide.formats.schedule.ical.lines import Component, unescape
from tui_guide.formats.schedule.ical.recur import Moment
from tui_guide.formats.schedule.kinds import known_kind
from tui_guide.formats.schedule.plaintext import plain_text
from tui_guide.programme.model import Kind, Link
from tui_guide.programme.rules import FIRST_YEAR, LAST_YEAR
from tui_guide.programme.text import brief, shown

Warn = Callable[[str, int], None]

PLACEHOLDER = "Untitled event"

# "Speaker: Joel Addison" or "Speakers: A, B and C" as a line of its own near the top of a
# description: how symposion (linux.conf.au, PyCon AU) and others name the people of a talk.
_SPEAKERS = re.compile(r"^\s*speakers?\s*:\s*(\S[^<>\n]*?)\s*$", re.IGNORECASE)
_NAME_BREAK = re.compile(r"\s*,\s*|\s+(?:and|&)\s+")
# What the guide reads of an event; only these lines are parsed (a third of a calendar's
# lines, and icalendar's parsing is most of the time a calendar takes to read).
_USED = frozenset(
    [
        "BEGIN",
        "END",
        "UID",
        "SUMMARY",
        "DTSTART",
        "DTEND",
        "DURATION",
        "DESCRIPTION",
        "X-ALT-DESC",
        "LOCATION",
        "URL",
        "ATTACH",
        "ATTENDEE",
        "ORGANIZER",
        "CATEGORIES",
        "STATUS",
        "RRULE",
        "RDATE",
        "EXDATE",
        "RECURRENCE-ID",
    ]
)
_PROPERTY_NAME = re.compile(r"[A-Za-z0-9-]*")


def _name(line: str) -> str:
    found = _PROPERTY_NAME.match(line)
    return found.group().upper() if found else ""


@dataclass
class Parsed:
    """A VEVENT, as the guide reads it."""

    component: Component
    where: str  # how messages name it
    uid: str | None
    start: Moment
    end: Moment | None = None  # DTEND
    duration: timedelta | None = None  # DURATION
    tzid: str | None = None  # DTSTART's TZID, as written
    title: str = ""
    description: str = ""
    location: str = ""
    url: str = ""
    categories: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    organisers: list[str] = field(default_factory=list)  # ORGANIZER: one, or several names
    status: str = ""
    rules: list[vRecur] = field(default_factory=list)
    rdates: list[Moment] = field(default_factory=list)
    exdates: list[Moment] = field(default_factory=list)
    recurrence_id: Moment | None = None
    links: list[Link] = field(default_factory=list)
    unescaped: bool = False  # its description's line breaks were escaped twice

    @property
    def line(self) -> int:
        return self.component.line

    @property
    def track(self) -> str:
        return self.categories[0] if self.categories else ""

    @property
    def type(self) -> str:
        """The kind the first category of one word that names one gives (*Workshop*,
        *Panels*, *Film*), by the kind's name: the category itself stays the track or a tag,
        so it is not kept twice. A longer category is a topic (*Game Development*, *Music
        Production* are tracks of talks), and says nothing of the kind."""
        return next((kind.value for c in self.categories if (kind := _kind(c))), "")


def _kind(category: str) -> Kind | None:
    words = category.casefold().split()
    if len(words) != 1:
        return None
    word = words[0]
    for name in (word, word[:-1] if word.endswith("s") else ""):
        if name and (kind := known_kind(name)) not in (None, Kind.TALK):
            return kind
    return None


def _values(event: Event, name: str) -> list[Any]:
    value = event.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _text(value: Any) -> str:
    """A property's text, its escapes (`\\,` `\\n`) undone."""
    if isinstance(value, vText):
        return str(value)
    if isinstance(value, bytes):
        return unescape(value.decode("utf-8", "replace"))
    return unescape(str(value))  # vBroken, vUnknown (X- properties): as written


def _first_text(event: Event, name: str) -> str:
    found = _values(event, name)
    return _text(found[0]).strip() if found else ""


def _names(value: Any) -> list[str]:
    """Who a calendar address (ATTENDEE, ORGANIZER) is: its CN, else its e-mail address. An
    unquoted CN with commas is several (RFC 5545 3.2: parameter values are lists)."""
    found = getattr(value, "params", {}).get("CN") or []
    found = found if isinstance(found, list) else [found]
    names = [str(name).strip().strip('"').strip() for name in found]
    if any(names):
        return [name for name in names if name]
    address = str(value).strip()
    if address.lower().startswith("mailto:"):
        address = address[7:]
    return [address] if "@" in address else []


def speakers(description: str) -> tuple[list[str], str]:
    """The names on a `Speaker:` line among a description's first three, and the description
    without that line (the names are kept as people, so nothing is lost)."""
    lines = description.split("\n")
    for index, line in enumerate(lines[:3]):
        found = _SPEAKERS.match(line)
        if found:
            names = [n.strip() for n in _NAME_BREAK.split(found.group(1)) if n.strip()]
            rest = "\n".join(lines[:index] + lines[index + 1 :]).strip("\n")
            return names, rest
    return [], description


class _Reading:
    def __init__(self, component: Component, event: Event, where: str, warn: Warn) -> None:
        self.component = component
        self.event = event
        self.where = where
        self.warn_at = warn

    def warn(self, message: str, name: str | None = None) -> None:
        line = self.component.line_of(name) if name else self.component.line
        self.warn_at(f"{self.where}: {message}", line)

    def moment(self, name: str) -> tuple[Moment | None, str | None]:
        """A DATE or DATE-TIME property's value and its TZID; a value not in iCalendar's form
        but in ISO 8601 is taken too. A TZID that names no zone leaves the time floating."""
        found = _values(self.event, name)
        if not found:
            return None, None
        value = found[0]
        params = getattr(value, "params", {})
        tzid = str(params["TZID"]) if params.get("TZID") else None
        if isinstance(value, vDDDTypes) and isinstance(value.dt, date):  # datetime is a date
            return self.in_range(name, value.dt), tzid
        raw = str(value).strip()
        try:
            moment: Moment = datetime.fromisoformat(raw)
        except ValueError:
            try:
                moment = date.fromisoformat(raw)
            except ValueError:
                self.warn(f"{name} {shown(raw)} is not a date or time", name)
                return None, tzid
        if isinstance(moment, datetime) and moment.tzinfo is None and tzid:
            zone = tzp.timezone(tzid)
            moment = moment.replace(tzinfo=zone) if zone is not None else moment
        self.warn(f"{name} {shown(raw)} is not in iCalendar's form; read as {moment}", name)
        return self.in_range(name, moment), tzid

    def in_range(self, name: str, moment: Moment) -> Moment | None:
        """`moment`, or None (and a warning) when its year is one no programme has: a typing
        mistake, and at the edge of Python's calendar, where arithmetic overflows."""
        if FIRST_YEAR <= moment.year <= LAST_YEAR:
            return moment
        self.warn(f"{name} {moment} is out of range ({FIRST_YEAR} to {LAST_YEAR}); ignored", name)
        return None

    def duration(self) -> timedelta | None:
        found = _values(self.event, "DURATION")
        if not found:
            return None
        value = found[0]
        if isinstance(value, vDDDTypes) and isinstance(value.dt, timedelta):
            return value.dt
        self.warn(f"DURATION {shown(value)} does not read; its end is not known", "DURATION")
        return None

    def moments(self, name: str) -> list[Moment]:
        """Every date of RDATE or EXDATE (a period counts by its start)."""
        found: list[Moment] = []
        for value in _values(self.event, name):
            if not isinstance(value, vDDDLists):
                self.warn(f"{name} {shown(value)} does not read; ignored", name)
                continue
            for item in value.dts:
                moment = item.dt[0] if isinstance(item.dt, tuple) else item.dt
                if isinstance(moment, date) and FIRST_YEAR <= moment.year <= LAST_YEAR:
                    found.append(moment)
        return found

    def rules(self) -> list[vRecur]:
        rules = []
        for value in _values(self.event, "RRULE"):
            if isinstance(value, vRecur):
                rules.append(value)
            else:
                self.warn(f"RRULE {shown(value)} does not read; the event is not repeated", "RRULE")
        return rules

    def categories(self) -> list[str]:
        """Every category, in order. A list whose items after the first start with a space
        was one name with commas in it (Pentabarf writes a track so): kept whole."""
        found: list[str] = []
        for value in _values(self.event, "CATEGORIES"):
            if isinstance(value, vCategory):
                parts = [str(part) for part in value.cats]
                if any(part[:1].isspace() for part in parts[1:]):
                    parts = [",".join(parts)]
            else:
                parts = [_text(value)]
            found += [" ".join(part.split()) for part in parts]
        return list(dict.fromkeys(part for part in found if part))

    def people(self) -> tuple[list[str], str]:
        """The people (ATTENDEEs that are not rooms) and the room of an ATTENDEE that is one."""
        people: list[str] = []
        room = ""
        for value in _values(self.event, "ATTENDEE"):
            kind = str(getattr(value, "params", {}).get("CUTYPE") or "").upper()
            names = _names(value) if isinstance(value, vCalAddress | vBroken | str) else []
            if kind in ("ROOM", "RESOURCE"):
                room = room or ", ".join(names)
            else:
                people += names
        return people, room

    def links(self) -> tuple[str, list[Link]]:
        urls = [str(value).strip() for value in _values(self.event, "URL")]
        attached = [str(value).strip() for value in _values(self.event, "ATTACH")]
        web = [u for u in [*urls, *attached] if u.lower().startswith(("http://", "https://"))]
        first = urls[0] if urls and urls[0] else ""
        rest = [Link(u) for u in dict.fromkeys(web) if u != first]
        return first, rest


def parse(component: Component, warn: Warn) -> Parsed | None:
    """The event in `component`, or None (and a warning) when it has no start to place it."""
    text = "\r\n".join(line.text for line in component.own if _name(line.text) in _USED)
    try:
        with warnings.catch_warnings():  # icalendar warns when it guesses a zone's name
            warnings.simplefilter("ignore")
            event = Event.from_ical(text)
    except Exception as error:  # icalendar raises many kinds for broken input
        why = shown(error, 120)
        warn(f"an event that does not read ({why}); left out", component.line)
        return None
    if not isinstance(event, Event):  # pragma: no cover - the block starts BEGIN:VEVENT
        return None
    uid = _first_text(event, "UID")
    summary = " ".join(_first_text(event, "SUMMARY").split())
    where = f"event {brief(uid)}" if uid else f"event {shown(summary or 'with no UID')}"
    reading = _Reading(component, event, where, warn)
    start, tzid = reading.moment("DTSTART")
    if start is None:
        reading.warn("no DTSTART (start) to place it at; left out", "DTSTART")
        return None
    parsed = Parsed(component, where, uid or None, start, tzid=tzid)
    parsed.end, _ = reading.moment("DTEND")
    parsed.duration = reading.duration()
    parsed.recurrence_id, _ = reading.moment("RECURRENCE-ID")
    parsed.rules = reading.rules()
    parsed.rdates = reading.moments("RDATE")
    parsed.exdates = reading.moments("EXDATE")
    description = _first_text(event, "DESCRIPTION") or _first_text(event, "X-ALT-DESC")
    if "\\n" in description and "\n" not in description:
        description = description.replace("\\n", "\n")  # escaped twice by its writer
        parsed.unescaped = True
    named, description = speakers(description)
    parsed.description = description
    parsed.title = summary or _title_from(description)
    if not summary:
        reading.warn(f"no SUMMARY (title); shown as {shown(parsed.title)}")
    parsed.location = " ".join(_first_text(event, "LOCATION").split())
    parsed.people, room = reading.people()
    parsed.location = parsed.location or room
    parsed.people = _once([*parsed.people, *named])
    organisers = _values(event, "ORGANIZER")
    parsed.organisers = _names(organisers[0]) if organisers else []
    parsed.categories = reading.categories()
    parsed.status = _first_text(event, "STATUS").upper()
    parsed.url, parsed.links = reading.links()
    return parsed


def _once(names: list[str]) -> list[str]:
    """Each name once (whatever its case), in the order first given."""
    seen: set[str] = set()
    kept = []
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept


def _title_from(description: str) -> str:
    first = plain_text(description).split("\n", 1)[0].strip()
    if not first:
        return PLACEHOLDER
    return first if len(first) <= 80 else first[:79].rstrip() + "…"
