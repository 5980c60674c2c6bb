"""Screens and widgets ask the App with Messages (`tui_guide.tui.messages`): each key or click
posts one, and the App handles it."""

from __future__ import annotations

from typing import TypeVar

from textual.message import Message
from textual.widgets import OptionList

from tui_guide.library.load import load_programme
from tui_guide.tui.messages import (
    OpenFestival,
    OpenFilters,
    OpenPerson,
    OpenSession,
    OpenSessions,
    OpenVenue,
    ShowSection,
)
from tui_guide.tui.providers.programme import build_entries
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.filters import FiltersScreen
from tui_guide.tui.screens.people import PeopleScreen
from tui_guide.tui.screens.session import SessionScreen
from tui_guide.tui.screens.sessions import SessionsScreen
from tui_guide.tui.screens.venue import VenueScreen
from tui_guide.tui.screens.venues import VenuesScreen
from tui_guide.tui.widgets.section_bar import FilterBadge, SectionLink

SIZE = (80, 24)
BAKU = "baku-cinema-breeze-2025"
ACTING = f"{BAKU}/ata-masterclass-acting-for-animators"

M = TypeVar("M", bound=Message)


class Posted:
    """Every Message the app's pumps received, each once (a Message bubbling from a widget
    to the App arrives at every pump on its way): the run's `message_hook`."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    def __call__(self, message: Message) -> None:
        if not any(message is seen for seen in self.messages):
            self.messages.append(message)

    def of(self, kind: type[M]) -> list[M]:
        return [m for m in self.messages if isinstance(m, kind)]

    def clear(self) -> None:
        self.messages.clear()


async def test_enter_opens_a_festival_and_a_session_by_message(make_app) -> None:
    posted = Posted()
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=posted) as pilot:
        await pilot.press("enter")  # Baku, the first festival
        await pilot.pause()
        assert [m.festival.id for m in posted.of(OpenFestival)] == [BAKU]
        assert isinstance(app.screen, DaysScreen) and app.festival.id == BAKU
        await pilot.press("enter")  # the first session of the frozen today
        await pilot.pause()
        assert [m.session.key for m in posted.of(OpenSession)] == [ACTING]
        assert isinstance(app.screen, SessionScreen) and app.screen.session.key == ACTING


async def test_enter_opens_a_venue_and_a_person_by_message(make_app) -> None:
    posted = Posted()
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=posted) as pilot:
        await pilot.press("enter", "v")
        await pilot.pause()
        assert isinstance(app.screen, VenuesScreen)
        await pilot.press("enter")
        await pilot.pause()
        (venue,) = posted.of(OpenVenue)
        assert venue.festival.id == BAKU and venue.venue is not None
        assert isinstance(app.screen, VenueScreen) and app.screen.venue == venue.venue
        await pilot.press("escape", "p")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        highlighted = app.screen.query_one("#people", OptionList).highlighted_option
        assert highlighted is not None
        await pilot.press("enter")
        await pilot.pause()
        assert [m.key for m in posted.of(OpenPerson)] == [highlighted.id]
        assert isinstance(app.screen, SessionsScreen)


async def test_the_section_bar_and_the_filter_badge_ask_by_message(make_app) -> None:
    posted = Posted()
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=posted) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        venues = next(link for link in app.screen.query(SectionLink) if link.mode == "venues")
        await pilot.click(venues)
        await pilot.pause()
        assert [m.mode for m in posted.of(ShowSection)] == ["venues"]
        assert isinstance(app.screen, VenuesScreen)
        app.hide_past = True  # the badge shows
        await pilot.pause()
        await pilot.click(FilterBadge)
        await pilot.pause()
        assert len(posted.of(OpenFilters)) == 1
        assert isinstance(app.screen, FiltersScreen)


async def test_a_section_that_is_not_offered_is_not_opened(make_app, write_festival) -> None:
    app = make_app(load_programme([write_festival("")]))  # one festival: no festivals section
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.post_message(ShowSection("festivals"))
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)


def test_each_search_hit_asks_for_what_it_opens(make_app) -> None:
    """The palette's entries make the Message that choosing them posts (a fresh one each
    time: a Message is not posted twice)."""
    entries = build_entries(make_app())
    by_what = {entry.what: entry for entry in reversed(entries)}  # the first of each kind
    assert isinstance(by_what["festival"].ask(), OpenFestival)
    assert isinstance(by_what["venue"].ask(), OpenVenue)
    assert isinstance(by_what["person"].ask(), OpenPerson)
    session = by_what["session"].ask()
    assert isinstance(session, OpenSession) and session.session.title == by_what["session"].label
    country = by_what["country"].ask()
    assert isinstance(country, OpenSessions) and country.heading.startswith("Country: ")
    assert by_what["venue"].ask() is not by_what["venue"].ask()
