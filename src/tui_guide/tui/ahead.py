"""Section screens made ahead: composed, mounted and laid out while hidden, in idle time after
the first paint, so that the section's key only switches to them.

Textual makes a mode's screen when the mode is first shown (`App._init_mode`): at 50,000
sessions, My programme's 30 widgets made, styled and laid out took most of the 136 ms from
`m` to its rows. Here the same screen is made while another is on top, one screen and one
step at a time (make and mount, lay out, draw), each only after `QUIET` seconds without a key,
so that a key never waits behind it. The screen made ahead is what the key would have made:
the same factory, registered as `_init_mode` registers it, less the resume it sends (the
screen is resumed when it is shown, by `switch_mode`). What changed meanwhile is caught up
when it is shown: the lists are refreshed (favourites, filters, the clock's "now"), a theme
chosen meanwhile restyles it (Textual compares the stylesheet's counter on every switch),
and a terminal resized meanwhile lays it out again (the resume compares the sizes). A screen
made ahead that sees a change while hidden (a star, a filter) is made ready again in the same
idle steps, its lists refreshed, laid out and drawn; when shown, its lists are refreshed once
more (for the clock), which changes nothing on My programme when no row differs.

This reaches into Textual's mode stacks (`_screen_stacks`, `_get_screen`, `_load_screen_css`):
Textual is pinned to one version, and `tests/tui/test_ahead.py` fails if they change."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui_guide.tui.app import GuideApp

AHEAD = ("mine", "people")
"""The sections made ahead, in this order (People waits for its rows, which the search
indexes' worker works out)."""

QUIET = 0.5
"""Seconds without a key before a step is taken."""

STEP = 0.05
"""Seconds between two steps (each lets the event loop answer what came meanwhile)."""


class ScreensAhead:
    """Makes the sections of `AHEAD` ahead for `app`, once `start` is called."""

    def __init__(self, app: GuideApp) -> None:
        self.app = app
        self.last_key = 0.0  # time.monotonic() of the last key
        self.started = False
        self._laying: Screen[object] | None = None  # made: laid out, then drawn, in steps
        self._laid_out = False
        self._ready: dict[str, int] = {}  # each mode's `hidden_changes` when last made ready

    def key_pressed(self) -> None:
        self.last_key = time.monotonic()

    def start(self) -> None:
        """Begin, in steps (idempotent)."""
        if not self.started:
            self.started = True
            self._later(STEP)

    def _later(self, delay: float) -> None:
        self.app.set_timer(delay, self._step, name="screens-ahead")

    def _step(self) -> None:
        app = self.app
        if app.closing or not app.is_running:
            return
        quiet = time.monotonic() - self.last_key
        if quiet < QUIET:  # someone is typing: not now
            self._later(QUIET - quiet + STEP)
            return
        laying = self._laying
        if laying is not None:
            if not laying.is_mounted:  # its widgets are still mounting
                self._later(STEP)
                return
            if laying.is_current or not laying.is_attached:
                self._laying = None  # shown (or gone) meanwhile: Textual took it from here
            elif not self._laid_out:
                laying._refresh_layout(app.size)
                self._laid_out = True
            else:
                # Drawn once, off the screen: each widget keeps its lines, drawn again when
                # shown only where something changed.
                laying._compositor.render_update(full=True)
                self._laying = None
            self._later(STEP)
            return
        for mode in AHEAD:
            if mode in app._screen_stacks or mode == app.current_mode:
                continue
            if mode == "people" and "people_rows" not in vars(app):
                self._later(QUIET)  # its rows are still being worked out
                return
            self._make(mode)
            self._later(STEP)
            return
        for mode in AHEAD:  # all made: those changed while hidden are made ready again
            screen = app._screen_stacks.get(mode, [None])[0]
            changes = getattr(screen, "hidden_changes", 0)
            if screen is None or screen.is_current or not screen.is_mounted:
                continue
            if changes != self._ready.get(mode, 0):
                self._ready[mode] = changes
                screen.refresh_lists()  # type: ignore[attr-defined]
                self._laying, self._laid_out = screen, False
                self._later(STEP)
                return
        self._later(QUIET)

    def _make(self, mode: str) -> None:
        """The mode's screen, made and mounted as `App._init_mode` does, without showing it."""
        app = self.app
        make = app._modes[mode]
        assert callable(make)  # the guide's modes are all factories
        screen, _mounted = app._get_screen(make())  # its own task mounts it
        app._load_screen_css(screen)
        app._screen_stacks[mode] = [screen]
        made_ahead = getattr(screen, "made_ahead", None)
        if made_ahead is not None:
            made_ahead()
        self._laying = screen
        self._laid_out = False
