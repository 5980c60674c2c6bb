"""The free time between favourites on a festival day, and the sessions that fit in it.

A gap runs from the end of one favourite to the start of the next one on the same festival
day; when they are at different venues, the walk between them (agenda's WALK_MINUTES) is not
free time. A session fits when it can be reached from the favourite before (walking, if it is
elsewhere), sat through, and left in time to walk to the favourite after. Best fit first: the
least time left over. Pure functions over sessions; no Textual here.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tui_guide.favourites.agenda import WALK_MINUTES
from tui_guide.i18n import _
from tui_guide.programme.model import Programme, Session, Venue

MIN_FREE_MINUTES = 30
"""Less free time than this (after the walk) is a break, not a gap: nothing is offered."""


def walk(here: Venue | None, there: Venue | None, minutes: int = WALK_MINUTES) -> timedelta:
    """The time to get from one venue to another: none for the same one, or for a venue not
    known (as agenda's tight walks, which say nothing of a session with no venue)."""
    if here is None or there is None or here == there:
        return timedelta(0)
    return timedelta(minutes=minutes)


@dataclass(frozen=True)
class Gap:
    """The free time on `day` between favourite `after` ends and favourite `before` starts."""

    day: date
    after: Session
    before: Session
    walk: timedelta

    @property
    def festival_id(self) -> str:
        return self.before.festival_id

    @property
    def starts(self) -> datetime:
        ends = self.after.ends_at
        assert ends is not None  # a gap is only made after a favourite with an end
        return ends

    @property
    def ends(self) -> datetime:
        starts = self.before.starts_at
        assert starts is not None
        return starts

    @property
    def free(self) -> timedelta:
        """The time to spend: the whole gap less the walk between the two favourites."""
        return self.ends - self.starts - self.walk


@dataclass(frozen=True)
class Fit:
    """A session that fits in a gap, and the time the gap would still have free around it
    (walks counted)."""

    session: Session
    spare: timedelta


def gaps(
    starred: Iterable[Session], minimum: timedelta = timedelta(minutes=MIN_FREE_MINUTES)
) -> list[Gap]:
    """Every gap of at least `minimum` free time between `starred` sessions, by festival and
    festival day, in time order. Sessions that overlap leave no gap between them; after a
    favourite with no end, when the visitor is free again is not known, so no gap is made
    until a later favourite with an end; sessions with no date or time are in no gap."""
    by_day: dict[tuple[str, date], list[Session]] = {}
    for session in starred:
        if session.starts_at is not None and session.day is not None:
            by_day.setdefault((session.festival_id, session.day), []).append(session)
    found: list[Gap] = []
    for (_festival, day), sessions in sorted(by_day.items()):
        sessions.sort(key=Session.sort_key)
        last: Session | None = None  # of the favourites so far, the one that ends last
        unknown = False  # since it, a favourite with no end: when the visitor is free is not known
        for session in sessions:
            starts = session.starts_at
            assert starts is not None
            if last is not None and not unknown and starts > _end(last):
                gap = Gap(day, last, session, walk(last.venue, session.venue))
                if gap.free >= minimum:
                    found.append(gap)
            if session.ends_at is None:
                unknown = True
            else:
                unknown = False
                if last is None or _end(session) > _end(last):
                    last = session
    return found


def _end(session: Session) -> datetime:
    ends = session.ends_at
    assert ends is not None
    return ends


def fits(gap: Gap, candidates: Iterable[Session], starred: Collection[str] = ()) -> list[Fit]:
    """The sessions of `candidates` (not starred, with a start and an end) that fit in `gap`,
    best fit first: the least time left over, then the earliest."""
    found: list[Fit] = []
    gap_starts, gap_ends = gap.starts, gap.ends  # worked out once, not for each candidate
    for session in candidates:
        starts, ends = session.starts_at, session.ends_at
        if starts is None or ends is None or session.key in starred:
            continue
        if session.festival_id != gap.festival_id or ends <= starts:
            continue
        arrive = gap_starts + walk(gap.after.venue, session.venue)
        leave = ends + walk(session.venue, gap.before.venue)
        if starts >= arrive and leave <= gap_ends:
            found.append(Fit(session, (starts - arrive) + (gap.ends - leave)))
    return sorted(found, key=lambda fit: (fit.spare, Session.sort_key(fit.session)))


def length(span: timedelta) -> str:
    """'45 min', '3 h', '2 h 45 min' (whole minutes)."""
    minutes = max(0, int(span.total_seconds() // 60))
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("{minutes} min").format(minutes=rest)
    if rest:
        return _("{hours} h {minutes} min").format(hours=hours, minutes=rest)
    return _("{hours} h").format(hours=hours)


def gap_label(gap: Gap, zone: ZoneInfo | None = None) -> str:
    """'free 11:00–14:00, 3 h'; with a walk, 'free 11:00–14:00, 2 h 45 min and 15 min to walk
    to Hall B'. In the festival's wall clock, or in `zone` (the viewer's) when given."""
    starts, ends = gap.starts, gap.ends
    if zone is not None:
        starts, ends = starts.astimezone(zone), ends.astimezone(zone)
    text = _("free {start}–{end}, {length}").format(
        start=f"{starts:%H:%M}", end=f"{ends:%H:%M}", length=length(gap.free)
    )
    if gap.walk and gap.before.venue is not None:
        text += _(" and {length} to walk to {venue}").format(
            length=length(gap.walk), venue=gap.before.venue.name
        )
    return text


def fits_in(gap: Gap, programme: Programme, starred: Collection[str] = ()) -> list[Fit]:
    """The sessions of `programme` that fit in `gap` (those of its festival day), best first."""
    festival = programme.festival(gap.festival_id)
    if festival is None:
        return []
    day = festival.sessions_on(gap.day)
    # Only a session that starts within the gap can fit in it, and the day is in time order
    # (`Session.sort_key`): those are found by bisection on the wall clock, with a margin
    # for a change of the clocks, and not by looking at each of the day's sessions.
    early = gap.starts.replace(tzinfo=None) - CLOCK_MARGIN
    late = gap.ends.replace(tzinfo=None) + CLOCK_MARGIN
    first = bisect_left(day, (gap.day, False, early.date(), early.time()), key=_when)
    last = bisect_right(day, (gap.day, False, late.date(), late.time()), key=_when)
    return fits(gap, day[first:last], starred)


CLOCK_MARGIN = timedelta(hours=3)
"""More than any change of the clocks (an hour, in a few places half an hour or two)."""


def _when(session: Session) -> tuple[date, bool, date, time]:
    """The start of `sort_key`: festival day, time TBA or not, date and start."""
    return session.sort_key()[:4]


def gaps_with_fits(starred: Sequence[Session], programme: Programme) -> list[tuple[Gap, list[Fit]]]:
    """Each gap between `starred` sessions with the sessions of `programme` that fit in it."""
    keys = {s.key for s in starred}
    return [(gap, fits_in(gap, programme, keys)) for gap in gaps(starred)]
