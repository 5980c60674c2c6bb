"""What is on now and what starts next, in the festival's time zone, refreshed every minute."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.widgets import Static

from tui_guide.programme.format import day_label, until, zone_label
from tui_guide.programme.model import Festival
from tui_guide.programme.now import now_and_next
from tui_guide.tui.screens.base import ListScreen
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.plain import plain
from tui_guide.tui.widgets.session_list import SessionList


class NowNextScreen(ListScreen):
    """On now, started (end TBA), next at each venue, and today's time-TBA sessions."""

    AUTO_FOCUS = "SessionList"

    SECTION = "now"

    def __init__(self, festival: Festival) -> None:
        super().__init__()
        self.festival = festival

    def compose(self) -> ComposeResult:
        yield from self.top()
        yield Static(id="clock", classes="heading")
        yield SessionList(id="now-next", empty_message="Nothing on now and nothing to come.")
        yield guide_footer()

    def on_mount(self) -> None:
        self.title = "Now & next"
        self.sub_title = self.festival.name
        if not self.guide.clock.frozen:
            # Tick on the minute, when what is "now" can change.
            second = self.guide.clock.now(self.festival.timezone).second
            self.set_timer(60 - second, self._tick)

    def _tick(self) -> None:
        self.refresh_lists()
        self.set_interval(60, self.refresh_lists)

    _shown_at: datetime | None = None

    def on_screen_resume(self) -> None:
        # The clock moves while the screen is away: catch up when the minute has changed.
        moment = self.guide.clock.now(self.festival.timezone).replace(second=0, microsecond=0)
        if self.is_mounted and (self._stale or moment != self._shown_at):
            self._stale = False
            self.refresh_lists()

    def refresh_lists(self) -> None:
        zone = self.festival.timezone
        moment = self.guide.clock.now(zone)
        self._shown_at = moment.replace(second=0, microsecond=0)
        state = now_and_next(self.festival, moment)
        frozen = " (clock frozen)" if self.guide.clock.frozen else ""
        self.query_one("#clock", Static).update(
            plain(
                f"{day_label(moment.date(), year=True)} {moment:%H:%M} in "
                f"{self.festival.city or zone_label(zone)} ({zone_label(zone)}){frozen}"
            )
        )
        wanted = self.session_filter_for(None)
        index = self.session_index
        groups = []
        if state.on_now:
            groups.append(("On now", wanted.apply(state.on_now, index)))
        if state.started:
            groups.append(("Started, end not announced", wanted.apply(state.started, index)))
        if state.next:
            first = state.next[0].starts_at
            label = f"Next ({until(moment, first)})" if first else "Next"
            groups.append((label, wanted.apply(state.next, index)))
        if state.today_time_tba:
            groups.append(("Today, time TBA", wanted.apply(state.today_time_tba, index)))
        self.query_one(SessionList).show_groups(
            [(h, s) for h, s in groups if s], self.guide.favourites
        )
