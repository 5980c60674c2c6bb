"""The favourite keys, driven with Pilot: `f` (and `s`) star and unstar a session in a list and
on its page, the footer says so, and screens with no session to star do not offer it. (My
programme itself is tested in test_mine.py.)"""

from __future__ import annotations

from tui_guide.tui.screens.filters import FiltersScreen
from tui_guide.tui.screens.people import PeopleScreen
from tui_guide.tui.screens.session import SessionScreen
from tui_guide.tui.screens.venues import VenuesScreen
from tui_guide.tui.widgets.session_list import FAVOURITE_MARK

from .helpers import (
    ACTING_KEY,
    SIZE,
    open_baku_days,
    screen_text,
)


async def test_f_stars_in_lists_and_on_the_session_and_the_footer_says_so(make_app) -> None:
    """The issue's `f` bookmarks a session from any list or its detail; Filters are ^f, and
    `s` (the first key for it) still stars, without taking room in the footer."""
    app = make_app()
    key = ACTING_KEY
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "f Star" in footer and "^f Filters" in footer and "s Star" not in footer
        await pilot.press("s")
        await pilot.pause()
        assert key in app.favourites
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        footer = screen_text(app).splitlines()[-1]
        assert "f Star" in footer and "^f Filters" in footer and "s Star" not in footer
        await pilot.press("f")
        await pilot.pause()
        assert key not in app.favourites
        await pilot.press("s")
        await pilot.pause()
        assert key in app.favourites
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, FiltersScreen)


async def test_f_marks_and_unmarks_a_favourite(make_app) -> None:
    app = make_app()
    key = ACTING_KEY
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        assert FAVOURITE_MARK not in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert key in app.favourites
        assert len(app.favourites) == 1
        acting_line = next(
            line for line in screen_text(app).splitlines() if "Acting techniques" in line
        )
        assert FAVOURITE_MARK in acting_line
        assert any("My programme" in n.message for n in app._notifications)

        # The session screen shows the mark, and `f` there removes it.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert f"{FAVOURITE_MARK} In My programme" in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert key not in app.favourites
        assert "In My programme" not in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert FAVOURITE_MARK not in screen_text(app)

        await pilot.press("f")
        await pilot.pause()
        assert key in app.favourites
        await pilot.press("f")
        await pilot.pause()
        assert key not in app.favourites
        assert len(app.favourites) == 0


async def test_f_is_not_offered_where_there_is_no_session_to_mark(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        for key, screen_type in (("v", VenuesScreen), ("p", PeopleScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen_type)
            assert "Star" not in screen_text(app).splitlines()[-1]
            await pilot.press("f")
            await pilot.pause()
            assert len(app.favourites) == 0
