"""Festival time in the guide, with the clock frozen: a night's sessions at the end of their
festival day, the guide opening on the night that is on, times in the viewer's own zone, and
"not given" for what can no longer be announced."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui_guide.library.load import load_programme
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.now_next import NowNextScreen
from tui_guide.tui.screens.session import SessionScreen
from tui_guide.tui.widgets.session_list import SessionList

from .helpers import ACTING, SIZE, day_list, open_baku_days, screen_text, wait_for

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "schedules"
CONGRESS = SHARED / "37c3.xml"
needs_congress = pytest.mark.skipif(not CONGRESS.is_file(), reason="../shared/schedules is absent")
NEW_YORK = ZoneInfo("America/New_York")


def headings(listing: SessionList) -> list[str]:
    return listing.headings


@needs_congress
async def test_at_01_30_on_the_first_night_the_guide_opens_on_that_night(make_app) -> None:
    app = make_app(load_programme([CONGRESS]), now=datetime(2023, 12, 28, 1, 30))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DaysScreen))
        await pilot.pause()
        listing = day_list(app, "2023-12-27")  # the day strip is on the first night
        assert app.focused is listing
        assert "After midnight · Thu 28 Dec" in headings(listing)
        on_now = listing.highlighted_session
        assert on_now is not None
        assert on_now.is_on_at(datetime(2023, 12, 28, 1, 30, tzinfo=ZoneInfo("Europe/Berlin")))
        titles = [s.title for s in listing.sessions]
        assert titles.index("Kein(!) Hacker Jeopardy") > titles.index(
            "Ist die Demokratie noch zu retten?"
        )
        text = screen_text(app)
        assert "Day 1 · Wed 27 Dec" in text and "Day 4 · Sat 30 Dec" in text
        assert "Day 5" not in text


@needs_congress
async def test_now_and_next_at_half_past_midnight(make_app) -> None:
    app = make_app(load_programme([CONGRESS]), now=datetime(2023, 12, 28, 0, 30))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DaysScreen))
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, NowNextScreen))
        listing = app.screen.query_one(SessionList)
        shown = headings(listing)
        assert shown[0] == "On now"
        nexts = [h for h in shown if h.startswith("Next at")]
        assert nexts and all("10:" not in h and "Thu" not in h for h in nexts)
        assert all(s.starts_at and s.starts_at.hour < 5 for s in listing.sessions)
        assert "the night of Wed 27 Dec" in screen_text(app)


async def test_z_shows_every_time_in_the_viewers_zone_and_back(make_app) -> None:
    app = make_app(viewer_zone=NEW_YORK)
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)  # on 7 December, the day on now
        text = screen_text(app)
        assert "Asia/Baku time" in text
        assert "14:00" in text and "z Your time" in text
        await pilot.press("z")
        await pilot.pause()
        text = screen_text(app)
        assert "your time, America/New_York" in text
        assert "05:00" in text and "14:00" not in text  # 14:00 in Baku is 05:00 in New York
        assert "z Festival time" in text
        await pilot.press("z")
        await pilot.pause()
        assert "14:00" in screen_text(app)


async def test_the_session_page_gives_the_viewers_time_with_its_day(make_app) -> None:
    app = make_app(viewer_zone=ZoneInfo("Pacific/Auckland"))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_baku_days(pilot)
        listing = day_list(app, "2025-12-07")
        listing.highlighted = next(
            i for i, key in enumerate(listing.keys) if key and key.endswith(ACTING)
        )
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SessionScreen))
        # 14:00 in Baku (UTC+4) is 23:00 the same day in Auckland (UTC+13 in December).
        assert "Sun 7 Dec 23:00 your time (Pacific/Auckland)" in screen_text(app)


async def test_what_a_report_says_took_place_is_not_to_be_announced(make_app) -> None:
    app = make_app(now=datetime(2025, 12, 7, 14, 10))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Held by Tue 22 Jul 2025 (dates not given)" in text
        assert "Sessions Sat 6 Dec – Tue 9 Dec 2025 (its own dates not given)" in text
        await pilot.press("down", "down", "enter")  # the TURKSOY meeting
        await wait_for(pilot, lambda: isinstance(app.screen, DaysScreen))
        await pilot.pause()
        text = screen_text(app)
        assert "Date not given" in text and "TBA" not in text
        assert "Second Meeting of Film Leaders" in text
