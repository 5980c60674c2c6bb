"""A schedule as read (`raw.py`) made into a Festival: ids, local times, kinds and text.

Nothing in the file is lost: an event listed at two times or in two rooms becomes two
sessions with stable ids derived from their time; only a copy identical in every respect is
kept once. Each such decision is said as a warning.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tui_guide.formats.schedule.kinds import kind_of
from tui_guide.formats.schedule.plaintext import plain_text
from tui_guide.formats.schedule.raw import RawEvent, RawSchedule
from tui_guide.formats.schedule.zones import zone_from_offsets
from tui_guide.programme.model import Festival, Person, Problem, Session, Venue
from tui_guide.programme.rules import FIRST_YEAR, LAST_YEAR, MAX_DAYS, SLUG
from tui_guide.programme.text import fold, shown


def slugify(text: str | None) -> str:
    """Lower-case ASCII letters, digits and single hyphens (the format's ids)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text or "")).strip("-")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _unique(base: str, taken: set[str]) -> str:
    ident, number = base, 2
    while ident in taken:
        ident, number = f"{base}-{number}", number + 1
    taken.add(ident)
    return ident


@dataclass
class _Placed:
    event: RawEvent
    start: datetime  # local, aware
    end: time | None
    venue: Venue | None


class _Builder:
    def __init__(self, path: Path, raw: RawSchedule, timezone: str | None) -> None:
        self.path = path
        self.raw = raw
        self.problems: list[Problem] = []
        self.zone = self._zone(timezone)
        self.festival_id = (
            slugify(raw.acronym) or slugify(raw.title) or slugify(path.stem) or "festival"
        )

    def warn(self, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.path, message, line, severity="warning"))

    def error(self, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.path, message, line))

    def _zone(self, override: str | None) -> ZoneInfo:
        if override:
            return ZoneInfo(override)  # checked by the caller
        name = self.raw.zone_name
        if name:
            try:
                return ZoneInfo(name)
            except Exception:  # zoneinfo raises several types for odd names
                self.warn(f"conference: unknown time_zone_name {shown(name)}")
        moments = [e.moment for e in self.raw.events if e.moment is not None]
        moments += [d.start for d in self.raw.days if d.start is not None]
        found = zone_from_offsets(moments)
        if found is not None:
            self.warn(
                f"no time_zone_name: the zone is taken as {found.key} from the offsets of the "
                "times in the file (give --timezone to name the real one)"
            )
            return found
        self.warn("no time zone in the file: times are read as UTC (give --timezone)")
        return ZoneInfo("UTC")

    def place(self, event: RawEvent, venues: dict[str, Venue]) -> _Placed | None:
        try:
            return self._place(event, venues)
        except (OverflowError, ValueError):  # a date at the edge of the calendar
            self.error(f"{event.where}: its date is out of range", event.line)
            return None

    def _place(self, event: RawEvent, venues: dict[str, Venue]) -> _Placed | None:
        zone = self.zone
        if event.moment is not None:
            start = (
                event.moment.astimezone(zone)
                if event.moment.tzinfo is not None
                else event.moment.replace(tzinfo=zone)
            )
        elif event.start is not None and event.day is not None:
            day = event.day.date
            boundary = self.raw.day_change
            if boundary is None and event.day.start is not None:
                day_start = event.day.start
                if day_start.tzinfo is not None:
                    day_start = day_start.astimezone(zone)
                if day_start.date() == day:
                    boundary = day_start.time()
            if boundary is not None and event.start < boundary:
                day += timedelta(days=1)  # after midnight, still the schedule's same day
            start = datetime.combine(day, event.start, tzinfo=zone)
        else:
            self.error(f"{event.where}: a start time but no day to put it on", event.line)
            return None
        if not FIRST_YEAR <= start.year <= LAST_YEAR:
            self.error(f"{event.where}: {start.date()} is out of range", event.line)
            return None
        end = None
        if event.duration is not None and event.duration >= timedelta(days=1):
            self.warn(
                f"{event.where}: runs {event.duration}; a session ends within a day of its "
                "start, so only its start is kept",
                event.line,
            )
        elif event.duration:
            end = (start.astimezone(UTC) + event.duration).astimezone(zone).time()
        return _Placed(event, start, end, venues.get(event.room))

    def venues(self) -> dict[str, Venue]:
        taken: set[str] = set()
        venues: dict[str, Venue] = {}
        for room in self.raw.rooms:
            ident = _unique(slugify(room.name) or "room", taken)
            venues[room.name] = Venue(self.festival_id, ident, _one_line(room.name), guid=room.guid)
        return venues

    def ids(self, placed: list[_Placed]) -> list[tuple[str, _Placed]]:
        """Each session's id: the event's guid (or id, or slug); every copy of a repeated
        one gets it with its own date and time."""
        groups: dict[str, list[_Placed]] = defaultdict(list)
        for item in placed:
            groups[_base_id(item.event)].append(item)
        taken = set(groups)
        result: list[tuple[str, _Placed]] = []
        for base, copies in groups.items():
            # In time order; of copies at the same time and place, the fullest first.
            copies.sort(key=lambda p: (p.start, p.venue.id if p.venue else "", -_richness(p)))
            kept: list[_Placed] = []
            for item in copies:
                if any(_same(item, other) for other in kept):
                    self.warn(
                        f"{item.event.where}: listed twice at the same time and place; kept once",
                        item.event.line,
                    )
                else:
                    kept.append(item)
            if len(kept) == 1:
                result.append((base, kept[0]))
                continue
            # Every copy's id comes from its own time (and room, when two share a time), never
            # from its rank: an earlier run added later shifts no id, so favourites stay put.
            derived = []
            for item in kept:
                stamp = f"{base}-{item.start:%Y%m%d-%H%M}"
                twins = [other for other in kept if other.start == item.start]
                if len(twins) > 1 and item.venue is not None:
                    stamp += f"-{item.venue.id}"
                ident = _unique(stamp, taken)
                derived.append(ident)
                result.append((ident, item))
            first = kept[0]
            self.warn(
                f"{first.event.where}: the same event at {len(kept)} times or places; "
                f"kept as separate sessions {', '.join(derived)}",
                first.event.line,
            )
        return result

    def session(self, ident: str, item: _Placed) -> Session:
        event = item.event
        kind = kind_of(event.type)
        tags = [event.language] if event.language else []
        abstract, description = plain_text(event.abstract), plain_text(event.description)
        if abstract and description.startswith(abstract):
            abstract = ""
        return Session(
            festival_id=self.festival_id,
            id=ident,
            title=_one_line(event.title),
            kind=kind,
            timezone=self.zone,
            date=item.start.date(),
            start=item.start.time().replace(tzinfo=None),
            end=item.end.replace(tzinfo=None) if item.end else None,
            venue=item.venue,
            track=_one_line(event.track) or None,
            people=tuple(Person(_one_line(name)) for name in event.persons),
            tags=tuple(dict.fromkeys(tags)),
            description="\n\n".join(filter(None, (abstract, description))),
            url=event.url or None,
            subtitle=_one_line(plain_text(event.subtitle)),
            links=event.links,
            guid=event.guid,
            type=_one_line(event.type) or None,
        )

    def festival(self, source: str) -> Festival | None:
        venues = self.venues()
        placed = [p for e in self.raw.events if (p := self.place(e, venues)) is not None]
        if any(p.severity == "error" for p in self.problems):
            return None
        sessions = [self.session(ident, item) for ident, item in self.ids(placed)]
        sessions.sort(key=Session.sort_key)
        dates = [s.date for s in sessions if s.date is not None]
        starts = min([d for d in (self.raw.start, *dates) if d is not None], default=None)
        ends = max([d for d in (self.raw.end, *dates) if d is not None], default=None)
        if not sessions:
            self.warn("the schedule holds no events")
        if starts and ends and (ends - starts).days >= MAX_DAYS:
            # The guide has a tab per day; the TOML loader refuses the same.
            self.error(f"the schedule runs from {starts} to {ends}, longer than {MAX_DAYS} days")
            return None
        return Festival(
            id=self.festival_id,
            name=_one_line(self.raw.title) or self.festival_id,
            city=_one_line(self.raw.city),
            country="",
            timezone=self.zone,
            source_file=self.path,
            starts=starts,
            ends=ends,
            url=self.raw.url or None,
            sources=(source,),
            venues=tuple(venues.values()),
            sessions=tuple(sessions),
        )


def _base_id(event: RawEvent) -> str:
    for candidate in (event.guid, event.id):
        if candidate and SLUG.match(candidate.lower()):
            return candidate.lower()
    return (
        slugify(event.guid)
        or slugify(event.id)
        or slugify(event.slug)
        or slugify(event.title)
        or "event"
    )


def _richness(item: _Placed) -> int:
    event = item.event
    return len(event.persons) + len(event.links) + len(event.abstract) + len(event.description)


def _same(a: _Placed, b: _Placed) -> bool:
    return (a.start, a.end, a.venue, a.event.title) == (b.start, b.end, b.venue, b.event.title)


def build(
    path: Path, raw: RawSchedule, source: str, timezone: str | None = None
) -> tuple[Festival | None, list[Problem]]:
    """The festival in `raw`, or None; and every warning and error on the way."""
    builder = _Builder(path, raw, timezone)
    festival = builder.festival(source)
    return festival, builder.problems
