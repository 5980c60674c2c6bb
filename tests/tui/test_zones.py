"""The festival's time zone on the guide's screens: a fixed offset reads `UTC+1`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tui_guide.library.load import load_programme
from tui_guide.tui.screens.festival import FestivalScreen
from tui_guide.tui.screens.now_next import NowNextScreen
from tui_guide.tui.screens.session import SessionScreen

from .helpers import screen_text

SCHEDULES = Path(__file__).resolve().parents[1] / "data" / "schedules"
SIZE = (100, 30)


async def test_a_fixed_offset_reads_utc_plus_1_on_every_screen_that_names_the_zone(
    make_app,
) -> None:
    programme = load_programme([SCHEDULES / "fixed-offset.xml"], cache=False)
    app = make_app(programme, now=datetime(2024, 3, 1, 10, 10))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, FestivalScreen)
        assert "Time zone UTC+1" in screen_text(app)
        await pilot.press("escape", "n")
        await pilot.pause()
        assert isinstance(app.screen, NowNextScreen)
        assert "Fri 1 Mar 2024 10:10 in UTC+1 (UTC+1)" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        text = screen_text(app)
        assert "Fri 1 Mar 2024 · 10:00–11:00 (UTC+1)" in text
        assert "Etc/GMT" not in text
