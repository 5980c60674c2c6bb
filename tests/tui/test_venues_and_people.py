"""Venues and people, driven with Pilot: venues with their counts and Venue TBA, one venue's
sessions, people with two spellings folded into one, and finding in the list of people."""

from __future__ import annotations

from tui_guide.library.load import load_programme
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.people import PeopleScreen
from tui_guide.tui.screens.session import SessionScreen
from tui_guide.tui.screens.sessions import SessionsScreen
from tui_guide.tui.screens.venue import VenueScreen
from tui_guide.tui.screens.venues import TBA_ID, VenuesScreen
from tui_guide.tui.widgets.line_list import LineList
from tui_guide.tui.widgets.session_list import SessionList

from .helpers import (
    ACTING,
    BAKU,
    CAREERS,
    PANEL,
    ROUNDTABLE,
    SERIES_6,
    SERIES_7,
    SIZE,
    ids,
    open_baku_days,
    option_ids,
    screen_text,
)

# Venues ---------------------------------------------------------------------------------------


async def test_venues_with_counts_and_venue_tba(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await pilot.press("v")
        await pilot.pause()
        assert app.current_mode == "venues"
        assert isinstance(app.screen, VenuesScreen)
        venues = app.screen.query_one("#venues", LineList)
        assert option_ids(venues) == [
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
        venues = app.screen.query_one("#venues", LineList)
        assert option_ids(venues) == [
            "venue-tba",
            TBA_ID,
        ]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, VenueScreen) and app.screen.venue is None
        assert ids(app.screen.query_one(SessionList).sessions) == ["unplaced"]


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
        people = screen.query_one("#people", LineList)
        shown = option_ids(people)
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
        people = app.screen.query_one("#people", LineList)
        everyone = people.entry_count
        assert everyone == len(app.screen.people) > 10
        await pilot.press("slash", *"guven")
        await pilot.pause()
        assert option_ids(people) == [
            "birol guven",
            "faruk guven",
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert people.entry_count == everyone
