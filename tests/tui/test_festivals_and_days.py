"""Festivals and days, driven key by key with Pilot: the list of festivals, a festival's days
(one tab a day, plus Date TBA), the day it opens on, moving between days, and the order of a
day's sessions."""

from __future__ import annotations

from datetime import datetime

import pytest

from tui_guide.library.load import load_programme
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.festivals import FestivalsScreen
from tui_guide.tui.screens.venues import VenuesScreen
from tui_guide.tui.widgets.day_strip import DayStrip
from tui_guide.tui.widgets.line_list import LineList
from tui_guide.tui.widgets.session_list import SessionList

from .helpers import (
    ACTING,
    BAKU,
    CAREERS,
    MIXED,
    PANEL,
    ROUNDTABLE,
    SERIES_6,
    SERIES_7,
    SIZE,
    active_day,
    day_list,
    ids,
    on_day,
    open_baku_days,
    option_ids,
    screen_text,
    show_day,
)


async def test_festivals_screen_lists_every_festival_and_enter_opens_days(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.current_mode == "festivals"
        assert isinstance(app.screen, FestivalsScreen)
        festivals = app.screen.query_one("#festivals", LineList)
        assert option_ids(festivals) == [
            BAKU,
            "korkyt-ata-2025",
            "turksoy-film-leaders-2025",
        ]
        text = screen_text(app)
        assert "Baku Cinema Breeze International Film Festival 2025" in text
        assert "6 sessions" in text
        assert "Korkyt Ata International Film Festival of the Turkic World" in text
        assert "Istanbul, Türkiye" in text

        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "days"
        assert isinstance(app.screen, DaysScreen)
        assert app.screen.festival.id == BAKU
        assert app.festival.id == BAKU


async def test_second_festival_opens_its_days_and_F_returns_to_festivals(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await pilot.press("F")
        await pilot.pause()
        assert app.current_mode == "festivals"
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.current_mode == "days"
        assert app.festival.id == "turksoy-film-leaders-2025"
        assert isinstance(app.screen, DaysScreen)
        assert app.screen.festival.id == "turksoy-film-leaders-2025"
        # Every session of this festival is undated: one tab holds all five, "Date not given"
        # as the report of 22 July 2025 says the meeting has taken place.
        assert app.screen.query_one(DayStrip).labels == ["Date not given"]
        assert len(await on_day(pilot, "tba")) == 5


async def test_one_festival_goes_straight_to_days(make_app, write_festival) -> None:
    path = write_festival(MIXED)
    app = make_app(load_programme([path]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.current_mode == "days"
        assert isinstance(app.screen, DaysScreen)
        # There is no festivals screen to go back to, and F says so by doing nothing.
        assert app.check_action("section", ("festivals",)) is False
        await pilot.press("F")
        await pilot.pause()
        assert app.current_mode == "days"


async def test_days_open_on_the_now_day_with_day_labels(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        assert app.screen.query_one(DayStrip).labels == [
            "Sat 6 Dec",
            "Sun 7 Dec",
            "Tue 9 Dec",
            "Date TBA",  # the state-cooperation panel has no date
        ]
        assert active_day(app) == "day-2025-12-07"
        assert app.focused is day_list(app, "2025-12-07")
        # On screen: the two 14:00 masterclasses of the day.
        text = screen_text(app)
        assert "Acting techniques for animators" in text
        assert "Building a successful career in the animation industry" in text
        assert "14:00" in text
        assert await on_day(pilot, "2025-12-06") == [SERIES_6]
        assert await on_day(pilot, "2025-12-09") == [ROUNDTABLE]
        assert await on_day(pilot, "tba") == [PANEL]


@pytest.mark.parametrize(
    ("now", "opens"),
    [
        (datetime(2025, 12, 20, 9, 0), "2025-12-09"),  # over: its last day with sessions
        (None, "2025-12-09"),  # the real clock: long after December 2025
        (datetime(2025, 11, 1, 9, 0), "2025-12-06"),  # not begun: its first day
        (datetime(2025, 12, 8, 12, 0), "2025-12-09"),  # a day without sessions: the next
        (datetime(2025, 12, 8, 3, 0), "2025-12-07"),  # 03:00 is still the night of the 7th
    ],
)
async def test_days_open_on_the_day_on_now_or_the_nearest_with_sessions(
    make_app, now, opens
) -> None:
    app = make_app(now=now)
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        assert active_day(app) == f"day-{opens}"
        assert app.focused is day_list(app, opens)


async def test_each_day_keeps_its_highlight_and_the_screen_its_few_widgets(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        seventh = day_list(app, "2025-12-07")
        first = seventh.highlighted_session
        await pilot.press("down")
        await pilot.pause()
        moved = seventh.highlighted_session
        assert moved is not None and moved != first
        await pilot.press("right")  # the 9th, then back: the 7th's highlight is where it was
        await pilot.pause()
        assert ids(day_list(app, "2025-12-09").sessions) == [ROUNDTABLE]
        await pilot.press("left")
        await pilot.pause()
        assert day_list(app, "2025-12-07").highlighted_session == moved
        # One list for every day: the strip, and a single SessionList.
        assert len(app.screen.query(SessionList)) == 1


async def test_a_day_seen_again_shows_the_rows_made_before(make_app, monkeypatch) -> None:
    from tui_guide.tui.widgets import session_list

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await show_day(pilot, "2025-12-09")
        made = []
        making = session_list._row
        monkeypatch.setattr(
            session_list, "_row", lambda session, how: made.append(session) or making(session, how)
        )
        assert await on_day(pilot, "2025-12-07") == [ACTING, CAREERS, SERIES_7]
        assert made == []  # the 7th's rows were kept from its first showing
        await pilot.press("f")  # a star changes a row: that one is made again
        await pilot.pause()
        assert [s.id for s in made] == [ACTING]


async def test_right_and_left_change_the_day(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await pilot.press("right")
        await pilot.pause()
        assert active_day(app) == "day-2025-12-09"
        await pilot.press("right", "right")  # to "Date TBA", and it stays on the last tab
        await pilot.pause()
        assert active_day(app) == "day-tba"
        await pilot.press("left", "left", "left")
        await pilot.pause()
        assert active_day(app) == "day-2025-12-06"
        assert app.focused is day_list(app, "2025-12-06")


async def test_time_tba_sessions_follow_timed_ones_and_date_tba_has_a_tab(
    make_app, write_festival
) -> None:
    app = make_app(load_programme([write_festival(MIXED)]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one(DayStrip).labels == ["Sun 7 Dec", "Date TBA"]
        # "Aardvark" sorts first by title but has no time, so it comes after 09:30.
        assert ids(day_list(app, "2025-12-07").sessions) == ["zebra", "aardvark"]
        text = screen_text(app).splitlines()
        zebra = next(i for i, line in enumerate(text) if "Zebra talk" in line)
        aardvark = next(i for i, line in enumerate(text) if "Aardvark shorts" in line)
        assert zebra < aardvark
        assert "09:30–10:30" in text[zebra]
        assert "Time TBA" in text[aardvark]

        await pilot.press("right")
        await pilot.pause()
        assert active_day(app) == "day-tba"
        assert ids(day_list(app, "tba").sessions) == ["mystery"]
        assert "Mystery meeting" in screen_text(app)


async def test_bundled_seventh_lists_time_tba_screening_last(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        assert await on_day(pilot, "2025-12-07") == [ACTING, CAREERS, SERIES_7]


# Once a bug, now fixed: a festival without sessions.


async def test_a_festival_without_sessions_still_answers_keys(make_app, write_festival) -> None:
    app = make_app(load_programme([write_festival("")]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)
        assert "This festival has no sessions yet." in screen_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, VenuesScreen)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
