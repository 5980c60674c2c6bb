"""Narrow terminals: the footer shortens labels and never cuts a key off; the filters dialog
opens at its top; a checkbox's state shows in its shape, not only its colour."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, SelectionList

from tui_guide.tui.screens.filters import FiltersScreen
from tui_guide.tui.widgets.footer import GuideFooter

from .helpers import open_baku_days, screen_text
from .test_navigation import check_start


def footer_fits(app) -> tuple[list[str], int, int]:
    footer = app.screen.query_one(GuideFooter)
    # Every key, an optional one left out included; the cells of those drawn, a margin apart.
    used = sum(k.width + 1 for k in footer.shown_items) - 1
    return [k.action for k in footer.items], used, footer.size.width


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
@pytest.mark.parametrize(
    "start", ["festivals", "days", "session", "venue", "people", "now", "mine", "about-on-mine"]
)
async def test_the_footer_shows_every_key_of_every_screen(make_app, start, size) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await check_start(pilot, start)
        await pilot.pause()
        # One footer key per action ("x,delete" is one key, shown as x).
        shown = {b.action for _, b, _, _ in app.screen.active_bindings.values() if b.show}
        keys, used, width = footer_fits(app)
        assert set(keys) == shown, f"{start}: the footer lacks {shown - set(keys)}"
        assert used <= width, f"{start} at {size}: {used} cells in a footer of {width}"
        assert "? Help" in screen_text(app).splitlines()[-1]  # `?` keeps its label longest


async def test_a_wide_footer_keeps_the_full_labels(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 30)) as pilot:
        await open_baku_days(pilot)
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "i About" in footer and "^f Filters" in footer and "z Your time" in footer


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_the_filters_dialog_opens_at_its_top(make_app, size) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await check_start(pilot, "filters-on-days")
        await pilot.pause()
        assert isinstance(app.screen, FiltersScreen)
        assert app.screen.query_one("#dialog VerticalScroll", VerticalScroll).scroll_y == 0
        assert "Kind" in screen_text(app)


async def test_an_unticked_box_is_empty_and_a_ticked_one_is_not(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await check_start(pilot, "filters-on-days")
        await pilot.pause()
        kinds = app.screen.query_one("#kinds", SelectionList)
        off = kinds.get_component_rich_style("selection-list--button")
        on = kinds.get_component_rich_style("selection-list--button-selected")
        assert off.color == off.bgcolor  # the X is not drawn
        assert on.color != on.bgcolor
        box = app.screen.query_one(Checkbox)
        assert not box.value
        style = box.get_component_rich_style("toggle--button")
        assert style.color == style.bgcolor
        box.value = True
        await pilot.pause()
        style = box.get_component_rich_style("toggle--button")
        assert style.color != style.bgcolor
