"""What the days screen's first paint decodes of a festival read from its cache: the day it
opens on, and nothing else (the "Date TBA" tab's label comes from the cache's head)."""

from __future__ import annotations

from tui_guide.library import cache
from tui_guide.library.load import load_programme
from tui_guide.tui.app import GuideApp
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.widgets.day_strip import DayStrip

from .helpers import SIZE, active_day, wait_for

BODY = "".join(
    f"""
[[sessions]]
id = "s{n}"
title = "Session {n}"
kind = "talk"
date = 2025-12-0{6 + n % 3}
start = 1{n % 10}:00:00
"""
    for n in range(12)
) + "".join(
    f"""
[[sessions]]
id = "undated-{n}"
title = "Undated {n}"
kind = "meeting"
{"held_by = 2025-12-0" + str(4 + n) if n < 3 else ""}
"""
    for n in range(4)
)


async def _first_paint(monkeypatch, make_app, programme) -> tuple[GuideApp, list[object]]:
    """The app, and the days decoded from the cache when its first frame was painted."""
    decoded: list[object] = []
    at_paint: list[object] = []
    original = cache._CachedDays._decode

    def counting(self, day):
        decoded.append(day)
        return original(self, day)

    after = GuideApp._after_first_paint

    def painted(self) -> None:
        at_paint.extend(decoded)
        after(self)

    monkeypatch.setattr(cache._CachedDays, "_decode", counting)
    monkeypatch.setattr(GuideApp, "_after_first_paint", painted)
    return make_app(programme), at_paint


async def test_the_first_paint_decodes_only_the_day_shown(
    monkeypatch, make_app, write_festival
) -> None:
    path = write_festival(BODY)
    load_programme([path])  # writes the cache
    later: list[cache.Deferred] = []
    programme = load_programme([path], later=later)
    assert len(later) == 1  # read from the cache
    app, at_paint = await _first_paint(monkeypatch, make_app, programme)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: bool(at_paint))
        assert isinstance(app.screen, DaysScreen)
        shown = active_day(app)
        assert [f"day-{day}" for day in at_paint] == [shown] and shown != "day-tba"
        tabs = app.screen.query_one(DayStrip).labels
        assert tabs[-1] == "Date TBA"  # one undated session has no report


async def test_the_date_tba_tab_says_not_given_from_the_head(
    monkeypatch, make_app, write_festival
) -> None:
    # Every undated session reported held by 7 December, the clock later: "Date not given".
    path = write_festival(
        BODY.replace('title = "Undated 3"', 'title = "Undated 3"\nheld_by = 2025-12-05')
    )
    load_programme([path])
    programme = load_programme([path], later=[])
    app, at_paint = await _first_paint(monkeypatch, make_app, programme)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: bool(at_paint))
        tabs = app.screen.query_one(DayStrip).labels
        assert tabs[-1] == "Date not given"
        assert None not in at_paint and len(at_paint) == 1


async def test_the_collector_is_on_again_once_the_first_screen_is_up(
    monkeypatch, make_app, write_festival
) -> None:
    # As run_guide starts it: the collector off (cli/main.py) until the first paint.
    import gc

    programme = load_programme([write_festival(BODY)])
    collecting: list[bool] = []
    after = GuideApp._after_first_paint

    def painted(self) -> None:
        collecting.append(gc.isenabled())
        after(self)
        collecting.append(gc.isenabled())

    monkeypatch.setattr(GuideApp, "_after_first_paint", painted)
    app = make_app(programme)
    app.collect_after_paint = True
    gc.disable()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: len(collecting) == 2)
            assert collecting == [False, True]
    finally:
        gc.enable()
