"""What is on now and what starts next, in the festival's time zone and festival days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from tui_guide.programme.model import Festival, Session

NEXT_WITHIN = timedelta(hours=3)
"""How far ahead "next" looks: at half past midnight the next morning's talks are not next."""


@dataclass(frozen=True)
class NowAndNext:
    """The festival at one moment, in festival days (at 01:30 "today" is the night before).

    A session with no announced end is not claimed to be "on": once it has started it is
    listed as started, for the rest of its festival day. `next` holds each venue's next
    session within `NEXT_WITHIN`, or, when none is that close, the very next start(s) however
    far off, in start order; `today_time_tba` and `later_time_tba` are the sessions with a
    day but no time, today's and those of the days still to come.
    """

    moment: datetime
    today: date
    on_now: tuple[Session, ...]
    started: tuple[Session, ...]
    next: tuple[Session, ...]
    today_time_tba: tuple[Session, ...]
    later_time_tba: tuple[Session, ...]

    @property
    def next_by_start(self) -> list[tuple[datetime, tuple[Session, ...]]]:
        """`next` grouped by start time, soonest first."""
        groups: dict[datetime, list[Session]] = {}
        for session in self.next:
            starts = session.starts_at
            assert starts is not None
            groups.setdefault(starts, []).append(session)
        return [(starts, tuple(found)) for starts, found in groups.items()]


def now_and_next(festival: Festival, moment: datetime) -> NowAndNext:
    """On now (in the order of the venues), started (end TBA), next at each venue, and the
    time-TBA sessions of today and of the days to come."""
    moment = moment.astimezone(festival.timezone)
    today = festival.day_of(moment)
    on_now: list[Session] = []
    started: list[Session] = []
    upcoming: dict[str, Session] = {}  # each venue's first session still to start
    for session in sorted(festival.sessions, key=Session.sort_key):
        starts = session.starts_at
        if starts is None:
            continue
        if session.ends_at is not None:
            if session.is_on_at(moment):
                on_now.append(session)
        elif starts <= moment and session.day == today:
            started.append(session)
        if starts > moment:
            venue = _where(session)
            first = upcoming.get(venue)
            if first is None or starts < (first.starts_at or starts):
                upcoming[venue] = session
    # Every session at a venue's next start time, not just the first: two talks can share a
    # room's slot (a session split in parts); then the window, or the soonest start alone.
    soonest = {venue: s.starts_at for venue, s in upcoming.items()}
    following = [
        s
        for s in festival.sessions
        if s.starts_at is not None
        and s.starts_at > moment
        and soonest.get(_where(s)) == s.starts_at
    ]
    # Elapsed time, in UTC: across a change of the clocks wall-clock arithmetic is an hour out.
    now_utc = moment.astimezone(UTC)
    within = [
        s for s in following if s.starts_at and s.starts_at.astimezone(UTC) - now_utc <= NEXT_WITHIN
    ]
    if not within and following:
        first_start = min(s.starts_at for s in following if s.starts_at)
        within = [s for s in following if s.starts_at == first_start]
    venue_order = {venue.key: n for n, venue in enumerate(festival.venues)}

    def by_venue(session: Session) -> int:
        return venue_order.get(session.venue.key, len(venue_order)) if session.venue else -1

    untimed = [s for s in festival.sessions if s.start is None and s.day is not None]
    return NowAndNext(
        moment=moment,
        today=today,
        on_now=tuple(sorted(on_now, key=by_venue)),
        started=tuple(started),
        next=tuple(sorted(within, key=lambda s: (s.starts_at, by_venue(s)))),
        today_time_tba=tuple(s for s in untimed if s.day == today and not s.is_past(moment)),
        later_time_tba=tuple(
            sorted(
                (s for s in untimed if s.day and s.day > today and not s.is_past(moment)),
                key=Session.sort_key,
            )
        ),
    )


def _where(session: Session) -> str:
    """A session's venue for "next at each venue": one with no venue is a place of its own
    (three venue-TBA sessions in the next hours are three, not the first of them)."""
    return session.venue.key if session.venue else f"?{session.key}"


def opening_day(festival: Festival, moment: datetime) -> date | None:
    """The festival day a guide opens on at `moment`: the one on now (its night included)
    when it has sessions; else the next day with sessions; else, the festival over, its last
    day with sessions; None when no session has a date."""
    today = festival.day_of(moment)
    busy = [day for day in festival.days if festival.has_sessions_on(day)]
    if not busy:  # every session undated (or none at all): the "Date TBA" list
        return None
    if today in busy:
        return today
    return next((day for day in busy if day > today), busy[-1])


def first_current(sessions: tuple[Session, ...] | list[Session], moment: datetime) -> int | None:
    """Where a day's list opens at `moment`: the first session not over yet (on now or to
    come); None when every one is over."""
    return next((n for n, s in enumerate(sessions) if not s.is_past(moment)), None)
