"""A session's screen, driven with Pilot: moving to a session in a day's list, everything on
its screen (people and roles, venue, the time in the festival's zone and the viewer's), what
overlaps it, and back."""

from __future__ import annotations

from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.session import SessionScreen
from tui_guide.tui.widgets.session_list import SessionList

from .helpers import (
    ACTING,
    BAKU,
    CAREERS,
    SIZE,
    day_list,
    ids,
    open_baku_days,
    screen_text,
)


async def test_move_open_a_session_and_go_back(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        seventh = day_list(app, "2025-12-07")
        assert seventh.highlighted_session.id == ACTING
        await pilot.press("down")
        await pilot.pause()
        assert seventh.highlighted_session.id == CAREERS
        await pilot.press("up")
        await pilot.pause()
        assert seventh.highlighted_session.id == ACTING

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.key == f"{BAKU}/{ACTING}"
        text = screen_text(app)
        assert "Acting techniques for animators" in text
        assert "Gurban Masimov" in text
        assert "leads the workshop" in text
        assert "Yaradıcı Creative Hub" in text
        assert "Sun 7 Dec 2025 · 14:00 (Asia/Baku)" in text
        # The viewer is in UTC (see conftest): Baku is four hours ahead.
        assert "Sun 7 Dec 10:00 your time (UTC)" in text
        overlaps = app.screen.query_one("#overlaps", SessionList)
        assert ids(overlaps.sessions) == [CAREERS]

        # An overlapping session opens over this one, and Escape comes back here.
        detail = app.screen
        overlaps.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.id == CAREERS
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is detail

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)
        assert app.focused is seventh
        assert seventh.highlighted_session.id == ACTING
