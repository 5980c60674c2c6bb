"""The footer is one widget that draws every key of the screen on one line: a click on a
key does what the key does, and the key under the mouse shows its tooltip."""

from __future__ import annotations

from textual.widget import Widget

from tui_guide.tui.screens.help import HelpScreen
from tui_guide.tui.widgets.footer import GuideFooter

from .helpers import open_baku_days, screen_text


def _x_of(footer: GuideFooter, key: str) -> int:
    """The first cell of `key`'s item in the footer."""
    x = 0
    for item in footer.shown_items:
        if item.key == key:
            return x
        x += item.width + 1
    raise AssertionError(f"{key} is not in the footer")


async def test_the_footer_draws_its_keys_without_a_widget_each(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_baku_days(pilot)
        await pilot.pause()
        footer = app.screen.query_one(GuideFooter)
        assert list(footer.query(Widget)) == []
        last = screen_text(app).splitlines()[-1]
        drawn = "  ".join(f"{i.key_display} {i.description}" for i in footer.shown_items)
        assert " ".join(last.split()) == " ".join(drawn.split())


async def test_a_click_on_a_footer_key_presses_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_baku_days(pilot)
        await pilot.pause()
        footer = app.screen.query_one(GuideFooter)
        await pilot.click(GuideFooter, offset=(_x_of(footer, "question_mark") + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_the_key_under_the_mouse_shows_its_tooltip(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_baku_days(pilot)
        await pilot.pause()
        footer = app.screen.query_one(GuideFooter)
        item = next(i for i in footer.shown_items if i.key == "question_mark")
        await pilot.hover(GuideFooter, offset=(_x_of(footer, "question_mark"), 0))
        await pilot.pause()
        assert footer.tooltip == item.tooltip == "This list of keys"
        await pilot.hover(GuideFooter, offset=(footer.size.width - 1, 0))  # past the keys
        await pilot.pause()
        assert footer.tooltip is None
