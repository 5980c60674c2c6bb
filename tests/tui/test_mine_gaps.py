"""My programme shows the free time between favourites as a line between them, and `g` on a
favourite opens the sessions that fit in the gap after it (or before it), best fit first."""

from __future__ import annotations

from pathlib import Path

from tui_guide.favourites import Favourites
from tui_guide.library.load import load_programme
from tui_guide.tui.screens.gap import GapScreen
from tui_guide.tui.screens.mine import MineScreen
from tui_guide.tui.widgets.session_list import SessionList

from .helpers import SIZE, screen_text


def day(write_festival) -> Path:
    venues = '[[venues]]\nid = "a"\nname = "Hall A"\n\n[[venues]]\nid = "b"\nname = "Hall B"\n'
    rows = [
        ("morning", "Morning keynote", "09:00", "11:00", "a"),
        ("lunch", "Lunch talk", "14:00", "15:00", "a"),
        ("away", "Afternoon screening", "16:00", "17:00", "b"),
        ("panel", "Long panel", "11:00", "13:45", "a"),
        ("films", "Short film block", "11:30", "13:30", "b"),
        ("quick", "Quick talk", "15:15", "16:00", "b"),
        ("late", "Runs over", "12:00", "14:30", "b"),
    ]
    sessions = "".join(
        f'\n[[sessions]]\nid = "{id}"\ntitle = "{title}"\nkind = "talk"\n'
        f'date = 2025-12-07\nstart = {start}:00\nend = {end}:00\nvenue = "{venue}"\n'
        for id, title, start, end, venue in rows
    )
    return write_festival(venues + sessions, id="gapfest")


async def test_gaps_are_listed_and_g_opens_what_fits_best_first(make_app, write_festival) -> None:
    programme = load_programme([day(write_festival)])
    starred = Favourites([f"gapfest/{k}" for k in ("morning", "lunch", "away")])
    app = make_app(programme, favourites=starred)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MineScreen)
        await app.workers.wait_for_complete()  # what fits is counted by a worker
        await pilot.pause()
        text = screen_text(app)
        assert "3 starred sessions; 2 gaps to fill (g)" in text
        lines = [line.strip() for line in text.splitlines()]
        keynote = next(i for i, line in enumerate(lines) if "Morning keynote" in line)
        assert lines[keynote + 2] == "⋯ free 11:00–14:00, 3 h · 2 sessions fit (g)"
        assert "⋯ free 15:00–16:00, 45 min and 15 min to walk to Hall B · 1 session fits (g)" in (
            lines
        )
        await pilot.press("g")  # on the keynote: the gap after it
        await pilot.pause()
        assert isinstance(app.screen, GapScreen)
        fits = app.screen.query_one(SessionList)
        assert [s.id for s in fits.sessions] == ["panel", "films"]
        text = screen_text(app)
        assert "Sun 7 Dec 2025 · free 11:00–14:00, 3 h" in text
        assert "15 min to spare" in text and "30 min to spare" in text
        assert "Runs over" not in text
        await pilot.press("f")  # star the best fit from here
        await pilot.pause()
        assert "gapfest/panel" in app.favourites
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MineScreen)
        # The panel ends 15 min before lunch: that gap is filled, the walk's one is left.
        assert "4 starred sessions; 1 gap to fill (g)" in screen_text(app)
        listing = app.screen.query_one(SessionList)
        listing.highlighted = listing.index_of("gapfest/away")
        await pilot.press("g")  # the last favourite of the day: the gap before it
        await pilot.pause()
        assert isinstance(app.screen, GapScreen)
        assert [s.id for s in app.screen.query_one(SessionList).sessions] == ["quick"]
        assert "fills the gap" in screen_text(app)


async def test_g_with_no_gap_next_to_the_favourite_says_so(make_app, write_festival) -> None:
    programme = load_programme([day(write_festival)])
    app = make_app(programme, favourites=Favourites(["gapfest/morning"]))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, MineScreen)
        assert [n.message for n in app._notifications] == [
            "No free time between favourites next to this one."
        ]


async def test_the_rows_come_before_what_fits_is_counted(
    make_app, write_festival, monkeypatch
) -> None:
    """What fits in each gap is counted by a worker: until it is done the gap's heading
    says only where it is, and `g` counts the one gap it opens."""
    import threading

    from tui_guide.tui.screens import mine

    release = threading.Event()
    counting = mine.gaps_with_fits

    def slow(*args):  # type: ignore[no-untyped-def]
        release.wait(10)
        return counting(*args)

    monkeypatch.setattr(mine, "gaps_with_fits", slow)
    programme = load_programme([day(write_festival)])
    starred = Favourites([f"gapfest/{k}" for k in ("morning", "lunch", "away")])
    app = make_app(programme, favourites=starred)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause(0.2)
        assert isinstance(app.screen, MineScreen)
        lines = [line.strip() for line in screen_text(app).splitlines()]
        assert "⋯ free 11:00–14:00, 3 h · (g)" in lines  # not counted yet
        assert "Morning keynote" in "\n".join(lines)
        await pilot.press("g")
        await pilot.pause(0.2)
        assert isinstance(app.screen, GapScreen)
        assert [s.id for s in app.screen.query_one(SessionList).sessions] == ["panel", "films"]
        await pilot.press("escape")
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        lines = [line.strip() for line in screen_text(app).splitlines()]
        assert "⋯ free 11:00–14:00, 3 h · 2 sessions fit (g)" in lines
