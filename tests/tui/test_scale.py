"""Big programmes: lists stay virtual (no widget per session) and a star redraws one row."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from benchmark_runs import write_programme
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples
from textual.css.styles import Styles

from tui_guide.library.load import load_programme
from tui_guide.programme import Programme
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.widgets.plain import plain
from tui_guide.tui.widgets.rows import line_count
from tui_guide.tui.widgets.session_list import FAVOURITE_MARK, SessionList

from .helpers import screen_text


def _programme(folder: Path, sessions: int) -> Programme:
    return load_programme([write_programme(folder, sessions, venues=20, days=4)])


def _busiest(programme: Programme) -> datetime:
    festival = programme.festivals[0]
    day = max(festival.days, key=lambda d: len(festival.sessions_on(d)))
    return datetime.combine(day, datetime.min.time()).replace(hour=10)


async def _days_widgets(make_app, programme: Programme) -> tuple[int, int]:
    """Widgets on the days screen, and entries in the open day's list."""
    app = make_app(programme, now=_busiest(programme))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DaysScreen)
        listing = app.screen.query_one("#day-list", SessionList)
        return len(list(app.screen.query("*"))), listing.entry_count


async def test_the_number_of_widgets_does_not_grow_with_the_sessions(make_app, tmp_path) -> None:
    small_widgets, small_rows = await _days_widgets(make_app, _programme(tmp_path / "s", 80))
    big_widgets, big_rows = await _days_widgets(make_app, _programme(tmp_path / "b", 1600))
    assert big_rows > 10 * small_rows
    assert big_widgets == small_widgets


async def test_a_star_redraws_only_its_own_row(make_app, tmp_path) -> None:
    programme = _programme(tmp_path, 400)
    app = make_app(programme, now=_busiest(programme))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        listing = app.screen.focused
        assert isinstance(listing, SessionList)
        before = [listing.row_for(session) for session in listing.sessions]
        starred = listing.highlighted_session
        assert starred is not None
        await pilot.press("f")
        await pilot.pause()
        assert starred.key in app.favourites
        after = [listing.row_for(session) for session in listing.sessions]
        changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a is not b]
        assert [listing.sessions[i] for i in changed] == [starred]
        line = next(line for line in screen_text(app).splitlines() if FAVOURITE_MARK in line)
        assert starred.title[:20] in line


@settings(max_examples=examples(200), deadline=None)
@given(st.text(max_size=80), st.integers(min_value=1, max_value=100))
def test_a_row_part_counts_its_lines_as_textual_would(text: str, width: int) -> None:
    part = plain(text, style="bold")
    assert line_count(part, Styles(), width) == part.get_height(Styles(), width)
