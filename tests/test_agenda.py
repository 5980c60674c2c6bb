"""What My programme warns about, as pure functions: tight walks between venues, changes
since a session was starred, and favourites about to start."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from tui_guide.favourites import Snapshot, changes
from tui_guide.favourites.agenda import clashes, starred_and_gone, starting_soon, tight_walks
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
