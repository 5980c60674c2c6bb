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
