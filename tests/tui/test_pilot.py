"""The guide driven key by key with Pilot: every screen and every key path, asserting on the
app's real state (screen, mode, lists, highlight, text on the terminal)."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest
from rich.console import Console
from textual.command import CommandList, CommandPalette
from textual.content import Content
from textual.widgets import Checkbox, OptionList, SelectionList, Static, Tab, TabbedContent

from tui_guide.library.load import load_programme
from tui_guide.programme.query import SessionFilter
from tui_guide.programme.text import matches
from tui_guide.tui.app import GuideApp
from tui_guide.tui.providers.programme import build_entries
from tui_guide.tui.screens.base import ListScreen
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.festival import FestivalScreen
from tui_guide.tui.screens.festivals import FestivalsScreen
from tui_guide.tui.screens.filters import FiltersScreen
from tui_guide.tui.screens.help import HelpScreen
from tui_guide.tui.screens.now_next import NowNextScreen
from tui_guide.tui.screens.people import PeopleScreen
from tui_guide.tui.screens.session import SessionScreen
from tui_guide.tui.screens.sessions import SessionsScreen
from tui_guide.tui.screens.venue import VenueScreen
from tui_guide.tui.screens.venues import TBA_ID, VenuesScreen
from tui_guide.tui.widgets.filter_bar import FilterBar
from tui_guide.tui.widgets.session_list import FAVOURITE_MARK, SessionList

from .helpers import screen_text, wait_for

SIZE = (80, 24)
BAKU = "baku-cinema-breeze-2025"
ACTING = "ata-masterclass-acting-for-animators"
CAREERS = "ata-masterclass-animation-careers"
SERIES_7 = "ata-children-series-7-dec"
SERIES_6 = "ata-children-series-6-dec"
PANEL = "state-cooperation-panel"
ROUNDTABLE = "ata-co-production-roundtable"

# One festival with a dated day, a time-TBA session whose title sorts first, and an undated
# session; "Azərbaycan" and "İstanbul" exercise the Turkic folding of the palette.
MIXED = """
[[venues]]
id = "kino-evi"
name = "Azərbaycan Kino Evi"
city = "İstanbul"

[[sessions]]
id = "aardvark"
title = "Aardvark shorts"
kind = "screening"
date = 2025-12-07
venue = "kino-evi"

[[sessions]]
id = "zebra"
title = "Zebra talk"
kind = "talk"
date = 2025-12-07
start = 09:30:00
end = 10:30:00
venue = "kino-evi"

[[sessions]]
id = "mystery"
title = "Mystery meeting"
kind = "meeting"
"""


def ids(sessions) -> list[str]:
    return [s.id for s in sessions]


def day_list(app: GuideApp, day: str) -> SessionList:
    return app.screen.query_one(f"#list-day-{day}", SessionList)


async def on_day(pilot, day: str) -> list[str]:
    """Open the tab of `day` ("2025-12-07" or "tba") and give the ids its list shows.
    (A tab's list is filled when the tab is opened.)"""
    app = pilot.app
    app.screen.query_one(TabbedContent).active = f"day-{day}"
    await pilot.pause()
    return ids(day_list(app, day).sessions)


async def open_baku_days(pilot) -> DaysScreen:
    """From the festivals screen, open the first festival (Baku) on its days."""
    app = pilot.app
    assert isinstance(app.screen, FestivalsScreen)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, DaysScreen)
    return app.screen


# Festivals and days ---------------------------------------------------------------------------


async def test_festivals_screen_lists_every_festival_and_enter_opens_days(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.current_mode == "festivals"
        assert isinstance(app.screen, FestivalsScreen)
        festivals = app.screen.query_one("#festivals", OptionList)
        assert [festivals.get_option_at_index(i).id for i in range(festivals.option_count)] == [
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
        # Every session of this festival is undated: one "Date TBA" tab holds all five.
        assert [str(t.label) for t in app.screen.query(Tab)] == ["Date TBA"]
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
        assert [str(t.label) for t in app.screen.query(Tab)] == [
            "Sat 6 Dec",
            "Sun 7 Dec",
            "Tue 9 Dec",
            "Date TBA",  # the state-cooperation panel has no date
        ]
        assert app.screen.query_one(TabbedContent).active == "day-2025-12-07"
        assert app.focused is day_list(app, "2025-12-07")
        # On screen: the two 14:00 masterclasses of the day.
        text = screen_text(app)
        assert "Acting techniques for animators" in text
        assert "Building a successful career in the animation industry" in text
        assert "14:00" in text
        assert await on_day(pilot, "2025-12-06") == [SERIES_6]
        assert await on_day(pilot, "2025-12-09") == [ROUNDTABLE]
        assert await on_day(pilot, "tba") == [PANEL]


@pytest.mark.parametrize("now", [datetime(2025, 12, 20, 9, 0), None])
async def test_days_open_on_the_first_day_when_today_is_not_a_festival_day(make_app, now) -> None:
    # None is the real clock: the bundled festival is long over (or not yet) on any run day
    # other than 6, 7 or 9 December 2025.
    app = make_app(now=now)
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        assert app.screen.query_one(TabbedContent).active == "day-2025-12-06"
        assert app.focused is day_list(app, "2025-12-06")


async def test_right_and_left_change_the_day(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        tabs = app.screen.query_one(TabbedContent)
        await pilot.press("right")
        await pilot.pause()
        assert tabs.active == "day-2025-12-09"
        await pilot.press("right", "right")  # to "Date TBA", and it stays on the last tab
        await pilot.pause()
        assert tabs.active == "day-tba"
        await pilot.press("left", "left", "left")
        await pilot.pause()
        assert tabs.active == "day-2025-12-06"
        assert app.focused is day_list(app, "2025-12-06")


async def test_time_tba_sessions_follow_timed_ones_and_date_tba_has_a_tab(
    make_app, write_festival
) -> None:
    app = make_app(load_programme([write_festival(MIXED)]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [str(t.label) for t in app.screen.query(Tab)] == ["Sun 7 Dec", "Date TBA"]
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
        assert app.screen.query_one(TabbedContent).active == "day-tba"
        assert ids(day_list(app, "tba").sessions) == ["mystery"]
        assert "Mystery meeting" in screen_text(app)


async def test_bundled_seventh_lists_time_tba_screening_last(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        assert await on_day(pilot, "2025-12-07") == [ACTING, CAREERS, SERIES_7]


# A session ------------------------------------------------------------------------------------


async def test_move_open_a_session_and_go_back(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        seventh = day_list(app, "2025-12-07")
        assert seventh.highlighted_session.id == ACTING
        await pilot.press("down")
        await pilot.pause()
        assert seventh.highlighted_session.id == CAREERS
        await pilot.press("up")
        await pilot.pause()
        assert seventh.highlighted_session.id == ACTING

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.key == f"{BAKU}/{ACTING}"
        text = screen_text(app)
        assert "Acting techniques for animators" in text
        assert "Gurban Masimov" in text
        assert "leads the workshop" in text
        assert "Yaradıcı Creative Hub" in text
        assert "Sun 7 Dec 2025 · 14:00 (Asia/Baku)" in text
        # The viewer is in UTC (see conftest): Baku is four hours ahead.
        assert "Sun 7 Dec 10:00 your time (UTC)" in text
        overlaps = app.screen.query_one("#overlaps", SessionList)
        assert ids(overlaps.sessions) == [CAREERS]

        # An overlapping session opens over this one, and Escape comes back here.
        detail = app.screen
        overlaps.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.id == CAREERS
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is detail

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)
        assert app.focused is seventh
        assert seventh.highlighted_session.id == ACTING


# Venues ---------------------------------------------------------------------------------------


async def test_venues_with_counts_and_venue_tba(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await pilot.press("v")
        await pilot.pause()
        assert app.current_mode == "venues"
        assert isinstance(app.screen, VenuesScreen)
        venues = app.screen.query_one("#venues", OptionList)
        assert [venues.get_option_at_index(i).id for i in range(venues.option_count)] == [
            "yaradici-creative-hub",
            "baku-convention-center",
            TBA_ID,
        ]
        lines = screen_text(app).splitlines()

        def line_of(name: str) -> str:
            return next(line for line in lines if name in line)

        assert line_of("Yaradıcı Creative Hub").rstrip().endswith("2 sessions")
        assert line_of("Baku Convention Center").rstrip().endswith("1 session")
        assert line_of("Venue TBA").rstrip().endswith("3 sessions")

        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, VenueScreen)
        assert app.screen.venue.id == "baku-convention-center"
        assert ids(app.screen.query_one(SessionList).sessions) == [PANEL]
        text = screen_text(app)
        assert "Prospects for state-level cooperation in the film industry" in text
        assert "was held here during the OIC Cultural" in text
        assert "Date TBA" in text  # grouped under its day

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, VenuesScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, VenueScreen)
        assert app.screen.venue is None
        assert set(ids(app.screen.query_one(SessionList).sessions)) == {
            SERIES_6,
            SERIES_7,
            ROUNDTABLE,
        }

        await pilot.press("escape", "up", "up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, VenueScreen)
        assert app.screen.venue.id == "yaradici-creative-hub"
        assert ids(app.screen.query_one(SessionList).sessions) == [ACTING, CAREERS]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.id == ACTING

        await pilot.press("d")
        await pilot.pause()
        assert app.current_mode == "days"
        assert isinstance(app.screen, DaysScreen)


# People ---------------------------------------------------------------------------------------


async def test_people_fold_two_spellings_into_one_person(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert app.current_mode == "people"
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        birols = [e for e in screen.people.values() if "birol" in e.key]
        assert len(birols) == 1
        birol = birols[0]
        assert birol.name == "Birol Güven"
        assert set(birol.spellings) == {"Birol Güven", "Birol Guven"}
        assert {s.festival_id for s in birol.sessions} == {BAKU, "turksoy-film-leaders-2025"}
        assert len(birol.sessions) == 2
        people = screen.query_one("#people", OptionList)
        shown = [people.get_option_at_index(i).id for i in range(people.option_count)]
        assert shown.count(birol.key) == 1
        text = screen_text(app)
        assert "Birol Güven" in text
        assert "Birol Guven" not in text  # one entry, under its richer spelling
        assert (
            next(line for line in text.splitlines() if "Birol Güven" in line)
            .rstrip()
            .endswith("2 sessions")
        )

        people.highlighted = shown.index(birol.key)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
        assert app.screen.heading == "Birol Güven"
        assert set(ids(app.screen.query_one(SessionList).sessions)) == {
            PANEL,
            "new-bridges-panel",
        }
        text = screen_text(app)
        assert "Also written: Birol Guven" in text
        # Sessions of two festivals: each row names its festival.
        assert "Second Meeting of Film Leaders" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)


async def test_find_in_people_narrows_the_list(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await pilot.press("p")
        await pilot.pause()
        people = app.screen.query_one("#people", OptionList)
        everyone = people.option_count
        assert everyone == len(app.screen.people) > 10
        await pilot.press("slash", *"guven")
        await pilot.pause()
        assert [people.get_option_at_index(i).id for i in range(people.option_count)] == [
            "birol guven",
            "faruk guven",
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert people.option_count == everyone


# Now and next ---------------------------------------------------------------------------------


async def test_now_and_next_at_the_frozen_clock(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert app.current_mode == "now"
        assert isinstance(app.screen, NowNextScreen)
        listing = app.screen.query_one(SessionList)
        # Both 14:00 masterclasses have no end: at 14:10 they are "started", and the screening
        # with no time is today's time-TBA entry. Nothing later today has a time, so no "next".
        assert ids(listing.sessions) == [ACTING, CAREERS, SERIES_7]
        text = screen_text(app)
        assert "Sun 7 Dec 2025 14:10 in Baku (Asia/Baku)" in text
        assert "clock frozen" in text
        lines = text.splitlines()
        started = next(i for i, line in enumerate(lines) if "Started" in line)
        acting = next(i for i, line in enumerate(lines) if "Acting techniques" in line)
        careers = next(i for i, line in enumerate(lines) if "Building a successful" in line)
        assert started < acting < careers
        assert lines[acting].lstrip().startswith("14:00")

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.id == ACTING


async def test_now_and_next_shows_what_is_on(make_app, write_festival) -> None:
    app = make_app(load_programme([write_festival(MIXED)]), now=datetime(2025, 12, 7, 9, 45))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        listing = app.screen.query_one(SessionList)
        assert ids(listing.sessions) == ["zebra", "aardvark"]
        text = screen_text(app)
        assert "On now" in text
        assert "Today, time TBA" in text


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


# Favourites -----------------------------------------------------------------------------------


async def test_f_stars_in_lists_and_on_the_session_and_the_footer_says_so(make_app) -> None:
    """The issue's `f` bookmarks a session from any list or its detail; Filters are ^f, and
    `s` (the first key for it) still stars, without taking room in the footer."""
    app = make_app()
    key = f"{BAKU}/{ACTING}"
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "f Star" in footer and "^f Filters" in footer and "s Star" not in footer
        await pilot.press("s")
        await pilot.pause()
        assert key in app.favourites
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        footer = screen_text(app).splitlines()[-1]
        assert "f Star" in footer and "^f Filters" in footer and "s Star" not in footer
        await pilot.press("f")
        await pilot.pause()
        assert key not in app.favourites
        await pilot.press("s")
        await pilot.pause()
        assert key in app.favourites
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, FiltersScreen)


async def test_f_marks_and_unmarks_a_favourite(make_app) -> None:
    app = make_app()
    key = f"{BAKU}/{ACTING}"
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        assert FAVOURITE_MARK not in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert key in app.favourites
        assert len(app.favourites) == 1
        acting_line = next(
            line for line in screen_text(app).splitlines() if "Acting techniques" in line
        )
        assert FAVOURITE_MARK in acting_line
        assert any("My programme" in n.message for n in app._notifications)

        # The session screen shows the mark, and `f` there removes it.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert f"{FAVOURITE_MARK} In My programme" in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert key not in app.favourites
        assert "In My programme" not in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert FAVOURITE_MARK not in screen_text(app)

        await pilot.press("f")
        await pilot.pause()
        assert key in app.favourites
        await pilot.press("f")
        await pilot.pause()
        assert key not in app.favourites
        assert len(app.favourites) == 0


async def test_f_is_not_offered_where_there_is_no_session_to_mark(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        for key, screen_type in (("v", VenuesScreen), ("p", PeopleScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen_type)
            assert "Star" not in screen_text(app).splitlines()[-1]
            await pilot.press("f")
            await pilot.pause()
            assert len(app.favourites) == 0


# The command palette --------------------------------------------------------------------------


async def palette_search(pilot, query: str) -> CommandList:
    """Open the palette with ctrl+p, type `query`, and wait for the hits."""
    app = pilot.app
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
    await pilot.press(*query)
    results = app.screen.query_one(CommandList)
    await wait_for(pilot, lambda: results.option_count > 0)
    await pilot.pause(0.1)  # the rest of the hits
    return results


def prompts(results: CommandList) -> list[str]:
    return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]


async def choose(pilot, results: CommandList, label: str) -> None:
    index = next(i for i, p in enumerate(prompts(results)) if p.startswith(label))
    results.highlighted = index
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(pilot.app.screen, CommandPalette))
    await pilot.pause()


async def test_palette_yaradici_opens_the_venue(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        results = await palette_search(pilot, "yaradici")
        hits = prompts(results)
        assert hits[0].startswith("Yaradıcı Creative Hub")
        assert "venue" in hits[0]
        await choose(pilot, results, "Yaradıcı Creative Hub")
        assert isinstance(app.screen, VenueScreen)
        assert app.screen.venue.id == "yaradici-creative-hub"
        assert ids(app.screen.query_one(SessionList).sessions) == [ACTING, CAREERS]


async def test_palette_guven_finds_the_person_once(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        results = await palette_search(pilot, "guven")
        people = [p for p in prompts(results) if "person" in p]
        assert [p.split("  ")[0] for p in people] == ["Birol Güven", "Faruk Güven"]
        await choose(pilot, results, "Birol Güven")
        assert isinstance(app.screen, SessionsScreen)
        assert app.screen.heading == "Birol Güven"
        assert len(app.screen.query_one(SessionList).sessions) == 2


async def test_palette_turkiye_opens_the_country(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        results = await palette_search(pilot, "turkiye")
        assert any(p.startswith("Türkiye") and "country" in p for p in prompts(results))
        await choose(pilot, results, "Türkiye")
        assert isinstance(app.screen, SessionsScreen)
        assert app.screen.heading == "Country: Türkiye"
        sessions = app.screen.query_one(SessionList).sessions
        assert all("Türkiye" in s.countries for s in sessions)
        assert {s.festival_id for s in sessions} == {
            BAKU,
            "korkyt-ata-2025",
            "turksoy-film-leaders-2025",
        }


async def test_palette_istanbul_opens_that_festival(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        results = await palette_search(pilot, "ISTANBUL")
        await choose(pilot, results, "Second Meeting of Film Leaders from the Turkic World")
        assert app.current_mode == "days"
        assert app.festival.id == "turksoy-film-leaders-2025"
        assert isinstance(app.screen, DaysScreen)


async def test_palette_folds_turkic_letters_in_data(make_app, write_festival) -> None:
    app = make_app(load_programme([write_festival(MIXED)]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        results = await palette_search(pilot, "azerbaycan")
        assert prompts(results)[0].startswith("Azərbaycan Kino Evi")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, DaysScreen))
        results = await palette_search(pilot, "ISTANBUL")  # finds the venue's city "İstanbul"
        assert prompts(results)[0].startswith("Azərbaycan Kino Evi")
        await choose(pilot, results, "Azərbaycan Kino Evi")
        assert isinstance(app.screen, VenueScreen)
        assert ids(app.screen.query_one(SessionList).sessions) == ["zebra", "aardvark"]


@pytest.mark.parametrize(
    ("query", "label", "what"),
    [
        ("yaradici", "Yaradıcı Creative Hub", "venue"),
        ("guven", "Birol Güven", "person"),
        ("guven", "Faruk Güven", "person"),
        ("turkiye", "Türkiye", "country"),
        ("ISTANBUL", "Second Meeting of Film Leaders from the Turkic World", "festival"),
        ("masterclass series", "masterclass series", "tag"),
        ("acting animators", "Acting techniques for animators", "session"),
    ],
)
def test_provider_entries_match_folded(make_app, query, label, what) -> None:
    entries = build_entries(make_app())  # needs the programme, not a running app
    found = [e for e in entries if matches(query, *e.haystack)]
    assert any(e.label == label and e.what == what for e in found)
    assert len(found) < len(entries) // 2  # a search, not everything


def test_provider_folds_schwa_and_dotted_capital_i(make_app, write_festival) -> None:
    entries = build_entries(make_app(load_programme([write_festival(MIXED)])))
    venue = next(e for e in entries if e.what == "venue")
    assert matches("azerbaycan", *venue.haystack)
    assert matches("ISTANBUL", *venue.haystack)
    assert matches("istanbul kino", *venue.haystack)
    assert not matches("ankara", *venue.haystack)


# Help -----------------------------------------------------------------------------------------


def _plain(content, width: int = 100) -> str:
    """A widget's content as text: Rich renderables (the help's key tables) printed out."""
    if isinstance(content, str | Content):
        return str(content)
    console = Console(width=width, file=io.StringIO(), record=True)
    console.print(content)
    return console.export_text()


async def test_help_lists_the_keys_of_every_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        # The whole table, not only the rows that fit on the screen.
        shown = "\n".join(_plain(static.content) for static in app.screen.query(Static))
        for owner in (GuideApp, ListScreen, DaysScreen, SessionScreen, VenueScreen, FiltersScreen):
            for binding in owner.BINDINGS:
                text = binding.tooltip or binding.description
                assert text in shown, f"{owner.__name__}: {binding.key} ({text}) not in help"
        for key in ("d", "v", "p", "n", "F", "f", "^f", "^p", "?", "q", "/", "s", "esc"):
            assert any(line.strip().startswith(key) for line in shown.splitlines()), key
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)


# Load problems and quitting -------------------------------------------------------------------


async def test_a_bad_file_shows_a_notice_with_file_and_line(
    make_app, write_festival, monkeypatch
) -> None:
    good = write_festival(MIXED, name="good.toml")
    (good.parent / "zz-bad.toml").write_text(
        '[festival]\nid = "bad"\nname = = 3\n', encoding="utf-8"
    )
    monkeypatch.chdir(good.parent.parent)  # a short relative path, so the notice fits a line
    programme = load_programme([Path(good.parent.name)])
    assert [f.id for f in programme.festivals] == ["test-fest"]
    app = make_app(programme)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, DaysScreen)
        notices = list(app._notifications)
        assert len(notices) == 1
        notice = notices[0]
        assert notice.severity == "warning"
        assert notice.title == "1 file skipped"
        assert notice.message.startswith("programme/zz-bad.toml:3:8: TOML syntax error")
        # ...and it is on the screen, not only in the app's list.
        await wait_for(pilot, lambda: "programme/zz-bad.toml:3:8" in screen_text(app))
        assert "1 file skipped" in screen_text(app)


async def test_q_quits(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


def test_a_programme_with_no_festival_is_refused() -> None:
    from tui_guide.programme import Programme

    with pytest.raises(ValueError):
        GuideApp(Programme())


def test_fixture_programme_is_the_bundled_one(programme) -> None:
    assert Path(programme.festivals[0].source_file).name == "baku-cinema-breeze-2025.toml"


# Once bugs, now fixed: focus after closing the find bar, and a festival without sessions. ----


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


async def test_a_venue_whose_id_looks_like_tba_is_its_own_entry(make_app, write_festival) -> None:
    path = write_festival(
        '[[venues]]\nid = "venue-tba"\nname = "Venue Tee-Bee-A"\n\n'
        '[[sessions]]\nid = "placed"\ntitle = "Placed"\nkind = "talk"\nvenue = "venue-tba"\n\n'
        '[[sessions]]\nid = "unplaced"\ntitle = "Unplaced"\nkind = "talk"\n'
    )
    app = make_app(load_programme([path]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.pause()
        venues = app.screen.query_one("#venues", OptionList)
        assert [venues.get_option_at_index(i).id for i in range(venues.option_count)] == [
            "venue-tba",
            TBA_ID,
        ]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, VenueScreen) and app.screen.venue is None
        assert ids(app.screen.query_one(SessionList).sessions) == ["unplaced"]


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


async def test_about_shows_the_festival_and_its_sources(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_baku_days(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, FestivalScreen)
        text = screen_text(app)
        assert "Dates TBA; sessions Sat 6 Dec – Tue 9 Dec 2025" in text
        assert "Time zone Asia/Baku" in text
        assert "Sources" in text and "Paul Dubar" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)
