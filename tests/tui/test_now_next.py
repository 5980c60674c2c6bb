"""Now & next, driven with Pilot: what has started, what is on and what is next, at a frozen
clock in the festival's time zone."""

from __future__ import annotations

from datetime import datetime

from tui_guide.library.load import load_programme
from tui_guide.tui.screens.now_next import NowNextScreen
from tui_guide.tui.screens.session import SessionScreen
from tui_guide.tui.widgets.session_list import SessionList

from .helpers import (
    ACTING,
    CAREERS,
    MIXED,
    ROUNDTABLE,
    SERIES_7,
    SIZE,
    ids,
    open_baku_days,
    screen_text,
)


async def test_now_and_next_at_the_frozen_clock(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert app.current_mode == "now"
        assert isinstance(app.screen, NowNextScreen)
        listing = app.screen.query_one(SessionList)
        # Both 14:00 masterclasses have no end: at 14:10 they are "started", and the screening
        # with no time is today's time-TBA entry. Nothing later today has a time, so no "next";
        # the roundtable of 9 December has no time either, and is still to come.
        assert ids(listing.sessions) == [ACTING, CAREERS, SERIES_7, ROUNDTABLE]
        text = screen_text(app)
        assert "Sun 7 Dec 2025 14:10 in Baku (Asia/Baku)" in text
        assert "clock frozen" in text
        lines = text.splitlines()
        started = next(i for i, line in enumerate(lines) if "Started" in line)
        acting = next(i for i, line in enumerate(lines) if "Acting techniques" in line)
        careers = next(i for i, line in enumerate(lines) if "Building a successful" in line)
        assert started < acting < careers
        assert lines[acting].lstrip().startswith("14:00")
        assert "Tue 9 Dec, time TBA" in text

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.id == ACTING


async def test_now_and_next_shows_what_is_on(make_app, write_festival) -> None:
    app = make_app(load_programme([write_festival(MIXED)]), now=datetime(2025, 12, 7, 9, 45))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        listing = app.screen.query_one(SessionList)
        assert ids(listing.sessions) == ["zebra", "aardvark"]
        text = screen_text(app)
        assert "On now" in text
        assert "Today, time TBA" in text
