"""The strip of days (`DayStrip`): drawn as Textual's `Tabs` draws the same tabs, whatever
the width and the tab chosen; clicks and keys choose a tab, and say so by Message."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Tab, Tabs

from tui_guide.tui.widgets.day_strip import DayStrip, DayTab

from .helpers import wait_for

LABELS = [f"Day {n} · Sat {n} Aug" for n in range(1, 21)] + ["Date TBA"]
TABS = [DayTab(f"d{n}", label) for n, label in enumerate(LABELS)]


class Both(App[None]):
    """Textual's Tabs above, the strip below, the same tabs in each."""

    CSS = "Tabs, DayStrip { margin-bottom: 1; }"

    def __init__(self, tabs: list[DayTab], active: str) -> None:
        super().__init__()
        self.tabs, self.first = tabs, active
        self.activated: list[str] = []

    def compose(self) -> ComposeResult:
        yield Tabs(*(Tab(tab.label, id=tab.id) for tab in self.tabs), active=self.first)
        yield DayStrip(self.tabs, active=self.first)

    def on_day_strip_activated(self, event: DayStrip.Activated) -> None:
        self.activated.append(event.active)


def drawn(app: App, widget: Tabs | DayStrip) -> list[list[tuple[str, object]]]:
    """The widget's two lines as the screen has them: each cell's character and colours."""
    strips = app.screen._compositor.render_strips()
    lines = []
    for y in (widget.region.y, widget.region.y + 1):
        cells = []
        for segment in strips[y]:
            style = segment.style
            colours = (style.color, style.bgcolor, style.bold, style.dim) if style else None
            cells += [(char, colours) for char in segment.text]
        lines.append(cells)
    return lines


@pytest.mark.parametrize("width", [5, 12, 30, 60, 97, 120, 600])
@pytest.mark.parametrize("active", ["d0", "d1", "d9", "d19", "d20"])
async def test_the_strip_is_drawn_as_textual_s_tabs(width: int, active: str) -> None:
    app = Both(TABS, active)
    app.animation_level = "none"
    async with app.run_test(size=(width, 8)) as pilot:
        tabs, strip = app.query_one(Tabs), app.query_one(DayStrip)
        app.set_focus(None)  # (the App gave the Tabs focus: the first that takes it)
        # Textual's Tabs scrolls after a refresh: on a loaded machine, a pause may not do.
        await wait_for(pilot, lambda: drawn(app, strip) == drawn(app, tabs), timeout=2)
        # Choosing other tabs, in both: the row scrolls the same way from where it was.
        for other in ("d5", "d20", "d0", active):
            tabs.active = strip.active = other
            await wait_for(pilot, lambda: drawn(app, strip) == drawn(app, tabs), timeout=2)
        tabs.focus()  # the same look with focus: the chosen tab lit as a cursor
        await pilot.pause()
        assert drawn(app, tabs)[0] != drawn(app, strip)[0]
        strip.focus()
        await pilot.pause()
        strip_focused = drawn(app, strip)
        tabs.focus()
        await wait_for(pilot, lambda: drawn(app, tabs) == strip_focused, timeout=2)


async def test_clicks_and_keys_choose_a_tab_and_post_it() -> None:
    app = Both(TABS[:4], "d1")
    app.animation_level = "none"
    async with app.run_test(size=(100, 8)) as pilot:
        await pilot.pause()
        strip = app.query_one(DayStrip)
        assert app.activated == []  # the first tab chosen is not a change
        second = len(TABS[0].label) + 2  # where the second tab starts: "d1"
        await pilot.click(DayStrip, offset=(second + 2 * (len(TABS[1].label) + 2), 0))
        await pilot.pause()
        assert strip.active == "d3" and app.activated == ["d3"]
        await pilot.click(DayStrip, offset=(1, 1))  # the underline under the first tab
        await pilot.pause()
        assert strip.active == "d0"
        strip.focus()
        await pilot.press("left")  # round to the last, as Textual's Tabs does
        await pilot.pause()
        assert strip.active == "d3"
        await pilot.press("right")
        await pilot.pause()
        assert app.activated == ["d3", "d0", "d3", "d0"]
        await pilot.click(DayStrip, offset=(95, 0))  # past the last tab: nothing
        await pilot.pause()
        assert strip.active == "d0"


async def test_the_tab_under_the_mouse_lights_up() -> None:
    app = Both(TABS[:4], "d0")
    app.animation_level = "none"
    async with app.run_test(size=(100, 8)) as pilot:
        strip, tabs = app.query_one(DayStrip), app.query_one(Tabs)
        app.set_focus(None)
        await pilot.pause()
        x = len(TABS[0].label) + 4
        await pilot.hover(DayStrip, offset=(x, 0))
        await pilot.pause()
        lit = drawn(app, strip)
        await pilot.hover(Tabs, offset=(x, 0))
        await pilot.pause()
        assert lit == drawn(app, tabs)
        assert lit != drawn(app, strip)  # the strip's tab is no longer hovered
