"""Helpers shared by the guide's tests: what is on the terminal, and waiting for the app."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from textual.app import App
from textual.pilot import Pilot


def screen_text(app: App) -> str:
    """The characters on the terminal right now (a modal screen over its background), one
    line per row: the compositor's strips, as App.export_screenshot takes them."""
    update = app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens, simplify=True
    )
    return "\n".join("".join(seg.text for strip in row for seg in strip) for row in update.strips)


async def wait_for(pilot: Pilot, condition: Callable[[], object], timeout: float = 5.0) -> None:
    """Let the app run until `condition()` is true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {condition}")
        await pilot.pause(0.02)


def in_ci() -> bool:
    return bool(os.environ.get("CI"))
