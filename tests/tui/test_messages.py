"""Screens and widgets ask the App with Messages (`tui_guide.tui.messages`): each key or click
posts one, and the App handles it; every change of a favourite reaches the store through the
App's one handler, whichever key or click asked for it."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TypeVar

from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import OptionList

from tui_guide.favourites import Favourite, Favourites, FavouritesError, Snapshot
from tui_guide.library.load import load_programme
from tui_guide.programme.model import Kind, Session
from tui_guide.programme.query import SessionFilter
from tui_guide.tui.app import GuideApp
from tui_guide.tui.messages import (
    OpenFestival,
    OpenFilters,
    OpenPerson,
    OpenSession,
    OpenSessions,
    OpenVenue,
    RefreshFavourites,
    RemoveFavourite,
    ShowSection,
    ToggleFavourite,
)
from tui_guide.tui.providers.programme import build_entries
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.filters import FiltersScreen
from tui_guide.tui.screens.mine import MineScreen
from tui_guide.tui.screens.people import PeopleScreen
from tui_guide.tui.screens.session import SessionScreen
from tui_guide.tui.screens.sessions import SessionsScreen
from tui_guide.tui.screens.venue import VenueScreen
from tui_guide.tui.screens.venues import VenuesScreen
from tui_guide.tui.widgets.line_list import LineList
from tui_guide.tui.widgets.section_bar import SectionBar
from tui_guide.tui.widgets.session_list import MARK_X, SessionList
from tui_guide.tui.widgets.star import StarToggle

SIZE = (80, 24)
BAKU = "baku-cinema-breeze-2025"
ACTING = f"{BAKU}/ata-masterclass-acting-for-animators"
CAREERS = f"{BAKU}/ata-masterclass-animation-careers"
GONE = "gone-fest/old"

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
        highlighted = app.screen.query_one("#people", LineList).highlighted_key
        assert highlighted is not None
        await pilot.press("enter")
        await pilot.pause()
        assert [m.key for m in posted.of(OpenPerson)] == [highlighted]
        assert isinstance(app.screen, SessionsScreen)


async def test_the_section_bar_and_the_filter_badge_ask_by_message(make_app) -> None:
    posted = Posted()
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=posted) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        bar = app.screen.query_one(SectionBar)
        venues = next(link for link in bar.links if link.mode == "venues")
        await pilot.click(SectionBar, offset=(venues.x + 1, 0))
        await pilot.pause()
        assert [m.mode for m in posted.of(ShowSection)] == ["venues"]
        assert isinstance(app.screen, VenuesScreen)
        app.hide_past = True  # the badge shows
        await pilot.pause()
        bar = app.screen.query_one(SectionBar)
        await pilot.click(SectionBar, offset=(bar.badge_x + 1, 0))
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


# One route to the store ----------------------------------------------------------------------


def _in_the_handler() -> bool:
    """Whether GuideApp's one handler of favourite changes is on the call stack."""
    handler = GuideApp._change_favourite.__code__
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code is handler:
            return True
        frame = frame.f_back
    return False


class CountingStore(Favourites):
    """A store that notes every change asked of it (toggle, add, remove, merge), and whether
    it came through the App's handler; `fail` makes every change raise once made in memory,
    as the real store does when its file cannot be written."""

    def __init__(self, keys: Iterable[str] = ()) -> None:
        self.changes: list[tuple[str, str, bool]] = []  # what, key, through the handler
        self.fail = False
        self._depth = 0  # toggle calls add or remove: count the outer call only
        super().__init__(keys)

    def _note(self, what: str, key: str) -> None:
        if self._depth == 0:
            self.changes.append((what, key, _in_the_handler()))

    def _saved(self) -> None:
        if self.fail:
            raise FavouritesError("favourites.sqlite3: could not save favourites: disk full")

    def toggle(self, key: str, session: Session | None = None) -> bool:
        self._note("toggle", key)
        self._depth += 1
        try:
            return super().toggle(key, session)
        finally:
            self._depth -= 1

    def add(self, key: str, session: Session | None = None) -> None:
        self._note("add", key)
        super().add(key, session)
        self._saved()

    def remove(self, key: str) -> None:
        self._note("remove", key)
        super().remove(key)
        self._saved()

    def merge(self, favourites: Iterable[Favourite]) -> int:
        favourites = list(favourites)
        for favourite in favourites:
            self._note("merge", favourite.key)
        added = super().merge(favourites)
        self._saved()
        return added


async def test_f_in_a_list_posts_a_toggle_and_the_app_alone_saves_it(make_app) -> None:
    posted, store = Posted(), CountingStore()
    app = make_app(favourites=store)
    async with app.run_test(size=SIZE, message_hook=posted) as pilot:
        await pilot.press("enter", "f", "down", "s")
        await pilot.pause()
        assert [m.session.key for m in posted.of(ToggleFavourite)] == [ACTING, CAREERS]
        assert store.changes == [("toggle", ACTING, True), ("toggle", CAREERS, True)]
        assert list(store) == [ACTING, CAREERS]


async def test_x_in_my_programme_removes_present_and_gone_stars_through_the_app(
    make_app,
) -> None:
    posted, store = Posted(), CountingStore()
    gone = Snapshot("Old screening", date(2025, 12, 5), time(19, 30), None, "Nizami Cinema")
    added = datetime(2025, 12, 1, 9, 0, tzinfo=UTC)
    store.merge([Favourite(GONE, added, gone), Favourite(ACTING, added)])
    store.changes.clear()
    app = make_app(favourites=store)
    # Every notice said, kept here: the App drops a notice once its 3 s are up, which a
    # loaded machine running the whole suite can take between the two keys.
    said: list[str] = []
    notify = app.notify
    app.notify = lambda message, *a, **k: said.append(str(message)) or notify(message, *a, **k)  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30), message_hook=posted, notifications=True) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MineScreen)
        await pilot.press("x")  # the starred session, highlighted first
        await pilot.pause()
        app.screen.query_one("#gone", OptionList).focus()
        await pilot.press("x")  # the one no longer in the programme
        await pilot.pause()
        assert [m.key for m in posted.of(RemoveFavourite)] == [ACTING, GONE]
        assert store.changes == [("remove", ACTING, True), ("remove", GONE, True)]
        assert list(store) == []
        assert "Removed from My programme: Acting techniques for animators" in said
        assert "Removed from My programme: Old screening" in said


async def test_clicks_on_stars_and_f_on_my_programme_go_the_same_route(make_app) -> None:
    posted, store = Posted(), CountingStore()
    app = make_app(favourites=store)
    async with app.run_test(size=SIZE, message_hook=posted) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        listing = app.screen.focused
        assert isinstance(listing, SessionList)
        await pilot.click(listing, offset=(MARK_X, 0))  # the star column of the first row
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.click(StarToggle)  # unstars it
        await pilot.pause()
        await pilot.press("f")  # stars it again
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("f")  # unstars it from My programme
        await pilot.pause()
        assert len(posted.of(ToggleFavourite)) == 4
        assert store.changes == [("toggle", ACTING, True)] * 4
        assert list(store) == []


async def test_r_and_a_screen_change_ask_the_app_to_read_the_store(
    make_app, tmp_path: Path
) -> None:
    posted, path = Posted(), tmp_path / "favourites.sqlite3"
    app = make_app(favourites=Favourites(path=path))
    other = Favourites(path=path)  # a second guide in another terminal
    async with app.run_test(size=SIZE, message_hook=posted) as pilot:
        await pilot.press("m")
        await pilot.pause()
        resumed = len(posted.of(RefreshFavourites))  # My programme showed: one read
        assert resumed >= 1
        other.add(ACTING)
        await pilot.press("r")
        await pilot.pause()
        assert len(posted.of(RefreshFavourites)) == resumed + 1
        listing = app.screen.query_one("#mine", SessionList)
        assert [s.key for s in listing.sessions] == [ACTING]
    other.close()


async def test_a_change_that_cannot_be_saved_is_said_once_whichever_the_route(
    make_app,
) -> None:
    store = CountingStore([GONE])
    app = make_app(favourites=store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        store.fail = True
        await pilot.press("enter", "f")  # a star from a list
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#gone", OptionList).focus()
        await pilot.press("x")  # a gone one from My programme
        await pilot.pause()
        failed = [n for n in app._notifications if n.title == "My programme not saved"]
        assert len(failed) == 2
        assert all(str(n.message).endswith("The change is not saved.") for n in failed)
        assert store.changes == [("toggle", ACTING, True), ("remove", GONE, True)]
        # Kept in memory all the same, as before: starred, and the gone one removed.
        assert list(store) == [ACTING]


# The filter badge is told the filters; it reads nothing of the App ---------------------------


async def test_the_badge_shows_the_filters_it_is_given_on_any_app() -> None:
    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield SectionBar("days", filters=(SessionFilter(kinds=frozenset({Kind.TALK})), False))

    app = Bare()
    async with app.run_test(size=(100, 5)) as pilot:
        bar = app.query_one(SectionBar)
        assert bar.badge == "Filtered: 1 kind"
        bar.show_filters(SessionFilter(), True)
        await pilot.pause()
        assert bar.badge == "Filtered: past hidden"
        bar.show_filters(SessionFilter(), False)
        await pilot.pause()
        assert bar.badge == ""


async def test_every_screen_s_badge_follows_the_app_s_filters(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("enter", "v")  # the days and the venues each have a bar
        await pilot.pause()
        app.hide_past = True
        await pilot.pause()
        assert app.screen.query_one(SectionBar).badge == "Filtered: past hidden"
        await pilot.press("d")
        await pilot.pause()
        assert app.screen.query_one(SectionBar).badge == "Filtered: past hidden"
        app.hide_past = False
        await pilot.pause()
        assert app.screen.query_one(SectionBar).badge == ""
