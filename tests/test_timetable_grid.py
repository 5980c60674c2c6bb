"""The timetable's grid (programme/timetable.py) and what it is built from: track colours read
from schedule files, and hiding."""

from __future__ import annotations

import itertools
import json
from datetime import date, time
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples
from test_import_schedules import event, xml_schedule

from tui_guide.formats.schedule.read import read_schedule
from tui_guide.programme.hiding import Hidden
from tui_guide.programme.model import Kind, Session, Venue
from tui_guide.programme.timetable import DAY, DEFAULT_LENGTH, build_grid

BAKU = ZoneInfo("Asia/Baku")
DAY_1 = date(2025, 12, 7)
VENUES = tuple(Venue("f", f"v{n}", f"Venue {n}") for n in range(4))


def make(n: int, venue: int | None, day: date | None, start: int | None, length: int | None):
    """A session `n` at VENUES[venue], starting `start` minutes after midnight on `day`."""
    begins = time(start // 60, start % 60) if start is not None else None
    ends = None
    if start is not None and length is not None:
        end = (start + length) % DAY
        ends = time(end // 60, end % 60)
    return Session(
        festival_id="f",
        id=f"s{n}",
        title=f"Session {n}",
        kind=Kind.TALK,
        timezone=BAKU,
        date=day,
        start=begins,
        end=ends,
        venue=VENUES[venue] if venue is not None else None,
        track="Science" if n % 3 == 0 else None,
    )


def test_the_night_sits_below_the_evening_and_an_open_end_gets_the_default_length() -> None:
    evening = make(1, 0, DAY_1, 22 * 60, 60)
    night = make(2, 0, date(2025, 12, 8), 60, 90)  # 01:00 on the next date: its night
    open_end = make(3, 1, DAY_1, 14 * 60, None)
    grid = build_grid(DAY_1, [evening, night, open_end], VENUES)
    assert grid.block(night.key).start == DAY + 60  # type: ignore[union-attr]
    assert grid.block(night.key).end == DAY + 150  # type: ignore[union-attr]
    block = grid.block(open_end.key)
    assert block is not None and block.open_end and block.end - block.start == DEFAULT_LENGTH
    assert (grid.first, grid.last) == (14 * 60, DAY + 3 * 60)
    assert grid.following(grid.block(evening.key), 1) == grid.block(night.key)  # type: ignore[arg-type]


def test_venues_keep_the_file_order_and_overlaps_take_lanes() -> None:
    sessions = [
        make(1, 2, DAY_1, 600, 60),
        make(2, 0, DAY_1, 600, 60),
        make(3, 0, DAY_1, 630, 60),  # overlaps 2 at venue 0: a second lane
        make(4, 0, DAY_1, 700, 30),  # after 2 has ended: back in the first lane
    ]
    grid = build_grid(DAY_1, sessions, VENUES)
    assert [(c.venue.id, c.lane, c.lanes) for c in grid.columns] == [
        ("v0", 0, 2),
        ("v0", 1, 2),
        ("v2", 0, 1),
    ]
    assert [b.session.id for b in grid.by_column[0]] == ["s2", "s4"]
    assert grid.beside(grid.block("f/s2"), 1) == grid.block("f/s3")  # type: ignore[arg-type]
    assert grid.beside(grid.block("f/s2"), -1) is None  # type: ignore[arg-type]


moments = st.one_of(st.none(), st.integers(0, DAY - 1))
sessions_strategy = st.lists(
    st.tuples(
        st.one_of(st.none(), st.integers(0, len(VENUES) - 1)),
        st.sampled_from([DAY_1, date(2025, 12, 8)]),
        moments,
        st.one_of(st.none(), st.integers(1, 300)),
    ),
    max_size=40,
)


@settings(max_examples=examples(200), deadline=None)
@given(sessions_strategy)
def test_every_session_is_placed_once_or_listed_and_lanes_never_overlap(items) -> None:
    sessions = [make(n, *item) for n, item in enumerate(items)]
    grid = build_grid(DAY_1, sessions, VENUES)
    placed = [b.session.key for b in grid.blocks]
    listed = [s.key for s in grid.unplaced]
    assert sorted(placed + listed) == sorted(s.key for s in sessions)
    for column in grid.by_column:
        assert column, "a lane holds at least one block"
        for before, after in itertools.pairwise(column):
            assert before.end <= after.start
    for block in grid.blocks:
        assert grid.first <= block.start < block.end <= grid.last
        assert grid.first % 60 == 0 and grid.last % 60 == 0
    order = [VENUES.index(c.venue) for c in grid.columns]
    assert order == sorted(order)


def test_hidden_hides_a_session_its_venue_or_its_track_and_toggles_back() -> None:
    one, other = make(0, 0, DAY_1, 600, 60), make(1, 1, DAY_1, 600, 60)
    hidden = Hidden().toggled("track", one)  # session 0 is in Science
    assert hidden.hides(one) and not hidden.hides(other)
    hidden = hidden.toggled("venue", other)
    assert hidden.hides(other) and len(hidden) == 2
    assert not hidden.toggled("venue", other).hides(other)
    assert Hidden().toggled("track", other) == Hidden()  # no track: nothing to hide
    assert Hidden().toggled("session", other).holds("session", other)


def test_track_colours_are_read_from_schedule_xml(tmp_path: Path) -> None:
    conference = (
        "<acronym>demo-con</acronym><title>Demo Con</title><start>2024-03-01</start>"
        "<end>2024-03-02</end><time_zone_name>Europe/Berlin</time_zone_name>"
        '<track name="Science" color="#00A356" slug="science"/>'
        '<track name="Art" color="#f90"/>'
        '<track name="Bad" color="red; [bold]"/>'
    )
    data = xml_schedule(event(track="Science"), conference=conference)
    path = tmp_path / "schedule.xml"
    path.write_bytes(data)
    festival, problems = read_schedule(path, data)
    assert festival is not None
    assert festival.track_colours == (("Science", "#00a356"), ("Art", "#ff9900"))
    assert any("track 'Bad', color: not a colour" in str(p) for p in problems)


def test_track_colours_are_read_from_schedule_json(tmp_path: Path) -> None:
    doc = {
        "schedule": {
            "conference": {
                "acronym": "demo",
                "title": "Demo",
                "time_zone_name": "Europe/Berlin",
                "tracks": [
                    {"name": "Science", "slug": "science", "color": "#00a356"},
                    {"name": "Odd", "color": 12},
                ],
                "days": [],
            }
        }
    }
    data = json.dumps(doc).encode()
    path = tmp_path / "schedule.json"
    path.write_bytes(data)
    festival, problems = read_schedule(path, data)
    assert festival is not None
    assert festival.track_colours == (("Science", "#00a356"),)
    assert any("track 'Odd', color" in str(p) for p in problems)
