"""Helpers shared by the guide's tests, the only copy of each: the bundled programme's ids and
a small mixed programme, what is on the terminal, waiting for the app, and moving around it
(days, lists, the command palette)."""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable, Iterable

from rich.console import Console
from textual.app import App
from textual.command import CommandInput, CommandList, CommandPalette
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import OptionList

from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.festivals import FestivalsScreen
from tui_guide.tui.widgets.day_strip import DayStrip
from tui_guide.tui.widgets.line_list import LineList
from tui_guide.tui.widgets.session_list import SessionList

SIZE = (80, 24)

# The bundled programme ------------------------------------------------------------------------

BAKU = "baku-cinema-breeze-2025"
ACTING = "ata-masterclass-acting-for-animators"
CAREERS = "ata-masterclass-animation-careers"
SERIES_7 = "ata-children-series-7-dec"
SERIES_6 = "ata-children-series-6-dec"
PANEL = "state-cooperation-panel"
ROUNDTABLE = "ata-co-production-roundtable"
ACTING_KEY = f"{BAKU}/{ACTING}"  # as the favourites store keeps them
CAREERS_KEY = f"{BAKU}/{CAREERS}"

# One festival with a dated day, a time-TBA session whose title sorts first, and an undated
# session; "Azərbaycan" and "İstanbul" exercise the Turkic folding of the palette.
MIXED = """
[[venues]]
id = "kino-evi"
name = "Azərbaycan Kino Evi"
city = "İstanbul"

[[sessions]]
id = "aardvark"
title = "Aardvark shorts"
kind = "screening"
date = 2025-12-07
venue = "kino-evi"

[[sessions]]
id = "zebra"
title = "Zebra talk"
kind = "talk"
date = 2025-12-07
start = 09:30:00
end = 10:30:00
venue = "kino-evi"

[[sessions]]
id = "mystery"
title = "Mystery meeting"
kind = "meeting"
"""

# The terminal and waiting ---------------------------------------------------------------------


def screen_text(app: App) -> str:
    """The characters on the terminal right now (a modal screen over its background), one
    line per row: the compositor's strips, as App.export_screenshot takes them."""
    update = app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens, simplify=True
    )
    return "\n".join("".join(seg.text for strip in row for seg in strip) for row in update.strips)


def plain(content, width: int = 100) -> str:
    """A widget's content as text: Rich renderables (the help's key tables) printed out."""
    if isinstance(content, str | Content):
        return str(content)
    console = Console(width=width, file=io.StringIO(), record=True)
    console.print(content)
    return console.export_text()


async def wait_for(pilot: Pilot, condition: Callable[[], object], timeout: float = 5.0) -> None:
    """Let the app run until `condition()` is true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {condition}")
        await pilot.pause(0.02)


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


# Lists and days -------------------------------------------------------------------------------


def ids(sessions: Iterable) -> list[str]:
    return [s.id for s in sessions]


def option_ids(options: OptionList | LineList) -> list[str | None]:
    """The ids of an OptionList's options, or a LineList's keys, in order (festivals,
    venues, people)."""
    if isinstance(options, LineList):
        return list(options.keys)
    return [options.get_option_at_index(i).id for i in range(options.option_count)]


def active_day(app: App) -> str:
    """The id of the day the days screen shows ("day-2025-12-07" or "day-tba")."""
    return app.screen.query_one(DayStrip).active


def day_list(app: App, day: str) -> SessionList:
    """The days screen's list, showing `day` ("2025-12-07" or "tba")."""
    assert active_day(app) == f"day-{day}"
    return app.screen.query_one("#day-list", SessionList)


async def show_day(pilot: Pilot, day: str) -> SessionList:
    """Open the day `day` and give its list. (The list is filled when a day is opened.)"""
    app = pilot.app
    app.screen.query_one(DayStrip).active = f"day-{day}"
    await pilot.pause()
    return day_list(app, day)


async def on_day(pilot: Pilot, day: str) -> list[str]:
    """Open the tab of `day` ("2025-12-07" or "tba") and give the ids its list shows."""
    return ids((await show_day(pilot, day)).sessions)


async def open_days(pilot: Pilot) -> DaysScreen:
    """From the festivals screen, open the highlighted (first) festival on its days."""
    app = pilot.app
    assert isinstance(app.screen, FestivalsScreen)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, DaysScreen)
    return app.screen


async def open_baku_days(pilot: Pilot) -> DaysScreen:
    """From the festivals screen of the bundled programme, open Baku (the first) on its days."""
    screen = await open_days(pilot)
    assert screen.festival.id == BAKU
    return screen


# The command palette --------------------------------------------------------------------------


def _searching(palette: CommandPalette, query: str) -> bool:
    """Whether the palette has yet to finish its search for `query`: the input does not hold
    all of it yet, or the worker that gathers the hits (one per keystroke) is still going."""
    if palette.query_one(CommandInput).value != query:
        return True
    group = CommandPalette._GATHER_COMMANDS_GROUP
    return any(
        w.group == group and w.node is palette and not w.is_finished for w in palette.app.workers
    )


async def palette_search(pilot: Pilot, query: str, hits: int = 1) -> CommandList:
    """Open the palette with ctrl+p, type `query`, and wait until its search is done and has
    found at least `hits` hits."""
    app = pilot.app
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
    palette = app.screen
    await pilot.press(*query)
    results = palette.query_one(CommandList)
    await wait_for(pilot, lambda: not _searching(palette, query) and results.option_count >= hits)
    return results


def prompts(results: CommandList) -> list[str]:
    return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]


async def choose(pilot: Pilot, results: CommandList, label: str) -> None:
    """Pick the first hit whose prompt starts with `label`, and wait for the palette to close."""
    index = next(i for i, p in enumerate(prompts(results)) if p.startswith(label))
    results.highlighted = index
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(pilot.app.screen, CommandPalette))
    await pilot.pause()
