"""The timetable (t): moving through the grid, opening and starring, hiding, the scale, clicks,
other days, and a congress night on the real 37C3 schedule, with the clock frozen."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import SelectionList

from tui_guide.library.load import load_programme
from tui_guide.programme import Programme
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.filters import FiltersScreen
from tui_guide.tui.screens.hide import HideScreen
from tui_guide.tui.screens.mine import MineScreen
from tui_guide.tui.screens.session import SessionScreen
from tui_guide.tui.screens.timetable import TimetableScreen
from tui_guide.tui.widgets.section_bar import SectionBar
from tui_guide.tui.widgets.timetable import AXIS, HEADER, Timetable

from .helpers import day_list, screen_text, wait_for

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "schedules"
CONGRESS = SHARED / "37c3.xml"
needs_congress = pytest.mark.skipif(not CONGRESS.is_file(), reason="../shared/schedules is absent")
FEST = "test-fest"


def session(id: str, title: str, when: str, venue: str | None, *, track: str = "") -> str:
    """One [[sessions]] table: `when` is 'date start end' with parts left out as unknown."""
    date, start, end = ([*when.split(), None, None, None])[:3]
    lines = ["[[sessions]]", f'id = "{id}"', f'title = "{title}"', 'kind = "talk"']
    if date:
        lines.append(f"date = {date}")
    if start:
        lines.append(f"start = {start}:00")
    if end:
        lines.append(f"end = {end}:00")
    if venue:
        lines.append(f'venue = "{venue}"')
    if track:
        lines.append(f'track = "{track}"')
    return "\n".join(lines) + "\n"


VENUES = "".join(
    f'[[venues]]\nid = "{id}"\nname = "{name}"\n\n'
    for id, name in (("hall-a", "Hall A"), ("hall-b", "Hall B"), ("hall-c", "Hall C"))
)
SESSIONS = "".join(
    [
        session("a1", "Alpha one", "2025-12-07 10:00 11:00", "hall-a", track="Science"),
        session("a2", "Alpha two", "2025-12-07 11:30 12:30", "hall-a"),
        session("a3", "Alpha three", "2025-12-07 14:00 15:00", "hall-a", track="Science"),
        session("b1", "Bravo one", "2025-12-07 10:30 11:30", "hall-b"),
        session("b2", "Bravo open", "2025-12-07 14:00", "hall-b"),
        session("c1", "Charlie one", "2025-12-07 13:00 15:00", "hall-c"),
        session("c2", "Charlie night", "2025-12-08 01:00 02:00", "hall-c"),
        session("t1", "Time unknown", "2025-12-07", "hall-a"),
        session("v1", "Venue unknown", "2025-12-07 16:00 17:00", None),
        session("d2", "Day two talk", "2025-12-08 10:00 11:00", "hall-b"),
    ]
)


@pytest.fixture
def grid_programme(write_festival) -> Programme:
    path = write_festival(VENUES + SESSIONS, id=FEST)
    loaded = load_programme([path], cache=False)
    assert not loaded.problems, loaded.problems
    return loaded


async def open_timetable(pilot: Pilot) -> Timetable:
    await pilot.pause()
    await pilot.press("t")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, TimetableScreen))
    await pilot.pause()
    return pilot.app.screen.query_one(Timetable)


def selected(widget: Timetable) -> str | None:
    found = widget.selected
    return found.id if found else None


async def test_t_opens_on_the_day_on_now_with_what_is_on_selected(make_app, grid_programme):
    app = make_app(grid_programme)
    async with app.run_test(size=(100, 30)) as pilot:
        widget = await open_timetable(pilot)
        screen = app.screen
        assert isinstance(screen, TimetableScreen)
        assert str(screen.day) == "2025-12-07"
        assert screen.focused is widget
        assert selected(widget) == "a3"  # on at 14:10 in the first venue
        assert [c.venue.name for c in widget.grid.columns][:3] == ["Hall A", "Hall B", "Hall C"]
        text = screen_text(app)
        assert "Hall A" in text and "Hall B" in text and "Alpha three" in text
        assert "14:10▶" in text  # the line at now


async def test_arrows_move_to_the_neighbouring_block_and_across_days(make_app, grid_programme):
    app = make_app(grid_programme)
    async with app.run_test(size=(100, 30)) as pilot:
        widget = await open_timetable(pilot)
        await pilot.press("up")
        assert selected(widget) == "a2"
        await pilot.press("up")
        assert selected(widget) == "a1"
        await pilot.press("up")  # the first at Hall A: stays
        assert selected(widget) == "a1"
        await pilot.press("right")  # Hall B at 10:00: nothing on, the nearest is 10:30
        assert selected(widget) == "b1"
        await pilot.press("right")
        assert selected(widget) == "c1"
        await pilot.press("down")  # the night below the evening, in the same column
        assert selected(widget) == "c2"
        await pilot.press("left")
        assert selected(widget) == "b2"
        await pilot.press("left", "down")  # Hall A's last, then the list under the grid
        assert selected(widget) == "v1"  # in time order: timed first
        await pilot.press("down")
        assert selected(widget) == "t1"
        await pilot.press("up", "up")  # back onto the grid
        assert widget.grid.block(widget.selected.key) is not None  # type: ignore[union-attr]
        # Right past the last venue: the next day; left past the first: back again.
        widget.select(f"{FEST}/c1")
        await pilot.press("right")
        await pilot.pause()
        assert str(app.screen.day) == "2025-12-08"
        assert selected(widget) == "d2"
        await pilot.press("left")
        await pilot.pause()
        assert str(app.screen.day) == "2025-12-07"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert str(app.screen.day) == "2025-12-08"
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert str(app.screen.day) == "2025-12-07"


async def test_enter_and_a_click_open_the_session(make_app, grid_programme):
    app = make_app(grid_programme)
    async with app.run_test(size=(100, 30)) as pilot:
        widget = await open_timetable(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SessionScreen))
        assert app.screen.session.id == "a3"
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, TimetableScreen))
        # A click on Hall B's block at 14:00 (the line of the block's start).
        block = widget.grid.block(f"{FEST}/b2")
        assert block is not None
        top, _ = widget._span(block)
        x = AXIS + widget._xs[block.column] + 3 - widget.scroll_offset.x
        y = HEADER + top - widget.scroll_offset.y
        await pilot.click(Timetable, offset=(x, y))
        await wait_for(pilot, lambda: isinstance(app.screen, SessionScreen))
        assert app.screen.session.id == "b2"


async def test_f_stars_the_selected_block(make_app, grid_programme):
    app = make_app(grid_programme)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_timetable(pilot)
        await pilot.press("f")
        await pilot.pause()
        assert f"{FEST}/a3" in app.favourites
        assert "★ Alpha three" in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert f"{FEST}/a3" not in app.favourites


async def test_a_block_with_no_end_says_so_and_unplaced_sessions_are_listed(
    make_app, grid_programme
):
    app = make_app(grid_programme)
    async with app.run_test(size=(120, 60)) as pilot:
        widget = await open_timetable(pilot)
        open_block = widget.grid.block(f"{FEST}/b2")
        assert open_block is not None and open_block.open_end
        assert [s.id for s in widget.grid.unplaced] == ["v1", "t1"]
        widget.scroll_to(y=0, animate=False, immediate=True)
        await pilot.press("minus", "minus")  # an hour a line: the whole day fits
        await pilot.pause()
        text = screen_text(app)
        assert "end TBA" in text
        assert "Not on the grid, with no time or no venue: 2" in text
        assert "Time unknown" in text and "Venue unknown" in text


async def test_plus_and_minus_change_the_scale(make_app, grid_programme):
    app = make_app(grid_programme)
    async with app.run_test(size=(100, 30)) as pilot:
        widget = await open_timetable(pilot)
        rows = widget.rows
        await pilot.press("plus")
        assert widget.rows > rows
        await pilot.press("minus", "minus")
        assert widget.rows < rows
        assert selected(widget) == "a3"


async def test_hiding_a_venue_leaves_it_out_everywhere_until_shown_again(make_app, grid_programme):
    app = make_app(grid_programme)
    async with app.run_test(size=(100, 30)) as pilot:
        widget = await open_timetable(pilot)
        await pilot.press("h")
        await wait_for(pilot, lambda: isinstance(app.screen, HideScreen))
        await pilot.press("down", "enter")  # the venue: Hall A
        await wait_for(pilot, lambda: isinstance(app.screen, TimetableScreen))
        await pilot.pause()
        assert "Hall A" not in {c.venue.name for c in widget.grid.columns}
        assert "1 thing hidden" in screen_text(app)
        assert "1 hidden" in app.screen.query_one(SectionBar).badge
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, DaysScreen))
        await pilot.pause()
        listed = [s.id for s in day_list(app, "2025-12-07").sessions]
        assert "a1" not in listed and "b1" in listed
        # H shows what is hidden again (dimmed on the grid), and hides it once more.
        await pilot.press("H")
        await pilot.pause()
        assert "a1" in [s.id for s in day_list(app, "2025-12-07").sessions]
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimetableScreen))
        await pilot.pause()
        assert "Hall A" in {c.venue.name for c in widget.grid.columns}
        assert "hidden · " in screen_text(app)
        await pilot.press("H")
        await pilot.pause()
        assert "Hall A" not in {c.venue.name for c in widget.grid.columns}


async def test_hiding_one_session_and_its_track(make_app, grid_programme):
    app = make_app(grid_programme)
    async with app.run_test(size=(100, 30)) as pilot:
        widget = await open_timetable(pilot)
        await pilot.press("f", "h")  # starred first: hiding it says so
        await wait_for(pilot, lambda: isinstance(app.screen, HideScreen))
        await pilot.press("enter")  # this session
        await wait_for(pilot, lambda: isinstance(app.screen, TimetableScreen))
        await pilot.pause()
        assert widget.grid.block(f"{FEST}/a3") is None
        assert any("1 starred session" in n.message for n in app._notifications)
        widget.select(f"{FEST}/a1")
        await pilot.press("h")
        await wait_for(pilot, lambda: isinstance(app.screen, HideScreen))
        await pilot.press("down", "down", "enter")  # the track: Science
        await wait_for(pilot, lambda: isinstance(app.screen, TimetableScreen))
        await pilot.pause()
        assert widget.grid.block(f"{FEST}/a1") is None
        assert (FEST, "Science") in app.hidden.tracks
        # My programme keeps the star it hid.
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, MineScreen))
        await pilot.pause()
        assert "Alpha three" in screen_text(app)


@needs_congress
async def test_37c3_at_12_05_on_day_1_and_its_night_below_the_evening(make_app):
    programme = load_programme([CONGRESS], cache=False)
    app = make_app(programme, now=datetime(2023, 12, 27, 12, 5))
    async with app.run_test(size=(100, 30)) as pilot:
        widget = await open_timetable(pilot)
        text = screen_text(app)
        assert "Saal 1" in text and "Saal Granville" in text
        assert "Apple's iPhone 15" in text  # 12:00 in Saal 1, on now
        assert widget.selected is not None and widget.selected.venue is not None
        assert widget.selected.venue.name == "Saal 1"
        # The night after the 27th is on the same grid, after 24:00.
        festival = programme.festivals[0]
        night = [s for s in festival.sessions_on(festival.days[0]) if s.date != s.day]
        assert night
        for found in night:
            block = widget.grid.block(found.key)
            assert block is not None and block.start >= 24 * 60
        widget.select(night[0].key)
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
        assert "00:00" in text or "01:00" in text
        assert str(app.screen.day) == "2023-12-27"


async def test_opening_the_timetable_styles_it_without_restyling_every_screen(
    make_app, grid_programme
):
    """The timetable's screen skips Textual's restyle of every screen (a third of a second
    behind a big day's list) and is styled all the same: this checks the private counter it
    relies on, which an update of Textual could rename."""
    app = make_app(grid_programme)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        refreshed = []
        original = app.refresh_css
        app.refresh_css = lambda *a, **k: (refreshed.append(1), original(*a, **k))[1]  # type: ignore[method-assign]
        widget = await open_timetable(pilot)
        assert refreshed == []
        assert app.screen._css_update_count == app._css_update_count
        surface = app.get_css_variables()["surface"]
        assert widget.styles.background.hex.lower() == surface.lower()
        assert widget.get_component_styles("timetable--cursor").background.a > 0


async def test_the_days_either_side_are_made_ahead_and_none_is_made_twice(
    make_app, grid_programme, monkeypatch
):
    import tui_guide.tui.screens.timetable as screens

    made: list[str] = []
    real = screens.build_grid

    def counted(day, sessions, venues):
        made.append(str(day))
        return real(day, sessions, venues)

    monkeypatch.setattr(screens, "build_grid", counted)
    app = make_app(grid_programme)
    async with app.run_test(size=(100, 30)) as pilot:
        widget = await open_timetable(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert made == ["2025-12-07", "2025-12-08"]  # the day after, made while 7 Dec shows
        screen = app.screen
        ahead = screen._grids[(date(2025, 12, 8), screen.session_filter_for(screen.festival))]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert widget.grid is ahead
        await pilot.press("left_square_bracket")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert made == ["2025-12-07", "2025-12-08"]
        # A filter makes the day again, with what it keeps (the day after too, ahead).
        await pilot.press("ctrl+f")
        await wait_for(pilot, lambda: isinstance(app.screen, FiltersScreen))
        await pilot.pause()
        venues = app.screen.query_one("#hide-venue", SelectionList)
        venues.focus()
        venues.highlighted = 0  # Hall A
        await pilot.press("space", "ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, TimetableScreen))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert made == ["2025-12-07", "2025-12-08", "2025-12-07", "2025-12-08"]
        assert "Hall A" not in {c.venue.name for c in widget.grid.columns}
