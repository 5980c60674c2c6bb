"""The free time between two favourites, and the sessions that fit in it, best fit first (`g`
in My programme); and how My programme's day lists show each gap, as a heading between the
favourites around it."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from tui_guide.favourites.gaps import Fit, Gap, gap_label, length
from tui_guide.i18n import N_, _, ngettext
from tui_guide.programme.format import day_label, venue_label
from tui_guide.programme.model import Session
from tui_guide.tui.screens.base import ListScreen
from tui_guide.tui.widgets.filter_bar import FilterBar
from tui_guide.tui.widgets.footer import guide_footer
from tui_guide.tui.widgets.plain import plain
from tui_guide.tui.widgets.session_list import SessionList

Groups = list[tuple[str | None, Sequence[Session]]]


def gap_heading(gap: Gap, fitting: int | None, zone: ZoneInfo | None = None) -> str:
    """'free 11:00–14:00, 3 h · 4 sessions fit (g)'; `fitting` None: not counted yet."""
    if fitting is None:
        return f"  ⋯ {gap_label(gap, zone)} · (g)"
    fit = ngettext("{n} session fits (g)", "{n} sessions fit (g)", fitting) if fitting else ""
    return f"  ⋯ {gap_label(gap, zone)} · " + (fit or _("nothing fits"))


def with_gaps(
    groups: Sequence[tuple[str | None, Sequence[Session]]],
    found: Sequence[tuple[Gap, Sequence[Fit] | None]],
    zone: ZoneInfo | None = None,
) -> Groups:
    """`groups` with a heading for each gap just before the favourite that ends it (its
    fits counted, unless None: not yet)."""
    before = {gap.before.key: (gap, fits) for gap, fits in found}
    result: Groups = []
    for heading, sessions in groups:
        chunk: list[Session] = []
        for session in sessions:
            if session.key in before:
                gap, fits = before[session.key]
                result.append((heading, chunk))
                heading, chunk = gap_heading(gap, None if fits is None else len(fits), zone), []
            chunk.append(session)
        result.append((heading, chunk))
    return result


class GapScreen(ListScreen):
    """A gap between two favourites and the sessions that fit in it, best fit first, each
    with the time it leaves over; `f` stars one."""

    AUTO_FOCUS = "SessionList"

    BINDINGS = [Binding("escape", "app.pop_screen", N_("Back"), id="gap.back")]

    def __init__(self, gap: Gap, fits: Sequence[Fit]) -> None:
        super().__init__()
        self.gap = gap
        self.fits = tuple(fits)

    def compose(self) -> ComposeResult:
        gap = self.gap
        yield from self.top()
        yield FilterBar()
        with Vertical(classes="card"):
            heading = f"{day_label(gap.day, year=True)} · {gap_label(gap, self.shown_zone)}"
            yield Static(plain(heading, style="bold"), classes="title")
            yield Static(
                plain(
                    _("After {title} ({venue}), before {next} ({next_venue})").format(
                        title=gap.after.title,
                        venue=venue_label(gap.after),
                        next=gap.before.title,
                        next_venue=venue_label(gap.before),
                    )
                ),
                classes="dim",
            )
        yield SessionList(
            empty_message=_("Nothing fits in this gap (sessions with no end are left out)."),
            id="gap-fits",
        )
        yield guide_footer()

    def on_mount(self) -> None:
        self.title = _("Free time")
        self.sub_title = ""

    def refresh_lists(self) -> None:
        kept = set(s.key for s in self.filter_across(f.session for f in self.fits))
        shown = [f for f in self.fits if f.session.key in kept]
        # Best fit first, under a heading per time left over (a note would read as a warning).
        groups: list[tuple[str | None, list[Session]]] = []
        for fit in shown:
            spare = (
                _("{time} to spare").format(time=length(fit.spare))
                if fit.spare
                else _("fills the gap")
            )
            if not groups or groups[-1][0] != spare:
                groups.append((spare, []))
            groups[-1][1].append(fit.session)
        self.query_one(SessionList).show_groups(
            groups,
            self.guide.favourites,
            zone=self.shown_zone,
            moment=self.now(),
        )
