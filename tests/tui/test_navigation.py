"""Every section key and Escape from every screen, and where each lands: a section's key
always opens that section's main screen (the pages on top of it closed, a dialog too);
Escape goes back one step (the page under this one, from a festival's section to Festivals).

The table below is the whole navigation model; the help screen says the same."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot
from textual.screen import Screen

from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.festival import FestivalScreen
from tui_guide.tui.screens.festivals import FestivalsScreen
from tui_guide.tui.screens.filters import FiltersScreen
from tui_guide.tui.screens.help import HelpScreen
from tui_guide.tui.screens.mine import MineScreen
from tui_guide.tui.screens.now_next import NowNextScreen
from tui_guide.tui.screens.people import PeopleScreen
from tui_guide.tui.screens.session import SessionScreen
from tui_guide.tui.screens.sessions import SessionsScreen
from tui_guide.tui.screens.timetable import TimetableScreen
from tui_guide.tui.screens.venue import VenueScreen
from tui_guide.tui.screens.venues import VenuesScreen
from tui_guide.tui.widgets.section_bar import SectionBar

from .helpers import SIZE, open_baku_days

Go = Callable[[Pilot], Awaitable[None]]


async def press(pilot: Pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def festivals(pilot: Pilot) -> None:
    await pilot.pause()


async def days(pilot: Pilot) -> None:
    await open_baku_days(pilot)


async def session(pilot: Pilot) -> None:
    await days(pilot)
    await press(pilot, "enter")


async def venues(pilot: Pilot) -> None:
    await days(pilot)
    await press(pilot, "v")


async def venue(pilot: Pilot) -> None:
    await venues(pilot)
    await press(pilot, "enter")


async def venue_session(pilot: Pilot) -> None:
    await venue(pilot)
    await press(pilot, "enter")


async def people(pilot: Pilot) -> None:
    await days(pilot)
    await press(pilot, "p")


async def person(pilot: Pilot) -> None:
    await people(pilot)
    await press(pilot, "enter")


async def now(pilot: Pilot) -> None:
    await days(pilot)
    await press(pilot, "n")


async def mine(pilot: Pilot) -> None:
    await days(pilot)
    await press(pilot, "m")


async def about_on_mine(pilot: Pilot) -> None:
    # The report of issue 19: About pushed on My programme, then `m` showed About.
    await mine(pilot)
    await press(pilot, "i")


async def help_on_session(pilot: Pilot) -> None:
    await session(pilot)
    await press(pilot, "question_mark")


async def filters_on_days(pilot: Pilot) -> None:
    await days(pilot)
    await press(pilot, "ctrl+f")


# Each start: how to get there, the screen it is, and the screens under it (bottom first).
STARTS: dict[str, tuple[Go, type[Screen], list[type[Screen]]]] = {
    "festivals": (festivals, FestivalsScreen, []),
    "days": (days, DaysScreen, []),
    "session": (session, SessionScreen, [DaysScreen]),
    "venues": (venues, VenuesScreen, []),
    "venue": (venue, VenueScreen, [VenuesScreen]),
    "venue-session": (venue_session, SessionScreen, [VenuesScreen, VenueScreen]),
    "people": (people, PeopleScreen, []),
    "person": (person, SessionsScreen, [PeopleScreen]),
    "now": (now, NowNextScreen, []),
    "mine": (mine, MineScreen, []),
    "about-on-mine": (about_on_mine, FestivalScreen, [MineScreen]),
    "help-on-session": (help_on_session, HelpScreen, [DaysScreen, SessionScreen]),
    "filters-on-days": (filters_on_days, FiltersScreen, [DaysScreen]),
}

SECTION_KEYS = {
    "d": DaysScreen,
    "t": TimetableScreen,
    "v": VenuesScreen,
    "p": PeopleScreen,
    "n": NowNextScreen,
    "m": MineScreen,
    "F": FestivalsScreen,
}

# Escape: one step back. A festival's own sections sit under Festivals (the bundled
# programme has three festivals); People, My programme and Festivals are tops.
ESCAPE_TOPS = {
    FestivalsScreen: FestivalsScreen,
    DaysScreen: FestivalsScreen,
    VenuesScreen: FestivalsScreen,
    NowNextScreen: FestivalsScreen,
    PeopleScreen: PeopleScreen,
    MineScreen: MineScreen,
}


def expected_after_escape(start: str) -> list[type[Screen]]:
    _, screen, under = STARTS[start]
    if under:
        return under
    return [ESCAPE_TOPS[screen]]


async def check_start(pilot: Pilot, start: str) -> None:
    go, screen, under = STARTS[start]
    await go(pilot)
    stack = [type(s) for s in pilot.app.screen_stack]
    assert stack == [*under, screen], f"{start}: got there as {stack}"


async def back_to_festivals(pilot: Pilot) -> None:
    await press(pilot, "F")
    assert [type(s) for s in pilot.app.screen_stack] == [FestivalsScreen]


@pytest.mark.parametrize("start", list(STARTS))
async def test_every_key_from_every_screen_lands_where_help_says(make_app, start: str) -> None:
    """From `start`, each section key in turn (going back to `start` between them), then
    Escape. One app per start: the walk back is cheaper than a new app."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for key, lands in SECTION_KEYS.items():
            await check_start(pilot, start)
            await press(pilot, key)
            stack = [type(s) for s in app.screen_stack]
            assert stack == [lands], f"{key} from {start}: {stack}"
            # ...and the section bar marks that section as the current one.
            links = app.screen.query_one(SectionBar).links
            (current,) = [link for link in links if link.current]
            assert current.labels[0].startswith(f"{key} ")
            await back_to_festivals(pilot)
        await check_start(pilot, start)
        await press(pilot, "escape")
        stack = [type(s) for s in app.screen_stack]
        assert stack == expected_after_escape(start), f"escape from {start}: {stack}"


async def test_the_same_key_twice_from_a_page_lands_on_the_same_screen(make_app) -> None:
    """'Its main screen' every time: the section does not keep the page it was left on."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await venue(pilot)
        await press(pilot, "p", "v")
        assert [type(s) for s in app.screen_stack] == [VenuesScreen]


async def test_a_page_marks_the_section_it_was_opened_in(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await venue(pilot)
        marked = [link.mode for link in app.screen.query_one(SectionBar).links if link.within]
        assert marked == ["venues"]


async def test_escape_on_a_top_screen_is_not_offered_in_the_footer(make_app) -> None:
    from tui_guide.tui.widgets.footer import GuideFooter

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await people(pilot)
        keys = [k.key for k in app.screen.query_one(GuideFooter).shown_items]
        assert "escape" not in keys
        await press(pilot, "d")
        keys = [k.key for k in app.screen.query_one(GuideFooter).shown_items]
        assert "escape" in keys  # Days sits under Festivals
