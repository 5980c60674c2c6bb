"""One venue: its address and notes, and its sessions grouped by day."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui_guide.i18n import _
from tui_guide.programme.model import Festival, Venue
from tui_guide.tui.screens.base import ListScreen
from tui_guide.tui.widgets.filter_bar import FilterBar
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.plain import plain
from tui_guide.tui.widgets.session_list import SessionList


class VenueScreen(ListScreen):
    """A venue's details above its sessions; `None` is the "Venue TBA" list."""

    AUTO_FOCUS = "SessionList"

    def __init__(self, festival: Festival, venue: Venue | None) -> None:
        super().__init__()
        self.festival = festival
        self.venue = venue

    def compose(self) -> ComposeResult:
        yield from self.top()
        yield FilterBar()
        with Vertical(classes="card"):
            venue = self.venue
            name = venue.name if venue else _("Venue TBA")
            yield Static(plain(name, style="bold"), classes="title")
            if venue is None:
                yield Static(_("Sessions whose venue has not been announced."), classes="dim")
            else:
                # Nothing said when nothing is given: a congress's rooms have no address.
                if where := ", ".join(filter(None, (venue.address, venue.city))):
                    yield Static(plain(where), classes="dim")
                if venue.notes:
                    yield Static(plain(venue.notes, multiline=True))
                if venue.url:
                    yield Static(plain(venue.url), classes="url")
        yield SessionList(group_by_day=True, with_venue=self.venue is None, id="venue-sessions")
        yield guide_footer()

    def on_mount(self) -> None:
        self.title = self.venue.name if self.venue else _("Venue TBA")
        self.sub_title = self.festival.name

    def refresh_lists(self) -> None:
        sessions = self.session_filter_for(self.festival).apply(
            self.festival.sessions_at(self.venue), self.session_index
        )
        self.query_one(SessionList).show(
            sessions,
            self.guide.favourites,
            zone=self.shown_zone,
            moment=self.now(self.festival),
            notes=self.change_notes(),
        )
