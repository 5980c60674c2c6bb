"""What is on now and what starts next, in the festival's time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .model import Festival, Session


@dataclass(frozen=True)
class NowAndNext:
    """The festival at one moment.

    A session with no announced end is not claimed to be "on": once it has started it is
    listed as started, for the rest of its day.
    """

    moment: datetime
    on_now: tuple[Session, ...]
    started: tuple[Session, ...]
    next: tuple[Session, ...]
    today_time_tba: tuple[Session, ...]


def now_and_next(festival: Festival, moment: datetime) -> NowAndNext:
    """On now, started (end TBA), the next start at each venue, and today's time-TBA sessions."""
    moment = moment.astimezone(festival.timezone)
    today = moment.date()
    on_now: list[Session] = []
    started: list[Session] = []
    upcoming: dict[str | None, list[Session]] = {}  # by venue key
    for session in sorted(festival.sessions, key=Session.sort_key):
        starts = session.starts_at
        if starts is None:
            continue
        if session.ends_at is not None:
            if session.is_on_at(moment):
                on_now.append(session)
        elif starts <= moment and session.date == today:
            started.append(session)
        if starts > moment:
            venue = session.venue.key if session.venue else None
            upcoming.setdefault(venue, []).append(session)
    # The next start at each venue, and everything that starts at that same moment there.
    following: list[Session] = []
    for sessions in upcoming.values():
        first = sessions[0].starts_at
        following.extend(s for s in sessions if s.starts_at == first)
    time_tba = tuple(s for s in festival.sessions_on(today) if s.start is None)
    return NowAndNext(
        moment,
        tuple(on_now),
        tuple(started),
        tuple(sorted(following, key=Session.sort_key)),
        time_tba,
    )
