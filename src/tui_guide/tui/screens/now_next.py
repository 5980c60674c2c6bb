"""What is on now and what starts next, in the festival's time zone, refreshed every minute."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from textual.app import ComposeResult
from textual.widgets import Static

from tui_guide.i18n import _
from tui_guide.programme.format import day_label, until, zone_label
from tui_guide.programme.model import Festival, Session
from tui_guide.programme.now import now_and_next
from tui_guide.tui.screens.base import ListScreen
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.plain import plain
from tui_guide.tui.widgets.session_list import SessionList


class NowNextScreen(ListScreen):
    """On now (by venue), started (end TBA), the next session of each venue within a few
    hours grouped by start time, and the time-TBA sessions of today and the days to come."""

    AUTO_FOCUS = "SessionList"

    SECTION = "now"

    def __init__(self, festival: Festival) -> None:
        super().__init__()
        self.festival = festival

    def compose(self) -> ComposeResult:
        yield from self.top()
        yield Static(id="clock", classes="heading")
        yield SessionList(id="now-next", empty_message=_("Nothing on now and nothing to come."))
        yield guide_footer()

    def on_mount(self) -> None:
        self.title = _("Now & next")
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
        frozen = _(" (clock frozen)") if self.guide.clock.frozen else ""
        shown = self.shown_zone
        clock = moment.astimezone(shown) if shown is not None else moment
        where = (
            _("your time ({zone})").format(zone=zone_label(shown))
            if shown is not None
            else f"{self.festival.city} ({zone_label(zone)})"
            if self.festival.city
            else zone_label(zone)
        )
        night = ""
        if state.today != moment.date():
            night = _(", the night of {date}").format(date=day_label(state.today))
        text = _("{date} {time} in {where}").format(
            date=day_label(clock.date(), year=True), time=f"{clock:%H:%M}", where=where
        )
        self.query_one("#clock", Static).update(plain(f"{text}{night}{frozen}"))
        wanted = self.session_filter_for(None)
        index = self.session_index
        groups: list[tuple[str, list[Session]]] = []
        if state.on_now:
            # In the order of the venues, as a walk through the halls.
            groups.append((_("On now"), [s for s in state.on_now if wanted.keeps(s, index)]))
        if state.started:
            groups.append((_("Started, end not announced"), wanted.apply(state.started, index)))
        for starts, starting in state.next_by_start:
            at = starts.astimezone(shown) if shown is not None else starts
            when = f"{at:%H:%M}"
            if self.festival.day_of(starts) != state.today:
                when = f"{day_label(at.date())} {when}"
            heading = _("Next at {time} ({when})").format(time=when, when=until(moment, starts))
            groups.append((heading, [s for s in starting if wanted.keeps(s, index)]))
        if state.today_time_tba:
            groups.append((_("Today, time TBA"), wanted.apply(state.today_time_tba, index)))
        for day, later in _by_day(state.later_time_tba):
            heading = _("{date}, time TBA").format(date=day_label(day))
            groups.append((heading, wanted.apply(later, index)))
        self.query_one(SessionList).show_groups(
            [(h, s) for h, s in groups if s], self.guide.favourites, zone=shown, moment=moment
        )


def _by_day(sessions: Iterable[Session]) -> list[tuple[date, list[Session]]]:
    """Sessions with a day, in order, grouped by their festival day."""
    days: dict[date, list[Session]] = {}
    for session in sessions:
        if session.day is not None:
            days.setdefault(session.day, []).append(session)
    return list(days.items())
