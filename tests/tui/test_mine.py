"""My programme: stars saved to the store, shown by day with their clashes, tight walks and
changes since starred; stars whose session is gone kept, named and removable; refresh,
export, reminders and a click on the mark."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from icalendar import Calendar
from textual.widgets import OptionList

from tui_guide.favourites import Favourite, Favourites, Snapshot
from tui_guide.library.load import load_programme
from tui_guide.programme.text import middle_cut
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.festivals import FestivalsScreen
from tui_guide.tui.screens.mine import MineScreen
from tui_guide.tui.widgets.section_bar import SectionBar
from tui_guide.tui.widgets.session_list import FAVOURITE_MARK, MARK_X, SessionList
from tui_guide.tui.widgets.star import StarToggle

from .helpers import ACTING_KEY, CAREERS_KEY, SIZE, open_baku_days, screen_text, wait_for

ADDED = datetime(2025, 12, 1, 9, 0, tzinfo=UTC)


def saved(path: Path) -> list[str]:
    """What another guide opening the same store would see."""
    store = Favourites(path=path)
    try:
        return list(store)
    finally:
        store.close()


async def open_mine(pilot) -> SessionList:
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(pilot.app.screen, MineScreen)
    return pilot.app.screen.query_one("#mine", SessionList)


async def test_stars_are_saved_and_listed_with_their_clash(make_app, tmp_path: Path) -> None:
    path = tmp_path / "favourites.sqlite3"
    app = make_app(favourites=Favourites(path=path))
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)  # opening on 7 Dec (the frozen today)
        await pilot.press("f", "down", "f")
        await pilot.pause()
        assert saved(path) == [ACTING_KEY, CAREERS_KEY]
        listing = await open_mine(pilot)
        assert [s.key for s in listing.sessions] == [ACTING_KEY, CAREERS_KEY]
        text = screen_text(app)
        assert "2 starred sessions, 2 in clashes" in text
        assert "Clashes with Building a successful career" in text
        # Unstarring from My programme takes the row away and saves at once; so does x.
        listing.focus()
        await pilot.press("f")
        await pilot.pause()
        assert [s.key for s in listing.sessions] == [CAREERS_KEY]
        assert saved(path) == [CAREERS_KEY]
        assert "1 starred session" in screen_text(app)
        await pilot.press("x")
        await pilot.pause()
        assert saved(path) == [] and listing.sessions == ()


async def test_a_star_whose_session_is_gone_is_kept_shown_and_removable(
    make_app, tmp_path: Path
) -> None:
    path = tmp_path / "favourites.sqlite3"
    store = Favourites(path=path)
    gone = Snapshot("Old screening", date(2025, 12, 5), time(19, 30), None, "Nizami Cinema")
    store.merge([Favourite("gone-fest/old", ADDED, gone), Favourite(ACTING_KEY, ADDED)])
    app = make_app(favourites=store)
    async with app.run_test(size=(100, 30)) as pilot:
        listing = await open_mine(pilot)
        assert [s.key for s in listing.sessions] == [ACTING_KEY]
        text = screen_text(app)
        assert "No longer in the programme (1)" in text
        assert "Old screening — Fri 5 Dec 19:30 · gone-fest/old" in text
        assert saved(path) == ["gone-fest/old", ACTING_KEY]  # kept, not pruned
        gone_list = app.screen.query_one("#gone", OptionList)
        gone_list.focus()
        await pilot.press("enter")  # nothing to open
        await pilot.pause()
        assert isinstance(app.screen, MineScreen)
        await pilot.press("x")
        await pilot.pause()
        assert saved(path) == [ACTING_KEY]
        assert not gone_list.display
        assert "No longer in the programme" not in screen_text(app)


async def test_a_star_never_seen_loaded_is_named_by_its_key(make_app) -> None:
    app = make_app(favourites=Favourites(["gone-fest/unknown"]))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_mine(pilot)
        assert "gone-fest/unknown — never seen loaded · gone-fest/unknown" in screen_text(app)


async def test_a_store_that_is_not_a_database_is_reported_not_lost(
    make_app, tmp_path: Path
) -> None:
    path = tmp_path / "favourites.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    app = make_app(favourites=Favourites(path=path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any(str(path) in m and "unreadable" in m for m in messages), messages
    (aside,) = tmp_path.glob("favourites.sqlite3.unreadable-*")
    assert aside.read_bytes() == b"this is not a database" * 100


async def test_a_store_that_cannot_be_written_is_reported_and_browsing_works(
    make_app, tmp_path: Path
) -> None:
    (tmp_path / "blocker").write_text("a file where the folder should be", "utf-8")
    app = make_app(favourites=Favourites(path=tmp_path / "blocker" / "favourites.sqlite3"))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("cannot create the folder" in m and "not saved" in m for m in messages)
        await pilot.press("enter", "f")  # browse, and star for this run
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen) and ACTING_KEY in app.favourites


BACK_TO_BACK = """
[[venues]]
id = "hall"
name = "Hall"

[[venues]]
id = "cinema"
name = "Cinema"

[[sessions]]
id = "first"
title = "First talk"
kind = "talk"
date = 2025-12-07
start = 10:00:00
end = 11:00:00
venue = "hall"

[[sessions]]
id = "second"
title = "Second film"
kind = "screening"
date = 2025-12-07
start = 11:10:00
end = 13:00:00
venue = "cinema"

[[sessions]]
id = "moved"
title = "Moved panel"
kind = "panel"
date = 2025-12-07
start = 16:00:00
venue = "hall"
"""


async def test_a_tight_walk_and_a_change_since_starred_are_flagged(
    make_app, write_festival
) -> None:
    programme = load_programme([write_festival(BACK_TO_BACK)])
    starred_then = Snapshot("Moved panel", date(2025, 12, 7), time(15, 0), None, "Hall")
    store = Favourites()
    store.merge(
        [
            Favourite("test-fest/first", ADDED),
            Favourite("test-fest/second", ADDED),
            Favourite("test-fest/moved", ADDED, starred_then),
        ]
    )
    app = make_app(programme, favourites=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_mine(pilot)
        text = screen_text(app)
        assert "3 starred sessions, 2 with under 15 min to change venue, 1 changed" in text
        assert "Only 10 min to get to Cinema for Second film" in text
        assert "Only 10 min to get here from Hall after First talk" in text
        assert "Changed since starred: time 15:00 → 16:00" in text


async def test_refresh_and_a_screen_change_show_what_another_guide_added(
    make_app, tmp_path: Path
) -> None:
    path = tmp_path / "favourites.sqlite3"
    app = make_app(favourites=Favourites(path=path))
    other = Favourites(path=path)  # a second guide in another terminal
    async with app.run_test(size=SIZE) as pilot:
        listing = await open_mine(pilot)
        assert listing.sessions == ()
        other.add(ACTING_KEY)
        await pilot.press("r")
        await pilot.pause()
        assert [s.key for s in listing.sessions] == [ACTING_KEY]
        other.add(CAREERS_KEY)
        await pilot.press("enter")  # Baku's days (the festivals screen is current)
        await pilot.press("d")
        await pilot.pause()
        assert CAREERS_KEY in app.favourites  # read again on the screen change
        line = next(s for s in screen_text(app).splitlines() if "successful career" in s)
        assert FAVOURITE_MARK in line
    other.close()


async def test_e_writes_my_programme_as_a_calendar(make_app, tmp_path: Path) -> None:
    app = make_app(favourites=Favourites([ACTING_KEY, "gone-fest/old"]), export_dir=tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_mine(pilot)
        await pilot.press("e")
        path = tmp_path / "my-programme.ics"
        await wait_for(pilot, lambda: exported(app))
        calendar = Calendar.from_ical(path.read_bytes())
        (event,) = calendar.walk("VEVENT")
        assert str(event["summary"]) == "Acting techniques for animators"
        assert event.decoded("dtstart").astimezone(UTC) == datetime(2025, 12, 7, 10, tzinfo=UTC)
        # The path is cut in the middle to fit the notice: no word broken across its lines.
        shown = middle_cut(str(path), app.notice_width)
        assert len(shown) <= app.notice_width and shown.endswith("/my-programme.ics")
        assert exported(app) == [f"1 event written to {shown}; 1 left out"]
        # The guide's own export file is written again, and the message says it was replaced.
        await pilot.press("e")
        await wait_for(pilot, lambda: len(exported(app)) == 2)
        assert exported(app)[1] == f"1 event replaced {shown}; 1 left out"


def exported(app) -> list[str]:
    """The export's closing messages (file and count), one per export."""
    shown = [str(n.message) for n in app._notifications if n.title == "Calendar exported"]
    return [message.split(" (no date")[0] for message in shown]


async def test_export_writes_off_the_ui_thread(make_app, tmp_path: Path, monkeypatch) -> None:
    """STYLE.md 7: writing a file runs in a worker; the guide answers keys meanwhile."""
    import tui_guide.tui.screens.mine as mine_module

    release, writing, written = threading.Event(), threading.Event(), threading.Event()
    real = mine_module.write_atomically

    def slow_write(path: Path, data: bytes, **options: Any) -> None:
        writing.set()
        release.wait(timeout=5)
        real(path, data, **options)
        written.set()

    monkeypatch.setattr(mine_module, "write_atomically", slow_write)
    app = make_app(favourites=Favourites([ACTING_KEY]), export_dir=tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_mine(pilot)
        await pilot.press("e")
        await wait_for(pilot, writing.is_set)
        await pilot.press("question_mark")  # a key is answered while the file is written
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen" and not written.is_set()
        release.set()
        await wait_for(pilot, lambda: exported(app))
        assert (tmp_path / "my-programme.ics").is_file()


async def test_an_export_that_cannot_write_says_so(make_app, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    app = make_app(favourites=Favourites([ACTING_KEY]), export_dir=blocked / "sub")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_mine(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: any(n.title == "Not exported" for n in app._notifications))
        (failed,) = [n for n in app._notifications if n.title == "Not exported"]
        shown = middle_cut(str(blocked / "sub" / "my-programme.ics"), app.notice_width)
        assert str(failed.message).startswith(f"{shown}: cannot")
        assert failed.severity == "error"


async def test_a_favourite_about_to_start_raises_one_notification(make_app, tmp_path) -> None:
    # Frozen at 13:55 in Baku: both 14:00 masterclasses start in 5 minutes.
    app = make_app(
        now=datetime(2025, 12, 7, 13, 55), favourites=Favourites([ACTING_KEY]), remind=10
    )
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        # The first reminders wait for every day of the programme to be made (after the
        # paint, in a worker, unless an earlier test of the session made them already).
        await wait_for(pilot, lambda: app.reminding)
        reminders = [n for n in app._notifications if str(n.title).startswith("Starts")]
        assert [(n.title, n.message) for n in reminders] == [
            ("Starts in 5 min", "Acting techniques for animators at Yaradıcı Creative Hub, 14:00")
        ]
        app.check_reminders()  # once per session
        assert len([n for n in app._notifications if str(n.title).startswith("Starts")]) == 1


async def test_no_reminder_when_off_or_not_soon(make_app) -> None:
    for now, remind in ((datetime(2025, 12, 7, 13, 55), 0), (datetime(2025, 12, 7, 13, 0), 10)):
        app = make_app(now=now, favourites=Favourites([ACTING_KEY]), remind=remind)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            assert not [n for n in app._notifications if str(n.title).startswith("Starts")]


async def test_a_click_on_the_mark_stars_and_a_click_elsewhere_opens(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        listing = app.screen.focused
        assert isinstance(listing, SessionList) and listing.highlighted_session is not None
        first = listing.highlighted_session.key
        await pilot.click(listing, offset=(MARK_X, 0))
        await wait_for(pilot, lambda: first in app.favourites)
        assert isinstance(app.screen, DaysScreen)  # starred, not opened
        line = next(s for s in screen_text(app).splitlines() if "Acting techniques" in s)
        assert line.index(FAVOURITE_MARK) == MARK_X
        await pilot.click(listing, offset=(MARK_X, 0))
        await wait_for(pilot, lambda: first not in app.favourites)
        await pilot.click(listing, offset=(30, 0))
        await wait_for(pilot, lambda: not isinstance(app.screen, DaysScreen))
        assert first not in app.favourites


def current_sections(app) -> list[str]:
    return [link.mode for link in app.screen.query_one(SectionBar).links if link.current]


def labels_of(app) -> list[str]:
    return [link.label for link in app.screen.query_one(SectionBar).links]


async def test_the_section_bar_marks_the_current_section_and_clicks(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FestivalsScreen)
        assert current_sections(app) == ["festivals"]
        await pilot.click(SectionBar, offset=(1, 0))  # the first link: Days
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)
        assert current_sections(app) == ["days"]


async def test_the_section_bar_shortens_its_labels_when_narrow(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(74, 24)) as pilot:
        await pilot.pause()
        assert labels_of(app) == [
            "d Days",
            "t Grid",
            "v Venues",
            "p People",
            "n Now",
            "m Mine",
            "c Changes",
            "F Fests",
        ]
        await pilot.resize_terminal(50, 24)  # the keys alone; the current section named
        await pilot.pause()
        assert labels_of(app) == ["d", "t", "v", "p", "n", "m", "c", "F Fests"]
        await pilot.resize_terminal(100, 24)
        await pilot.pause()
        labels = labels_of(app)
        assert "n Now & next" in labels and "m My programme" in labels


async def test_the_filter_badge_never_covers_a_section(make_app) -> None:
    """With filters on, the bar shortens its labels, then the badge, until all fit."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.hide_past = True
        await pilot.pause()
        bar = app.screen.query_one(SectionBar)
        assert bar.badge
        assert max(link.x + link.width for link in bar.links) <= bar.badge_x
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        assert bar.badge == "Filter"
        assert max(link.x + link.width for link in bar.links) <= bar.badge_x
        # Where it is drawn: the last link's key, then the badge, at the right edge.
        assert "c Changes" not in screen_text(app) and screen_text(app).count("Filter") == 1
        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        assert bar.badge.startswith("Filtered: ")


async def test_a_gone_title_from_the_store_shows_literally(make_app) -> None:
    hostile = Snapshot("Cats [/dogs] [bold]x\x1b[31m", None, None, None, None)
    store = Favourites()
    store.merge([Favourite("gone-fest/hostile", ADDED, hostile)])
    app = make_app(favourites=store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_mine(pilot)
        assert "Cats [/dogs] [bold]x␛[31m — Date TBA · gone-fest/hostile" in screen_text(app)


async def test_a_click_on_the_star_of_a_session_page_toggles_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")  # Baku's days, then the highlighted session
        await pilot.pause()
        star = app.screen.query_one(StarToggle)
        assert "☆ Not in My programme" in screen_text(app)
        await pilot.click(StarToggle)
        await wait_for(pilot, lambda: ACTING_KEY in app.favourites)
        assert f"{FAVOURITE_MARK} In My programme" in screen_text(app)
        assert star.has_class("-starred")
        await pilot.click(StarToggle)
        await wait_for(pilot, lambda: ACTING_KEY not in app.favourites)


def test_a_store_in_memory_exports_into_the_state_folder(make_app, monkeypatch, tmp_path) -> None:
    """Not the home folder: user paths come from $TUI_GUIDE_STATE_DIR or platformdirs."""
    monkeypatch.setenv("TUI_GUIDE_STATE_DIR", str(tmp_path / "state"))
    app = make_app(favourites=Favourites())
    assert app.export_dir == tmp_path / "state"
