"""What My programme warns about: clashes, too little time to walk between venues, and
favourites about to start. Pure functions over sessions; no Textual here."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from tui_guide.favourites.entry import Favourite
from tui_guide.i18n import _, number
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


NAMED = 5
"""A note names at most this many other sessions, then says how many more."""


def _names(titles: list[str]) -> str:
    shown = "; ".join(titles[:NAMED])
    more = len(titles) - NAMED
    if more <= 0:
        return shown
    return _("{names} and {more} more").format(names=shown, more=number(more, grouped=True))


def clashes(sessions: Sequence[Session]) -> dict[str, str]:
    """For each session that overlaps another of `sessions`, a note naming the others (in the
    order of `sessions`; at most `NAMED` of them, then how many more).

    A sweep in start order: a session is compared only with those that start before it ends,
    so ten thousand favourites on different days take a moment, not a hundred million
    comparisons."""
    timed = sorted(
        ((at, i, s) for i, s in enumerate(sessions) if (at := s.starts_at) is not None),
        key=lambda found: (found[0], found[1]),
    )
    others: dict[int, list[int]] = {}
    for n, (starts, i, session) in enumerate(timed):
        ends = session.ends_at or starts
        for later_start, j, later in timed[n + 1 :]:
            if later_start > ends:
                break  # every later one starts after this one ends
            if later.key != session.key and session.overlaps(later):
                others.setdefault(i, []).append(j)
                others.setdefault(j, []).append(i)
    return {
        sessions[i].key: _("Clashes with {sessions}").format(
            sessions=_names([sessions[j].title for j in sorted(set(found))])
        )
        for i, found in sorted(others.items())
    }


def tight_walks(sessions: Iterable[Session], minutes: int = WALK_MINUTES) -> dict[str, str]:
    """For back-to-back sessions at different venues with less than `minutes` between the end
    of one and the start of the next, a note on both. Sessions that overlap are clashes, not
    walks; a session with no end or no venue says nothing. The next sessions are found by a
    binary search on their starts, not by comparing every pair."""
    timed = sorted((s for s in sessions if s.starts_at is not None), key=Session.sort_key)
    by_start = sorted(range(len(timed)), key=lambda i: (_start(timed[i]), i))
    starts = [_start(timed[i]) for i in by_start]
    notes: dict[str, list[str]] = {}
    window = timedelta(minutes=minutes)
    for first in timed:
        ends = first.ends_at
        if ends is None or first.venue is None:
            continue
        low = bisect_left(starts, ends)
        try:
            high = bisect_left(starts, ends + window)
        except OverflowError:  # the end of Python's calendar: everything after is in reach
            high = len(starts)
        for index in sorted(by_start[low:high]):
            then = timed[index]
            if then.festival_id != first.festival_id or then.venue is None:
                continue
            if then.venue == first.venue:
                continue
            walk = int((_start(then) - ends).total_seconds() // 60)
            notes.setdefault(first.key, []).append(
                _("Only {minutes} min to get to {venue} for {title}").format(
                    minutes=walk, venue=then.venue.name, title=then.title
                )
            )
            notes.setdefault(then.key, []).append(
                _("Only {minutes} min to get here from {venue} after {title}").format(
                    minutes=walk, venue=first.venue.name, title=first.title
                )
            )
    return {key: "; ".join(found) for key, found in notes.items()}


def _start(session: Session) -> datetime:
    starts = session.starts_at
    assert starts is not None  # only timed sessions are asked
    return starts


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
