"""What My programme warns about, as pure functions: tight walks between venues, changes
since a session was starred, and favourites about to start."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples

from tui_guide.favourites import Snapshot, changes
from tui_guide.favourites.agenda import (
    NAMED,
    WALK_MINUTES,
    clashes,
    starred_and_gone,
    starting_soon,
    tight_walks,
)
from tui_guide.programme.model import Kind, Session, Venue

BAKU = ZoneInfo("Asia/Baku")
HALL = Venue("fest", "hall", "Hall")
CINEMA = Venue("fest", "cinema", "Cinema")


def at(id: str, start: time, end: time | None, venue: Venue | None = HALL, **more) -> Session:
    return Session(
        "fest", id, id.title(), Kind.TALK, BAKU, date(2025, 12, 7), start, end, venue, **more
    )


def test_a_short_change_of_venue_is_flagged_on_both() -> None:
    first = at("first", time(10), time(11))
    second = at("second", time(11, 10), time(12), CINEMA)
    notes = tight_walks([second, first])
    assert notes == {
        "fest/first": "Only 10 min to get to Cinema for Second",
        "fest/second": "Only 10 min to get here from Hall after First",
    }


def test_no_walk_when_same_venue_enough_time_overlap_or_unknown() -> None:
    first = at("first", time(10), time(11))
    assert tight_walks([first, at("same", time(11, 5), None)]) == {}
    assert tight_walks([first, at("later", time(11, 15), None, CINEMA)]) == {}
    assert tight_walks([first, at("overlap", time(10, 30), None, CINEMA)]) == {}
    assert tight_walks([first, at("tba", time(11, 5), None, None)]) == {}
    assert tight_walks([at("no-end", time(10), None), at("b", time(10, 5), None, CINEMA)]) == {}
    assert tight_walks([first, at("wide", time(11, 20), None, CINEMA)], minutes=30) != {}


def test_clashes_name_the_other_session() -> None:
    a, b = at("a", time(10), time(11)), at("b", time(10, 30), time(12), CINEMA)
    assert clashes([a, b]) == {"fest/a": "Clashes with B", "fest/b": "Clashes with A"}


def test_changes_since_starred_say_what_changed() -> None:
    now = at("talk", time(16), time(17), CINEMA)
    then = Snapshot("Old name", date(2025, 12, 6), time(15), None, "Hall")
    assert changes(then, now) == [
        "title was 'Old name'",
        "date Sat 6 Dec → Sun 7 Dec",
        "time 15:00 → 16:00–17:00",
        "venue Hall → Cinema",
    ]
    assert changes(Snapshot.of(now), now) == []
    assert changes(None, now) == []  # never seen: nothing to compare


def test_starting_soon_is_within_the_window_only() -> None:
    talk = at("talk", time(14), None)
    moment = datetime(2025, 12, 7, 13, 50, tzinfo=BAKU)
    assert starting_soon([talk], moment, 10) == [talk]
    assert starting_soon([talk], moment, 9) == []
    assert starting_soon([talk], moment, 0) == []
    assert starting_soon([talk], datetime(2025, 12, 7, 14, 1, tzinfo=BAKU), 10) == []
    untimed = Session("fest", "u", "U", Kind.TALK, BAKU, date(2025, 12, 7))
    assert starting_soon([untimed], moment, 60) == []


def test_starred_and_gone_splits_by_what_the_programme_still_holds() -> None:
    from tui_guide.favourites.entry import Favourite
    from tui_guide.library.load import load_programme
    from tui_guide.library.sources import bundled_data

    programme = load_programme([bundled_data()])
    later, earlier = programme.sessions[1], programme.sessions[0]
    added = datetime(2025, 12, 1, 9, 0)
    favourites = [
        Favourite(later.key, added),
        Favourite("gone-fest/old", added),
        Favourite(earlier.key, added),
    ]
    starred, gone = starred_and_gone(favourites, programme)
    assert starred == sorted([later, earlier], key=Session.sort_key)
    assert [f.key for f in gone] == ["gone-fest/old"]
    only_gone, _ = starred_and_gone(favourites, programme, festival="GONE-FEST")
    assert only_gone == []
    assert [f.key for f in starred_and_gone(favourites, programme, "gone-fest")[1]] == [
        "gone-fest/old"
    ]


# The sweeps against the plain comparison of every pair ---------------------------------------


def every_pair_clashes(sessions: list[Session]) -> dict[str, str]:
    notes = {}
    for session in sessions:
        others = [o.title for o in sessions if o.key != session.key and o.overlaps(session)]
        if others:
            shown = "; ".join(others[:NAMED])
            more = f" and {len(others) - NAMED:,} more" if len(others) > NAMED else ""
            notes[session.key] = f"Clashes with {shown}{more}"
    return notes


def every_pair_walks(sessions: list[Session], minutes: int) -> dict[str, str]:
    timed = sorted((s for s in sessions if s.starts_at is not None), key=Session.sort_key)
    notes: dict[str, list[str]] = {}
    for first in timed:
        ends = first.ends_at
        if ends is None or first.venue is None:
            continue
        for then in timed:
            gap = then.starts_at - ends
            if then.venue is None or then.venue == first.venue:
                continue
            if then.festival_id != first.festival_id or not timedelta(0) <= gap < timedelta(
                minutes=minutes
            ):
                continue
            walk = f"{int(gap.total_seconds() // 60)} min"
            notes.setdefault(first.key, []).append(
                f"Only {walk} to get to {then.venue.name} for {then.title}"
            )
            notes.setdefault(then.key, []).append(
                f"Only {walk} to get here from {first.venue.name} after {first.title}"
            )
    return {key: "; ".join(found) for key, found in notes.items()}


QUARTERS = st.integers(min_value=0, max_value=4 * 24 - 1).map(lambda q: time(q // 4, q % 4 * 15))


@st.composite
def agendas(draw) -> list[Session]:
    count = draw(st.integers(min_value=0, max_value=12))
    found = []
    for n in range(count):
        start = draw(st.none() | QUARTERS)
        end = draw(st.none() | QUARTERS) if start is not None else None
        venue = draw(st.sampled_from([HALL, CINEMA, None]))
        day = draw(st.sampled_from([date(2025, 12, 7), date(2025, 12, 8)]))
        found.append(Session("fest", f"s{n}", f"S{n}", Kind.TALK, BAKU, day, start, end, venue))
    return found


@settings(max_examples=examples(400))
@given(agendas(), st.sampled_from([WALK_MINUTES, 5, 60]))
def test_the_sweeps_find_what_comparing_every_pair_finds(sessions, minutes) -> None:
    assert clashes(sessions) == every_pair_clashes(sessions)
    assert tight_walks(sessions, minutes) == every_pair_walks(sessions, minutes)


def test_a_clash_note_names_five_and_counts_the_rest() -> None:
    crowd = [at(f"s{n}", time(10), time(11)) for n in range(9)]
    assert clashes(crowd)["fest/s0"] == "Clashes with S1; S2; S3; S4; S5 and 3 more"


def test_ten_thousand_favourites_on_different_days_are_swept_not_paired() -> None:
    """Ten thousand one-hour favourites a day apart: each is compared with its neighbour only
    (the pairs would be fifty million)."""
    compared = 0
    original = Session.overlaps

    def counting(self, other):
        nonlocal compared
        compared += 1
        return original(self, other)

    spread = [
        Session(
            "fest",
            f"s{n}",
            f"S{n}",
            Kind.TALK,
            BAKU,
            date(2000, 1, 1) + timedelta(days=n),
            time(10),
            time(11),
            HALL,
        )
        for n in range(10_000)
    ]
    Session.overlaps = counting  # type: ignore[method-assign]
    try:
        assert clashes(spread) == {}
    finally:
        Session.overlaps = original  # type: ignore[method-assign]
    assert compared == 0
