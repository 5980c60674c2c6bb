"""The header and the section bar, each one widget that draws its line (`GuideHeader`,
`SectionBar`): what they show follows the screen and the App, they fit their width, and the
mouse does what it did on the widgets they replace. How they look is in the snapshots."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.command import CommandPalette
from textual.widget import Widget
from textual.widgets import Header

from tui_guide.programme.model import Kind
from tui_guide.programme.query import SessionFilter
from tui_guide.tui.screens.days import DaysScreen
from tui_guide.tui.screens.festivals import FestivalsScreen
from tui_guide.tui.widgets.header import GuideHeader
from tui_guide.tui.widgets.section_bar import SECTIONS, SectionBar

from .helpers import SIZE, screen_text, wait_for


def top_line(app) -> str:
    return screen_text(app).splitlines()[0]


async def test_the_header_follows_the_screen_s_title_and_sub_title(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        header = app.screen.query_one(GuideHeader)
        assert top_line(app).strip() == "⭘" + " " * 33 + header.title.plain
        assert header.title.plain.startswith("Festivals — ")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DaysScreen))
        await pilot.pause()
        assert "Days — " in top_line(app)
        app.screen.title = "Another title"  # a change after the screen is up shows too
        await pilot.pause()
        assert "Another title — " in top_line(app)
        app.screen.sub_title = ""
        await pilot.pause()
        assert top_line(app).split() == ["⭘", "Another", "title"]


async def test_a_narrow_header_cuts_its_title_with_an_ellipsis(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        line = top_line(app)
        assert len(line) == 40
        # 8 cells of icon, 22 of title, 10 kept blank on the right (as Textual's header).
        assert line[8:30] == "Festivals — each fest…" and line[30:].strip() == ""


async def test_the_header_s_icon_opens_the_palette_and_says_so(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        header = app.screen.query_one(GuideHeader)
        plain = header.render_line(0)
        await pilot.hover(GuideHeader, offset=(2, 0))
        await pilot.pause()
        assert header.tooltip and "Search" in str(header.tooltip)
        hovered = header.render_line(0)
        assert list(hovered)[1].style != list(plain)[1].style  # the icon lights up
        assert list(hovered)[-1].style == list(plain)[-1].style
        await pilot.hover(GuideHeader, offset=(30, 0))
        await pilot.pause()
        assert header.tooltip is None
        await pilot.click(GuideHeader, offset=(30, 0))  # the title: nothing
        await pilot.pause()
        assert isinstance(app.screen, FestivalsScreen)
        await pilot.click(GuideHeader, offset=(2, 0))
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))


async def test_a_hovered_section_lights_up_and_a_click_past_the_links_does_nothing(
    make_app,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(SectionBar)
        venues = next(link for link in bar.links if link.mode == "venues")
        before = bar.render_line(0)
        await pilot.hover(SectionBar, offset=(venues.x + 2, 0))
        await pilot.pause()
        after = bar.render_line(0)
        changed = [
            (a.text, a.style.bgcolor != b.style.bgcolor)
            for a, b in zip(before, after, strict=True)
            if a.style != b.style
        ]
        assert changed == [(" ", True), (venues.label, True), (" ", True)]
        end = max(link.x + link.width for link in bar.links)
        await pilot.click(SectionBar, offset=(end + 3, 0))
        await pilot.pause()
        assert isinstance(app.screen, FestivalsScreen)
        await pilot.click(SectionBar, offset=(venues.x, 0))
        await pilot.pause()
        assert app.screen.query_one(SectionBar).current == "venues"


filters = st.builds(
    SessionFilter,
    kinds=st.frozensets(st.sampled_from(list(Kind)), max_size=3),
    tracks=st.frozensets(st.sampled_from(["Film", "Talks", "Music"]), max_size=2),
    countries=st.frozensets(st.sampled_from(["AZ", "KZ", "TR"]), max_size=2),
)


@given(
    width=st.integers(0, 160),
    chosen=filters,
    hide_past=st.booleans(),
    hidden=st.tuples(st.integers(0, 30), st.integers(0, 3000), st.integers(0, 50)),
    current=st.sampled_from([None, *(mode for mode, *_ in SECTIONS)]),
    festivals=st.integers(1, 3),
)
def test_the_bar_fits_its_width_whenever_any_level_can(
    width, chosen, hide_past, hidden, current, festivals
) -> None:
    bar = SectionBar(current, festivals=festivals, filters=(chosen, hide_past), hidden=hidden)
    bar.fit(width)
    links = sum(link.width for link in bar.links)
    badge = cell_len(bar.badge) + 2 if bar.badge else 0
    assert [link.x for link in bar.links] == [
        sum(link.width for link in bar.links[:i]) for i in range(len(bar.links))
    ]
    # The narrowest: the keys alone (the current section's short label), the shortest badge.
    narrowest = sum(cell_len(link.labels[2]) + 2 for link in bar.links) + (
        cell_len(bar.badges[-1]) + 2 if bar.badges[-1] else 0
    )
    if narrowest <= width:
        assert links + badge <= width
    else:
        assert [link.label for link in bar.links] == [link.labels[2] for link in bar.links]
    if links + badge <= width and all(link.label == link.labels[0] for link in bar.links):
        assert bar.badge == bar.badges[0]  # nothing shortened that did not need it
    shown = current is not None and (current != "festivals" or festivals > 1)
    assert shown == any(link.current for link in bar.links)


class HeaderBoth(App[None]):
    """Textual's Header above the guide's, on one screen with a title given."""

    def __init__(self, title: str, sub_title: str) -> None:
        super().__init__()
        self.given = (title, sub_title)

    def compose(self) -> ComposeResult:
        yield Header()
        yield GuideHeader()

    def on_mount(self) -> None:
        self.screen.title, self.screen.sub_title = self.given


def cells_of(app: App, widget: Widget) -> list[tuple[str, object, object]]:
    strips = app.screen._compositor.render_strips()
    return [
        (char, segment.style.color, segment.style.bgcolor)
        for segment in strips[widget.region.y]
        for char in segment.text
        if segment.style is not None
    ]


@pytest.mark.parametrize(
    "title, sub_title",
    [
        ("Days", "Baku Cinema Breeze"),
        ("日本語の映画祭テスト", "東京国際映画祭"),  # two cells a letter
        ("Days", "🎬🎬 Fest 🎉"),
        ("映画" * 20, "long"),  # cut with an ellipsis
        ("[bold]x[/]", "[red]y"),  # shown as it is, not as markup
    ],
)
@pytest.mark.parametrize("width", [19, 40, 80])
async def test_the_header_draws_as_textual_s(title: str, sub_title: str, width: int) -> None:
    app = HeaderBoth(title, sub_title)
    async with app.run_test(size=(width, 4)) as pilot:
        await pilot.pause()
        assert cells_of(app, app.query_one(GuideHeader)) == cells_of(app, app.query_one(Header))


async def test_the_hovered_link_follows_a_refit_under_a_still_mouse() -> None:
    class Bar(App[None]):
        def compose(self) -> ComposeResult:
            yield SectionBar("days")

    app = Bar()
    async with app.run_test(size=(100, 4)) as pilot:
        bar = app.query_one(SectionBar)
        await pilot.pause()
        now = next(link for link in bar.links if link.mode == "now")
        x = now.x + now.width - 1  # its last cell, while the labels are long
        await pilot.hover(SectionBar, offset=(x, 0))
        await pilot.pause()
        kinds = frozenset({Kind.TALK, Kind.SCREENING, Kind.WORKSHOP})
        bar.show_filters(SessionFilter(kinds=kinds), True, (3, 10, 1))  # the labels shorten
        await pilot.pause()
        under = bar.link_at(x)
        assert under is not None and under.mode != "now"
        lit = [
            link.mode for link in bar.links if "section-bar--hover" in bar._names(link, bar.hovered)
        ]
        assert lit == [under.mode]
