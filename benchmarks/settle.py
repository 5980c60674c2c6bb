"""Waiting for the guide under Pilot to have answered a key, for every benchmark that drives
it headless."""

from __future__ import annotations

import time


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """`pilot.pause()`, again while a pause ran into Textual's one-second idle cap."""
    while True:
        started = time.perf_counter()
        await pilot.pause()
        if time.perf_counter() - started < 0.9:
            return


async def after_start(pilot) -> None:  # type: ignore[no-untyped-def]
    """Settled after the work that follows the first paint: the search indexes built (the
    worker starts shortly after the paint) and every worker done, so that what is timed next
    is timed alone."""
    await settle(pilot)
    while pilot.app.search_indexes.sessions is None:
        await pilot.pause(0.01)
    await pilot.app.workers.wait_for_complete()
    await settle(pilot)


def day_strip() -> type:
    """The days screen's strip of days, whose `active` is the day shown: `DayStrip`, or
    Textual's `Tabs` in a checkout from before it (timed with `--against`)."""
    try:
        from tui_guide.tui.widgets.day_strip import DayStrip
    except ImportError:
        from textual.widgets import Tabs

        return Tabs
    return DayStrip
