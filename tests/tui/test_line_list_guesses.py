"""A long `LineList` that guesses the heights of the rows out of view: the first paint
measures only what a view around the highlight shows, the rest is measured after it a slice
at a time, and the user sees exactly what a list that measured everything first shows:
the same rows on the screen, the same moves for every key, nothing jumping while the
guesses are corrected."""

from __future__ import annotations

import random
from itertools import accumulate
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.content import Content
from textual.visual import Visual

import tui_guide.tui.app
from tui_guide.tui.widgets import line_list
from tui_guide.tui.widgets.line_list import LineList

COUNT = 1200
HEIGHTS = [random.Random(14).choice([1, 2, 2, 2, 3, 5]) for _ in range(COUNT)]


class Numbered(LineList):
    """Entry n is `HEIGHTS[n]` lines, each saying which entry and line it is; `guess`: its
    heights are guessed as one line each (all wrong but a sixth)."""

    def __init__(self, guess: bool) -> None:
        super().__init__(id="list")
        self.guess = guess
        self.measured = 0

    def entry_height(self, index: int, width: int) -> int:
        self.measured += 1
        return HEIGHTS[index]

    def entry_estimates(self, width: int) -> tuple[list[int], list[bool]] | None:
        return ([1] * len(self.keys), [False] * len(self.keys)) if self.guess else None

    def entry_visual(self, index: int) -> Visual:
        return Content("\n".join(f"entry {index} line {n}" for n in range(HEIGHTS[index])))


class NumberedApp(App[None]):
    CSS_PATH = str(Path(tui_guide.tui.app.__file__).with_name("app.tcss"))

    def __init__(self, guess: bool, keep: int) -> None:
        super().__init__()
        self.guess, self.keep = guess, keep

    def compose(self) -> ComposeResult:
        yield Numbered(self.guess)

    def on_mount(self) -> None:
        listing = self.query_one(Numbered)
        listing.set_keys([f"k{n}" for n in range(COUNT)], keep=f"k{self.keep}")
        listing.focus()


def screen_text(listing: LineList) -> list[str]:
    return [listing.render_line(y).text for y in range(listing.scrollable_content_region.height)]


@pytest.fixture
def no_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    """The work after the paint waits until the test does it, a slice at a time."""
    monkeypatch.setattr(line_list, "SLICE_PAUSE", 3600.0)


@pytest.mark.usefixtures("no_slices")
async def test_the_first_paint_measures_only_the_view_and_corrections_move_nothing() -> None:
    app = NumberedApp(guess=True, keep=800)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        listing = app.query_one(Numbered)
        assert not listing.settled
        assert listing.measured < 100  # views' worth around entry 800, not 1,200 entries
        first = screen_text(listing)
        assert any(line.strip().startswith("entry 800 line 0") for line in first), first
        while not listing.settled:
            listing._slice()
            await pilot.pause()
            assert screen_text(listing) == first  # the guesses above it corrected: no jump
        assert listing._starts == [0, *accumulate(HEIGHTS)]
        assert listing.measured == COUNT  # each entry measured once
        assert listing.highlighted_key == "k800"


@pytest.mark.usefixtures("no_slices")
@pytest.mark.parametrize("keep", [0, 650, COUNT - 3])
async def test_every_key_shows_what_a_list_that_measured_everything_shows(keep: int) -> None:
    keys = ["pagedown", "pagedown", "down", "up", "pageup", "end", "pageup", "pageup", "home"]
    keys += ["pagedown"] * 4 + ["up"] * 3
    screens: dict[bool, list[tuple[list[str], str | None]]] = {}
    for guess in (False, True):
        app = NumberedApp(guess=guess, keep=keep)
        async with app.run_test(size=(60, 20)) as pilot:
            await pilot.pause()
            listing = app.query_one(Numbered)
            seen = [(screen_text(listing), listing.highlighted_key)]
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
                seen.append((screen_text(listing), listing.highlighted_key))
            screens[guess] = seen
            if guess:
                assert not listing.settled  # the keys were all answered from guesses
    for step, (exact, guessed) in enumerate(zip(screens[False], screens[True], strict=True)):
        assert guessed == exact, f"after {(['start', *keys])[step]}"


async def test_the_work_after_the_paint_finishes_on_its_own() -> None:
    app = NumberedApp(guess=True, keep=500)
    async with app.run_test(size=(60, 20)) as pilot:
        listing = app.query_one(Numbered)
        for _ in range(200):
            if listing.settled:
                break
            await pilot.pause(0.02)
        assert listing.settled and listing.highlighted_key == "k500"
        assert any(line.strip().startswith("entry 500 line 0") for line in screen_text(listing))


@pytest.mark.usefixtures("no_slices")
async def test_a_short_list_measures_everything_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(line_list, "ESTIMATE_OVER", COUNT)  # this list is "short"
    app = NumberedApp(guess=True, keep=10)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        listing = app.query_one(Numbered)
        assert listing.settled and listing.measured == COUNT
