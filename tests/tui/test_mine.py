"""My programme: stars saved to the favourites file, shown by day with their clashes, and
stars of sessions that are not loaded kept and named."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Static

from tui_guide.favourites import Favourites
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.festivals import FestivalsScreen
from tui_guide.tui.screens.mine import MineScreen
from tui_guide.tui.widgets.section_bar import FilterBadge, SectionLink
from tui_guide.tui.widgets.session_list import SessionList

from .helpers import screen_text

SIZE = (80, 24)
BAKU = "baku-cinema-breeze-2025"
ACTING = f"{BAKU}/ata-masterclass-acting-for-animators"
CAREERS = f"{BAKU}/ata-masterclass-animation-careers"


def saved(path: Path) -> list[str]:
    return json.loads(path.read_text(encoding="utf-8"))["favourites"]


async def test_stars_are_saved_and_listed_with_their_clash(make_app, tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    app = make_app(favourites=Favourites(path=path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # Baku, opening on 7 Dec (the frozen today)
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)
        await pilot.press("s", "down", "s")
        await pilot.pause()
        assert saved(path) == [ACTING, CAREERS]
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MineScreen)
        listing = app.screen.query_one("#mine", SessionList)
        assert [s.key for s in listing.sessions] == [ACTING, CAREERS]
        text = screen_text(app)
        assert "2 starred sessions, 2 in clashes" in text
        assert "Clashes with Building a successful career" in text
        # Unstarring from My programme takes the row away and saves at once.
        listing.focus()
        await pilot.press("s")
        await pilot.pause()
        assert [s.key for s in listing.sessions] == [CAREERS]
        assert saved(path) == [CAREERS]
        assert "1 starred session" in screen_text(app)


async def test_stars_of_sessions_not_loaded_are_kept_and_named(make_app, tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    path.write_text(json.dumps({"version": 1, "favourites": ["gone-fest/old", ACTING]}), "utf-8")
    app = make_app(favourites=Favourites(path=path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        listing = app.screen.query_one("#mine", SessionList)
        assert [s.key for s in listing.sessions] == [ACTING]
        missing = app.screen.query_one("#missing", Static)
        assert missing.display
        assert "not in the loaded programme (1): gone-fest/old" in screen_text(app)
        await pilot.press("s")  # unstar the loaded one
        await pilot.pause()
    assert saved(path) == ["gone-fest/old"]


async def test_an_unreadable_favourites_file_is_reported_not_lost(make_app, tmp_path: Path) -> None:
    path = tmp_path / "favourites.json"
    path.write_text("{not json", "utf-8")
    app = make_app(favourites=Favourites(path=path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any(str(path) in m and "unreadable" in m for m in messages), messages
    (aside,) = tmp_path.glob("favourites.json.unreadable-*")
    assert aside.read_text("utf-8") == "{not json"


def current_sections(app) -> list[str]:
    return [link.mode for link in app.screen.query(SectionLink) if link.has_class("-current")]


async def test_the_section_bar_marks_the_current_section_and_clicks(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FestivalsScreen)
        current = [
            link.mode for link in app.screen.query(SectionLink) if link.has_class("-current")
        ]
        assert current == ["festivals"]
        await pilot.click(SectionLink, offset=(1, 0))  # the first link: Days
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)
        current = [
            link.mode for link in app.screen.query(SectionLink) if link.has_class("-current")
        ]
        assert current == ["days"]


async def test_the_section_bar_shortens_its_labels_when_narrow(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        labels = [str(link.render()) for link in app.screen.query(SectionLink)]
        assert labels == ["d Days", "v Venues", "p People", "n Now", "m Mine", "F Fests"]
        await pilot.resize_terminal(100, 24)
        await pilot.pause()
        labels = [str(link.render()) for link in app.screen.query(SectionLink)]
        assert "n Now & next" in labels and "m My programme" in labels


async def test_the_filter_badge_never_covers_a_section(make_app) -> None:
    """With filters on, the bar shortens its labels, then the badge, until all fit."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.hide_past = True
        await pilot.pause()
        links = list(app.screen.query(SectionLink))
        badge = app.screen.query_one(FilterBadge)
        assert badge.display
        right_edge = max(link.region.right for link in links)
        assert right_edge <= badge.region.x
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        assert str(badge.render()) == "Filter"
        right_edge = max(link.region.right for link in app.screen.query(SectionLink))
        assert right_edge <= badge.region.x
        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        assert str(badge.render()).startswith("Filtered: ")
