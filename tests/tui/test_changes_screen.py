"""The Changes screen (`c`, in the section bar): every session new, changed or cancelled since
last seen, counted per kind and per day; `u` keeps what is still to come, `o` the starred;
`a` marks them seen. A cancelled favourite stays starred and says it is cancelled."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from tui_guide.favourites import Favourites
from tui_guide.favourites.versions import ProgrammeVersions
from tui_guide.library.load import load_programme
from tui_guide.tui.screens.changes import ChangesScreen
from tui_guide.tui.screens.mine import MineScreen
from tui_guide.tui.widgets.section_bar import SectionBar
from tui_guide.tui.widgets.session_list import SessionList

from .helpers import SIZE, screen_text, wait_for

VENUES = '[[venues]]\nid = "a"\nname = "Hall A"\n\n[[venues]]\nid = "b"\nname = "Hall B"\n'


def sessions(*rows: tuple[str, str, str, str]) -> str:
    """Sessions of 45 minutes on 7 Dec."""
    return VENUES + "".join(
        f'\n[[sessions]]\nid = "{id}"\ntitle = "{title}"\nkind = "talk"\n'
        f'date = 2025-12-07\nstart = {start}:00\nend = {start[:3]}45:00\nvenue = "{venue}"\n'
        for id, title, start, venue in rows
    )


BEFORE = sessions(
    ("early", "Early talk", "10:00", "a"),
    ("moved", "Moved talk", "14:00", "a"),
    ("gone", "Gone talk", "16:00", "a"),
    ("film", "Film", "18:00", "b"),
)
AFTER = sessions(
    ("early", "Early talk", "11:00", "a"),  # moved, but over at 14:10
    ("moved", "Moved talk", "15:00", "b"),
    ("film", "Film", "18:00", "b"),
    ("added", "Added talk", "20:00", "a"),
)


@pytest.fixture
def edited(write_festival, tmp_path: Path):
    """The programme loaded, edited and loaded again, recorded in a store at each load."""
    path = write_festival(BEFORE, id="fest")
    versions = ProgrammeVersions(tmp_path / "state" / "favourites.sqlite3")
    versions.record(load_programme([path]).festivals)
    write_festival(AFTER, id="fest")
    programme = load_programme([path])
    versions.record(programme.festivals)
    yield programme, versions
    versions.close()


async def test_changes_are_listed_counted_filtered_and_marked_seen(make_app, edited) -> None:
    programme, versions = edited
    starred = Favourites(["fest/gone", "fest/film"])
    app = make_app(programme, favourites=starred, versions=versions)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        assert any(link.mode == "changes" for link in app.screen.query_one(SectionBar).links)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ChangesScreen)
        text = screen_text(app)
        assert "4 changes: 1 new, 2 changed, 1 cancelled · a marks them seen" in text
        assert "Sun 7 Dec: 4" in text
        assert "Changed: time 14:00–14:45 → 15:00–15:45; venue Hall A → Hall B" in text
        assert "New in the programme" in text
        assert "Gone talk — Sun 7 Dec 16:00–16:45 · Hall A · fest" in text
        listing = app.screen.query_one(SessionList)
        assert [s.id for s in listing.sessions] == ["early", "moved", "added"]
        await pilot.press("u")  # still to come at 14:10: the early talk is over
        await pilot.pause()
        assert [s.id for s in listing.sessions] == ["moved", "added"]
        assert "3 changes (still to come)" in screen_text(app)
        await pilot.press("o")  # and starred: only the cancelled favourite
        await pilot.pause()
        assert listing.sessions == ()
        assert "1 change (still to come, starred): 1 cancelled" in screen_text(app)
        await pilot.press("a")  # seen: it goes, the others stay
        await wait_for(pilot, lambda: "0 changes" in screen_text(app))
        assert [n.message for n in app._notifications] == ["1 change marked seen."]
        assert not app.screen.query_one("#cancelled", OptionList).display
        await pilot.press("u", "o")
        await pilot.pause()
        assert [s.id for s in listing.sessions] == ["early", "moved", "added"]
    assert {c.session_id for c in versions.changes()} == {"early", "moved", "added"}


async def test_a_cancelled_favourite_stays_starred_and_says_so(make_app, edited) -> None:
    programme, versions = edited
    app = make_app(programme, favourites=Favourites(["fest/gone"]), versions=versions)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MineScreen)
        assert "fest/gone" in app.favourites
        gone = app.screen.query_one("#gone", OptionList)
        (option,) = gone.options
        assert str(option.prompt).startswith("Cancelled: Gone talk — 2025-12-07 16:00–16:45 Hall A")


async def test_without_a_store_the_screen_says_changes_are_not_kept(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert "Changes are not kept: the favourites store cannot be saved" in screen_text(app)


async def test_opening_on_an_edited_programme_marks_and_announces_it(
    make_app, write_festival, tmp_path: Path
) -> None:
    """The guide compares in a worker after its first paint, then says what changed."""
    path = write_festival(BEFORE, id="fest")
    versions = ProgrammeVersions(tmp_path / "state" / "favourites.sqlite3")
    versions.record(load_programme([path]).festivals)
    write_festival(AFTER, id="fest")
    app = make_app(load_programme([path]), versions=versions)
    try:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await wait_for(pilot, lambda: app._notifications)
            (notice,) = app._notifications
            assert notice.title == "The programme changed"
            assert notice.message == (
                "Since the guide last loaded it: 1 new, 2 changed, 1 cancelled (c shows them)."
            )
            await pilot.press("c")
            await pilot.pause()
            assert "4 changes: 1 new, 2 changed, 1 cancelled" in screen_text(app)
    finally:
        versions.close()


async def test_hostile_titles_show_literally_on_the_changes_screen(
    make_app, write_festival, tmp_path: Path
) -> None:
    hostile = "Cats [/dogs] [bold]x\\u001b[31m"
    path = write_festival(sessions(("t", "Plain", "14:00", "a")), id="fest")
    versions = ProgrammeVersions(tmp_path / "state" / "favourites.sqlite3")
    versions.record(load_programme([path]).festivals)
    write_festival(sessions(("t", hostile, "14:00", "a")), id="fest")
    programme = load_programme([path])
    versions.record(programme.festivals)
    app = make_app(programme, versions=versions)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("c")
            await pilot.pause()
            text = screen_text(app)
            assert "Changed: title Plain → Cats [/dogs] [bold]x␛[31m" in text
    finally:
        versions.close()


async def test_the_days_list_marks_what_changed_until_it_is_seen(make_app, edited) -> None:
    programme, versions = edited
    app = make_app(programme, versions=versions)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "Changed: time" in screen_text(app))
        text = screen_text(app)
        assert "Changed: time 14:00–14:45 → 15:00–15:45; venue Hall A → Hall B" in text
        assert "New since you last looked" in text
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("a")  # every change marked seen
        await pilot.pause()
        await pilot.press("d")
        await wait_for(pilot, lambda: "Changed: time" not in screen_text(app))
        assert "New since you last looked" not in screen_text(app)
