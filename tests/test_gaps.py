"""The gap finder: free time between favourites on a festival day (the walk between venues
not counted as free), and the sessions that fit in it, best fit first; a hand-made day, then
properties over random days."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.favourites.agenda import WALK_MINUTES
from tui_guide.favourites.gaps import (
    MIN_FREE_MINUTES,
    fits,
    fits_in,
    gap_label,
    gaps,
    gaps_with_fits,
    length,
    walk,
)
from tui_guide.programme.model import Festival, Kind, Programme, Session, Venue

BAKU = ZoneInfo("Asia/Baku")
DAY = date(2025, 12, 7)
A = Venue("fest", "a", "Hall A")
B = Venue("fest", "b", "Hall B")
C = Venue("fest", "c", "Hall C")


def at(hhmm: str) -> time:
    return time.fromisoformat(hhmm)


def session(
    id: str, start: str | None, end: str | None, venue: Venue | None = A, **more
) -> Session:
    values = {
        "festival_id": "fest",
        "id": id,
        "title": id.title(),
        "kind": Kind.TALK,
        "timezone": BAKU,
        "date": DAY,
        "start": at(start) if start else None,
        "end": at(end) if end else None,
        "venue": venue,
    }
    return Session(**(values | more))


def local(hhmm: str, day: date = DAY) -> datetime:
    return datetime.combine(day, at(hhmm), tzinfo=BAKU)


# The hand-made day: four favourites, and sessions that fit or not between them.
MORNING = session("morning", "09:00", "11:00")
LUNCH = session("lunch", "14:00", "15:00")
AWAY = session("away", "16:00", "17:00", B)
CLOSE = session("close", "17:10", "18:00", B)  # 10 min after AWAY: a break, not a gap
STARRED = [CLOSE, LUNCH, AWAY, MORNING]  # in no order

CANDIDATES = [
    session("same-hall", "11:00", "13:45"),  # fits: 15 min left
    session("no-time-to-walk", "11:00", "12:00", B),  # Hall B is 15 min away
    session("over-there", "11:30", "13:30", B),  # fits: 15 + 15 min left
    session("too-long", "12:00", "14:30"),
    session("no-end", "12:00", None),
    session("no-venue", "11:00", "13:00", None),  # fits: no walk known, 1 h left
    session("other-fest", "11:00", "13:00", A, festival_id="other"),
    session("lunch-talk", "15:15", "16:00", B),  # after the walk, fits exactly: 0 left
    *STARRED,
]


def test_the_gaps_of_a_hand_made_day() -> None:
    found = gaps(STARRED)
    assert [(g.after.id, g.before.id) for g in found] == [("morning", "lunch"), ("lunch", "away")]
    first, second = found
    assert (first.starts, first.ends, first.walk) == (local("11:00"), local("14:00"), timedelta(0))
    assert gap_label(first) == "free 11:00–14:00, 3 h"
    assert second.free == timedelta(minutes=60 - WALK_MINUTES)
    assert gap_label(second) == "free 15:00–16:00, 45 min and 15 min to walk to Hall B"
    assert gap_label(first, ZoneInfo("UTC")) == "free 07:00–10:00, 3 h"


def test_the_sessions_that_fit_best_first() -> None:
    first, second = gaps(STARRED)
    found = fits(first, CANDIDATES, {s.key for s in STARRED})
    assert [(f.session.id, f.spare) for f in found] == [
        ("same-hall", timedelta(minutes=15)),
        ("over-there", timedelta(minutes=30)),
        ("no-venue", timedelta(minutes=60)),
    ]
    assert [(f.session.id, f.spare) for f in fits(second, CANDIDATES)] == [
        ("lunch-talk", timedelta(0))
    ]


def test_overlapping_favourites_leave_no_gap_and_the_later_end_counts() -> None:
    long = session("long", "09:30", "12:30")
    found = gaps([MORNING, long, LUNCH])
    assert [(g.after.id, g.starts) for g in found] == [("long", local("12:30"))]
    inside = session("inside", "09:30", "10:00")  # ends before MORNING does
    assert [g.starts for g in gaps([MORNING, inside, LUNCH])] == [local("11:00")]


def test_after_a_favourite_with_no_end_the_free_time_is_not_known() -> None:
    open_ended = session("open", "12:00", None)
    assert [(g.after.id, g.before.id) for g in gaps([MORNING, open_ended, LUNCH])] == [
        ("morning", "open")
    ]
    assert gaps([session("open", "09:00", None), LUNCH]) == []


def test_no_gap_across_festival_days_or_for_untimed_favourites() -> None:
    late = session("late", "23:00", "00:30")  # runs into the night: still 7 Dec's
    night = session("night", "02:00", "03:00", date=date(2025, 12, 8))  # 7 Dec's night
    next_day = session("next", "10:00", "11:00", date=date(2025, 12, 8))
    untimed = session("untimed", None, None)
    found = gaps([late, night, next_day, untimed, MORNING])
    assert [(g.after.id, g.before.id, g.day) for g in found] == [
        ("morning", "late", DAY),
        ("late", "night", DAY),
    ]
    assert gap_label(found[1]) == "free 00:30–02:00, 1 h 30 min"


def test_walks_and_lengths() -> None:
    assert walk(A, A) == walk(A, None) == walk(None, B) == timedelta(0)
    assert walk(A, B) == timedelta(minutes=WALK_MINUTES)
    assert [length(timedelta(minutes=m)) for m in (0, 45, 60, 165, 24 * 60)] == [
        "0 min",
        "45 min",
        "1 h",
        "2 h 45 min",
        "24 h",
    ]


def test_fits_from_the_programme_of_the_gap_day() -> None:
    festival = Festival(
        id="fest",
        name="Fest",
        city="Baku",
        country="AZ",
        timezone=BAKU,
        sessions=tuple(s for s in CANDIDATES if s.festival_id == "fest"),
        venues=(A, B),
        source_file=Path("fest.toml"),
    )
    programme = Programme(festivals=(festival,))
    (first, _), (second, _) = found = gaps_with_fits(STARRED, programme)
    assert [f.session.id for f in found[0][1]] == ["same-hall", "over-there", "no-venue"]
    assert [f.session.id for f in fits_in(second, programme)] == ["lunch-talk"]
    assert fits_in(first, Programme(festivals=())) == []


# Random days: up to 12 sessions at three venues (or none), some starred.
VENUES = st.sampled_from([A, B, C, None])


@st.composite
def days(draw: st.DrawFn) -> tuple[list[Session], list[Session]]:
    sessions = []
    for number in range(draw(st.integers(0, 12))):
        start = draw(st.integers(6 * 12, 23 * 12 + 11)) * 5  # minutes, from 06:00
        length_ = draw(st.one_of(st.none(), st.integers(1, 60).map(lambda n: n * 5)))
        starts = time(start // 60, start % 60)
        ends = None
        if length_ is not None:
            end = (start + length_) % (24 * 60)
            ends = time(end // 60, end % 60)
        sessions.append(
            Session(
                "fest", f"s{number}", f"S{number}", Kind.TALK, BAKU, DAY, starts, ends, draw(VENUES)
            )
        )
    starred = [s for s in sessions if draw(st.booleans())]
    return sessions, starred


def fits_by_hand(gap, session: Session, starred: set[str]) -> bool:
    starts, ends = session.starts_at, session.ends_at
    if session.key in starred or starts is None or ends is None or ends <= starts:
        return False
    return (
        starts >= gap.starts + walk(gap.after.venue, session.venue)
        and ends + walk(session.venue, gap.before.venue) <= gap.ends
    )


@settings(max_examples=examples(400))
@given(days())
def test_gaps_are_free_at_least_the_minimum_and_fits_are_all_and_only_what_fits(day) -> None:
    sessions, starred = day
    keys = {s.key for s in starred}
    for gap in gaps(starred):
        assert gap.free >= timedelta(minutes=MIN_FREE_MINUTES)
        assert gap.starts < gap.ends and gap.after.key in keys and gap.before.key in keys
        for favourite in starred:  # no favourite is on during a gap
            starts = favourite.starts_at
            assert starts is not None
            ends = favourite.ends_at or starts
            assert ends <= gap.starts or starts >= gap.ends
        found = fits(gap, sessions, keys)
        assert {f.session.key for f in found} == {
            s.key for s in sessions if fits_by_hand(gap, s, keys)
        }
        spares = [f.spare for f in found]
        assert spares == sorted(spares) and all(s >= timedelta(0) for s in spares)


@settings(max_examples=examples(400))
@given(days())
def test_favourites_and_gaps_cover_the_day_from_first_start_to_last_end(day) -> None:
    """With every favourite's end known, the busy time and the gaps (of any size) add up to
    the whole span: no free time is missed, none counted twice."""
    _, starred = day
    timed = sorted((s for s in starred if s.ends_at is not None), key=Session.sort_key)
    if not timed:
        return
    spans = sorted((s.starts_at, s.ends_at) for s in timed)
    busy, (start, end) = timedelta(0), spans[0]
    for s, e in spans[1:]:
        if s > end:
            busy += end - start
            start, end = s, e
        else:
            end = max(end, e)
    busy += end - start
    last_end = max(e for _, e in spans)
    free = sum((g.ends - g.starts for g in gaps(timed, minimum=timedelta(days=-1))), timedelta(0))
    assert busy + free == last_end - spans[0][0]
