"""The first screen when the data holds more than one festival."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui_guide.i18n import _, ngettext
from tui_guide.programme.format import festival_dates
from tui_guide.programme.model import Festival
from tui_guide.tui.messages import OpenFestival
from tui_guide.tui.screens.base import GuideScreen
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.rows import TitledRow, titled_row


def festival_row(festival: Festival) -> TitledRow:
    detail = f"{festival.place or _('Place TBA')} · {festival_dates(festival)}"
    return titled_row(
        festival.name, detail, ngettext("{n} session", "{n} sessions", festival.session_count)
    )


class FestivalsScreen(GuideScreen):
    """Every loaded festival: name, city, dates and number of sessions."""

    SECTION = "festivals"

    def compose(self) -> ComposeResult:
        yield from self.top()
        yield Static(_("Festivals"), classes="heading")
        yield OptionList(
            *(Option(festival_row(f), id=f.id) for f in self.guide.programme.festivals),
            id="festivals",
        )
        yield guide_footer()

    def on_mount(self) -> None:
        self.title = _("Festivals")
        self.sub_title = ngettext("{n} loaded", "{n} loaded", len(self.guide.programme.festivals))

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        festival = self.guide.programme.festival(event.option.id or "")
        if festival is not None:
            self.post_message(OpenFestival(festival))
