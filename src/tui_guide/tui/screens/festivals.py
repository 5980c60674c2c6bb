"""The first screen when the data holds more than one festival."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui_guide.programme.format import count, day_label
from tui_guide.programme.model import Festival
from tui_guide.tui.messages import OpenFestival
from tui_guide.tui.screens.base import GuideScreen
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.rows import TitledRow, titled_row


def festival_dates(festival: Festival) -> str:
    """'Fri 5 Dec – Thu 11 Dec 2025', or when those are not given, the span of the dated
    sessions: 'Dates TBA; sessions Sat 6 Dec – Tue 9 Dec 2025'."""
    if festival.starts and festival.ends:
        return f"{day_label(festival.starts)} – {day_label(festival.ends, year=True)}"
    days = festival.days
    if not days:
        return "Dates TBA"
    first, last = days[0], days[-1]
    if first == last:
        return f"Dates TBA; sessions on {day_label(first, year=True)}"
    return f"Dates TBA; sessions {day_label(first)} – {day_label(last, year=True)}"


def festival_row(festival: Festival) -> TitledRow:
    detail = f"{festival.place or 'Place TBA'} · {festival_dates(festival)}"
    return titled_row(festival.name, detail, count(len(festival.sessions), "session"))


class FestivalsScreen(GuideScreen):
    """Every loaded festival: name, city, dates and number of sessions."""

    SECTION = "festivals"

    def compose(self) -> ComposeResult:
        yield from self.top()
        yield Static("Festivals", classes="heading")
        yield OptionList(
            *(Option(festival_row(f), id=f.id) for f in self.guide.programme.festivals),
            id="festivals",
        )
        yield guide_footer()

    def on_mount(self) -> None:
        self.title = "Festivals"
        self.sub_title = f"{len(self.guide.programme.festivals)} loaded"

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        festival = self.guide.programme.festival(event.option.id or "")
        if festival is not None:
            self.post_message(OpenFestival(festival))
