"""Real published schedules (37C3 and DebConf 23, from ../shared/schedules) open in the guide:
every event in its room at its local time, and a session's screen shows what was imported."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tui_guide.library.load import load_programme
from tui_guide.programme import Programme
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.festivals import FestivalsScreen
from tui_guide.tui.screens.session import SessionScreen
from tui_guide.tui.screens.venue import VenueScreen
from tui_guide.tui.widgets.line_list import LineList

from .helpers import active_day, day_list, option_ids, screen_text, show_day

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "schedules"
SIZE = (100, 30)
OPENING = "fddf9aa7-4952-497e-b706-2e802deef3cc"  # 37C3: Feierliche Eröffnung, 10:30 Saal 1
IPHONE = "a06319d5-f4a6-4efa-8255-dff6317e9632"  # Apple's iPhone 15: Under the C, 12:00

pytestmark = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"the shared real schedules are not at {SHARED}"
)


@pytest.fixture(scope="module")
def imported() -> Programme:
    programme = load_programme([SHARED / "37c3.xml", SHARED / "debconf23.xml"])
    assert programme.problems == ()
    return programme


async def test_37c3_opens_on_its_day_with_every_event_in_its_room_and_time(
    make_app, imported: Programme
) -> None:
    congress = imported.festival("37c3")
    app = make_app(imported, now=datetime(2023, 12, 27, 10, 40))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FestivalsScreen)
        festivals = app.screen.query_one("#festivals", LineList)
        assert option_ids(festivals) == ["debconf23", "37c3"]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen) and app.screen.festival.id == "37c3"
        assert active_day(app) == "day-2023-12-27"
        for day in congress.days:
            shown = (await show_day(pilot, day.isoformat())).sessions
            assert [s.key for s in shown] == [s.key for s in congress.sessions_on(day)]
        assert sum(len(congress.sessions_on(d)) for d in congress.days) == 501

        first = await show_day(pilot, "2023-12-27")
        first.focus()
        first.highlighted = [s.id for s in first.sessions].index(OPENING)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and app.screen.session.id == OPENING
        text = screen_text(app)
        assert "37C3: Feierliche Eröffnung" in text
        assert "Wed 27 Dec 2023 · 10:30–11:00 (Europe/Berlin)" in text
        assert "Saal 1" in text
        assert "derPUPE" in text and "Katharina Nocun" in text


async def test_an_imported_session_shows_subtitle_and_links(make_app, imported) -> None:
    congress = imported.festival("37c3")
    app = make_app(imported, now=datetime(2023, 12, 27, 10, 40))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(SessionScreen(congress, congress.session(IPHONE)))
        await pilot.pause()
        text = screen_text(app)
        assert "Apple's iPhone 15: Under the C" in text
        assert "Hardware hacking tooling for the new iPhone generation" in text
        assert "Wed 27 Dec 2023 · 12:00–12:40 (Europe/Berlin)" in text
        assert "Video: Getting JTAG on the iPhone 15" in text


async def test_debconf23_sessions_are_in_kochi_time_in_their_rooms(make_app, imported) -> None:
    debconf = imported.festival("debconf23")
    app = make_app(imported, now=datetime(2023, 9, 10, 10, 35))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen) and app.screen.festival.id == "debconf23"
        assert active_day(app) == "day-2023-09-10"
        tenth = day_list(app, "2023-09-10")
        assert [s.key for s in tenth.sessions] == [
            s.key for s in debconf.sessions_on(datetime(2023, 9, 10).date())
        ]
        tenth.focus()
        tenth.highlighted = [s.title for s in tenth.sessions].index("Opening Ceremony")
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Sun 10 Sep 2023 · 10:30–10:50 (Asia/Kolkata)" in text
        assert "Anamudi" in text and "Sruthi Chandran" in text
        # Its venue lists it at the same time.
        venue = app.screen.session.venue
        app.push_screen(VenueScreen(debconf, venue))
        await pilot.pause()
        assert "Opening Ceremony" in screen_text(app)
