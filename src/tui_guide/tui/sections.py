"""The screens at the base of each section (the App's modes), each imported when its section
is first opened: at the start only the first screen's module is loaded, not the timetable's
grid, the lists of people and favourites, or the changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui_guide.programme.model import Festival


def _festivals() -> Screen[None]:
    from tui_guide.tui.screens.festivals import FestivalsScreen

    return FestivalsScreen()


def _people() -> Screen[None]:
    from tui_guide.tui.screens.people import PeopleScreen

    return PeopleScreen()


def _mine() -> Screen[None]:
    from tui_guide.tui.screens.mine import MineScreen

    return MineScreen()


def _changes() -> Screen[None]:
    from tui_guide.tui.screens.changes import ChangesScreen

    return ChangesScreen()


SECTION_SCREENS: dict[str, Callable[[], Screen[None]]] = {
    "festivals": _festivals,
    "people": _people,
    "mine": _mine,
    "changes": _changes,
}
"""The sections of the whole programme, by mode: each makes its screen."""


def festival_section(mode: str, festival: Festival) -> Callable[[], Screen[None]]:
    """What makes the screen of one of the current festival's sections (`FESTIVAL_MODES`)."""

    def make() -> Screen[None]:
        if mode == "days":
            from tui_guide.tui.screens.days import DaysScreen

            return DaysScreen(festival)
        if mode == "timetable":
            from tui_guide.tui.screens.timetable import TimetableScreen

            return TimetableScreen(festival)
        if mode == "venues":
            from tui_guide.tui.screens.venues import VenuesScreen

            return VenuesScreen(festival)
        if mode == "now":
            from tui_guide.tui.screens.now_next import NowNextScreen

            return NowNextScreen(festival)
        raise ValueError(f"not a festival's section: {mode}")

    return make
