"""The command palette, driven with Pilot: ctrl+p finds venues, people, countries and
festivals with Turkic letters folded, and opens what is chosen; and the provider's entries
match folded queries."""

from __future__ import annotations

import pytest
from textual.command import CommandInput, CommandPalette

from tui_guide.library.load import load_programme
from tui_guide.programme.text import matches
from tui_guide.tui.providers.programme import build_entries
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.sessions import SessionsScreen
from tui_guide.tui.screens.venue import VenueScreen
from tui_guide.tui.widgets.session_list import SessionList

from .helpers import (
    ACTING,
    BAKU,
    CAREERS,
    MIXED,
    SIZE,
    choose,
    ids,
    open_baku_days,
    palette_search,
    prompts,
    wait_for,
)


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


async def test_the_palette_says_what_it_searches(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        placeholder = app.screen.query_one(CommandInput).placeholder
        assert placeholder.startswith("Search sessions, people, venues")
        assert "commands" not in placeholder


async def test_quit_puts_the_quit_command_first(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        results = await palette_search(pilot, "quit")
        assert prompts(results)[0].startswith("Quit")
        assert not any("Acting techniques" in p for p in prompts(results))


async def test_the_count_opens_every_matching_session(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        results = await palette_search(pilot, "animation")
        counted = [p for p in prompts(results) if p.startswith("All ")]
        assert len(counted) == 1 and "sessions matching “animation”" in counted[0]
        number = int(counted[0].split()[1])
        await choose(pilot, results, "All ")
        assert isinstance(app.screen, SessionsScreen)
        assert app.screen.heading == "Search: animation"
        sessions = app.screen.query_one(SessionList).sessions
        assert len(sessions) == number > 1


async def test_enter_opens_the_best_hit(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await palette_search(pilot, "acting animators")
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, CommandPalette))
        await pilot.pause()
        assert app.screen.session.title == "Acting techniques for animators"
