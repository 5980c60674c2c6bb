"""The row of sections under the header: each with its key, the current one marked, and
clickable; and the badge that says when filters are on. A click posts what it asks for
(`ShowSection`, `OpenFilters`); the filters shown are set by the screen (`show_filters`)."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Static

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


class SectionLink(Static):
    """One section: clicking it does what its key does."""

    def __init__(
        self, mode: str, key: str, label: str, short: str, *, current: bool, within: bool = False
    ) -> None:
        classes = "-current" if current else "-within" if within else ""
        label, short = _(label), _(short)
        super().__init__(f"{key} {label}", classes=classes)
        self.mode = mode
        # Long, short, and on the narrowest bars the key alone (the current section keeps
        # its short label, so the bar still says where you are).
        self.labels = (f"{key} {label}", f"{key} {short}", f"{key} {short}" if current else key)

    def fit(self, level: int) -> int:
        """Show the label of this level of shortening (0 long, 1 short, 2 the key); returns
        the cells it takes, padding included."""
        self.update(self.labels[level])
        return len(self.labels[level]) + 2

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(ShowSection(self.mode))


Hiding = tuple[int, int, int]
"""What is hidden, for the badge: things, the sessions they hide, the starred among them."""


class FilterBadge(Static):
    """Says when the filters hide anything; clicking it opens them."""

    class Changed(Message):
        """The badge's text changed, so the bar may need to shorten its labels."""

    labels: tuple[str, ...] = ("",)  # the full text, then shorter ones for narrow bars

    def __init__(self, chosen: SessionFilter, hide_past: bool, hidden: Hiding = (0, 0, 0)) -> None:
        super().__init__()
        self._filters = (chosen, hide_past, hidden)

    def on_mount(self) -> None:
        self.show(*self._filters)

    def show(self, chosen: SessionFilter, hide_past: bool, hidden: Hiding = (0, 0, 0)) -> None:
        """Say which filters are on and how many things are hidden, the sessions they hide
        and the starred ones among them (H shows them), or hide when none is."""
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
                ngettext(
                    "{n} hidden ({what}), H shows", "{n} hidden ({what}), H shows", things
                ).format(what=detail)
            )
            hidden_only = ngettext("{n} hidden", "{n} hidden", things)
            short = (
                _("Filtered, {what}").format(what=shows) if len(parts) > 1 else shows,
                hidden_only,
            )
        self.labels = (
            (_("Filtered: {what}").format(what=", ".join(parts)), *short) if parts else ("",)
        )
        self.update(self.labels[0])
        self.display = bool(parts)
        self.post_message(self.Changed())

    def fit(self, level: int) -> int:
        """Show the text of this level of shortening (0 is the full text); returns the cells
        it takes, padding included (0 when hidden)."""
        if not self.display:
            return 0
        label = self.labels[min(level, len(self.labels) - 1)]
        self.update(label)
        return len(label) + 2

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(OpenFilters())


class SectionBar(Horizontal):
    """`current` is the mode of the screen it sits on (None on pushed screens); `within` the
    section a pushed page was opened in (its key leads back to that section's main screen);
    `filters` the filters the badge shows first, and whether past sessions are hidden."""

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
        self.festivals = festivals
        self.filters = filters or (SessionFilter(), False)
        self.hidden = hidden  # things the visitor hid, while they are not shown

    def compose(self) -> ComposeResult:
        for mode, key, label, short in SECTIONS:
            if mode == "festivals" and self.festivals < 2:
                continue
            yield SectionLink(
                mode, key, label, short, current=mode == self.current, within=mode == self.within
            )
        yield FilterBadge(*self.filters, self.hidden)

    def show_filters(
        self, chosen: SessionFilter, hide_past: bool, hidden: Hiding = (0, 0, 0)
    ) -> None:
        self.query_one(FilterBadge).show(chosen, hide_past, hidden)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def on_filter_badge_changed(self, event: FilterBadge.Changed) -> None:
        event.stop()
        self._fit(self.size.width)

    def _fit(self, width: int) -> None:
        """Long labels when everything fits; else short labels; else a shorter badge too;
        else the keys alone, so the badge never covers a section while there is any way to
        fit."""
        links = list(self.query(SectionLink))
        badge = self.query_one(FilterBadge)
        for level, badge_level in ((0, 0), (1, 0), (1, 1), (1, 2), (2, 2)):
            used = sum(link.fit(level) for link in links) + badge.fit(badge_level)
            if used <= width:
                return
