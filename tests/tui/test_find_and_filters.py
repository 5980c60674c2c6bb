"""Finding and filtering, driven with Pilot: `/` in the day lists (and escape, and enter), and
the filters dialog (kind, country, track, hide past) with its badge in the section bar."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Checkbox, SelectionList

from tui_guide.programme.query import SessionFilter
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.filters import FiltersScreen
from tui_guide.tui.screens.session import SessionScreen
from tui_guide.tui.widgets.filter_bar import FilterBar

from .helpers import (
    ACTING,
    BAKU,
    CAREERS,
    PANEL,
    ROUNDTABLE,
    SERIES_7,
    SIZE,
    day_list,
    ids,
    on_day,
    open_baku_days,
    screen_text,
)

# The `/` filter -------------------------------------------------------------------------------


async def test_find_narrows_the_day_lists_and_escape_clears_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_baku_days(pilot)
        bar = screen.query_one(FilterBar)
        assert not bar.display
        await pilot.press("slash")
        await pilot.pause()
        assert bar.display
        assert app.focused is bar
        seventh = day_list(app, "2025-12-07")
        await pilot.press(*"careers")
        await pilot.pause()
        assert ids(seventh.sessions) == [CAREERS]
        await pilot.press("escape")
        await pilot.pause()
        assert bar.value == ""
        assert not bar.display
        assert ids(seventh.sessions) == [ACTING, CAREERS, SERIES_7]

        # Diacritics fold: "guven" finds the panel where Birol Güven speaks, on another day.
        await pilot.press("slash", *"guven")
        await pilot.pause()
        assert ids(seventh.sessions) == []
        assert "No sessions match." in screen_text(app)
        assert await on_day(pilot, "2025-12-09") == []
        assert await on_day(pilot, "tba") == [PANEL]
        assert bar.display  # still narrowing, from any tab
        await pilot.press("slash", "escape")  # back to the bar, and clear it
        await pilot.pause()
        assert not bar.display
        assert ids(day_list(app, "tba").sessions) == [PANEL]
        assert await on_day(pilot, "2025-12-09") == [ROUNDTABLE]
        assert await on_day(pilot, "2025-12-07") == [ACTING, CAREERS, SERIES_7]


async def test_enter_in_the_find_bar_moves_to_the_list(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await pilot.press("slash", *"careers", "enter")
        await pilot.pause()
        seventh = day_list(app, "2025-12-07")
        assert app.focused is seventh
        assert seventh.highlighted_session.id == CAREERS
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.id == CAREERS


# Once a bug, now fixed: focus after closing the find bar.


async def test_escape_from_find_returns_to_the_day_list(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await pilot.press("slash", "a", "escape")
        await pilot.pause()
        assert app.focused is day_list(app, "2025-12-07")
        await pilot.press("f")
        await pilot.pause()
        assert f"{BAKU}/{ACTING}" in app.favourites


# The filters dialog ---------------------------------------------------------------------------


async def test_filters_dialog_narrows_by_kind_and_clear_all_restores(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await pilot.press("ctrl+f")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FiltersScreen)
        kinds = dialog.query_one("#kinds", SelectionList)
        assert [kinds.get_option_at_index(i).value for i in range(kinds.option_count)] == [
            "screening",
            "masterclass",
            "panel",
            "roundtable",
        ]
        kinds.focus()
        await pilot.pause()
        await pilot.press("down", "space")  # tick "masterclass"
        await pilot.pause()
        assert kinds.selected == ["masterclass"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)
        assert {k.value for k in app.session_filter.kinds} == {"masterclass"}
        assert await on_day(pilot, "2025-12-06") == []
        assert await on_day(pilot, "2025-12-07") == [ACTING, CAREERS]
        assert await on_day(pilot, "2025-12-09") == []
        assert await on_day(pilot, "tba") == []

        # The filter follows to other screens.
        await pilot.press("v")
        await pilot.pause()
        assert "Venue TBA" not in screen_text(app)  # no masterclass without a venue

        await pilot.press("ctrl+f")
        await pilot.pause()
        assert app.screen.query_one("#kinds", SelectionList).selected == ["masterclass"]
        await pilot.click("#clear")
        await pilot.pause()
        assert app.session_filter == SessionFilter()
        assert app.hide_past is False
        assert "Venue TBA" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert await on_day(pilot, "2025-12-07") == [ACTING, CAREERS, SERIES_7]


async def test_escape_leaves_the_filters_as_they_were(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await pilot.press("ctrl+f")
        await pilot.pause()
        app.screen.query_one("#kinds", SelectionList).select("panel")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)
        assert app.session_filter == SessionFilter()
        assert len(await on_day(pilot, "2025-12-07")) == 3


async def test_filters_by_country_and_track(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await pilot.press("ctrl+f")
        await pilot.pause()
        app.screen.query_one("#countries", SelectionList).select("Pakistan")
        await pilot.click("#apply")
        await pilot.pause()
        assert app.session_filter.countries == frozenset({"Pakistan"})
        assert await on_day(pilot, "tba") == [PANEL]
        assert await on_day(pilot, "2025-12-07") == []

        await pilot.press("ctrl+f")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#countries", SelectionList).deselect_all()
        dialog.query_one("#tracks", SelectionList).select("ATA Festival of Turkic Animation")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert await on_day(pilot, "2025-12-09") == [ROUNDTABLE]
        assert len(await on_day(pilot, "2025-12-07")) == 3


async def test_hide_past_hides_the_seventh_on_the_eighth(make_app) -> None:
    app = make_app(now=datetime(2025, 12, 8, 12, 0))
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        assert len(await on_day(pilot, "2025-12-07")) == 3
        await pilot.press("ctrl+f")
        await pilot.pause()
        checkbox = app.screen.query_one("#hide-past", Checkbox)
        assert checkbox.value is False
        checkbox.focus()
        await pilot.press("space")
        await pilot.pause()
        assert checkbox.value is True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.hide_past is True
        assert await on_day(pilot, "2025-12-06") == []
        assert await on_day(pilot, "2025-12-07") == []
        assert "No sessions match." in screen_text(app)
        assert await on_day(pilot, "2025-12-09") == [ROUNDTABLE]
        assert await on_day(pilot, "tba") == [PANEL]  # no date: never past


async def test_filters_show_in_the_bar_and_reset_with_the_festival(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_baku_days(pilot)
        assert "Filtered" not in screen_text(app)
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, FiltersScreen)
        assert isinstance(app.focused, SelectionList)  # space ticks at once
        await pilot.press("down", "space", "ctrl+s")  # the second kind: masterclass
        await pilot.pause()
        assert "Filtered: 1 kind" in screen_text(app)
        assert {s.kind.value for s in day_list(app, "2025-12-07").sessions} == {"masterclass"}
        await pilot.press("F")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # the TURKSOY meeting: another festival
        await pilot.pause()
        assert app.festival.id == "turksoy-film-leaders-2025"
        assert app.session_filter == SessionFilter()
        assert "Filtered" not in screen_text(app)
