"""The timetable: one festival day as a grid of venues and time (its night below its evening).

Opens on the festival day on now (or the nearest with sessions), scrolled to what is on;
`[` and `]`, or left and right past the first or last venue, go to the day before or after.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from datetime import date

from textual import on, work
from textual._context import NoActiveAppError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from tui_guide.i18n import N_, _, ngettext
from tui_guide.programme.format import day_tab_label
from tui_guide.programme.hiding import What
from tui_guide.programme.model import Festival
from tui_guide.programme.now import opening_day
from tui_guide.programme.query import SessionFilter
from tui_guide.programme.timetable import Grid, build_grid
from tui_guide.tui.messages import OpenSession, ToggleFavourite, ToggleHidden
from tui_guide.tui.screens.base import ListScreen
from tui_guide.tui.screens.hide import HideScreen
from tui_guide.tui.widgets.filter_bar import FilterBar
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.plain import plain
from tui_guide.tui.widgets.timetable import Timetable


class TimetableScreen(ListScreen):
    """A festival day's sessions as blocks, venue by venue; the lists' filters and `/` apply,
    and what is hidden is left out (shown dimmed while H shows it)."""

    SECTION = "timetable"
    AUTO_FOCUS = "#timetable"

    BINDINGS = [
        Binding("left_square_bracket", "day(-1)", N_("Prev day"), id="timetable.previous-day"),
        Binding("right_square_bracket", "day(1)", N_("Next day"), id="timetable.next-day"),
        Binding(
            "h",
            "hide",
            N_("Hide"),
            id="timetable.hide",
            tooltip=N_("Hide this session, its venue or its track (or show it again)"),
        ),
    ]

    def __init__(self, festival: Festival) -> None:
        super().__init__()
        self.festival = festival
        # Which days have sessions, from the days' index: no day decoded to know it.
        self.days = [day for day in festival.days if festival.has_sessions_on(day)]
        self.day: date | None = None
        self._opened = False
        # The grids made, by day and the filter they were made with: going back to a day
        # shown makes nothing again (the last few are kept; a star changes no grid).
        self._grids: dict[tuple[date, SessionFilter], Grid] = {}
        # Textual restyles every screen of the App when a mode's new screen is first shown
        # (its `_css_update_count` starts at -1): a third of a second behind a big day's list,
        # for nothing, since a new screen's widgets are styled as they mount with the CSS as it
        # is now. Textual is pinned exactly (pyproject), and a test checks the counter.
        with suppress(NoActiveAppError):
            self._css_update_count = self.app._css_update_count

    def compose(self) -> ComposeResult:
        yield from self.top()
        yield FilterBar()
        yield Static(id="timetable-day", classes="heading")
        yield Timetable(id="timetable")
        yield guide_footer()

    def on_mount(self) -> None:
        self.title = _("Timetable")
        self.sub_title = self.festival.name
        opening = opening_day(self.festival, self.now(self.festival))
        self.day = opening if opening in self.days else (self.days[0] if self.days else None)
        self.watch(self.guide, "hidden", self._changed, init=False)
        self.watch(self.guide, "show_hidden", self._changed, init=False)

    @property
    def timetable(self) -> Timetable:
        return self.query_one("#timetable", Timetable)

    def refresh_lists(self) -> None:
        guide = self.guide
        heading = self.query_one("#timetable-day", Static)
        if self.day is None:
            heading.update(_("This festival has no dated sessions: nothing to lay out in time."))
            return
        day = self.day
        wanted = self.session_filter_for(self.festival)
        grid = self._grid(day, wanted)
        hidden = guide.hidden
        shown_hidden: list[str] = []
        if guide.show_hidden and len(hidden):
            placed = (b.session for column in grid.by_column for b in column)
            everything = [*placed, *grid.unplaced]
            shown_hidden = [s.key for s in everything if hidden.hides(s)]
        moment = self.now(self.festival)
        widget = self.timetable
        widget.show(
            grid,
            guide.favourites,
            moment=moment,
            zone=self.shown_zone,
            festival_zone=self.festival.timezone,
            colours=dict(self.festival.track_colours),
            hidden=shown_hidden,
        )
        venues = len({c.venue.key for c in grid.columns})
        parts = [day_tab_label(self.festival, day), ngettext("{n} venue", "{n} venues", venues)]
        parts.append(ngettext("{n} session", "{n} sessions", grid.size + len(grid.unplaced)))
        things = guide.hidden_counts()[0]
        if things:
            if guide.show_hidden:
                parts.append(
                    ngettext(
                        "{n} thing hidden (shown dimmed, H hides it)",
                        "{n} things hidden (shown dimmed, H hides them)",
                        things,
                    )
                )
            else:
                parts.append(
                    ngettext(
                        "{n} thing hidden (H shows it)", "{n} things hidden (H shows them)", things
                    )
                )
        if len(self.days) > 1:
            parts.append(_("[ and ] other days"))
        heading.update(plain("  ·  ".join(parts)))
        if not self._opened:
            self._opened = True
            if day == self.festival.day_of(moment):
                self.call_after_refresh(widget.scroll_to_now)
        # The days either side, made while this one is looked at: `[` and `]` find them ready.
        self.call_after_refresh(self._make_neighbours, day, wanted)

    def _grid(self, day: date, wanted: SessionFilter) -> Grid:
        """The grid of `day` with what `wanted` keeps (made once, then kept)."""
        found = self._grids.get((day, wanted))
        if found is None:
            found = self._made(day, wanted)
            self._keep(day, wanted, found)
        return found

    def _made(self, day: date, wanted: SessionFilter) -> Grid:
        sessions = self.festival.sessions_on(day)
        if not _keeps_everything(wanted):  # the grid orders each venue's blocks itself
            index = self.session_index
            sessions = tuple(s for s in sessions if wanted.keeps(s, index))
        return build_grid(day, sessions, self.festival.venues)

    def _keep(self, day: date, wanted: SessionFilter, grid: Grid) -> None:
        if len(self._grids) >= KEPT_GRIDS:
            del self._grids[next(iter(self._grids))]
        self._grids[(day, wanted)] = grid

    @work(thread=True, exclusive=True, exit_on_error=False, group="timetable-days")
    def _make_neighbours(self, day: date, wanted: SessionFilter) -> None:
        """Make the grids of the days before and after `day` (a worker: a day of 3,050
        sessions takes a good part of a frame); the model is never changed, so a thread may
        read it."""
        from textual.worker import get_current_worker

        worker = get_current_worker()
        if day not in self.days:
            return
        place = self.days.index(day)
        for other in self.days[max(0, place - 1) : place + 2]:
            if worker.is_cancelled:
                return
            if other == day or (other, wanted) in self._grids:
                continue
            grid = self._made(other, wanted)
            with suppress(RuntimeError):  # the guide closed meanwhile
                self.app.call_from_thread(self._keep, other, wanted, grid)

    def refresh_favourites(self) -> None:
        self.timetable.update_favourites(self.guide.favourites)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("toggle_favourite", "hide"):
            return self.is_mounted and self.timetable.selected is not None
        if action == "day":
            return len(self.days) > 1
        return super().check_action(action, parameters)

    def action_toggle_favourite(self) -> None:
        session = self.timetable.selected
        if session is not None:
            self.post_message(ToggleFavourite(session))

    def action_day(self, step: int) -> None:
        if self.day is None or self.day not in self.days:
            return
        index = self.days.index(self.day) + step
        if 0 <= index < len(self.days):
            self.day = self.days[index]
            self.refresh_lists()
            widget = self.timetable
            widget.scroll_to(x=0, y=0, animate=False, immediate=True)
            # At once, not after a refresh: the new day is drawn once, where it will stay.
            if self.day == self.festival.day_of(self.now(self.festival)):
                widget.scroll_to_now()
            else:
                widget.scroll_to_cursor()

    def action_hide(self) -> None:
        session = self.timetable.selected
        if session is None:
            return

        def chosen(what: What | None) -> None:
            if what is not None:
                self.post_message(ToggleHidden(what, session))

        self.app.push_screen(HideScreen(session, self.guide.hidden), chosen)

    @on(Timetable.Chosen)
    def _open(self, event: Timetable.Chosen) -> None:
        self.post_message(OpenSession(event.session))

    @on(Timetable.Edge)
    def _edge(self, event: Timetable.Edge) -> None:
        self.action_day(event.step)


KEPT_GRIDS = 8


def _keeps_everything(wanted: SessionFilter) -> bool:
    """Whether `wanted` keeps every session (the texts a search would look at aside)."""
    hidden = wanted.hidden if wanted.hidden is not None and len(wanted.hidden) else None
    return replace(wanted, festival_texts=(), hidden=hidden) == SessionFilter()
