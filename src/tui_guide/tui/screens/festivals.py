"""The first screen when the data holds more than one festival."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from tui_guide.i18n import _, ngettext
from tui_guide.programme.format import festival_dates
from tui_guide.programme.model import Festival
from tui_guide.tui.messages import OpenFestival
from tui_guide.tui.screens.base import GuideScreen
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.line_list import LineList
from tui_guide.tui.widgets.rows import Titled, TitledList


def festival_data(festival: Festival) -> Titled:
    """A festival's row as the list takes it (made when drawn)."""
    detail = f"{festival.place or _('Place TBA')} · {festival_dates(festival)}"
    sessions = ngettext("{n} session", "{n} sessions", festival.session_count)
    return (festival.id, festival.name, detail, sessions)


class FestivalsScreen(GuideScreen):
    """Every loaded festival: name, city, dates and number of sessions."""

    AUTO_FOCUS = "#festivals"
    SECTION = "festivals"

    def compose(self) -> ComposeResult:
        yield from self.top()
        yield Static(_("Festivals"), classes="heading")
        yield TitledList(id="festivals")
        yield guide_footer()

    def on_mount(self) -> None:
        self.query_one("#festivals", TitledList).show_rows(
            [festival_data(festival) for festival in self.guide.programme.festivals]
        )
        self.title = _("Festivals")
        self.sub_title = ngettext("{n} loaded", "{n} loaded", len(self.guide.programme.festivals))

    @on(LineList.Selected, "#festivals")
    def _open(self, event: LineList.Selected) -> None:
        festival = self.guide.programme.festival(event.key)
        if festival is not None:
            self.post_message(OpenFestival(festival))
