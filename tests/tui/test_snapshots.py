"""Snapshots of each main screen at 80x24 and 120x40, and the main screens at 60x20 too, the
clock frozen at 14:10 on 7 December.

Regenerate after a deliberate change to the look, then look at the SVGs before committing:

    .venv/bin/pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from tui_guide.tui.screens.filters import FiltersScreen
from tui_guide.tui.screens.help import HelpScreen
from tui_guide.tui.screens.mine import MineScreen
from tui_guide.tui.screens.now_next import NowNextScreen
from tui_guide.tui.screens.people import PeopleScreen
from tui_guide.tui.screens.session import SessionScreen
from tui_guide.tui.screens.venue import VenueScreen
from tui_guide.tui.screens.venues import VenuesScreen
from tui_guide.tui.widgets.line_list import LineList

from .helpers import open_baku_days

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


async def festivals(pilot: Pilot) -> None:
    await pilot.pause()


async def days(pilot: Pilot) -> None:
    await open_baku_days(pilot)


async def session(pilot: Pilot) -> None:
    await days(pilot)
    await pilot.press("enter")  # the first of 7 December: Acting techniques for animators
    await pilot.pause()
    assert isinstance(pilot.app.screen, SessionScreen)
    assert pilot.app.screen.session.id == "ata-masterclass-acting-for-animators"


async def venues(pilot: Pilot) -> None:
    await days(pilot)
    await pilot.press("v")
    await pilot.pause()
    assert isinstance(pilot.app.screen, VenuesScreen)


async def venue(pilot: Pilot) -> None:
    await venues(pilot)
    assert pilot.app.screen.query_one("#venues", LineList).highlighted == 0
    await pilot.press("enter")  # the first venue: Yaradıcı Creative Hub
    await pilot.pause()
    assert isinstance(pilot.app.screen, VenueScreen)
    assert pilot.app.screen.venue.name == "Yaradıcı Creative Hub"


async def people(pilot: Pilot) -> None:
    await days(pilot)
    await pilot.press("p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PeopleScreen)


async def now_next(pilot: Pilot) -> None:
    await days(pilot)
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, NowNextScreen)


async def mine(pilot: Pilot) -> None:
    await days(pilot)
    await pilot.press("f", "down", "f", "m")  # star both 14:00 masterclasses: a clash
    await pilot.pause()
    assert isinstance(pilot.app.screen, MineScreen)
    pilot.app.clear_notifications()
    await pilot.pause()


async def filters(pilot: Pilot) -> None:
    await days(pilot)
    await pilot.press("ctrl+f")
    await pilot.pause()
    assert isinstance(pilot.app.screen, FiltersScreen)


async def help_keys(pilot: Pilot) -> None:
    await days(pilot)
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpScreen)


SCREENS: dict[str, Callable[[Pilot], Awaitable[None]]] = {
    "festivals": festivals,
    "days": days,
    "session": session,
    "venues": venues,
    "venue": venue,
    "people": people,
    "now_next": now_next,
    "mine": mine,
    "filters": filters,
    "help": help_keys,
}


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, make_app, screen: str, size: str) -> None:
    assert snap_compare(make_app(), terminal_size=SIZES[size], run_before=SCREENS[screen])


NARROW = ["festivals", "days", "session", "venues", "mine", "now_next"]


@pytest.mark.parametrize("screen", NARROW)
def test_main_screen_at_60x20(snap_compare, make_app, screen: str) -> None:
    assert snap_compare(make_app(), terminal_size=(60, 20), run_before=SCREENS[screen])
