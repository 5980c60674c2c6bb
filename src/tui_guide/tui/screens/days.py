"""The programme day by day: one tab per festival day (its night included), and "Date TBA"."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static, TabbedContent, TabPane

from tui_guide.programme.format import day_label, day_tab_label, night_groups
from tui_guide.programme.model import Festival
from tui_guide.programme.now import first_current, opening_day
from tui_guide.tui.screens.base import ListScreen
from tui_guide.tui.widgets.filter_bar import FilterBar
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.session_list import SessionList

TBA_TAB = "day-tba"


def tab_id(day: date | None) -> str:
    return TBA_TAB if day is None else f"day-{day.isoformat()}"


class DaysScreen(ListScreen):
    """Sessions in time order for each festival day, each night at the end of its day; opens
    on the day on now (at 01:30, the night before's), scrolled to what is on, or on the
    nearest day with sessions."""

    SECTION = "days"

    BINDINGS = [
        Binding("left,h", "day(-1)", "Previous day", id="days.previous", show=False),
        Binding("right,l", "day(1)", "Next day", id="days.next", show=False),
    ]

    def __init__(self, festival: Festival) -> None:
        super().__init__()
        self.festival = festival
        self.tabs: list[date | None] = list(festival.days)
        self._unfilled: set[date | None] = set()
        if any(s.date is None for s in festival.sessions):
            self.tabs.append(None)

    def compose(self) -> ComposeResult:
        yield from self.top()
        yield FilterBar()
        if not self.tabs:
            yield Static("This festival has no sessions yet.", classes="empty")
            yield guide_footer()
            return
        moment = self.now(self.festival)
        opening = opening_day(self.festival, moment)
        undated = self.festival.sessions_on(None)
        # "Date not given" once every undated session is known to be over (a report says so).
        over = bool(undated) and all(s.is_past(moment) for s in undated)
        with TabbedContent(initial=tab_id(opening if opening in self.tabs else self.tabs[0])):
            for day in self.tabs:
                label = (
                    day_label(None, over=over) if day is None else day_tab_label(self.festival, day)
                )
                with TabPane(label, id=tab_id(day)):
                    yield SessionList(id=f"list-{tab_id(day)}", empty_message="No sessions match.")
        yield guide_footer()

    def on_mount(self) -> None:
        self.title = "Days"
        self.sub_title = self.festival.name

    def refresh_lists(self) -> None:
        """Fill the visible day now; the other tabs are filled when they are opened."""
        self._unfilled = set(self.tabs)
        self._fill(self._active_day())

    def refresh_favourites(self) -> None:
        # The days' lists do not depend on favourites, only their stars do.
        for day in self.tabs:
            if day not in self._unfilled:
                listing = self.query_one(f"#list-{tab_id(day)}", SessionList)
                listing.update_favourites(self.guide.favourites)

    def _active_day(self) -> date | None:
        tabs = self.query(TabbedContent)
        if not tabs:
            return None
        active = tabs.first().active
        return next((day for day in self.tabs if tab_id(day) == active), None)

    def _fill(self, day: date | None) -> None:
        if day not in self._unfilled:
            return
        self._unfilled.discard(day)
        sessions = self.session_filter_for(self.festival).apply(
            self.festival.sessions_on(day), self.session_index
        )
        moment = self.now(self.festival)
        listing = self.query_one(f"#list-{tab_id(day)}", SessionList)
        # Opened afresh, a day that is on is scrolled to what is on or next.
        current = None
        if listing.highlighted_session is None and day == self.festival.day_of(moment):
            found = first_current(sessions, moment)
            current = sessions[found] if found is not None else None
        zone = self.shown_zone
        listing.show_groups(
            night_groups(day, sessions, zone),
            self.guide.favourites,
            zone=zone,
            moment=moment,
            highlight=current,
        )
        if current is not None:
            self.call_after_refresh(listing.scroll_to_highlight, top=True)

    def action_day(self, step: int) -> None:
        """Move to the previous or next day tab, staying put at either end."""
        if not self.tabs:
            return
        tabs = self.query_one(TabbedContent)
        ids = [tab_id(day) for day in self.tabs]
        if tabs.active in ids:
            index = max(0, min(len(ids) - 1, ids.index(tabs.active) + step))
            tabs.active = ids[index]

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane = event.pane
        if pane is not None:
            self._fill(self._active_day())
            pane.query_one(SessionList).focus()
