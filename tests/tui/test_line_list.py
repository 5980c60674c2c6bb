"""The lists drawn a line at a time (`LineList`, and `SessionList` on it): keys, the mouse,
headings, refills that keep the user's place, stars, and only the rows on screen made."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_profiles import examples
from textual import events, on
from textual.app import App, ComposeResult
from textual.css.styles import Styles

import tui_guide.tui.app
from tui_guide.programme import Programme, Session
from tui_guide.tui.widgets.line_list import HIGHLIGHTED, ROW
from tui_guide.tui.widgets.plain import plain
from tui_guide.tui.widgets.rows import text_lines
from tui_guide.tui.widgets.session_list import FAVOURITE_MARK, MARK_X, SessionList

from .test_scale import _programme

Groups = list[tuple[str | None, Sequence[Session]]]


class ListApp(App[None]):
    """One SessionList, filling the screen, with the guide's styles."""

    CSS_PATH = str(Path(tui_guide.tui.app.__file__).with_name("app.tcss"))

    def __init__(self, groups: Groups, favourites: set[str] | None = None) -> None:
        super().__init__()
        self.groups = groups
        self.favourites = favourites or set()
        self.chosen: list[Session] = []
        self.starred: list[Session] = []

    def compose(self) -> ComposeResult:
        yield SessionList(id="list")

    def on_mount(self) -> None:
        self.listing.show_groups(self.groups, self.favourites)
        self.listing.focus()

    @property
    def listing(self) -> SessionList:
        return self.query_one(SessionList)

    @on(SessionList.Chosen)
    def _chosen(self, event: SessionList.Chosen) -> None:
        self.chosen.append(event.session)

    @on(SessionList.StarClicked)
    def _starred(self, event: SessionList.StarClicked) -> None:
        self.starred.append(event.session)


@pytest.fixture(scope="module")
def programme(tmp_path_factory: pytest.TempPathFactory) -> Programme:
    """A generated programme of 300 sessions (the benchmarks' generator)."""
    return _programme(tmp_path_factory.mktemp("lines"), 300)


def _sessions(programme: Programme, count: int) -> list[Session]:
    timed = [s for s in programme.sessions if s.starts_at is not None]
    assert len(timed) >= count
    return timed[:count]


def _groups(programme: Programme) -> Groups:
    sessions = [s for s in programme.sessions if s.starts_at is not None][:30]
    return [("First", sessions[:10]), ("Second", sessions[10:20]), ("Third", sessions[20:30])]


def highlighted_lines(listing: SessionList) -> list[str]:
    """The text of the lines on screen drawn in the highlight's colours."""
    shown = listing.get_visual_style(ROW, HIGHLIGHTED).rich_style.bgcolor
    found = []
    for y in range(listing.scrollable_content_region.height):
        strip = listing.render_line(y)
        if any(seg.style is not None and seg.style.bgcolor == shown for seg in strip):
            found.append(strip.text)
    return found


async def test_keys_move_over_rows_and_never_onto_headings(programme) -> None:
    groups = _groups(programme)
    app = ListApp(groups)
    async with app.run_test(size=(80, 24)) as pilot:
        listing = app.listing
        first = groups[0][1][0]
        assert listing.highlighted_session == first  # not the heading above it
        await pilot.press("down")
        assert listing.highlighted_session == groups[0][1][1]
        await pilot.press(*["down"] * 9)  # past "Second": onto its first row
        assert listing.highlighted_session == groups[1][1][0]
        await pilot.press("end")
        assert listing.highlighted_session == groups[2][1][-1]
        await pilot.press("down")  # at the end, down goes round to the first row
        assert listing.highlighted_session == first
        await pilot.press("up")
        assert listing.highlighted_session == groups[2][1][-1]
        await pilot.press("home")
        assert listing.highlighted_session == first
        await pilot.press("pagedown")
        await pilot.pause()
        paged = listing.highlighted_session
        assert paged is not None and paged != first
        assert listing.scroll_y > 0  # scrolled to keep it in view
        lines = highlighted_lines(listing)
        assert lines and paged.title[:20] in lines[0]
        await pilot.press("pageup")
        await pilot.pause()
        assert listing.highlighted_session == first
        assert listing.scroll_y == 0
        await pilot.press("enter")
        assert app.chosen == [first]
        assert all(key is None for key in listing.keys[:1])  # "First" is an entry, not a row
        assert listing.headings == ["First", "Second", "Third"]


async def test_a_click_opens_a_row_and_a_click_on_its_star_stars_it(programme) -> None:
    groups = _groups(programme)
    app = ListApp(groups)
    async with app.run_test(size=(80, 24)) as pilot:
        listing = app.listing
        second = groups[0][1][1]
        row_y = listing._starts[listing.index_of(second.key) or 0]  # its first line
        await pilot.click(SessionList, offset=(30, row_y))
        await pilot.pause()
        assert app.chosen == [second] and listing.highlighted_session == second
        third = groups[0][1][2]
        row_y = listing._starts[listing.index_of(third.key) or 0]
        await pilot.click(SessionList, offset=(MARK_X, row_y))
        await pilot.pause()
        assert app.starred == [third] and app.chosen == [second]  # starred, not opened
        assert listing.highlighted_session == third
        listing.update_favourites({third.key})
        await pilot.pause()
        (line,) = [line for line in highlighted_lines(listing) if FAVOURITE_MARK in line]
        assert line[MARK_X] == FAVOURITE_MARK
        await pilot.click(SessionList, offset=(30, 0))  # a heading: nothing happens
        await pilot.pause()
        assert app.chosen == [second] and listing.highlighted_session == third


async def test_the_wheel_scrolls_and_the_highlight_stays(programme) -> None:
    app = ListApp([(None, _sessions(programme, 60))])
    async with app.run_test(size=(80, 24)) as pilot:
        listing = app.listing
        before = listing.highlighted_session
        for _ in range(3):
            listing.post_message(
                events.MouseScrollDown(listing, 5, 5, 0, 1, 0, False, False, False)
            )
        await pilot.pause()
        assert listing.scroll_y > 0
        assert listing.highlighted_session == before


async def test_a_refill_keeps_the_highlighted_session_where_it_was(programme) -> None:
    sessions = _sessions(programme, 60)
    app = ListApp([(None, sessions[10:])])
    async with app.run_test(size=(80, 24)) as pilot:
        listing = app.listing
        await pilot.press(*["pagedown"] * 3, "down")
        await pilot.pause()
        kept = listing.highlighted_session
        assert kept is not None and listing.scroll_y > 0
        on_screen = listing._starts[listing.highlighted or 0] - listing.scroll_y
        listing.show_groups([("Earlier", sessions[:10]), ("Later", sessions[10:])])
        await pilot.pause()
        assert listing.highlighted_session == kept
        assert listing._starts[listing.highlighted or 0] - listing.scroll_y == on_screen
        # Gone from the list: the first row, scrolled to the top.
        listing.show_groups([(None, [s for s in sessions if s != kept])])
        await pilot.pause()
        assert listing.highlighted_session == sessions[0]
        assert listing.scroll_y == 0


async def test_only_the_rows_on_screen_are_made(programme) -> None:
    sessions = _sessions(programme, 200)
    app = ListApp([(None, sessions)])
    async with app.run_test(size=(80, 24)) as pilot:
        listing = app.listing
        await pilot.pause()
        assert len(listing.sessions) == len(sessions) > 100
        assert 0 < len(listing._rows) <= 24  # two lines a row or more: at most a screenful
        await pilot.press("end")
        await pilot.pause()
        assert listing.highlighted_session == listing.sessions[-1]
        assert len(listing._rows) <= 48
        assert listing.sessions[-1].title[:20] in highlighted_lines(listing)[0]


async def test_an_empty_list_says_so_and_has_no_highlight(programme) -> None:
    app = ListApp([("Nothing here", [])])
    async with app.run_test(size=(60, 20)) as pilot:
        listing = app.listing
        await pilot.press("down", "end", "pagedown", "enter")
        assert listing.highlighted_session is None and app.chosen == []
        assert listing.headings == ["Nothing here", "No sessions match."]


def _check_highlight(groups: Groups, keys: list[str], size: tuple[int, int]) -> None:
    async def run() -> None:
        app = ListApp(groups)
        async with app.run_test(size=size) as pilot:
            listing = app.listing
            await pilot.press(*keys)
            await pilot.pause()
            session = listing.highlighted_session
            if not any(sessions for _, sessions in groups):
                assert session is None and highlighted_lines(listing) == []
                return
            assert session is not None
            lines = highlighted_lines(listing)
            assert lines, "the highlighted row is on the screen"
            height = listing.entry_height(listing.highlighted or 0, listing._row_width())
            assert len(lines) == min(height, listing.scrollable_content_region.height)
            assert lines[0].lstrip().startswith(listing.row_for(session).time[:5])
            assert session.title.split()[0][:10] in "".join(lines)

    asyncio.run(run())


@settings(max_examples=examples(40))
@given(
    st.lists(
        st.tuples(st.booleans(), st.integers(min_value=0, max_value=8)), min_size=1, max_size=8
    ),
    st.lists(st.sampled_from(["down", "up", "pagedown", "pageup", "home", "end"]), max_size=12),
    st.sampled_from([(60, 20), (80, 24)]),
    st.integers(min_value=0, max_value=200),
)
def test_the_row_under_the_highlight_is_the_highlighted_session(
    programme, shape, keys, size, offset
) -> None:
    """Any mix of headings and rows, any keys: the lines drawn highlighted are the row of
    the session `highlighted_session` returns, whole (as much as the screen holds)."""
    timed = [s for s in programme.sessions if s.starts_at is not None]
    groups: Groups = []
    start = offset % len(timed)
    for n, (headed, count) in enumerate(shape):
        chunk = (timed[start:] + timed)[:count]
        start = (start + count) % len(timed)
        groups.append((f"Heading {n}" if headed else None, chunk))
    _check_highlight(groups, keys, size)


@settings(max_examples=examples(300))
@given(
    st.text(
        st.one_of(
            st.sampled_from(" \t\n\x1b-·;,"),
            st.characters(codec="utf-8", exclude_categories=("Cs",)),
        ),
        max_size=160,
    ),
    st.integers(min_value=1, max_value=120),
    st.sampled_from(["bold", "dim", ""]),
)
def test_a_text_counts_its_lines_as_textual_draws_them(text: str, width: int, style: str) -> None:
    """The heights a long list works out without making its rows are the heights Textual
    gives the texts it draws (wide letters, control characters, long words folded)."""
    assert text_lines(text, style, width) == plain(text, style=style).get_height(Styles(), width)
