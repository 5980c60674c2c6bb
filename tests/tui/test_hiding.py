"""Hiding from the Filters dialog (ctrl+f): a venue, a track or a language chosen from the
festival's own leaves the timetable, every list, now & next and search until it is unticked
again, and stays hidden across a restart (the state store beside the favourites)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, SelectionList

from tui_guide.favourites import Favourites
from tui_guide.favourites.hidden import HiddenStore
from tui_guide.library.load import load_programme
from tui_guide.programme import Programme
from tui_guide.tui.app import GuideApp
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.filters import FiltersScreen
from tui_guide.tui.screens.now_next import NowNextScreen
from tui_guide.tui.screens.people import PeopleScreen
from tui_guide.tui.screens.timetable import TimetableScreen
from tui_guide.tui.screens.venues import VenuesScreen
from tui_guide.tui.widgets.line_list import LineList
from tui_guide.tui.widgets.section_bar import SectionBar
from tui_guide.tui.widgets.session_list import SessionList
from tui_guide.tui.widgets.timetable import Timetable

from .helpers import day_list, palette_search, prompts, screen_text, wait_for

FEST = "hide-fest"
VENUES = "".join(
    f'[[venues]]\nid = "{id}"\nname = "{name}"\n\n'
    for id, name in (("hall-a", "Hall A"), ("hall-b", "Hall B"))
)


def talk(id: str, title: str, start: str, venue: str, tags: str = "", track: str = "") -> str:
    end = f"{int(start[:2]) + 1:02}{start[2:]}"
    lines = [
        "[[sessions]]",
        f'id = "{id}"',
        f'title = "{title}"',
        'kind = "talk"',
        "date = 2025-12-07",
        f"start = {start}:00",
        f"end = {end}:00",
        f'venue = "{venue}"',
    ]
    if tags:
        lines.append(f"tags = [{tags}]")
    if track:
        lines.append(f'track = "{track}"')
    return "\n".join(lines) + "\n\n"


SESSIONS = (
    talk("a1", "Alpha now", "14:00", "hall-a", '"de"', track="Science")
    + talk("a2", "Alpha later", "15:30", "hall-a", '"en"')
    + talk("b1", "Bravo now", "14:00", "hall-b", '"de, en"')
    + talk("b2", "Bravo later", "15:30", "hall-b", '"de"', track="Science")
)


@pytest.fixture
def hide_programme(write_festival) -> Programme:
    loaded = load_programme([write_festival(VENUES + SESSIONS, id=FEST)], cache=False)
    assert not loaded.problems, loaded.problems
    return loaded


def guide(make_app, programme: Programme, state: Path) -> tuple[GuideApp, HiddenStore]:
    """An app over the state store in `state`, as the command line opens it."""
    path = state / "favourites.sqlite3"
    store = HiddenStore(path)
    return make_app(programme, favourites=Favourites(path=path), hidden_store=store), store


async def open_filters(pilot: Pilot) -> FiltersScreen:
    await pilot.press("ctrl+f")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, FiltersScreen))
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, FiltersScreen)
    return screen


async def tick(pilot: Pilot, screen: FiltersScreen, group: str, value: str) -> None:
    """Tick (or untick) `value` in the dialog's `group` list with the keyboard."""
    widget = screen.query_one(f"#hide-{group}", SelectionList)
    widget.focus()
    values = [widget.get_option_at_index(i).value for i in range(widget.option_count)]
    widget.highlighted = values.index(value)
    await pilot.press("space")
    await pilot.pause()


async def apply(pilot: Pilot) -> None:
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: not isinstance(pilot.app.screen, FiltersScreen))
    await pilot.pause()


async def section(pilot: Pilot, key: str, kind: type) -> None:
    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, kind))
    await pilot.pause()


async def seen_everywhere(pilot: Pilot) -> dict[str, set[str]]:
    """What each place shows: the timetable's venues and sessions, the day's list, the
    venues list, now & next, and the palette's session hits for 'alpha'."""
    app = pilot.app
    found: dict[str, set[str]] = {}
    await section(pilot, "t", TimetableScreen)
    grid = app.screen.query_one(Timetable).grid
    found["columns"] = {c.venue.name for c in grid.columns}
    found["grid"] = {b.session.id for b in grid.blocks}
    await section(pilot, "d", DaysScreen)
    found["day"] = {s.id for s in day_list(app, "2025-12-07").sessions}
    await section(pilot, "v", VenuesScreen)
    venues = app.screen.query_one("#venues", LineList)
    found["venues"] = {key for key in venues.keys if key is not None}
    await section(pilot, "n", NowNextScreen)
    found["now"] = {s.id for s in app.screen.query_one(SessionList).sessions}
    results = await palette_search(pilot, "alpha", hits=0)
    await pilot.pause(0.2)
    found["search"] = {p.split("  ")[0] for p in prompts(results)}
    await pilot.press("escape")
    await pilot.pause()
    return found


async def test_a_venue_hidden_in_the_dialog_leaves_everything_until_shown_again_across_restarts(
    make_app, hide_programme, tmp_path
):
    app, store = guide(make_app, hide_programme, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        before = await seen_everywhere(pilot)
        assert "Hall A" in before["columns"] and "a1" in before["now"]
        assert "Alpha now" in before["search"]
        dialog = await open_filters(pilot)
        labels = [str(o.prompt) for o in dialog.query_one("#hide-venue", SelectionList)._options]
        assert labels == ["Hall A · 2 sessions", "Hall B · 2 sessions"]
        await tick(pilot, dialog, "venue", "hall-a")
        await apply(pilot)
        assert "1 hidden (2 sessions), H shows" in app.screen.query_one(SectionBar).badge
        after = await seen_everywhere(pilot)
    store.close()
    assert after["columns"] == {"Hall B"} and after["grid"] == {"b1", "b2"}
    assert after["day"] == {"b1", "b2"} and after["now"] == {"b1", "b2"}
    assert after["venues"] == {"hall-b"}
    assert not {"Alpha now", "Alpha later", "Hall A"} & after["search"]

    # The next guide opens with Hall A still hidden; unticked, it is back, and stays back.
    app, store = guide(make_app, hide_programme, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.hidden.venues == {f"{FEST}/hall-a"}
        assert (await seen_everywhere(pilot))["columns"] == {"Hall B"}
        dialog = await open_filters(pilot)
        assert dialog.query_one("#hide-venue", SelectionList).selected == ["hall-a"]
        await tick(pilot, dialog, "venue", "hall-a")
        await apply(pilot)
        assert app.screen.query_one(SectionBar).badge == ""
    store.close()
    app, store = guide(make_app, hide_programme, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert len(app.hidden) == 0
        assert (await seen_everywhere(pilot)) == before
    store.close()


async def test_a_language_found_in_the_dialog_hides_what_is_given_only_in_it(
    make_app, hide_programme, tmp_path
):
    app, store = guide(make_app, hide_programme, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        dialog = await open_filters(pilot)
        languages = dialog.query_one("#hide-language", SelectionList)
        assert [str(o.prompt) for o in languages._options] == ["de · 3 sessions", "en · 2 sessions"]
        await tick(pilot, dialog, "language", "de")
        await apply(pilot)
        found = await seen_everywhere(pilot)
        assert found["grid"] == {"a2", "b1"}  # b1 is given in German or English
        assert app.hidden.languages == {(FEST, "de")}
    store.close()


async def test_the_find_box_narrows_the_lists_and_keeps_what_is_ticked(
    make_app, hide_programme, tmp_path, monkeypatch
):
    monkeypatch.setattr("tui_guide.tui.widgets.hide_picker.FIND_FROM", 2)
    app, store = guide(make_app, hide_programme, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        dialog = await open_filters(pilot)
        await tick(pilot, dialog, "track", "Science")
        dialog.query_one("#hide-find", Input).focus()
        await pilot.press(*"hall b")
        await pilot.pause()
        venues = dialog.query_one("#hide-venue", SelectionList)
        assert venues.option_count == 1
        assert not dialog.query_one("#hide-track", SelectionList).display
        await tick(pilot, dialog, "venue", "hall-b")
        await apply(pilot)
        assert app.hidden.venues == {f"{FEST}/hall-b"}
        assert app.hidden.tracks == {(FEST, "Science")}  # ticked before the find, kept
    store.close()


async def test_a_starred_session_hidden_is_said_and_counted_on_the_badge(
    make_app, hide_programme, tmp_path
):
    app, store = guide(make_app, hide_programme, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await section(pilot, "t", TimetableScreen)
        app.screen.query_one(Timetable).select(f"{FEST}/a1")
        await pilot.press("f")
        await pilot.pause()
        dialog = await open_filters(pilot)
        await tick(pilot, dialog, "track", "Science")
        await apply(pilot)
        assert any("1 starred session among them" in n.message for n in app._notifications)
        badge = app.screen.query_one(SectionBar).badge
        assert "1 hidden (2 sessions, 1 starred), H shows" in badge
    store.close()


async def test_people_with_every_session_hidden_leave_the_people_list(
    make_app, write_festival, tmp_path
):
    def with_people(session: str, *names: str) -> str:
        listed = ", ".join(f'{{ name = "{n}" }}' for n in names)
        return f"{session.rstrip()}\npeople = [{listed}]\n\n"

    sessions = with_people(
        talk("a1", "Alpha now", "14:00", "hall-a"), "Ada Quill", "Bo Reed"
    ) + with_people(talk("b1", "Bravo now", "14:00", "hall-b"), "Bo Reed", "Cy Moss")
    programme = load_programme([write_festival(VENUES + sessions, id=FEST)], cache=False)
    assert not programme.problems, programme.problems
    app, store = guide(make_app, programme, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        dialog = await open_filters(pilot)
        await tick(pilot, dialog, "venue", "hall-a")
        await apply(pilot)
        await section(pilot, "p", PeopleScreen)
        listing = app.screen.query_one("#people", LineList)
        shown = [key for key in listing.keys if key is not None]
        assert len(shown) == 2 and not any("ada" in key for key in shown)
        text = screen_text(app)
        assert "Ada Quill" not in text and "Cy Moss" in text
        bo = next(line for line in text.splitlines() if "Bo Reed" in line)
        assert "1 session" in bo  # the one at Hall B; the hidden one is not counted
        await pilot.press("H")  # shown again for a while: everyone is back
        await pilot.pause()
        text = screen_text(app)
        assert "Ada Quill" in text
        assert "2 sessions" in next(line for line in text.splitlines() if "Bo Reed" in line)
    store.close()
