"""What My programme warns about: clashes, too little time to walk between venues, and
favourites about to start. Pure functions over sessions; no Textual here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from tui_guide.favourites.entry import Favourite
from tui_guide.programme.model import Programme, Session
from tui_guide.programme.text import fold

WALK_MINUTES = 15
"""Less than this between the end of one favourite and the start of the next, at another
venue, is flagged: a festival crowd, a cloakroom and a street between them take that long."""


def starred_and_gone(
    favourites: Iterable[Favourite], programme: Programme, festival: str | None = None
) -> tuple[list[Session], list[Favourite]]:
    """The favourites' sessions in time order, and the favourites whose session is no longer
    in the programme; only `festival`'s (its id, any case) when given."""
    starred: list[Session] = []
    gone: list[Favourite] = []
    for favourite in favourites:
        if festival is not None and fold(favourite.key.partition("/")[0]) != fold(festival):
            continue
        session = programme.session(favourite.key)
        if session is None:
            gone.append(favourite)
        else:
            starred.append(session)
    return sorted(starred, key=Session.sort_key), gone


def clashes(sessions: Sequence[Session]) -> dict[str, str]:
    """For each session that overlaps another of `sessions`, a note naming the others."""
    notes: dict[str, str] = {}
    for session in sessions:
        others = [o.title for o in sessions if o.key != session.key and o.overlaps(session)]
        if others:
            notes[session.key] = "Clashes with " + "; ".join(others)
    return notes


def tight_walks(sessions: Iterable[Session], minutes: int = WALK_MINUTES) -> dict[str, str]:
    """For back-to-back sessions at different venues with less than `minutes` between the end
    of one and the start of the next, a note on both. Sessions that overlap are clashes, not
    walks; a session with no end or no venue says nothing."""
    timed = sorted((s for s in sessions if s.starts_at is not None), key=Session.sort_key)
    notes: dict[str, list[str]] = {}
    for first in timed:
        ends = first.ends_at
        if ends is None or first.venue is None:
            continue
        for then in timed:
            starts = then.starts_at
            assert starts is not None
            if then.festival_id != first.festival_id or then.venue is None:
                continue
            gap = starts - ends
            if then.venue == first.venue or not timedelta(0) <= gap < timedelta(minutes=minutes):
                continue
            walk = f"{int(gap.total_seconds() // 60)} min"
            notes.setdefault(first.key, []).append(
                f"Only {walk} to get to {then.venue.name} for {then.title}"
            )
            notes.setdefault(then.key, []).append(
                f"Only {walk} to get here from {first.venue.name} after {first.title}"
            )
    return {key: "; ".join(found) for key, found in notes.items()}


def starting_soon(sessions: Iterable[Session], moment: datetime, minutes: int) -> list[Session]:
    """The sessions that start from `moment` to `minutes` later (none when `minutes` is 0)."""
    if minutes <= 0:
        return []
    try:
        until: datetime | None = moment + timedelta(minutes=minutes)
    except OverflowError:  # past the last date Python has: every session from `moment` on
        until = None
    return sorted(
        (
            s
            for s in sessions
            if (at := s.starts_at) is not None and moment <= at and (until is None or at <= until)
        ),
        key=Session.sort_key,
    )
