"""The festival's venues with their session counts, and "Venue TBA"."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui_guide.i18n import _, ngettext
from tui_guide.programme.model import Festival, Venue
from tui_guide.programme.text import matches
from tui_guide.tui.messages import OpenVenue
from tui_guide.tui.screens.base import ListScreen
from tui_guide.tui.widgets.filter_bar import FilterBar
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.options import refill
from tui_guide.tui.widgets.rows import TitledRow, titled_row

TBA_ID = ":tba"  # not a slug, so no venue id can take it


def venue_row(name: str, detail: str, sessions: int) -> TitledRow:
    return titled_row(name, detail, ngettext("{n} session", "{n} sessions", sessions))


class VenuesScreen(ListScreen):
    """Choose a venue to see its sessions day by day."""

    AUTO_FOCUS = "#venues"

    SECTION = "venues"

    def __init__(self, festival: Festival) -> None:
        super().__init__()
        self.festival = festival

    def compose(self) -> ComposeResult:
        yield from self.top()
        yield FilterBar()
        yield Static(_("Venues"), classes="heading")
        yield OptionList(id="venues")
        yield guide_footer()

    def on_mount(self) -> None:
        self.title = _("Venues")
        self.sub_title = self.festival.name

    def refresh_lists(self) -> None:
        wanted = self.session_filter_for(self.festival)
        index = self.session_index
        text = self.filter_text()
        listing = self.query_one("#venues", OptionList)
        options = []
        venues: list[Venue | None] = [*self.festival.venues, None]
        for venue in venues:
            sessions = wanted.apply(self.festival.sessions_at(venue), index)
            if venue is None:
                if not sessions:
                    continue
                options.append(Option(venue_row(_("Venue TBA"), "", len(sessions)), id=TBA_ID))
                continue
            if wanted.hidden is not None and venue.key in wanted.hidden.venues:
                continue  # hidden (H or ctrl+f shows it again)
            detail = ", ".join(filter(None, (venue.address, venue.city)))
            named = not text or _venue_matches(venue, text)
            if named or sessions:
                options.append(Option(venue_row(venue.name, detail, len(sessions)), id=venue.id))
        refill(listing, options)

    @on(OptionList.OptionSelected, "#venues")
    def _open(self, event: OptionList.OptionSelected) -> None:
        venue = None if event.option.id == TBA_ID else self.festival.venue(event.option.id or "")
        self.post_message(OpenVenue(self.festival, venue))


def _venue_matches(venue: Venue, text: str) -> bool:
    return matches(text, venue.name, venue.city or "", venue.address or "", venue.notes or "")
