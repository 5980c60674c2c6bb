"""The programme day by day: a strip of festival days (each night in its day), "Date TBA"
last, over one list that shows the chosen day."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from tui_guide.i18n import N_, _
from tui_guide.programme.format import day_label, day_tab_label, night_groups
from tui_guide.programme.model import Festival, Session
from tui_guide.programme.now import first_current, opening_day
from tui_guide.tui.screens.base import ListScreen
from tui_guide.tui.widgets.day_strip import DayStrip, DayTab
from tui_guide.tui.widgets.filter_bar import FilterBar
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.session_list import SessionList

TBA_TAB = "day-tba"
DAY_LIST = "day-list"


def tab_id(day: date | None) -> str:
    return TBA_TAB if day is None else f"day-{day.isoformat()}"


class DaysScreen(ListScreen):
    """Sessions in time order for each festival day, each night at the end of its day; opens
    on the day on now (at 01:30, the night before's), scrolled to what is on, or on the
    nearest day with sessions.

    A few widgets whatever the festival's length: the strip of days (`DayStrip`) and one
    `SessionList`, filled with the day chosen; each day keeps the session it had
    highlighted."""

    SECTION = "days"
    AUTO_FOCUS = f"#{DAY_LIST}"  # the list, focused in the first frame (not the strip, then it)

    BINDINGS = [
        Binding("left,h", "day(-1)", N_("Previous day"), id="days.previous", show=False),
        Binding("right,l", "day(1)", N_("Next day"), id="days.next", show=False),
    ]

    def __init__(self, festival: Festival) -> None:
        super().__init__()
        self.festival = festival
        self.tabs: list[date | None] = list(festival.days)
        if festival.has_sessions_on(None):
            self.tabs.append(None)
        self._shown: date | None = None  # the day the list shows, once `_filled`
        self._filled = False
        self._kept: dict[date | None, Session | None] = {}  # each day's highlight, once seen

    def compose(self) -> ComposeResult:
        yield from self.top()
        yield FilterBar()
        if not self.tabs:
            yield Static(_("This festival has no sessions yet."), classes="empty")
            yield guide_footer()
            return
        moment = self.now(self.festival)
        opening = opening_day(self.festival, moment)
        first = opening if opening in self.tabs else self.tabs[0]
        # "Date not given" once every undated session is known to be over (a report says so),
        # known without making those sessions (a cache's head says it).
        over = self.festival.reported_over(None, moment)

        def label(day: date | None) -> str:
            return day_label(None, over=over) if day is None else day_tab_label(self.festival, day)

        yield DayStrip(
            [DayTab(tab_id(day), label(day)) for day in self.tabs], active=tab_id(first), id="days"
        )
        yield SessionList(id=DAY_LIST, empty_message=_("No sessions match."))
        yield guide_footer()

    def on_mount(self) -> None:
        self.title = _("Days")
        self.sub_title = self.festival.name

    def refresh_lists(self) -> None:
        """Fill the list with the chosen day again (the filters or the zone changed)."""
        self._fill(self._active_day(), again=True)

    def refresh_favourites(self) -> None:
        # The days' lists do not depend on favourites, only their stars do.
        lists = self.query(f"#{DAY_LIST}")
        if lists:
            lists.first(SessionList).update_favourites(self.guide.favourites)

    def _active_day(self) -> date | None:
        strips = self.query(DayStrip)
        if not strips:
            return None
        active = strips.first().active
        return next((day for day in self.tabs if tab_id(day) == active), None)

    def _fill(self, day: date | None, *, again: bool = False) -> None:
        lists = self.query(f"#{DAY_LIST}")
        if not lists or (self._filled and day == self._shown and not again):
            return
        listing = lists.first(SessionList)
        if self._filled:
            self._kept[self._shown] = listing.highlighted_session
        seen = day in self._kept
        self._shown, self._filled = day, True
        sessions = self.session_filter_for(self.festival).apply(
            self.festival.sessions_on(day), self.session_index, in_order=True
        )
        moment = self.now(self.festival)
        # Opened afresh, a day that is on is scrolled to what is on or next; one seen before
        # keeps its highlight.
        current = self._kept.get(day)
        on_now = current is None and not seen and day == self.festival.day_of(moment)
        if on_now:
            found = first_current(sessions, moment)
            current = sessions[found] if found is not None else None
        zone = self.shown_zone
        listing.show_groups(
            night_groups(day, sessions, zone),
            self.guide.favourites,
            self.change_notes(),
            zone=zone,
            moment=moment,
            highlight=current,
        )
        if on_now and current is not None:
            self.call_after_refresh(listing.scroll_to_highlight, top=True)
        elif not again:
            listing.scroll_to_highlight()

    def action_day(self, step: int) -> None:
        """Move to the previous or next day, staying put at either end."""
        if not self.tabs:
            return
        strip = self.query_one(DayStrip)
        ids = [tab_id(day) for day in self.tabs]
        if strip.active in ids:
            index = max(0, min(len(ids) - 1, ids.index(strip.active) + step))
            strip.active = ids[index]

    def on_day_strip_activated(self, event: DayStrip.Activated) -> None:
        event.stop()
        self._fill(self._active_day())
        self.query_one(f"#{DAY_LIST}", SessionList).focus()
