"""A schedule as read (`raw.py`) made into a Festival: ids, local times, kinds and text.

Nothing in the file is lost: an event listed at two times or in two rooms becomes two
sessions with stable ids derived from their time; only a copy identical in every respect is
kept once. Each such decision is said as a warning.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

from tui_guide.formats.localtime import offset_label, resolve
from tui_guide.formats.schedule.kinds import kind_of
from tui_guide.formats.schedule.plaintext import plain_text
from tui_guide.formats.schedule.raw import RawDay, RawEvent, RawSchedule
from tui_guide.formats.schedule.wallclock import disagreement, start_of
from tui_guide.formats.schedule.zones import zone_from_offsets
from tui_guide.programme.format import count, zone_label
from tui_guide.programme.model import (
    DEFAULT_DAY_STARTS,
    Festival,
    Link,
    Person,
    Problem,
    Session,
    Venue,
)
from tui_guide.programme.rules import FIRST_YEAR, LAST_YEAR, MAX_DAYS, SLUG
from tui_guide.programme.text import fold, shown


def slugify(text: str | None) -> str:
    """Lower-case ASCII letters, digits and single hyphens (the format's ids)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text or "")).strip("-")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _unique(base: str, taken: set[str], tried: dict[str, int] | None = None) -> str:
    """`base`, or `base-2`, `base-3`…, the first not `taken`. `tried` remembers how far each
    base has been counted, so that a base asked for n times costs n steps, not n²."""
    number = tried.get(base, 2) if tried is not None else 2
    ident = base if number == 2 else f"{base}-{number}"
    while ident in taken:
        ident, number = f"{base}-{number}", number + 1
    if tried is not None:
        tried[base] = number
    taken.add(ident)
    return ident


SHOWN_IDS = 5  # the ids a warning about repeated events lists, before "and n more"


TITLE_TBA = "Title TBA"


@dataclass(frozen=True)
class Origin:
    """Where a record of the festival came from in the schedule: how messages name it (an
    event, a room), and its line."""

    where: str
    line: int | None


@dataclass
class _Placed:
    """An event put in the festival's time: as much of its date and time as is known."""

    event: RawEvent
    day: date | None
    start: time | None  # local wall-clock time
    end: time | None
    venue: Venue | None

    def order(self) -> tuple[date, bool, time]:
        return (self.day or date.max, self.start is None, self.start or time.min)


class _Builder:
    def __init__(self, path: Path, raw: RawSchedule, timezone: str | None) -> None:
        self.path = path
        self.raw = raw
        self.moved: list[RawEvent] = []  # put at their <start>, which their <date> contradicts
        self.problems: list[Problem] = []
        self.zone = self._zone(timezone)
        self.festival_id = (
            slugify(raw.acronym) or slugify(raw.title) or slugify(path.stem) or "festival"
        )
        self.unresolved: list[tuple[RawEvent, str]] = []  # relative, with nothing to resolve
        self.origins: dict[str, Origin] = {"festival": Origin("conference", None)}
        self.day_starts = self._day_starts()

    def _last_day(self) -> date | None:
        """The conference's `end`, unless that is only the morning the last listed day's night
        ends on (34C3 gives 31 December for days 27 to 30, the last running to 03:00)."""
        end = self.raw.end
        if end is None or not self.raw.days:
            return end
        last = max(self.raw.days, key=lambda d: d.date)
        night = last.end.astimezone(self.zone) if last.end and last.end.tzinfo else last.end
        if end == last.date + timedelta(days=1) and night is not None and night.date() == end:
            return last.date
        return end

    def _own_date(self, day: RawDay) -> bool:
        """Whether a listed day begins on its own date in the festival's zone (or says not
        when): wafer dates DebConf's days in UTC, so its "9 September" begins at 03:00 on
        the 10th in Kochi and holds the 10th's events; it adds no empty day of its own."""
        start = day.start
        if start is None:
            return True
        local = start.astimezone(self.zone) if start.tzinfo is not None else start
        return local.date() == day.date

    def _day_starts(self) -> time | None:
        """When the schedule's festival day begins: its `day_change`, else the hour its days
        end at on the next date, the most common one (37C3's days run to 04:00, 34C3's to
        03:00). None when the file says neither (DebConf's days are dated in UTC and end two
        dates on in Kochi): the default applies."""
        if self.raw.day_change is not None:
            return self.raw.day_change
        ends: Counter[time] = Counter()
        for day in self.raw.days:
            end = day.end
            if end is None:
                continue
            if end.tzinfo is not None:
                end = end.astimezone(self.zone)
            if end.date() != day.date + timedelta(days=1):
                continue  # a day that ends on its own date says nothing of its night
            clock = end.time().replace(tzinfo=None, second=0, microsecond=0)
            if clock.minute == 59:  # "03:59" is the minute before 04:00
                clock = time((clock.hour + 1) % 24)
            if clock <= time(12):
                ends[clock] += 1
        return ends.most_common(1)[0][0] if ends else None

    def warn(self, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.path, message, line, severity="warning"))

    def error(self, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.path, message, line))

    def _zone(self, given: str | None) -> ZoneInfo:
        """The zone the file names; else `given` (--timezone, checked by the caller), the
        zone of wall-clock times that come without a usable one; else a guess, said."""
        name = self.raw.zone_name
        if name:
            try:
                zone = ZoneInfo(name)
            except Exception:  # zoneinfo raises several types for odd names
                used = f"; times are read in {given} (--timezone)" if given else ""
                self.warn(f"conference: unknown time_zone_name {shown(name)}{used}")
            else:
                if given and given != zone.key:
                    self.warn(
                        f"the file names its time zone, {shown(name)}; "
                        f"--timezone {given} is for files that name none, and is not used"
                    )
                return zone
        if given:
            return ZoneInfo(given)
        moments = [e.moment for e in self.raw.events if e.moment is not None]
        moments += [d.start for d in self.raw.days if d.start is not None]
        found = zone_from_offsets(moments)
        if found is not None:
            label = zone_label(found)
            taken = label if label == found.key else f"{label} ({found.key})"
            self.warn(
                f"no time_zone_name: the zone is taken as {taken} from the offsets of the "
                "times in the file (give --timezone to name the real one)"
            )
            return found
        self.warn("no time zone in the file: times are read as UTC (give --timezone)")
        return ZoneInfo("UTC")

    def place(self, event: RawEvent, venues: dict[str, Venue]) -> _Placed:
        """The event in the festival's time; what cannot be placed is to be announced (and
        said), never a reason to lose the event."""
        venue = venues.get(_one_line(event.room))
        try:
            return self._place(event, venue)
        except (OverflowError, ValueError):  # a date at the edge of the calendar
            self.warn(f"{event.where}: its date is out of range; to be announced", event.line)
            return _Placed(event, None, None, None, venue)

    def _place(self, event: RawEvent, venue: Venue | None) -> _Placed:
        zone = self.zone
        if event.moment is not None:
            start, moved = start_of(event.moment, event.start, zone)
            if moved:
                self.moved.append(event)
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
        elif event.all_day and event.day is not None:  # a date alone: an all-day event
            alone = event.day.date
            if not FIRST_YEAR <= alone.year <= LAST_YEAR:
                self.warn(f"{event.where}: {alone} is out of range; to be announced", event.line)
                return _Placed(event, None, None, None, venue)
            return _Placed(event, alone, None, None, venue)
        elif event.start is not None:
            self.warn(
                f"{event.where}: a start time but no day to put it on; its date is to be announced",
                event.line,
            )
            return _Placed(event, None, event.start, self._end(event, None), venue)
        else:
            self.warn(
                f"{event.where}: no start (no date or start that reads); its time is to be "
                "announced",
                event.line,
            )
            on = event.day.date if event.day is not None else None
            return _Placed(event, on, None, None, venue)
        if not FIRST_YEAR <= start.year <= LAST_YEAR:
            self.warn(f"{event.where}: {start.date()} is out of range; to be announced", event.line)
            return _Placed(event, None, None, None, venue)
        start = self._real(event, start)
        clock = start.time().replace(tzinfo=None)
        return _Placed(event, start.date(), clock, self._end(event, start), venue)

    def _real(self, event: RawEvent, start: datetime) -> datetime:
        """`start` as the guide keeps it, on a night the clocks change (`localtime.py`): out
        of a gap, and the first of a time that happens twice, said as a warning."""
        found = resolve(start.date(), start.time(), self.zone)
        if found.note is None:
            return start
        note = found.note
        if start.fold and not found.moved:  # an offset in the file named the second one
            note += f" (the file's offset says the second, {start:%H:%M} {offset_label(start)})"
        self.warn(f"{event.where}, start: {note}", event.line)
        return datetime.combine(found.day, found.clock, tzinfo=self.zone)

    def _end(self, event: RawEvent, start: datetime | None) -> time | None:
        if event.duration is not None and event.duration >= timedelta(days=1):
            self.warn(
                f"{event.where}: runs {event.duration}; a session ends within a day of its "
                "start, so only its start is kept",
                event.line,
            )
            return None
        if not event.duration:
            return None
        if start is None:  # no date: the wall clock, as the date is not known
            assert event.start is not None
            return (datetime.combine(date(2000, 1, 1), event.start) + event.duration).time()
        end = (start.astimezone(UTC) + event.duration).astimezone(self.zone)
        if end.fold and not start.fold:
            # It ends in the hour the clocks go back, the second time round: a wall clock
            # read as the first would end before it starts. Its length on the wall clock.
            wall = start.replace(tzinfo=None) + event.duration
            self.warn(
                f"{event.where}: ends at {end:%H:%M} after the clocks go back; its end is "
                f"shown as {wall:%H:%M}, its length on the wall clock",
                event.line,
            )
            return wall.time()
        return end.time().replace(tzinfo=None, fold=0)

    def venues(self) -> dict[str, Venue]:
        """A venue for each room with a name; an event in a room with none has its venue
        to be announced."""
        taken: set[str] = set()
        venues: dict[str, Venue] = {}
        for room in self.raw.rooms:
            name = _one_line(room.name)
            if name and name not in venues:
                ident = _unique(slugify(name) or "room", taken)
                venues[name] = Venue(self.festival_id, ident, name, guid=room.guid)
                self.origins[f"venues/{ident}"] = Origin(f"room {shown(name)}", room.line)
        return venues

    def ids(self, placed: list[_Placed]) -> list[tuple[str, _Placed]]:
        """Each session's id: the event's guid (or id, or slug); every copy of a repeated
        one gets it with its own date and time."""
        groups: dict[str, list[_Placed]] = defaultdict(list)
        for item in placed:
            groups[_base_id(item.event)].append(item)
        taken = set(groups)
        tried: dict[str, int] = {}
        result: list[tuple[str, _Placed]] = []
        for base, copies in groups.items():
            # In time order; of copies at the same time and place, the fullest first.
            copies.sort(key=lambda p: (p.order(), p.venue.id if p.venue else "", -_richness(p)))
            kept: list[_Placed] = []
            seen: set[tuple[object, ...]] = set()
            for item in copies:
                if (same := _same_key(item)) in seen:
                    self.warn(
                        f"{item.event.where}: listed twice at the same time and place; kept once",
                        item.event.line,
                    )
                else:
                    seen.add(same)
                    kept.append(item)
            if len(kept) == 1:
                result.append((base, kept[0]))
                continue
            # Every copy's id comes from its own time (and room, when two share a time), never
            # from its rank: an earlier run added later shifts no id, so favourites stay put.
            derived = []
            at_once = Counter(item.order() for item in kept)
            for item in kept:
                stamp = f"{base}-{_stamp(item)}"
                if at_once[item.order()] > 1 and item.venue is not None:
                    stamp += f"-{item.venue.id}"
                ident = _unique(stamp, taken, tried)
                derived.append(ident)
                result.append((ident, item))
            first = kept[0]
            listed = ", ".join(derived[:SHOWN_IDS])
            if len(derived) > SHOWN_IDS:
                listed += f" and {len(derived) - SHOWN_IDS:,} more"
            self.warn(
                f"{first.event.where}: the same event at {len(kept)} times or places; "
                f"kept as separate sessions {listed}",
                first.event.line,
            )
        return result

    def link(self, event: RawEvent, url: str) -> str:
        """`url`, resolved against the schedule's address when it is relative ("/system/…",
        "media/…"). An address written without its scheme ("example.org/x") is no path on
        the schedule's site: it is kept as written. So is a relative link when the file
        gives no address to resolve it against (said once, in `festival`)."""
        if urlsplit(url).scheme:
            return url
        if not url.startswith(("/", ".", "?", "#")) and "." in url.split("/", 1)[0]:
            return url
        base = self.raw.base_url or self.raw.url
        if base:
            return urljoin(base, url)
        self.unresolved.append((event, url))
        return url

    def session(self, ident: str, item: _Placed) -> Session:
        event = item.event
        kind = kind_of(event.type)
        tags = [event.language] if event.language else []
        tags += [_one_line(tag) for tag in event.tags]
        abstract, description = plain_text(event.abstract), plain_text(event.description)
        if abstract and description.startswith(abstract):
            abstract = ""
        title = _one_line(event.title)
        if not title:
            self.warn(f"{event.where}: no title; shown as {shown(TITLE_TBA)}", event.line)
        roles = event.roles + ("",) * (len(event.persons) - len(event.roles))
        people = [
            Person(name, role or None)
            for name, role in zip(map(_one_line, event.persons), roles, strict=True)
            if name
        ]
        return Session(
            festival_id=self.festival_id,
            id=ident,
            title=title or TITLE_TBA,
            kind=kind,
            timezone=self.zone,
            date=item.day,
            start=item.start,
            end=item.end,
            venue=item.venue,
            track=_one_line(event.track) or None,
            people=tuple(people),
            tags=tuple(dict.fromkeys(tags)),
            description="\n\n".join(filter(None, (abstract, description))),
            url=self.link(event, event.url) if event.url else None,
            subtitle=_one_line(plain_text(event.subtitle)),
            links=tuple(Link(self.link(event, link.url), link.title) for link in event.links),
            guid=event.guid,
            type=_one_line(event.type) or None,
            day_starts=self.day_starts or DEFAULT_DAY_STARTS,
        )

    def festival(self, source: str) -> Festival | None:
        venues = self.venues()
        placed = [self.place(e, venues) for e in self.raw.events]
        sessions = []
        for ident, item in self.ids(placed):
            sessions.append(self.session(ident, item))
            self.origins[f"sessions/{ident}"] = Origin(item.event.where, item.event.line)
        sessions.sort(key=Session.sort_key)
        if self.unresolved:
            event, url = self.unresolved[0]
            self.warn(
                f"{event.where}: {count(len(self.unresolved), 'relative link')} in the file, "
                f"such as {shown(url)}, and no address (base_url) to resolve them against; "
                "kept as written",
                event.line,
            )
        # Festival days, not calendar dates: a night's sessions after midnight are in their
        # night, and so are the days the file lists.
        dates = [s.day for s in sessions if s.day is not None]
        dates += [d.date for d in self.raw.days if d.date in dates or self._own_date(d)]
        bounds = [d for d in (self.raw.start, self._last_day(), *dates) if d is not None]
        starts, ends = min(bounds, default=None), max(bounds, default=None)
        if not sessions:
            self.warn("the schedule holds no events")
        if starts and ends and (ends - starts).days >= MAX_DAYS:
            # The guide has a tab per day; the TOML loader refuses the same.
            self.error(f"the schedule runs from {starts} to {ends}, longer than {MAX_DAYS} days")
            return None
        return Festival(
            id=self.festival_id,
            name=_one_line(self.raw.title or self.raw.acronym) or self.festival_id,
            city=_one_line(self.raw.city),
            country="",
            timezone=self.zone,
            source_file=self.path,
            starts=starts,
            ends=ends,
            url=self.raw.url or None,
            organisers=tuple(_one_line(name) for name in self.raw.organisers),
            description=plain_text(self.raw.description),
            sources=(source,),
            day_starts=self.day_starts,
            venues=tuple(venues.values()),
            sessions=tuple(sessions),
            track_colours=self.raw.track_colours,
        )


def _stamp(item: _Placed) -> str:
    """The date and time in a copy's id: `20240701-1400`, `tba` for what is not known."""
    day = f"{item.day:%Y%m%d}" if item.day else "tba"
    return f"{day}-{item.start:%H%M}" if item.start else day


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


def _same_key(item: _Placed) -> tuple[object, ...]:
    """What two copies of an event share when they are one listed twice."""
    return (item.day, item.start, item.end, item.venue, item.event.title)


def build(
    path: Path,
    raw: RawSchedule,
    source: str,
    timezone: str | None = None,
    origins: dict[str, Origin] | None = None,
) -> tuple[Festival | None, list[Problem]]:
    """The festival in `raw`, or None; and every warning and error on the way. `origins`,
    when given, is filled with where each record came from: "festival", "venues/<id>" and
    "sessions/<id>" (for messages about the festival as written, such as `import`'s)."""
    builder = _Builder(path, raw, timezone)
    festival = builder.festival(source)
    if builder.moved:  # one warning for the file, however many events
        builder.warn(disagreement(builder.moved, builder.zone), builder.moved[0].line)
    if origins is not None:
        origins.update(builder.origins)
    return festival, builder.problems
