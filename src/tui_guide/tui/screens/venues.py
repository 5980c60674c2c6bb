"""The festival's venues with their session counts, and "Venue TBA"."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from tui_guide.i18n import _, ngettext
from tui_guide.programme.model import Festival, Venue
from tui_guide.programme.text import matches
from tui_guide.tui.messages import OpenVenue
from tui_guide.tui.screens.base import ListScreen
from tui_guide.tui.widgets.filter_bar import FilterBar
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.line_list import LineList
from tui_guide.tui.widgets.rows import Titled, TitledList

TBA_ID = ":tba"  # not a slug, so no venue id can take it


def venue_data(key: str, name: str, detail: str, sessions: int) -> Titled:
    """A venue's row as the list takes it (made when drawn)."""
    return (key, name, detail, ngettext("{n} session", "{n} sessions", sessions))


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
        yield TitledList(id="venues")
        yield guide_footer()

    def on_mount(self) -> None:
        self.title = _("Venues")
        self.sub_title = self.festival.name

    def refresh_lists(self) -> None:
        wanted = self.session_filter_for(self.festival)
        index = self.session_index
        text = self.filter_text()
        listing = self.query_one("#venues", TitledList)
        rows: list[Titled] = []
        venues: list[Venue | None] = [*self.festival.venues, None]
        for venue in venues:
            sessions = wanted.apply(self.festival.sessions_at(venue), index)
            if venue is None:
                if not sessions:
                    continue
                rows.append(venue_data(TBA_ID, _("Venue TBA"), "", len(sessions)))
                continue
            if wanted.hidden is not None and venue.key in wanted.hidden.venues:
                continue  # hidden (H or ctrl+f shows it again)
            detail = ", ".join(filter(None, (venue.address, venue.city)))
            named = not text or _venue_matches(venue, text)
            if named or sessions:
                rows.append(venue_data(venue.id, venue.name, detail, len(sessions)))
        listing.show_rows(rows)

    @on(LineList.Selected, "#venues")
    def _open(self, event: LineList.Selected) -> None:
        venue = None if event.key == TBA_ID else self.festival.venue(event.key)
        self.post_message(OpenVenue(self.festival, venue))


def _venue_matches(venue: Venue, text: str) -> bool:
    return matches(text, venue.name, venue.city or "", venue.address or "", venue.notes or "")
