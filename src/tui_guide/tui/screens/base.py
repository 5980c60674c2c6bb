"""What every screen of the guide shares (typed access to the App, the header and the section
bar), and what every list screen shares: the `/` filter, the favourite key, opening a
session. Screens read the App's state through `guide`; what they want changed or opened they
post as a Message (`tui_guide.tui.messages`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, cast
from zoneinfo import ZoneInfo

from textual import on
from textual._context import NoActiveAppError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen

from tui_guide.i18n import N_, _
from tui_guide.programme.format import zone_label
from tui_guide.programme.haystacks import festival_texts
from tui_guide.programme.model import Festival, Session
from tui_guide.programme.query import SessionFilter
from tui_guide.programme.text import printable
from tui_guide.tui.messages import OpenSession, RefreshFavourites, ShowSection, ToggleFavourite
from tui_guide.tui.widgets.filter_bar import FilterBar
from tui_guide.tui.widgets.header import GuideHeader
from tui_guide.tui.widgets.section_bar import SectionBar
from tui_guide.tui.widgets.session_list import SessionList

if TYPE_CHECKING:
    from tui_guide.programme.search import SearchIndex
    from tui_guide.tui.app import GuideApp


FESTIVAL_SECTIONS = ("days", "venues", "now")
"""The sections of the current festival: they sit under Festivals, so Escape goes there."""


class GuideScreen(Screen[None]):
    """A screen of the guide, with typed access to the app. Escape goes back one step: to
    the page under this one, or from a festival's section to Festivals (when there are
    several); a section's key goes to that section's main screen (`GuideApp.action_section`)."""

    SECTION: ClassVar[str | None] = None
    """The mode this screen is the base of (None for screens pushed on top)."""

    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="back", tooltip=N_("Back one step")),
    ]

    def __init__(
        self, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name, id, classes)
        # A mode's new screen starts with a CSS counter of -1, and Textual restyles every
        # screen of the App when it is first shown (the whole stylesheet parsed again from
        # scratch, every node styled again): at 50,000 sessions the better part of the People
        # screen's first opening, and a good part of the first paint, for nothing, since a
        # new screen's widgets are styled as they mount (a test checks the counter).
        with suppress(NoActiveAppError):
            self._css_update_count = self.app._css_update_count

    @property
    def guide(self) -> GuideApp:
        """The App, to read the programme and its state (changes go by Message)."""
        return cast("GuideApp", self.app)  # a guide's screens are only ever on a GuideApp

    def top(self) -> ComposeResult:
        """The header and the section bar, the same on every screen."""
        guide = self.guide
        yield GuideHeader()
        yield SectionBar(
            self.SECTION,
            within=None if self.SECTION else guide.current_mode,
            festivals=len(guide.programme.festivals),
            filters=(guide.session_filter, guide.hide_past),
            hidden=(0, 0, 0) if guide.show_hidden else guide.hidden_counts(),
        )

    def _back_to_festivals(self) -> bool:
        return self.SECTION in FESTIVAL_SECTIONS and len(self.guide.programme.festivals) > 1

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            # Shown (and done) only where there is somewhere to go back to.
            return len(self.app.screen_stack) > 1 or self._back_to_festivals()
        return True

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        elif self._back_to_festivals():
            self.post_message(ShowSection("festivals"))

    def on_mount(self) -> None:
        # Subclasses' own on_mount handlers run before this one (Textual calls each class's).
        self.watch(self.guide, "session_filter", self._show_filters, init=False)
        self.watch(self.guide, "hide_past", self._show_filters, init=False)
        self.watch(self.guide, "hidden", self._show_filters, init=False)
        self.watch(self.guide, "show_hidden", self._show_filters, init=False)
        # The badge counts the starred among what is hidden.
        self.watch(self.guide, "favourites_version", self._show_filters, init=False)
        self._plain_sub_title = self.sub_title
        self.watch(self.guide, "own_zone", self._show_zone)

    def _show_zone(self) -> None:
        """The header says whose clock the times are on: the festival's zone or yours."""
        guide = self.guide
        festival = getattr(self, "festival", None)
        zones = {f.timezone.key for f in guide.programme.festivals}
        if guide.own_zone:
            zone = _("your time, {zone}").format(zone=zone_label(guide.viewer_zone))
        elif isinstance(festival, Festival) or len(zones) == 1:
            zone = _("{zone} time").format(zone=zone_label((festival or guide.festival).timezone))
        else:
            zone = _("each festival's own time")
        base = self._plain_sub_title
        # The zone first: a long festival name is cut at the end of the header.
        self.sub_title = f"{zone} · {base}" if base else zone

    def _show_filters(self) -> None:
        """The section bar's badge follows the App's filters (the bar knows nothing of it)."""
        guide = self.guide
        hidden = (0, 0, 0) if guide.show_hidden else guide.hidden_counts()
        for bar in self.query(SectionBar):
            bar.show_filters(guide.session_filter, guide.hide_past, hidden)


class ListScreen(GuideScreen):
    """A screen of session lists that follow the filters and the favourites."""

    BINDINGS = [
        Binding(
            "slash", "open_filter", N_("Find"), id="list.filter", tooltip=N_("Narrow this list")
        ),
        Binding(
            "f",
            "toggle_favourite",
            N_("Star"),
            id="list.favourite",
            tooltip=N_("Add to or remove from My programme"),
        ),
        Binding(
            "s",
            "toggle_favourite",
            N_("Star"),
            id="list.favourite-alias",
            show=False,
            tooltip=N_("The same as f"),
        ),
    ]

    _stale = False
    hidden_changes = 0
    """Changes seen while out of sight (a screen made ahead is made ready again for them)."""
    HIDES: ClassVar[bool] = True
    """Whether what the visitor hid is left out (My programme keeps every star)."""

    def on_mount(self) -> None:
        # Subclasses' own on_mount handlers run before this one, GuideScreen's after it.
        self.watch(self.guide, "session_filter", self._changed, init=False)
        self.watch(self.guide, "hide_past", self._changed, init=False)
        self.watch(self.guide, "favourites_version", self._favourites_changed, init=False)
        self.watch(self.guide, "own_zone", self._changed, init=False)
        self.watch(self.guide, "hidden", self._changed, init=False)
        self.watch(self.guide, "show_hidden", self._changed, init=False)
        self.watch(self.guide, "changes_version", self._changed, init=False)
        self.refresh_lists()

    def made_ahead(self) -> None:
        """Made before it is shown (`tui/ahead.py`): its lists are filled again when it is,
        the clock's "now" having moved meanwhile."""
        self._stale = True

    def _changed(self) -> None:
        # A screen out of sight only notes the change, and catches up when it shows again.
        if self.is_current:
            self.refresh_lists()
        else:
            self._stale = True
            self.hidden_changes += 1

    def _favourites_changed(self) -> None:
        if self.is_current:
            self.refresh_favourites()
        else:
            self._stale = True
            self.hidden_changes += 1

    def refresh_lists(self) -> None:
        """Fill the lists from the model, through `session_filter_for`."""
        raise NotImplementedError

    def refresh_favourites(self) -> None:
        """Show a change of favourites: by default, fill the lists again."""
        self.refresh_lists()

    def on_screen_resume(self) -> None:
        self.post_message(RefreshFavourites())  # another guide may have changed them meanwhile
        if self._stale and self.is_mounted:
            self._stale = False
            self.refresh_lists()

    def filter_text(self) -> str:
        bars = self.query(FilterBar)
        return bars.first().value if bars else ""

    def session_filter_for(self, festival: Festival | None) -> SessionFilter:
        """The app's filters plus this screen's `/` text, with "now" in the festival's zone."""
        moment = None
        if self.guide.hide_past and festival is not None:
            moment = self.guide.clock.now(festival.timezone)
        return replace(
            self.guide.session_filter,
            hide_past_before=moment,
            search=self.filter_text(),
            festival_texts=() if festival is None else festival_texts(festival.name, festival.city),
            hidden=self.guide.hidden if self.HIDES and not self.guide.show_hidden else None,
        )

    def change_notes(self) -> dict[str, str]:
        """A note for each session changed or new since the visitor last looked (the Changes
        screen, `c`, lists them and marks them seen): 'New since you last looked', 'Changed:
        time 14:00 → 15:00'."""
        versions = self.guide.versions
        version = self.guide.changes_version
        if versions is None or version == 0:
            # Not before the load is recorded (a worker, holding the store's lock a good part
            # of a second at 50,000 sessions); the lists refresh when it is.
            return {}
        cached = self._change_notes
        if cached is not None and cached[0] == version:
            return cached[1]
        notes: dict[str, str] = {}
        try:
            changes = versions.changes()
        except sqlite3.Error:
            changes = []
        for change in changes:
            if change.kind == "new":
                notes[change.key] = _("New since you last looked (c: changes)")
            elif change.kind == "changed":
                what = printable(change.what())
                notes[change.key] = _("Changed: {what} (c: changes)").format(what=what)
        self._change_notes = (version, notes)
        return notes

    _change_notes: tuple[int, dict[str, str]] | None = None

    @property
    def shown_zone(self) -> ZoneInfo | None:
        """The zone the lists show times in (None: each festival's own)."""
        return self.guide.shown_zone

    def now(self, festival: Festival | None = None) -> datetime:
        """The clock's moment, in the festival's zone."""
        return self.guide.clock.now((festival or self.guide.festival).timezone)

    @property
    def session_index(self) -> SearchIndex | None:
        """The index a filter's search answers from; None until it is built: then a scan."""
        return self.guide.search_indexes.sessions

    def filter_across(self, sessions: Iterable[Session]) -> list[Session]:
        """`session_filter_for` over sessions of any festival: one filter per festival."""
        programme = self.guide.programme
        filters = {f.id: self.session_filter_for(f) for f in programme.festivals}
        index = self.session_index
        return [s for s in sessions if filters[s.festival_id].keeps(s, index)]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_filter":
            return bool(self.query(FilterBar))
        if action == "toggle_favourite":
            return bool(self.query(SessionList))
        return super().check_action(action, parameters)

    def action_open_filter(self) -> None:
        self.query_one(FilterBar).open()

    @on(FilterBar.Changed)
    def _filter_changed(self) -> None:
        self.refresh_lists()

    @on(FilterBar.Submitted)
    def _filter_submitted(self) -> None:
        lists = [w for w in self.query(SessionList) if w.display and w.sessions]
        if lists:
            lists[0].focus()

    @on(SessionList.Chosen)
    def _open_session(self, event: SessionList.Chosen) -> None:
        self.post_message(OpenSession(event.session))

    @on(SessionList.StarClicked)
    def _row_star_clicked(self, event: SessionList.StarClicked) -> None:
        self.post_message(ToggleFavourite(event.session))

    def action_toggle_favourite(self) -> None:
        focused = self.focused
        if isinstance(focused, SessionList) and focused.highlighted_session is not None:
            self.post_message(ToggleFavourite(focused.highlighted_session))
