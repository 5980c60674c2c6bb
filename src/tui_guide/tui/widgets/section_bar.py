"""The row of sections under the header: each with its key, the current one marked, and
clickable; and the badge that says when filters are on. A click posts what it asks for
(`ShowSection`, `OpenFilters`); the filters shown are set by the screen (`show_filters`).

One widget that draws one line, cell for cell as the row of a widget per section (and one
for the badge) drew it before: those nine widgets were made, styled and laid out for every
screen, the first paint included."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.strip import Strip
from textual.widget import Widget

from tui_guide.i18n import N_, _, ngettext
from tui_guide.programme.query import SessionFilter
from tui_guide.tui.messages import OpenFilters, ShowSection

# mode, key, label, and the label when the bar is narrower than WIDE
# (in English: shown in the guide's language)
SECTIONS = (
    ("days", "d", N_("Days"), N_("Days")),
    ("timetable", "t", N_("Timetable"), N_("Grid")),
    ("venues", "v", N_("Venues"), N_("Venues")),
    ("people", "p", N_("People"), N_("People")),
    ("now", "n", N_("Now & next"), N_("Now")),
    ("mine", "m", N_("My programme"), N_("Mine")),
    ("changes", "c", N_("Changes"), N_("Changes")),
    ("festivals", "F", N_("Festivals"), N_("Fests")),
)


def section_keys() -> list[Binding]:
    """The section keys for a dialog: a modal screen does not pass keys on to the App, and a
    section's key opens its main screen from anywhere (closing the dialog)."""
    return [
        Binding(key, f"app.section('{mode}')", label, id=f"dialog.go.{mode}", show=False)
        for mode, key, label, _short in SECTIONS
    ]


@dataclass
class SectionLink:
    """One section of the bar: clicking it does what its key does."""

    mode: str
    labels: tuple[str, str, str]
    """Long, short, and on the narrowest bars the key alone (the current section keeps its
    short label, so the bar still says where you are), in the guide's language."""
    current: bool = False
    within: bool = False
    """The section the page under the bar was opened in (its key leads back there)."""
    label: str = ""
    """The label drawn, after the bar has fitted its width."""
    x: int = 0
    """Where it starts on the bar, padding included (after the bar has fitted its width)."""

    @property
    def width(self) -> int:
        """The cells it takes, padding included."""
        return cell_len(self.label) + 2

    def fit(self, level: int) -> int:
        """Take the label of this level of shortening (0 long, 1 short, 2 the key); returns
        the cells it takes, padding included."""
        self.label = self.labels[level]
        return self.width


def _link(
    mode: str, key: str, label: str, short: str, *, current: bool, within: bool
) -> SectionLink:
    label, short = _(label), _(short)
    labels = (f"{key} {label}", f"{key} {short}", f"{key} {short}" if current else key)
    return SectionLink(mode, labels, current=current, within=within, label=labels[0])


Hiding = tuple[int, int, int]
"""What is hidden, for the badge: things, the sessions they hide, the starred among them."""


def badge_labels(
    chosen: SessionFilter, hide_past: bool, hidden: Hiding = (0, 0, 0)
) -> tuple[str, ...]:
    """What the badge says of the filters on and the things hidden (the sessions they hide
    and the starred ones among them: H shows them): the full text, then shorter ones for
    narrow bars; ("",) when nothing is filtered or hidden (no badge)."""
    parts = []
    if chosen.kinds:
        parts.append(ngettext("{n} kind", "{n} kinds", len(chosen.kinds)))
    if chosen.tracks:
        parts.append(ngettext("{n} track", "{n} tracks", len(chosen.tracks)))
    if chosen.countries:
        parts.append(ngettext("{n} country", "{n} countries", len(chosen.countries)))
    if hide_past:
        parts.append(_("past hidden"))
    things, sessions, starred = hidden
    short = (_("Filtered"), _("Filter"))
    if things:
        shows = ngettext("{n} hidden, H shows", "{n} hidden, H shows", things)
        detail = ngettext("{n} session", "{n} sessions", sessions)
        if starred:
            detail += ngettext(", {n} starred", ", {n} starred", starred)
        parts.append(
            ngettext("{n} hidden ({what}), H shows", "{n} hidden ({what}), H shows", things).format(
                what=detail
            )
        )
        hidden_only = ngettext("{n} hidden", "{n} hidden", things)
        short = (
            _("Filtered, {what}").format(what=shows) if len(parts) > 1 else shows,
            hidden_only,
        )
    return (_("Filtered: {what}").format(what=", ".join(parts)), *short) if parts else ("",)


_LEVELS = ((0, 0), (1, 0), (1, 1), (1, 2), (2, 2))
"""The links' and the badge's levels of shortening, tried in turn until the bar fits."""


class SectionBar(Widget, can_focus=False):
    """`current` is the mode of the screen it sits on (None on pushed screens); `within` the
    section a pushed page was opened in (its key leads back to that section's main screen);
    `filters` the filters the badge shows first, and whether past sessions are hidden."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "section-bar--link",
        "section-bar--hover",
        "section-bar--within",
        "section-bar--current",
        "section-bar--badge",
    }
    # The look of the row of one widget per section this bar replaces (their styles were
    # `SectionLink`, `SectionLink:hover`, `.-within`, `.-current` and `FilterBadge`).
    DEFAULT_CSS = """
    SectionBar {
        height: 1;
        background: $panel;
        & > .section-bar--link {
            color: $text-muted;
        }
        & > .section-bar--hover {
            background: $boost;
            color: $text;
        }
        & > .section-bar--within {
            color: $text;
            text-style: bold underline;
        }
        & > .section-bar--current {
            background: $primary;
            color: $text;
            text-style: bold;
        }
        & > .section-bar--badge {
            background: $warning;
            color: $text;
            text-style: bold;
        }
    }
    """

    def __init__(
        self,
        current: str | None = None,
        *,
        within: str | None = None,
        festivals: int = 1,
        filters: tuple[SessionFilter, bool] | None = None,
        hidden: Hiding = (0, 0, 0),
    ) -> None:
        super().__init__()
        self.current = current
        self.within = within
        self.links = [
            _link(mode, key, label, short, current=mode == current, within=mode == within)
            for mode, key, label, short in SECTIONS
            if mode != "festivals" or festivals > 1
        ]
        """The sections shown, in order."""
        self.badges = badge_labels(*(filters or (SessionFilter(), False)), hidden)
        """The badge's text, then shorter ones; ("",) when there is no badge."""
        self.badge = ""
        """The badge's text drawn, after the bar has fitted its width ("" for no badge)."""
        self._fitted_to = -1
        self._pointer: int | None = None  # the mouse's column, while it is over the bar

    @property
    def badge_x(self) -> int:
        """Where the badge starts (the bar's width when there is none)."""
        return self.size.width - (cell_len(self.badge) + 2 if self.badge else 0)

    def show_filters(
        self, chosen: SessionFilter, hide_past: bool, hidden: Hiding = (0, 0, 0)
    ) -> None:
        """Say which filters are on and what is hidden, or show no badge when nothing is."""
        badges = badge_labels(chosen, hide_past, hidden)
        if badges != self.badges:
            self.badges = badges
            self._fitted_to = -1
            self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.refresh()

    def fit(self, width: int) -> None:
        """Long labels when everything fits; else short labels; else a shorter badge too;
        else the keys alone, so the badge never covers a section while there is any way to
        fit."""
        badges = self.badges
        for level, badge_level in _LEVELS:
            self.badge = badges[min(badge_level, len(badges) - 1)]
            used = sum(link.fit(level) for link in self.links)
            if used + (cell_len(self.badge) + 2 if self.badge else 0) <= width:
                break
        x = 0
        for link in self.links:
            link.x = x
            x += link.width
        self._fitted_to = width

    def render_line(self, y: int) -> Strip:
        """The links one after the other, each padded by a cell of its own background, and
        the badge on the right, over any link it would otherwise cover."""
        width = self.size.width
        blank = Style(bgcolor=self.rich_style.bgcolor)
        if y:
            return Strip.blank(width, blank)
        if self._fitted_to != width:
            self.fit(width)
        segments: list[Segment] = []
        hovered = self.hovered
        for link in self.links:
            segments += self._padded(link.label, self._names(link, hovered))
        links = Strip(segments).crop_extend(0, self.badge_x, blank)
        if not self.badge:
            return links
        badge = Strip(self._padded(self.badge, ("section-bar--badge",)))
        return Strip.join([links, badge]).crop_extend(0, width, blank)

    @property
    def hovered(self) -> SectionLink | None:
        """The link under the mouse, where the links are drawn now."""
        return None if self._pointer is None else self.link_at(self._pointer)

    def _names(self, link: SectionLink, hovered: SectionLink | None) -> tuple[str, ...]:
        """The component styles of a link, in the order the old widgets' rules cascaded."""
        if link.current:
            return ("section-bar--link", "section-bar--current")
        names: tuple[str, ...] = ("section-bar--link",)
        if link is hovered:
            names += ("section-bar--hover",)
        if link.within:
            names += ("section-bar--within",)
        return names

    def _padded(self, label: str, names: tuple[str, ...]) -> list[Segment]:
        # As a Static with `padding: 0 1` draws its text: the padding in the background's
        # colour alone, the text with its offset (for selection) in the full style.
        style = self.get_visual_style(*names)
        pad = Style(bgcolor=style.rich_style.bgcolor)
        return [
            Segment(" ", pad),
            Segment(label, style.rich_style_with_offset(0, 0)),
            Segment(" ", pad),
        ]

    def link_at(self, x: int) -> SectionLink | None:
        """The link drawn at `x` (None over the badge or past the last link)."""
        if x >= self.badge_x:
            return None
        return next((link for link in self.links if link.x <= x < link.x + link.width), None)

    # The link under the mouse is found where the links are drawn now: after a refit (a
    # resize, or the badge changing) another may be under a mouse that has not moved.
    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._point(event.x)

    def on_leave(self, event: events.Leave) -> None:
        self._point(None)

    def _point(self, x: int | None) -> None:
        if x != self._pointer:
            self._pointer = x
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        event.stop()
        if self.badge and event.x >= self.badge_x:
            self.post_message(OpenFilters())
        elif (link := self.link_at(event.x)) is not None:
            self.post_message(ShowSection(link.mode))
