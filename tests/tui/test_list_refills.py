"""A list is filled again only when what it shows changed: People has no stars, so a star
given elsewhere leaves it as it is; My programme counts what fits in its gaps only after its
rows are on the screen."""

from __future__ import annotations

from tui_guide.tui.screens.people import PeopleScreen
from tui_guide.tui.widgets.line_list import LineList

from .helpers import SIZE, open_baku_days


async def test_a_star_given_elsewhere_does_not_fill_people_again(make_app, monkeypatch) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_baku_days(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        people = app.screen
        shown = list(people.query_one("#people", LineList).keys)
        fills: list[int] = []
        monkeypatch.setattr(people, "refresh_lists", lambda: fills.append(1))
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("down", "f")  # a star on the days' list
        await pilot.pause()
        assert len(app.favourites) == 1
        await pilot.press("p")
        await pilot.pause()
        assert app.screen is people
        assert fills == []
        assert list(people.query_one("#people", LineList).keys) == shown


async def test_what_fits_in_the_gaps_is_counted_once_the_rows_are_drawn(
    make_app, write_festival, monkeypatch
) -> None:
    """The counting worker's thread shares the interpreter with the screen being built: it
    starts once My programme's rows have been drawn, not before."""
    from tui_guide.favourites import Favourites
    from tui_guide.library.load import load_programme
    from tui_guide.tui.screens import mine
    from tui_guide.tui.widgets.session_list import SessionList

    from .test_mine_gaps import day

    drawn_first: list[bool] = []
    counting = mine.gaps_with_fits
    drawn: list[int] = []
    render_line = SessionList.render_line

    def spy(listing: SessionList, y: int):  # type: ignore[no-untyped-def]
        if isinstance(listing.screen, mine.MineScreen):
            drawn.append(y)
        return render_line(listing, y)

    def noting(*args):  # type: ignore[no-untyped-def]
        drawn_first.append(bool(drawn))
        return counting(*args)

    monkeypatch.setattr(SessionList, "render_line", spy)
    monkeypatch.setattr(mine, "gaps_with_fits", noting)
    programme = load_programme([day(write_festival)])
    starred = Favourites([f"gapfest/{k}" for k in ("morning", "lunch", "away")])
    app = make_app(programme, favourites=starred)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, mine.MineScreen)
        assert drawn_first == [True]
