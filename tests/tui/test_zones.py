"""The festival's time zone on the guide's screens: a fixed offset reads `UTC+1`."""

from __future__ import annotations

import asyncio
import gc
from datetime import datetime
from pathlib import Path

import pytest

from tui_guide.cli import main
from tui_guide.library.load import load_programme
from tui_guide.tui.app import GuideApp
from tui_guide.tui.screens.days import DaysScreen
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
        assert "Fri 1 Mar 2024 10:10 in UTC+1" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        text = screen_text(app)
        assert "Fri 1 Mar 2024 · 10:00–11:00 (UTC+1)" in text
        assert "Etc/GMT" not in text


def test_the_guide_takes_timezone_for_a_schedule_that_names_none(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`tui-guide --data no-zone.xml --timezone America/Montreal`, through the command line
    and run_guide: the guide runs under Pilot instead of in the terminal."""
    seen: dict[str, str] = {}

    async def drive(app: GuideApp) -> None:
        app.animation_level = "none"  # as conftest's make_app builds them
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, DaysScreen)
            seen["days"] = screen_text(app)
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, NowNextScreen)
            seen["now"] = screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, SessionScreen)
            seen["session"] = screen_text(app)

    monkeypatch.setattr(GuideApp, "run", lambda app: asyncio.run(drive(app)))
    monkeypatch.setattr(gc, "freeze", lambda: None)  # run_guide's, for a terminal's lifetime
    argv = ["--data", str(SCHEDULES / "no-zone.xml"), "--timezone", "America/Montreal"]
    argv += ["--now", "2017-08-06T10:10", "--state-dir", str(tmp_path)]
    assert main(argv) == 0
    assert "10:00–10:45" in seen["days"] and "Opening" in seen["days"]
    assert "Sun 6 Aug 2017 10:10 in America/Montreal" in seen["now"]
    assert "Opening" in seen["now"]
    assert "Sun 6 Aug 2017 · 10:00–10:45 (America/Montreal)" in seen["session"]
    assert "Sun 6 Aug 14:00–14:45 your time (UTC)" in seen["session"]  # the tests run in UTC
