"""Section screens made ahead (`tui/ahead.py`): made while hidden, after the first paint and
never while keys come; when shown, exactly what the key would have made then, whatever
changed meanwhile (stars, filters, the clock, the zone, the theme, the terminal's size)."""

from __future__ import annotations

import time
from datetime import datetime

import pytest
from textual.app import App

from tui_guide.favourites import Favourites
from tui_guide.library.load import load_programme
from tui_guide.programme.clock import Clock
from tui_guide.tui import ahead
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.mine import MineScreen
from tui_guide.tui.screens.people import PeopleScreen
from tui_guide.tui.widgets.session_list import SessionList

from .helpers import (
    ACTING_KEY,
    CAREERS_KEY,
    MIXED,
    SIZE,
    open_baku_days,
    screen_text,
    wait_for,
)

LATER = datetime(2025, 12, 8, 18, 30)  # the frozen clock moved on a day


def made(app, mode: str) -> bool:
    """The mode's screen made ahead and drawn (its last step done)."""
    return mode in app._screen_stacks and app.screens_ahead._laying is None


async def shown_after_changes(make_app, *, made_ahead: bool) -> tuple[dict[str, str], list]:
    """The text of My programme and People after a round of changes, and their screens' ids
    before and after the keys that show them."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        if made_ahead:
            await wait_for(pilot, lambda: made(app, "mine") and made(app, "people"), timeout=20)
        before = [app._screen_stacks.get(mode, [None])[0] for mode in ("mine", "people")]
        await pilot.press("f", "down", "f")  # two stars while My programme is hidden
        await pilot.pause()
        assert set(app.favourites) == {ACTING_KEY, CAREERS_KEY}
        app.hide_past = True
        app.clock = Clock(LATER)  # "now" moved: both stars are past, so left out
        await pilot.press("z")  # your time
        app.theme = "nord"
        await pilot.resize_terminal(SIZE[0] + 20, SIZE[1] + 6)
        await pilot.pause()
        texts = {}
        after = []
        for key, kind in (("m", MineScreen), ("p", PeopleScreen)):
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, kind)
            texts[key] = screen_text(app)
            after.append(app.screen)
        return texts, [before, after]


async def test_a_screen_made_ahead_shows_what_its_key_would_have_made(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts, (before, after) = await shown_after_changes(make_app, made_ahead=True)
    assert before == after  # the screens made ahead are the ones shown
    assert all(isinstance(screen, (MineScreen, PeopleScreen)) for screen in before)
    # The stars, zone, filter and size of the moment it is shown, not of when it was made.
    assert "2 starred sessions, 2 in clashes" in texts["m"]
    for text in texts.values():
        assert "your time, UTC" in text
        assert "Filtered: past hidden" in text
        assert len(text.splitlines()[0]) == SIZE[0] + 20
    monkeypatch.setattr(ahead, "AHEAD", ())
    fresh, (none, _made) = await shown_after_changes(make_app, made_ahead=False)
    assert none == [None, None]  # nothing was made ahead here
    assert texts == fresh


async def test_nothing_is_made_while_keys_come(make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ahead.ScreensAhead, "start", lambda self: None)  # steps by hand
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        screens = app.screens_ahead
        await pilot.press("down")
        screens._step()
        assert "mine" not in app._screen_stacks  # a key came under QUIET seconds ago
        screens.last_key = time.monotonic() - ahead.QUIET - 0.1
        screens._step()
        assert "mine" in app._screen_stacks
        await wait_for(pilot, lambda: app._screen_stacks["mine"][0].is_mounted)
        assert isinstance(app.screen, DaysScreen)  # made, not shown
        assert not app._screen_stacks["mine"][0].is_current


async def mine_at(make_app, programme, later: datetime, *, made_ahead: bool) -> str:
    """My programme as shown when the clock has moved to `later` after the start."""
    favourites = Favourites()
    for key in ("test-fest/aardvark", "test-fest/zebra"):
        favourites.add(key)
    app = make_app(programme, favourites=favourites)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if made_ahead:
            await wait_for(pilot, lambda: made(app, "mine"), timeout=20)
        app.clock = Clock(later)  # no watcher sees the clock move
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MineScreen)
        return screen_text(app)


async def test_a_screen_made_ahead_is_shown_at_the_clock_of_then(
    make_app, write_festival, monkeypatch: pytest.MonkeyPatch
) -> None:
    programme = load_programme([write_festival(MIXED)])
    later = datetime(2025, 12, 9, 12, 0)  # 7 December is over: its heading says so
    text = await mine_at(make_app, programme, later, made_ahead=True)
    monkeypatch.setattr(ahead, "AHEAD", ())
    assert text == await mine_at(make_app, programme, later, made_ahead=False)


async def test_a_star_while_hidden_is_made_ready_before_m(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await wait_for(pilot, lambda: made(app, "mine"), timeout=20)
        mine = app._screen_stacks["mine"][0]
        await pilot.press("f")  # a star while My programme is hidden
        screens = app.screens_ahead
        await wait_for(
            pilot,
            lambda: (
                screens._ready.get("mine") == mine.hidden_changes == 1 and screens._laying is None
            ),
        )
        refills: list[int] = []
        show = SessionList.show_groups
        monkeypatch.setattr(
            SessionList, "show_groups", lambda *a, **k: refills.append(1) or show(*a, **k)
        )
        await pilot.press("m")
        await pilot.pause()
        assert app.screen is mine
        assert refills == []  # made ready while hidden: no row differs, none is made again
        assert "1 starred session" in screen_text(app)
        await pilot.press("x")  # a change on screen refills the list as ever
        await pilot.pause()
        assert refills == [1]
        assert "Nothing starred yet" in screen_text(app)


async def test_a_screen_made_already_is_shown_without_textuals_hold(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    held: list[float] = []
    monkeypatch.setattr(App, "delay_update", lambda self, delay=0.05: held.append(delay))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await wait_for(pilot, lambda: made(app, "mine"), timeout=20)
        held.clear()
        await pilot.press("m")  # made ahead: shown at once
        await pilot.pause()
        assert isinstance(app.screen, MineScreen)
        assert held == []
        await pilot.press("v")  # made now: Textual holds the frames while it is made
        await pilot.pause()
        assert held == [0.05]
        await pilot.press("m")  # shown before
        await pilot.pause()
        assert held == [0.05]
