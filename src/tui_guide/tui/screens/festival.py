"""About a festival: where and when, who organises it, and where its facts come from."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui_guide.programme.format import count, festival_dates, zone_label
from tui_guide.programme.model import Festival
from tui_guide.tui.screens.base import GuideScreen
from tui_guide.tui.widgets.field import labelled
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.plain import plain


class FestivalScreen(GuideScreen):
    """Everything the data holds about the festival itself, with its sources."""

    AUTO_FOCUS = "#detail"

    def __init__(self, festival: Festival) -> None:
        super().__init__()
        self.festival = festival

    def compose(self) -> ComposeResult:
        festival = self.festival
        yield from self.top()
        with VerticalScroll(id="detail"):
            yield Static(plain(festival.name), id="title")
            yield labelled("Where", plain(festival.place or "Place TBA"))
            yield labelled("When", plain(festival_dates(festival)))
            yield labelled("Time zone", plain(zone_label(festival.timezone)))
            sessions = count(festival.session_count, "session")
            yield labelled(
                "Programme", plain(f"{sessions}, {count(len(festival.venues), 'venue')}")
            )
            for index, organiser in enumerate(festival.organisers):
                yield labelled("Organiser" if index == 0 else "", plain(organiser))
            if festival.url:
                yield labelled("Link", plain(festival.url))
            if festival.description:
                yield Static(plain(festival.description.strip(), multiline=True), id="description")
            if festival.sources:
                yield Static("Sources", classes="heading")
                for source in festival.sources:
                    yield Static(plain(f"• {source}"), classes="source")
            yield Static(plain(f"Loaded from {festival.source_file}"), classes="dim")
        yield guide_footer()

    def on_mount(self) -> None:
        self.title = "About"
        self.sub_title = self.festival.name
